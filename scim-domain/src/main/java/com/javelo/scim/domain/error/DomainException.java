package com.javelo.scim.domain.error;

/**
 * A broken business rule. Each subtype carries the offending value, never a transport status;
 * the core translates them to SCIM errors in one table.
 */
public abstract sealed class DomainException extends RuntimeException
        permits UserNameAlreadyTaken,
                StaleVersion,
                UnknownUser,
                UnknownGroup,
                UnknownMembers,
                InvalidAttributeValue,
                SelfManagement,
                UnknownTenant {

    protected DomainException(String message) {
        super(message, null, false, false);
    }

    /**
     * @return what {@code cases} answers for this exception's own type. Java 17 has no pattern
     *     {@code switch} over a sealed family, so this stands in for one: a new subtype must
     *     implement this, which needs a new method in {@link Cases}, which every translation
     *     (the core's SCIM errors) must then implement before anything compiles.
     */
    public abstract <R> R accept(Cases<R> cases);

    /** One method per permitted subtype: an exhaustive switch over the family, checked by the compiler. */
    public interface Cases<R> {
        R userNameAlreadyTaken(UserNameAlreadyTaken exception);

        R staleVersion(StaleVersion exception);

        R unknownUser(UnknownUser exception);

        R unknownGroup(UnknownGroup exception);

        R unknownMembers(UnknownMembers exception);

        R invalidAttributeValue(InvalidAttributeValue exception);

        R selfManagement(SelfManagement exception);

        R unknownTenant(UnknownTenant exception);
    }
}
