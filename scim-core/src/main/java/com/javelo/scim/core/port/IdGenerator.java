package com.javelo.scim.core.port;

import com.javelo.scim.domain.group.GroupId;
import com.javelo.scim.domain.user.UserId;

/** Issues resource ids; random UUIDs in production, predictable ones in tests. */
public interface IdGenerator {

    UserId newUserId();

    GroupId newGroupId();
}
