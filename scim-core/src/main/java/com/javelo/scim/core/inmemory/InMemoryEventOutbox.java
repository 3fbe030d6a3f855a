package com.javelo.scim.core.inmemory;

import com.javelo.scim.core.port.EventOutbox;
import com.javelo.scim.core.port.RecordedEvent;
import com.javelo.scim.core.protocol.event.FeedEvent;
import java.util.ArrayList;
import java.util.List;

/** The recorded events kept in memory; positions start at 1. */
public final class InMemoryEventOutbox implements EventOutbox {

    private final InMemoryState state;

    InMemoryEventOutbox(InMemoryState state) {
        this.state = state;
    }

    @Override
    public List<RecordedEvent> readAfter(long position, int limit) {
        return state.atomically(() -> {
            List<RecordedEvent> recorded = new ArrayList<>();
            for (FeedEvent event : state.events) {
                if (event.position() > position && recorded.size() < limit) {
                    recorded.add(new RecordedEvent(event.position(), event.event()));
                }
            }
            return recorded;
        });
    }
}
