package com.javelo.scim.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.protocol.error.ScimException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Searching Users and Groups together from the root (RFC 7644 §3.4.2, §3.4.3). */
class RootSearchTest extends EndpointFixture {

    private String group(String displayName) {
        return api.groups()
                .create(
                        context,
                        json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group']," + "'displayName':'"
                                + displayName + "'}"),
                        AttributeSelection.none())
                .body()
                .get("id")
                .asText();
    }

    private JsonNode search(String filter, String startIndex, String count) {
        return api.search()
                .list(context, new ListParameters(filter, startIndex, count, null, null, null, null))
                .body();
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("Resources").forEach(resource -> ids.add(resource.get("id").asText()));
        return ids;
    }

    @Test
    void usersThenGroupsPagedByIndexAcrossTheBoundary() {
        String alice = createUser("alice@acme.example");
        String bob = createUser("bob@acme.example");
        String engineering = group("Engineering");
        String sales = group("Sales");

        JsonNode all = search(null, null, null);
        JsonNode middle = search(null, "2", "2");
        JsonNode last = search(null, "4", "10");

        assertThat(all.get("totalResults").asInt()).isEqualTo(4);
        assertThat(ids(all)).containsExactly(alice, bob, engineering, sales);
        assertThat(ids(middle)).containsExactly(bob, engineering);
        assertThat(middle.get("startIndex").asInt()).isEqualTo(2);
        assertThat(ids(last)).containsExactly(sales);
        assertThat(search(null, null, "0").get("Resources")).isEmpty();
        assertThat(all.get("Resources").get(0).at("/meta/resourceType").asText())
                .isEqualTo("User");
        assertThat(all.get("Resources").get(2).at("/meta/resourceType").asText())
                .isEqualTo("Group");
    }

    @Test
    void metaResourceTypeSelectsAType() {
        String alice = createUser("alice@acme.example");
        String engineering = group("Engineering");

        assertThat(ids(search("meta.resourceType eq \"User\"", null, null))).containsExactly(alice);
        assertThat(ids(search("meta.resourceType eq \"Group\"", null, null))).containsExactly(engineering);
        assertThat(ids(search("not (meta.resourceType eq \"User\")", null, null)))
                .containsExactly(engineering);
        assertThat(ids(search("meta.resourceType eq \"Group\" and displayName sw \"Eng\"", null, null)))
                .containsExactly(engineering);
        assertThat(search("meta.resourceType eq \"user\"", null, null)
                        .get("totalResults")
                        .asInt())
                .isZero();
    }

    @Test
    void aFilterMixingTheTypesAttributesFindsEachByItsOwn() {
        String alice = createUser("alice@acme.example");
        createUser("bob@acme.example");
        String engineering = group("Engineering");
        group("Sales");

        JsonNode mixed = search("userName sw \"alice\" or displayName sw \"Eng\"", null, null);
        JsonNode postSearch = api.search()
                .searchAll(
                        context,
                        json("{'schemas':['urn:ietf:params:scim:api:messages:"
                                + "2.0:SearchRequest'],'filter':'(meta.resourceType eq \\\"User\\\" and userName sw \\\"alice\\\")"
                                + " or (meta.resourceType eq \\\"Group\\\" and displayName eq \\\"Engineering\\\")'}"))
                .body();

        assertThat(ids(mixed)).containsExactly(alice, engineering);
        assertThat(mixed.get("totalResults").asInt()).isEqualTo(2);
        assertThat(ids(postSearch)).containsExactly(alice, engineering);
    }

    @Test
    void aCursorIsRefusedFromTheRoot() {
        assertThatThrownBy(() ->
                        api.search().list(context, new ListParameters(null, null, null, null, null, null, null, "")))
                .isInstanceOfSatisfying(
                        ScimException.class, e -> assertThat(e.error().status()).isEqualTo(400));
    }
}
