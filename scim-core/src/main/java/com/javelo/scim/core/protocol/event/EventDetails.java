package com.javelo.scim.core.protocol.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * What a store records with the events of one write, beyond the domain events themselves, so that
 * a consumer needs no call back: the cause, the SCIM operation, the resource's representation
 * after the change (as a GET returns it), the attributes that changed with their old and new
 * values, and for users whether the person existed in Javelo before the integration.
 *
 * @param resource null when the resource is gone (deletion) or unknown
 * @param preExisting null for groups
 * @param adopted whether this change is the IdP taking over a pre-existing person (issue #18): the
 *     first write that gives them an {@code externalId}, which Okta and Entra send when they link
 */
public record EventDetails(
        Cause cause,
        Operation operation,
        ObjectNode resource,
        List<AttributeChange> changes,
        Boolean preExisting,
        boolean adopted) {

    /** The SCIM operation that made the change (RFC 9967 tells a PUT's event from a PATCH's). */
    public enum Operation {
        CREATE,
        REPLACE,
        PATCH,
        DELETE
    }

    private static final EventDetails NONE =
            new EventDetails(Cause.unknown(""), Operation.PATCH, null, List.of(), null);

    public EventDetails {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(operation, "operation");
        changes = List.copyOf(changes);
    }

    /** Details of a change that adopts nobody. */
    public EventDetails(
            Cause cause, Operation operation, ObjectNode resource, List<AttributeChange> changes, Boolean preExisting) {
        this(cause, operation, resource, changes, preExisting, false);
    }

    /** Nothing known beyond the events (stores called directly, e.g. by tests). */
    public static EventDetails none() {
        return NONE;
    }
}
