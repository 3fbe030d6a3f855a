package com.javelo.scim.domain.user;

/** Who first brought a person into Javelo: the identity provider, or Javelo itself before the integration. */
public enum UserOrigin {
    /** Created by the identity provider through SCIM. */
    PROVISIONED,
    /** Existed in Javelo before the integration; the IdP adopts them by finding and updating them. */
    PRE_EXISTING
}
