package com.javelo.scim.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.app.e2e.Http.Answer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Conditional requests on the real server, on H2 and PostgreSQL: {@code If-None-Match: *} answers
 * 304 for an existing resource, a user's tag changes with its groups (so {@code If-None-Match}
 * never answers 304 for a changed body), and {@code If-Match} accepts the tags a GET gave.
 */
class EntityTagTest extends EndToEndTest {

    private Answer get(String path, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return Http.send("GET", server.baseUrl() + "/scim/v2" + path, null, all);
    }

    private Answer conditional(String method, String path, String body, String ifMatch) {
        return Http.send(
                method,
                server.baseUrl() + "/scim/v2" + path,
                body,
                "Authorization",
                "Bearer " + token,
                "Content-Type",
                "application/scim+json",
                "If-Match",
                ifMatch);
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aUsersTagChangesWithItsGroupsAndIfNoneMatchStarAnswers304(TestServer.Database database) {
        start(database);
        String user = okta("POST", "/Users", "{\"userName\":\"etag@acme.example\"}")
                .json()
                .get("id")
                .asText();
        Answer first = get("/Users/" + user);
        String e1 = first.header("ETag");
        assertThat(get("/Users/" + user, "If-None-Match", e1).status()).isEqualTo(304);
        assertThat(get("/Users/" + user, "If-None-Match", "*").status()).isEqualTo(304);
        assertThat(get("/Users/no-such-user", "If-None-Match", "*").status()).isEqualTo(404);

        String group = okta("POST", "/Groups", "{\"displayName\":\"Tagged\"}")
                .json()
                .get("id")
                .asText();
        assertThat(get("/Groups/" + group, "If-None-Match", "*").status()).isEqualTo(304);
        assertThat(okta(
                                "PATCH",
                                "/Groups/" + group,
                                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                        + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                                        + user + "\"}]}]}")
                        .status())
                .isIn(200, 204);

        Answer changed = get("/Users/" + user, "If-None-Match", e1);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("groups").get(0).get("value").asText()).isEqualTo(group);
        String e2 = changed.header("ETag");
        assertThat(e2)
                .isNotEqualTo(e1)
                .isEqualTo(changed.json().at("/meta/version").asText());
        assertThat(get("/Users/" + user, "If-None-Match", e2).status()).isEqualTo(304);

        okta(
                "PATCH",
                "/Groups/" + group,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Renamed\"}]}");
        Answer renamed = get("/Users/" + user, "If-None-Match", e2);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("groups").get(0).get("display").asText()).isEqualTo("Renamed");
        String e3 = renamed.header("ETag");
        assertThat(e3).isNotEqualTo(e2);

        // If-Match compares the version a tag carries: the current tag passes, a stale version fails.
        Answer replaced =
                conditional("PUT", "/Users/" + user, "{\"userName\":\"etag@acme.example\",\"title\":\"T\"}", e3);
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        String e4 = replaced.header("ETag");
        assertThat(e4)
                .isNotEqualTo(e3)
                .isEqualTo(replaced.json().at("/meta/version").asText());
        assertThat(conditional(
                                "PATCH",
                                "/Users/" + user,
                                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"title\"," + "\"value\":\"U\"}]}",
                                e3)
                        .status())
                .isEqualTo(412);
        assertThat(conditional(
                                "PATCH",
                                "/Users/" + user,
                                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"title\"," + "\"value\":\"U\"}]}",
                                e4)
                        .status())
                .isEqualTo(200);
        String e5 = get("/Users/" + user).header("ETag");
        assertThat(conditional("DELETE", "/Users/" + user, null, e4).status()).isEqualTo(412);
        assertThat(conditional("DELETE", "/Users/" + user, null, e5).status()).isEqualTo(204);
    }
}
