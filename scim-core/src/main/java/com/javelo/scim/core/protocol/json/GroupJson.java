package com.javelo.scim.core.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.etag.EntityTags;
import com.javelo.scim.core.protocol.patch.quirks.MemberDisplays;
import com.javelo.scim.core.protocol.schema.InputLimits;
import com.javelo.scim.domain.group.Group;
import com.javelo.scim.domain.group.Member;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Maps SCIM Group JSON to the domain and back. Members are read as ids only: {@code display},
 * {@code $ref} and {@code type} are readOnly or informative (Okta sends {@code display}, Entra a
 * null {@code $ref}) and are ignored.
 */
public final class GroupJson {

    public static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private GroupJson() {}

    public static GroupInput read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimErrors.invalidSyntax("the request body must be a JSON object describing a Group");
        }
        InputLimits.checkGroup(body);
        String displayName = JsonFields.text(body, "displayName", "displayName");
        if (displayName == null) {
            throw ScimErrors.invalidValue("attribute 'displayName' is required");
        }
        Set<String> members = null;
        Map<String, String> displays = new LinkedHashMap<>();
        if (JsonFields.has(body, "members")) {
            members = new LinkedHashSet<>();
            for (JsonNode member : JsonFields.array(body, "members", "members")) {
                String id = memberId(member);
                members.add(id);
                MemberDisplays.of(member).ifPresent(display -> displays.put(id, display));
            }
        }
        // Microsoft labels members with `displayName`, which the schema walk does not know.
        InputLimits.checkMembers(members == null ? Set.of() : members, displays);
        return new GroupInput(displayName, JsonFields.text(body, "externalId", "externalId"), members, displays);
    }

    /** @return the user id a member value names: {@code {"value":"id"}} or, tolerated, a bare string */
    public static String memberId(JsonNode member) {
        if (member.isTextual() && !member.textValue().isBlank()) {
            return member.textValue().strip();
        }
        if (member.isObject()) {
            String value = JsonFields.text(member, "value", "members.value");
            if (value != null) {
                return value.strip();
            }
            throw ScimErrors.invalidValue("each member needs a 'value' holding the id of a User");
        }
        throw ScimErrors.invalidSyntax("each value of 'members' must be an object like {\"value\":\"<user id>\"}, got "
                + JsonFields.describe(member));
    }

    /**
     * Renders a group; {@code members} is called only when members are wanted, and feeds them one
     * at a time so a large group is never held twice.
     */
    public static ObjectNode write(Group group, String baseUrl, Consumer<Consumer<Member>> members) {
        return write(group, baseUrl, members, false);
    }

    /**
     * @param streamMembers write the members while the response is serialised, from the store's
     *     cursor, instead of building them into the tree (for large groups)
     */
    public static ObjectNode write(
            Group group, String baseUrl, Consumer<Consumer<Member>> members, boolean streamMembers) {
        ObjectNode node = ScimJson.nodes().objectNode();
        node.putArray("schemas").add(GROUP_URN);
        node.put("id", group.id().value());
        if (group.externalId() != null) {
            node.put("externalId", group.externalId());
        }
        node.put("displayName", group.displayName());
        if (members != null && streamMembers) {
            node.putPOJO("members", new StreamedMembers(members, baseUrl));
        } else if (members != null) {
            ArrayNode array = node.putArray("members");
            members.accept(member -> array.addObject()
                    .put("value", member.userId().value())
                    .put("$ref", baseUrl + "/Users/" + member.userId().value())
                    .put("display", member.display())
                    .put("type", "User"));
        }
        node.putObject("meta")
                .put("resourceType", "Group")
                .put("created", group.meta().created().toString())
                .put("lastModified", group.meta().lastModified().toString())
                .put("location", baseUrl + "/Groups/" + group.id().value())
                .put("version", EntityTags.of(group.meta().version()));
        return node;
    }
}
