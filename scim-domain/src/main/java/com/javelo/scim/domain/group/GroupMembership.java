package com.javelo.scim.domain.group;

import com.javelo.scim.domain.id.GroupId;

/** A group a user belongs to, as the user's {@code groups} attribute lists it. */
public record GroupMembership(GroupId groupId, String displayName) {}
