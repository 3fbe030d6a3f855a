package com.javelo.scim.core.protocol.event;

import com.javelo.scim.domain.event.DomainEvent;

/** What an event is about: a {@code User} or a {@code Group}, and its id. */
public final class EventSubjects {

    private EventSubjects() {}

    /** @return {@code User} or {@code Group} (the SCIM resource type) */
    public static String resourceType(DomainEvent event) {
        return isGroupEvent(event) ? "Group" : "User";
    }

    private static boolean isGroupEvent(DomainEvent event) {
        return event instanceof DomainEvent.GroupCreated
                || event instanceof DomainEvent.GroupRenamed
                || event instanceof DomainEvent.GroupUpdated
                || event instanceof DomainEvent.GroupDeleted
                || event instanceof DomainEvent.MembersAdded
                || event instanceof DomainEvent.MembersRemoved;
    }

    /** @return the id of the user or group the event is about */
    public static String resourceId(DomainEvent event) {
        if (event instanceof DomainEvent.UserCreated e) {
            return e.userId().value();
        } else if (event instanceof DomainEvent.UserUpdated e) {
            return e.userId().value();
        } else if (event instanceof DomainEvent.UserDeactivated e) {
            return e.userId().value();
        } else if (event instanceof DomainEvent.UserReactivated e) {
            return e.userId().value();
        } else if (event instanceof DomainEvent.UserDeleted e) {
            return e.userId().value();
        } else if (event instanceof DomainEvent.ManagerLinked e) {
            return e.userId().value();
        } else if (event instanceof DomainEvent.GroupCreated e) {
            return e.groupId().value();
        } else if (event instanceof DomainEvent.GroupRenamed e) {
            return e.groupId().value();
        } else if (event instanceof DomainEvent.GroupUpdated e) {
            return e.groupId().value();
        } else if (event instanceof DomainEvent.GroupDeleted e) {
            return e.groupId().value();
        } else if (event instanceof DomainEvent.MembersAdded e) {
            return e.groupId().value();
        } else if (event instanceof DomainEvent.MembersRemoved e) {
            return e.groupId().value();
        }
        throw new IllegalArgumentException("an event about no user or group: " + event.type());
    }
}
