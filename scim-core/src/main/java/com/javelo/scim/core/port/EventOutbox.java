package com.javelo.scim.core.port;

import java.util.List;

/**
 * The events the service recorded, in commit order, for other Javelo services to read. Writes
 * happen inside the stores' write methods (same transaction); this port is the reading side.
 */
public interface EventOutbox {

    /** @return up to {@code limit} events recorded after {@code position}, oldest first */
    List<RecordedEvent> readAfter(long position, int limit);
}
