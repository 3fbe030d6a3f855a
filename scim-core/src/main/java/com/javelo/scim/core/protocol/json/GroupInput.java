package com.javelo.scim.core.protocol.json;

import java.util.Set;

/**
 * A Group body as sent.
 *
 * @param memberIds the member user ids, or {@code null} when the body had no {@code members}
 */
public record GroupInput(String displayName, String externalId, Set<String> memberIds) {

    public GroupInput {
        memberIds = memberIds == null ? null : Set.copyOf(memberIds);
    }
}
