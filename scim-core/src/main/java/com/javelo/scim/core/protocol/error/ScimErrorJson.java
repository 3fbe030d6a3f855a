package com.javelo.scim.core.protocol.error;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.schema.ScimMessages;

/** The Error message of RFC 7644 §3.12 as JSON, for errors that travel inside another message (a bulk response). */
public final class ScimErrorJson {

    private ScimErrorJson() {}

    public static ObjectNode of(ScimError error) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("schemas").add(ScimMessages.ERROR);
        body.put("status", Integer.toString(error.status()));
        if (error.scimType() != null) {
            body.put("scimType", error.scimType().wireValue());
        }
        body.put("detail", error.detail());
        return body;
    }
}
