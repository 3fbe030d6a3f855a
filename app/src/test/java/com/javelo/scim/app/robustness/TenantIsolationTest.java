package com.javelo.scim.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.app.e2e.EndToEndTest;
import com.javelo.scim.app.e2e.Http;
import com.javelo.scim.app.e2e.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two companies on one service: with its own token, neither can read, find, change or delete
 * anything of the other's, through any endpoint or method.
 */
class TenantIsolationTest extends EndToEndTest {

    @Test
    void nothingOfAnotherTenantIsEverReadOrChanged() {
        start(TestServer.Database.POSTGRES);
        String alice = okta(
                        "POST",
                        "/Users",
                        "{\"userName\":\"alice@acme.example\",\"externalId\":\"00uAlice\","
                                + "\"emails\":[{\"value\":\"alice@acme.example\",\"type\":\"work\"}]}")
                .json()
                .get("id")
                .asText();
        String group = okta(
                        "POST",
                        "/Groups",
                        "{\"displayName\":\"Acme Board\",\"members\":[{\"value\":\"" + alice + "\"}]}")
                .json()
                .get("id")
                .asText();
        String acmeBefore = okta("GET", "/Users/" + alice, null).body()
                + okta("GET", "/Groups/" + group, null).body();

        String globex = admin("POST", "/admin/v1/tenants", "{\"name\":\"Globex\"}")
                .json()
                .get("id")
                .asText();
        String globexToken = admin("POST", "/admin/v1/tenants/" + globex + "/scim-token", null)
                .json()
                .get("token")
                .asText();
        String auth = "Bearer " + globexToken;
        String base = server.baseUrl() + "/scim/v2";
        String patch = "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false,\"displayName\":\"x\"}}]}";
        List<String> leaks = new ArrayList<>();
        for (String path : List.of("/Users/" + alice, "/Groups/" + group)) {
            expect(leaks, Http.send("GET", base + path, null, "Authorization", auth), 404);
            expect(
                    leaks,
                    Http.send(
                            "PUT",
                            base + path,
                            "{\"userName\":\"x@globex.example\",\"displayName\":\"x\"}",
                            "Authorization",
                            auth,
                            "Content-Type",
                            "application/scim+json"),
                    404);
            expect(
                    leaks,
                    Http.send(
                            "PATCH",
                            base + path,
                            patch,
                            "Authorization",
                            auth,
                            "Content-Type",
                            "application/scim+json"),
                    404);
            expect(leaks, Http.send("DELETE", base + path, null, "Authorization", auth), 404);
        }
        for (String filter : List.of(
                "userName%20eq%20%22alice%40acme.example%22",
                "externalId%20eq%20%2200uAlice%22",
                "id%20eq%20%22" + alice + "%22",
                "emails.value%20co%20%22acme%22")) {
            assertThat(Http.send("GET", base + "/Users?filter=" + filter, null, "Authorization", auth)
                            .json()
                            .get("totalResults")
                            .asInt())
                    .as(filter)
                    .isZero();
        }
        assertThat(Http.send(
                                "GET",
                                base + "/Groups?filter=members%20eq%20%22" + alice + "%22",
                                null,
                                "Authorization",
                                auth)
                        .json()
                        .get("totalResults")
                        .asInt())
                .isZero();
        assertThat(Http.send("GET", base + "/Users", null, "Authorization", auth)
                        .json()
                        .get("totalResults")
                        .asInt())
                .isZero();
        for (String search : List.of("/.search", "/Users/.search", "/Groups/.search")) {
            assertThat(Http.send(
                                    "POST",
                                    base + search,
                                    "{\"filter\":\"id pr\"}",
                                    "Authorization",
                                    auth,
                                    "Content-Type",
                                    "application/scim+json")
                            .json()
                            .get("totalResults")
                            .asInt())
                    .as(search)
                    .isZero();
        }
        String theirGroup = Http.send(
                        "POST",
                        base + "/Groups",
                        "{\"displayName\":\"Globex\"}",
                        "Authorization",
                        auth,
                        "Content-Type",
                        "application/scim+json")
                .json()
                .get("id")
                .asText();
        expect(
                leaks,
                Http.send(
                        "PATCH",
                        base + "/Groups/" + theirGroup,
                        "{\"Operations\":[{\"op\":\"add\",\"path\":" + "\"members\",\"value\":[{\"value\":\"" + alice
                                + "\"}]}]}",
                        "Authorization",
                        auth,
                        "Content-Type",
                        "application/scim+json"),
                400);
        expect(
                leaks,
                Http.send(
                        "POST",
                        base + "/Users",
                        "{\"userName\":\"x@globex.example\",\"urn:ietf:params:scim:"
                                + "schemas:extension:enterprise:2.0:User\":{\"manager\":{\"value\":\"" + alice
                                + "\"}}}",
                        "Authorization",
                        auth,
                        "Content-Type",
                        "application/scim+json"),
                201);

        assertThat(leaks).isEmpty();
        assertThat(okta("GET", "/Users/" + alice, null).body()
                        + okta("GET", "/Groups/" + group, null).body())
                .isEqualTo(acmeBefore);
        // The manager reference of Globex's user stays pending: Acme's Alice is not Globex's.
        String globexUser = Http.send(
                        "GET",
                        base + "/Users?filter=userName%20eq%20%22x%40globex.example%22",
                        null,
                        "Authorization",
                        auth)
                .body();
        assertThat(globexUser).doesNotContain("$ref");
    }

    private static void expect(List<String> leaks, Http.Answer answer, int status) {
        if (answer.status() != status) {
            leaks.add(answer.response().request().method() + " "
                    + answer.response().uri() + " answered " + answer.status() + ": " + answer.body());
        }
    }
}
