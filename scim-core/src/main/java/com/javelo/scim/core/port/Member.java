package com.javelo.scim.core.port;

import com.javelo.scim.domain.user.UserId;

/** A group member as a group lists it: the user's id and a display label. */
public record Member(UserId userId, String display) {}
