package com.javelo.scim.core.protocol.patch;

import static com.javelo.scim.core.protocol.filter.JsonFixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.core.protocol.error.ScimType;
import com.javelo.scim.core.protocol.filter.ComparisonOperator;
import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.schema.AttributePath;
import java.util.function.Consumer;

/** Builds PATCH paths and operations by hand, the way the path parser represents them. */
public final class PatchFixtures {

    public static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private PatchFixtures() {}

    /** {@code attribute} or {@code attribute.sub}. */
    public static PatchPath path(String dotted) {
        return PatchPath.of(attribute(null, dotted));
    }

    /** {@code urn:attribute[.sub]}. */
    public static PatchPath path(String urn, String dotted) {
        return PatchPath.of(attribute(urn, dotted));
    }

    /** {@code attribute[filter]} or {@code attribute[filter].sub}. */
    public static PatchPath filtered(String attribute, Filter filter, String sub) {
        return new PatchPath(AttributePath.of(attribute), filter, sub);
    }

    public static Filter.Comparison eq(String attribute, String literal) {
        return new Filter.Comparison(AttributePath.of(attribute), ComparisonOperator.EQ, json("\"" + literal + "\""));
    }

    public static PatchOperation op(PatchOp op, PatchPath path, String value) {
        return new PatchOperation(op, path, value == null ? null : json(value));
    }

    public static PatchOperation op(PatchOp op, PatchPath path, JsonNode value) {
        return new PatchOperation(op, path, value);
    }

    public static PatchOperation nullValue(PatchOp op, PatchPath path) {
        return new PatchOperation(op, path, NullNode.getInstance());
    }

    public static Consumer<Throwable> scimType(ScimType type) {
        return thrown -> {
            if (!(thrown instanceof ScimException scim) || scim.error().scimType() != type) {
                throw new AssertionError("expected a ScimException " + type + " but got " + thrown, thrown);
            }
        };
    }

    private static AttributePath attribute(String urn, String dotted) {
        int dot = dotted.indexOf('.');
        return dot < 0
                ? new AttributePath(urn, dotted, null)
                : new AttributePath(urn, dotted.substring(0, dot), dotted.substring(dot + 1));
    }
}
