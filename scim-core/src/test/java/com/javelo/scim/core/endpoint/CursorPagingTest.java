package com.javelo.scim.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.core.usecase.tenant.CreateTenant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** RFC 9865 cursor paging of /Users and /Groups, over the in-memory adapters. */
class CursorPagingTest extends EndpointFixture {

    private static ListParameters cursor(String filter, String count, String cursor) {
        return new ListParameters(filter, null, count, null, null, null, null, cursor);
    }

    @Test
    void aWalkByCursorReturnsEveryUserOnceAndEndsWithoutANextCursor() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(createUser("user" + i + "@acme.example"));
        }
        List<String> walked = new ArrayList<>();
        List<JsonNode> pages = new ArrayList<>();
        String next = "";
        while (next != null) {
            JsonNode page = api.users().list(context, cursor(null, "3", next)).body();
            pages.add(page);
            page.get("Resources").forEach(user -> walked.add(user.get("id").asText()));
            next = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
        }

        assertThat(walked).containsExactlyElementsOf(created);
        assertThat(pages).hasSize(3).allSatisfy(page -> {
            assertThat(page.has("startIndex")).isFalse();
            assertThat(page.get("totalResults").asLong()).isEqualTo(7);
            assertThat(page.has("previousCursor")).isFalse();
        });
        assertThat(pages).extracting(page -> page.get("itemsPerPage").asInt()).containsExactly(3, 3, 1);
    }

    @Test
    void aFullLastPageHasNoNextCursorAndCountZeroGivesTheTotalOnly() {
        for (int i = 0; i < 4; i++) {
            createUser("user" + i + "@acme.example");
        }
        JsonNode first = api.users().list(context, cursor(null, "2", "")).body();
        JsonNode last = api.users()
                .list(context, cursor(null, "2", first.get("nextCursor").asText()))
                .body();
        JsonNode totals = api.users().list(context, cursor(null, "0", "")).body();

        assertThat(last.get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(last.has("nextCursor")).isFalse();
        assertThat(totals.get("totalResults").asInt()).isEqualTo(4);
        assertThat(totals.get("Resources")).isEmpty();
        assertThat(totals.has("nextCursor")).isFalse();
    }

    @Test
    void aCursorIsBoundToItsTenantAndItsQuery() {
        for (int i = 0; i < 3; i++) {
            createUser("user" + i + "@acme.example");
        }
        String next = api.users()
                .list(context, cursor("userName sw \"user\"", "1", ""))
                .body()
                .get("nextCursor")
                .asText();
        RequestContext globex = new RequestContext(
                new CreateTenant(adapters.tenants(), Clock.systemUTC())
                        .execute("Globex")
                        .id(),
                context.baseUrl());

        assertThat(api.users()
                        .list(context, cursor("userName sw \"user\"", "1", next))
                        .body()
                        .get("Resources"))
                .hasSize(1);
        assertRefused(() -> api.users().list(globex, cursor("userName sw \"user\"", "1", next)), "invalidCursor");
        assertRefused(() -> api.users().list(context, cursor("userName sw \"use\"", "1", next)), "invalidCursor");
        assertRefused(() -> api.groups().list(context, cursor("userName sw \"user\"", "1", next)), "invalidCursor");
        assertRefused(() -> api.users().list(context, cursor(null, "1", "forged")), "invalidCursor");
    }

    @Test
    void cursorPagingRefusesStartIndexAndANegativeCount() {
        assertRefused(
                () -> api.users().list(context, new ListParameters(null, "2", "1", null, null, null, null, "")),
                "invalidValue");
        assertRefused(() -> api.users().list(context, cursor(null, "-1", "")), "invalidCount");
    }

    @Test
    void aCursorWalkHonoursSortByAndSortOrderAsIndexPagingSortsInEitherDirection() {
        for (String name : List.of("carol", "Alice", "eve", "bob", "Dave", "frank", "grace")) {
            createUser(name + "@acme.example");
        }
        for (String order : List.of("ascending", "descending")) {
            List<String> indexed = new ArrayList<>();
            api.users()
                    .list(context, new ListParameters(null, null, "100", "userName", order, null, null))
                    .body()
                    .get("Resources")
                    .forEach(user -> indexed.add(user.get("userName").asText()));

            assertThat(walk("userName", order, "2")).containsExactlyElementsOf(indexed);
        }
        assertThat(walk("userName", "descending", "3"))
                .containsExactly(
                        "grace@acme.example",
                        "frank@acme.example",
                        "eve@acme.example",
                        "Dave@acme.example",
                        "carol@acme.example",
                        "bob@acme.example",
                        "Alice@acme.example");
    }

    @Test
    void aCursorIsBoundToItsSortByAndSortOrder() {
        for (int i = 0; i < 3; i++) {
            createUser("user" + i + "@acme.example");
        }
        String sorted = api.users()
                .list(context, sorted("userName", "descending", "1", ""))
                .body()
                .get("nextCursor")
                .asText();
        String unsorted = api.users()
                .list(context, cursor(null, "1", ""))
                .body()
                .get("nextCursor")
                .asText();

        assertThat(api.users()
                        .list(context, sorted("USERNAME", "Descending", "1", sorted))
                        .body()
                        .get("Resources"))
                .hasSize(1);
        assertRefused(
                () -> api.users().list(context, sorted("displayName", "descending", "1", sorted)), "invalidCursor");
        assertRefused(() -> api.users().list(context, sorted("userName", "ascending", "1", sorted)), "invalidCursor");
        assertRefused(() -> api.users().list(context, cursor(null, "1", sorted)), "invalidCursor");
        assertRefused(() -> api.users().list(context, sorted("userName", null, "1", unsorted)), "invalidCursor");
    }

    private static ListParameters sorted(String sortBy, String sortOrder, String count, String cursor) {
        return new ListParameters(null, null, count, sortBy, sortOrder, null, null, cursor);
    }

    private List<String> walk(String sortBy, String sortOrder, String count) {
        List<String> walked = new ArrayList<>();
        String next = "";
        while (next != null) {
            JsonNode page = api.users()
                    .list(context, sorted(sortBy, sortOrder, count, next))
                    .body();
            page.get("Resources")
                    .forEach(user -> walked.add(user.get("userName").asText()));
            next = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
        }
        return walked;
    }

    @Test
    void aSearchRequestPagesByCursorToo() {
        for (int i = 0; i < 3; i++) {
            createUser("user" + i + "@acme.example");
        }
        JsonNode first = api.users()
                .search(
                        context,
                        json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:"
                                + "SearchRequest'],'cursor':'','count':2}"))
                .body();
        JsonNode second = api.users()
                .search(
                        context,
                        json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:" + "SearchRequest'],'cursor':'"
                                + first.get("nextCursor").asText() + "','count':2}"))
                .body();

        assertThat(first.get("Resources")).hasSize(2);
        assertThat(second.get("Resources")).hasSize(1);
        assertThat(second.has("nextCursor")).isFalse();
    }

    @Test
    void groupsPageByCursor() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(api.groups()
                    .create(
                            context,
                            json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group']," + "'displayName':'Team "
                                    + i + "'}"),
                            AttributeSelection.none())
                    .body()
                    .get("id")
                    .asText());
        }
        JsonNode first = api.groups().list(context, cursor(null, "2", "")).body();
        JsonNode second = api.groups()
                .list(context, cursor(null, "2", first.get("nextCursor").asText()))
                .body();

        List<String> walked = new ArrayList<>();
        first.get("Resources").forEach(group -> walked.add(group.get("id").asText()));
        second.get("Resources").forEach(group -> walked.add(group.get("id").asText()));
        assertThat(walked).containsExactlyElementsOf(created);
    }

    @Test
    void theServiceProviderConfigAdvertisesBothPaginationMethods() {
        JsonNode pagination =
                api.discovery().serviceProviderConfig(context.baseUrl()).body().get("pagination");

        assertThat(pagination.get("cursor").asBoolean()).isTrue();
        assertThat(pagination.get("index").asBoolean()).isTrue();
        assertThat(pagination.get("defaultPaginationMethod").asText()).isEqualTo("index");
        assertThat(pagination.get("defaultPageSize").asInt()).isEqualTo(100);
        assertThat(pagination.get("maxPageSize").asInt()).isEqualTo(1000);
        assertThat(pagination.get("cursorTimeout").asInt()).isEqualTo(3600);
    }

    private static void assertRefused(ThrowingCallable call, String scimType) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.error().status()).isEqualTo(400);
            assertThat(e.error().scimType().wireValue()).isEqualTo(scimType);
        });
    }
}
