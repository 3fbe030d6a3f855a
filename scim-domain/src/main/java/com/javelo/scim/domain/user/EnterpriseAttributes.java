package com.javelo.scim.domain.user;

/** The EnterpriseUser extension's plain attributes (RFC 7643 §4.3); the manager is held apart. */
public record EnterpriseAttributes(
        String employeeNumber, String costCenter, String organization, String division, String department) {

    public static final EnterpriseAttributes EMPTY = new EnterpriseAttributes(null, null, null, null, null);
}
