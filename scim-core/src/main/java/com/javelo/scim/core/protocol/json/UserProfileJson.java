package com.javelo.scim.core.protocol.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.javelo.scim.domain.user.UserProfile;

/**
 * The storage form of a {@link UserProfile}: its SCIM JSON, so that stores keep the full resource
 * round-trippable with the very mapping the API uses.
 */
public final class UserProfileJson {

    private UserProfileJson() {}

    public static String write(UserProfile profile) {
        return UserJson.writeStored(profile).toString();
    }

    public static UserProfile read(String json) {
        try {
            return UserJson.readStored(ScimJson.mapper().readTree(json)).profile();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored user profile is not valid JSON", e);
        }
    }
}
