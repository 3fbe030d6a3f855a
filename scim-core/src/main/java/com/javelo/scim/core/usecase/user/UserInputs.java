package com.javelo.scim.core.usecase.user;

import com.javelo.scim.core.protocol.json.UserInput;
import com.javelo.scim.domain.user.ManagerReference;
import com.javelo.scim.domain.user.User;

/** The input that would recreate a user as it is. */
final class UserInputs {

    private UserInputs() {}

    static UserInput of(User user) {
        return new UserInput(
                user.profile(),
                user.active(),
                user.manager().map(ManagerReference::value).orElse(null));
    }
}
