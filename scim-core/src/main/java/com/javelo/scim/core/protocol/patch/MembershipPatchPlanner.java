package com.javelo.scim.core.protocol.patch;

import static com.javelo.scim.core.protocol.json.CaseInsensitiveFields.isAbsentOrEmpty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.core.protocol.filter.ComparisonOperator;
import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.filter.FilterVisitor;
import com.javelo.scim.core.protocol.json.CaseInsensitiveFields;
import com.javelo.scim.core.protocol.schema.AttributePath;
import com.javelo.scim.core.protocol.schema.ScimUserGroupCharacteristics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a Group PATCH's operations on {@code members} into a {@link MembershipPlan} (set operations
 * on the store, so no code path loads a large group to change one member) and passes every other
 * operation through, in order. Operations fold left to right:
 * <ul>
 *   <li>{@code add members [...]}: the ids are added;
 *   <li>{@code remove members[value eq "x"]} (filters or-ed together allowed), and Entra's
 *       {@code remove members} with a value array: only those ids are removed;
 *   <li>{@code replace members [...]}: the members become exactly those ids (Okta's Push Now, also
 *       {@code []});
 *   <li>a bare {@code remove members}: every member is removed (RFC 7644 §3.5.2.2; the caller
 *       should log it, docs/clients.md);
 *   <li>a path-less add/replace whose value holds {@code members}: as with path {@code members}.
 * </ul>
 * Member values are {@code {"value":"<id>"}} objects (other sub-attributes ignored) or bare id
 * strings.
 */
public final class MembershipPatchPlanner {

    private static final String MEMBERS = "members";

    private MembershipPatchPlanner() {}

    /**
     * @throws com.javelo.scim.core.protocol.error.ScimException {@code invalidFilter} for a member
     *     filter other than {@code value eq "..."}, {@code invalidValue} for a member without a string id,
     *     {@code invalidPath} for a path into members' sub-attributes
     */
    public static GroupPatchPlan plan(List<PatchOperation> operations) {
        Fold fold = new Fold();
        List<PatchOperation> attributeOperations = new ArrayList<>();
        for (PatchOperation operation : operations) {
            if (operation.hasPath()) {
                if (isMembers(operation.path().attribute().parent())) {
                    fold.apply(operation);
                } else {
                    attributeOperations.add(operation);
                }
                continue;
            }
            JsonNode value = operation.value();
            Optional<String> membersKey = CaseInsensitiveFields.actualName(value, MEMBERS);
            if (operation.op() == PatchOp.REMOVE || membersKey.isEmpty()) {
                attributeOperations.add(operation);
                continue;
            }
            fold.apply(new PatchOperation(
                    operation.op(), PatchPath.of(AttributePath.of(MEMBERS)), value.get(membersKey.get())));
            ObjectNode rest = ((ObjectNode) value).deepCopy();
            rest.remove(membersKey.get());
            if (!rest.isEmpty()) {
                attributeOperations.add(operation.withValue(rest));
            }
        }
        return new GroupPatchPlan(attributeOperations, fold.plan());
    }

    /** @return whether {@code path} names a group's members as a whole ({@code members}, no filter, no sub-attribute) */
    public static boolean namesWholeMembers(PatchPath path) {
        return path != null
                && isMembers(path.attribute().parent())
                && !path.attribute().hasSubAttribute()
                && path.valueFilter() == null
                && path.subAttribute() == null;
    }

    private static boolean isMembers(AttributePath attribute) {
        return attribute.attribute().equalsIgnoreCase(MEMBERS)
                && (attribute.schemaUrn() == null
                        || attribute.schemaUrn().equalsIgnoreCase(ScimUserGroupCharacteristics.GROUP_URN));
    }

    /** The running net change. */
    private static final class Fold {

        private final Set<String> toAdd = new LinkedHashSet<>();
        private final Set<String> toRemove = new LinkedHashSet<>();
        private Set<String> replaceAll;

        void apply(PatchOperation operation) {
            PatchPath path = operation.path();
            if (path.attribute().hasSubAttribute() || path.subAttribute() != null) {
                throw ScimErrors.invalidPath("'" + PathText.of(path) + "' points inside members; add, remove or "
                        + "replace whole members: 'members' or 'members[value eq \"<id>\"]'");
            }
            if (path.valueFilter() != null && operation.op() != PatchOp.REMOVE) {
                throw ScimErrors.invalidPath("'" + operation.op().wireValue() + "' on '" + PathText.of(path)
                        + "' is not supported; use path 'members' with a value array");
            }
            switch (operation.op()) {
                case ADD -> add(ids(operation.value()));
                case REPLACE -> replace(ids(operation.value()));
                case REMOVE -> {
                    if (path.valueFilter() != null) {
                        remove(filteredIds(path.valueFilter()));
                    } else if (isAbsentOrEmpty(operation.value())) {
                        replace(Set.of());
                    } else {
                        remove(ids(operation.value()));
                    }
                }
            }
        }

        private void add(Set<String> ids) {
            if (replaceAll != null) {
                replaceAll.addAll(ids);
            } else {
                toRemove.removeAll(ids);
                toAdd.addAll(ids);
            }
        }

        private void remove(Set<String> ids) {
            if (replaceAll != null) {
                replaceAll.removeAll(ids);
            } else {
                toAdd.removeAll(ids);
                toRemove.addAll(ids);
            }
        }

        private void replace(Set<String> ids) {
            replaceAll = new LinkedHashSet<>(ids);
            toAdd.clear();
            toRemove.clear();
        }

        MembershipPlan plan() {
            return new MembershipPlan(toAdd, toRemove, Optional.ofNullable(replaceAll));
        }
    }

    private static Set<String> ids(JsonNode value) {
        Set<String> ids = new LinkedHashSet<>();
        if (isAbsentOrEmpty(value)) {
            return ids;
        }
        List<JsonNode> members = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(members::add);
        } else {
            members.add(value);
        }
        for (JsonNode member : members) {
            if (member.isNull()) {
                continue;
            }
            JsonNode id = member.isObject() ? CaseInsensitiveFields.get(member, "value") : member;
            if (id == null || !id.isTextual() || id.textValue().isBlank()) {
                throw ScimErrors.invalidValue("each member must be {\"value\":\"<id>\"} with the member's id as a "
                        + "string; got " + member);
            }
            ids.add(id.textValue().strip());
        }
        return ids;
    }

    private static Set<String> filteredIds(Filter filter) {
        Set<String> ids = new LinkedHashSet<>();
        filter.accept(new MemberIdFilter(ids, filter));
        return ids;
    }

    /** Accepts {@code value eq "id"} tests, possibly or-ed together, and collects their ids. */
    private static final class MemberIdFilter implements FilterVisitor<Void> {

        private final Set<String> ids;
        private final Filter whole;

        MemberIdFilter(Set<String> ids, Filter whole) {
            this.ids = ids;
            this.whole = whole;
        }

        @Override
        public Void visitComparison(Filter.Comparison comparison) {
            AttributePath path = comparison.path();
            JsonNode literal = comparison.value();
            if (comparison.operator() != ComparisonOperator.EQ
                    || path.hasSubAttribute()
                    || path.schemaUrn() != null
                    || !path.attribute().equalsIgnoreCase("value")
                    || literal == null
                    || !literal.isTextual()) {
                throw unsupported();
            }
            ids.add(literal.textValue());
            return null;
        }

        @Override
        public Void visitOr(Filter.Or or) {
            or.left().accept(this);
            or.right().accept(this);
            return null;
        }

        @Override
        public Void visitPresent(Filter.Present present) {
            throw unsupported();
        }

        @Override
        public Void visitAnd(Filter.And and) {
            throw unsupported();
        }

        @Override
        public Void visitNot(Filter.Not not) {
            throw unsupported();
        }

        @Override
        public Void visitValuePath(Filter.ValuePath valuePath) {
            throw unsupported();
        }

        private ScimException unsupported() {
            return ScimErrors.invalidFilter("members can only be selected by id, as in members[value eq \"<id>\"] "
                    + "(several joined with 'or'); got members[" + PathText.of(whole) + "]");
        }
    }
}
