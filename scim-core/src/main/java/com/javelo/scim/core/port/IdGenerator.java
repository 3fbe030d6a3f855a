package com.javelo.scim.core.port;

import com.javelo.scim.domain.id.GroupId;
import com.javelo.scim.domain.id.UserId;
import java.util.UUID;

/** Issues resource ids; random UUIDs in production, predictable ones in tests. */
public interface IdGenerator {

    UserId newUserId();

    GroupId newGroupId();

    /** @return the production generator: random (version 4) UUIDs */
    static IdGenerator randomUuids() {
        return new IdGenerator() {
            @Override
            public UserId newUserId() {
                return new UserId(UUID.randomUUID().toString());
            }

            @Override
            public GroupId newGroupId() {
                return new GroupId(UUID.randomUUID().toString());
            }
        };
    }
}
