package com.javelo.scim.core.port;

import com.javelo.scim.domain.event.DomainEvent;

/** A domain event with its position in the outbox (strictly increasing in commit order per store). */
public record RecordedEvent(long position, DomainEvent event) {}
