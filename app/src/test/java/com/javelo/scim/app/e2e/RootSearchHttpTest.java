package com.javelo.scim.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.app.e2e.Http.Answer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A search from the root over HTTP, on both databases (RFC 7644 §3.4.2, §3.4.3; issue #18). */
class RootSearchHttpTest extends EndToEndTest {

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void getAndPostSearchAcrossUsersAndGroups(TestServer.Database database) {
        start(database);
        String alice = okta("POST", "/Users", "{\"userName\":\"alice@acme.example\"}")
                .json()
                .get("id")
                .asText();
        okta("POST", "/Users", "{\"userName\":\"bob@acme.example\"}");
        String engineering = okta("POST", "/Groups", "{\"displayName\":\"Engineering\"}")
                .json()
                .get("id")
                .asText();

        Answer get = okta("GET", "?filter=" + encode("userName sw \"alice\" or displayName sw \"Eng\""), null);
        Answer users = okta("GET", "?filter=" + encode("meta.resourceType eq \"User\"") + "&count=1", null);
        Answer post = okta(
                "POST",
                "/.search",
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                        + "\"filter\":\"meta.resourceType eq \\\"Group\\\"\",\"startIndex\":1,\"count\":10}");

        assertThat(get.status()).isEqualTo(200);
        JsonNode found = get.json().get("Resources");
        assertThat(found).hasSize(2);
        assertThat(found.get(0).get("id").asText()).isEqualTo(alice);
        assertThat(found.get(1).get("id").asText()).isEqualTo(engineering);
        assertThat(users.json().get("totalResults").asInt()).isEqualTo(2);
        assertThat(users.json().get("Resources")).hasSize(1);
        assertThat(post.json().get("Resources").get(0).get("id").asText()).isEqualTo(engineering);
        assertThat(post.json().get("totalResults").asInt()).isEqualTo(1);
    }
}
