package com.javelo.scim.core.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.event.AttributeChange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The attributes that differ between two SCIM representations of one resource, as attribute
 * paths with old and new values: complex attributes are compared by sub-attribute
 * ({@code name.givenName}, {@code urn:…:enterprise:2.0:User:department}), multi-valued ones as a
 * whole ({@code emails}). {@code meta} and {@code groups} are not the change's own attributes.
 */
public final class ResourceChanges {

    private static final Set<String> IGNORED = Set.of("meta", "groups", "members", "schemas");

    private ResourceChanges() {}

    public static List<AttributeChange> between(ObjectNode before, ObjectNode after) {
        List<AttributeChange> changes = new ArrayList<>();
        compare("", 0, before, after, changes);
        return changes;
    }

    private static void compare(
            String prefix, int depth, ObjectNode before, ObjectNode after, List<AttributeChange> changes) {
        Set<String> names = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (prefix.isEmpty() && IGNORED.contains(name)) {
                continue;
            }
            JsonNode old = before.path(name);
            JsonNode now = after.path(name);
            if (old.equals(now)) {
                continue;
            }
            // An extension's attributes follow its schema URN after a colon (RFC 7644 §3.10).
            String path = depth == 0 ? name : prefix + (depth == 1 && prefix.startsWith("urn:") ? ":" : ".") + name;
            if (old instanceof ObjectNode oldObject && now instanceof ObjectNode newObject) {
                compare(path, depth + 1, oldObject, newObject, changes);
            } else if (old.isMissingNode() && now instanceof ObjectNode newObject) {
                compare(path, depth + 1, ScimJson.nodes().objectNode(), newObject, changes);
            } else if (now.isMissingNode() && old instanceof ObjectNode oldObject) {
                compare(path, depth + 1, oldObject, ScimJson.nodes().objectNode(), changes);
            } else {
                changes.add(new AttributeChange(path, valueOf(old), valueOf(now)));
            }
        }
    }

    private static JsonNode valueOf(JsonNode node) {
        return node.isMissingNode() ? NullNode.getInstance() : node;
    }
}
