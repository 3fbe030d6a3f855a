package com.javelo.scim.core.protocol.json;

import java.util.Map;
import java.util.Set;

/**
 * A Group body as sent.
 *
 * @param memberIds the member user ids, or {@code null} when the body had no {@code members}
 * @param memberDisplays the labels given with some members ({@code display}), by user id
 */
public record GroupInput(
        String displayName, String externalId, Set<String> memberIds, Map<String, String> memberDisplays) {

    public GroupInput {
        memberIds = memberIds == null ? null : Set.copyOf(memberIds);
        memberDisplays = Map.copyOf(memberDisplays);
    }

    public GroupInput(String displayName, String externalId, Set<String> memberIds) {
        this(displayName, externalId, memberIds, Map.of());
    }
}
