package com.javelo.scim.domain.error;

/**
 * A broken business rule. Each subtype carries the offending value, never a transport status;
 * the core translates them to SCIM errors in one table.
 */
public abstract sealed class DomainException extends RuntimeException
        permits UserNameAlreadyTaken, StaleVersion, UnknownUser, UnknownGroup, UnknownMembers,
                InvalidAttributeValue, SelfManagement, UnknownTenant {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
