package com.javelo.scim.domain.error;

/** Another user of the tenant already has this userName (compared case-insensitively). */
public final class UserNameAlreadyTaken extends DomainException {

    @Override
    public <R> R accept(Cases<R> cases) {
        return cases.userNameAlreadyTaken(this);
    }

    private final String userName;

    public UserNameAlreadyTaken(String userName) {
        super("userName '" + userName + "' is already in use by another user of this tenant");
        this.userName = userName;
    }

    public String userName() {
        return userName;
    }
}
