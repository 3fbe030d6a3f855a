package com.javelo.scim.core.port;

import com.javelo.scim.domain.group.GroupId;

/** A group a user belongs to, as the user's {@code groups} attribute lists it. */
public record GroupMembership(GroupId groupId, String displayName) {}
