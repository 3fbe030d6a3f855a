package com.javelo.scim.core.protocol.json;

import com.javelo.scim.domain.user.UserProfile;

/**
 * A User body as the IdP sent it, read into the domain's terms.
 *
 * @param profile the profile attributes
 * @param active the {@code active} flag, or {@code null} when the body did not give one
 * @param managerValue the manager reference (id, userName or email), or {@code null} for none
 */
public record UserInput(UserProfile profile, Boolean active, String managerValue) {}
