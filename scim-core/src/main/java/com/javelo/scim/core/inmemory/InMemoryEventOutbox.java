package com.javelo.scim.core.inmemory;

import com.javelo.scim.core.port.EventOutbox;
import com.javelo.scim.core.port.RecordedEvent;
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
            for (int i = (int) Math.max(0, position); i < state.events.size() && recorded.size() < limit; i++) {
                recorded.add(new RecordedEvent(i + 1, state.events.get(i)));
            }
            return recorded;
        });
    }
}
