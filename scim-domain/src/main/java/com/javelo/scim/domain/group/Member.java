package com.javelo.scim.domain.group;

import com.javelo.scim.domain.id.UserId;

/** A group member as a group lists it: the user's id and a display label. */
public record Member(UserId userId, String display) {}
