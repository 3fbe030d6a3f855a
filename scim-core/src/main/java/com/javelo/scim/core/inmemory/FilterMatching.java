package com.javelo.scim.core.inmemory;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.filter.InMemoryFilterEvaluator;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.core.protocol.schema.ScimUserGroupCharacteristics;

/** Binds the in-memory adapters to the core's filter evaluator. */
final class FilterMatching {

    private static final InMemoryFilterEvaluator EVALUATOR =
            new InMemoryFilterEvaluator(ScimUserGroupCharacteristics.usersAndGroups());

    private FilterMatching() {}

    static boolean matches(Filter filter, JsonNode resource) {
        return EVALUATOR.matches(filter, resource);
    }

    /** @return the evaluator for a company's users: its declared attributes compare by their declared type */
    static InMemoryFilterEvaluator forUsers(CustomSchema custom) {
        return custom.isEmpty() ? EVALUATOR : new InMemoryFilterEvaluator(ScimUserGroupCharacteristics.users(custom));
    }
}
