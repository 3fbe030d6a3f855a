package com.javelo.scim.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.app.e2e.Http.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RFC 9865 over HTTP: {@code ?cursor} with no value, the errors, and a cursor read after a restart. */
class CursorPagingTest extends EndToEndTest {

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aBareCursorParameterStartsCursorPagingAndCursorsSurviveARestart(TestServer.Database database) {
        start(database);
        for (int i = 0; i < 3; i++) {
            okta("POST", "/Users", "{\"userName\":\"user" + i + "@acme.example\"}");
        }

        JsonNode first = okta("GET", "/Users?cursor&count=2", null).json();
        // Another instance, or this one restarted, derives the same key from the database.
        server.restart();
        Answer second =
                okta("GET", "/Users?count=2&cursor=" + first.get("nextCursor").asText(), null);

        assertThat(first.has("startIndex")).isFalse();
        assertThat(first.get("Resources")).hasSize(2);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("Resources")).hasSize(1);
        assertThat(second.json().has("nextCursor")).isFalse();
        assertThat(okta("GET", "/ServiceProviderConfig", null)
                        .json()
                        .get("pagination")
                        .get("cursor")
                        .asBoolean())
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aForgedOrForeignCursorIsRefusedWithInvalidCursor(TestServer.Database database) {
        start(database);
        for (int i = 0; i < 2; i++) {
            okta("POST", "/Users", "{\"userName\":\"user" + i + "@acme.example\"}");
        }
        String cursor = okta("GET", "/Users?cursor=&count=1", null)
                .json()
                .get("nextCursor")
                .asText();
        String acmeToken = token;
        tenantId = admin("POST", "/admin/v1/tenants", "{\"name\":\"Globex\"}")
                .json()
                .get("id")
                .asText();
        token = issueToken();

        Answer foreign = okta("GET", "/Users?count=1&cursor=" + cursor, null);
        Answer forged = okta("GET", "/Users?count=1&cursor=" + cursor.substring(0, cursor.length() - 2) + "AA", null);
        Answer withStartIndex = okta("GET", "/Users?cursor=&startIndex=3", null);
        token = acmeToken;
        Answer otherFilter = okta("GET", "/Users?count=1&filter=" + encode("userName pr") + "&cursor=" + cursor, null);

        for (Answer refused : new Answer[] {foreign, forged, otherFilter}) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("scimType").asText()).isEqualTo("invalidCursor");
        }
        assertThat(withStartIndex.status()).isEqualTo(400);
        assertThat(withStartIndex.json().get("scimType").asText()).isEqualTo("invalidValue");
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aCursorWalkHonoursSortByAndSortOrderAndACursorOfAnotherSortIsRefused(TestServer.Database database) {
        start(database);
        // Accents and case: the keyset compares with the ORDER BY's own expression (lower(display_name)).
        String[] names = {"Émile", "emile", "Zoé", "éclair", "Ecole", "ÉMILE", "adam", "Zoe"};
        for (int i = 0; i < names.length; i++) {
            okta(
                    "POST",
                    "/Users",
                    "{\"userName\":\"user" + i + "@acme.example\",\"displayName\":\"" + names[i] + "\"}");
        }
        okta("POST", "/Users", "{\"userName\":\"nameless@acme.example\"}");

        for (String sort : new String[] {"sortBy=displayName", "sortBy=displayName&sortOrder=descending"}) {
            List<String> indexed = new ArrayList<>();
            okta("GET", "/Users?count=100&" + sort, null)
                    .json()
                    .get("Resources")
                    .forEach(user -> indexed.add(user.get("userName").asText()));
            List<String> walked = new ArrayList<>();
            String next = "";
            while (next != null) {
                JsonNode page = okta("GET", "/Users?count=2&" + sort + "&cursor=" + next, null)
                        .json();
                page.get("Resources")
                        .forEach(user -> walked.add(user.get("userName").asText()));
                next = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
            }

            assertThat(walked).as(sort).hasSize(9).containsExactlyElementsOf(indexed);
            assertThat(walked.get(8)).isEqualTo("nameless@acme.example");
        }
        String cursor = okta("GET", "/Users?count=2&sortBy=displayName&cursor", null)
                .json()
                .get("nextCursor")
                .asText();
        Answer otherSort = okta("GET", "/Users?count=2&sortBy=userName&cursor=" + cursor, null);
        Answer otherOrder =
                okta("GET", "/Users?count=2&sortBy=displayName&sortOrder=descending&cursor=" + cursor, null);
        Answer unsorted = okta("GET", "/Users?count=2&cursor=" + cursor, null);

        for (Answer refused : new Answer[] {otherSort, otherOrder, unsorted}) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("scimType").asText()).isEqualTo("invalidCursor");
        }
    }
}
