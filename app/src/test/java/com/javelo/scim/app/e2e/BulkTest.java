package com.javelo.scim.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.app.e2e.Http.Answer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** POST /scim/v2/Bulk on the real server (RFC 7644 §3.7, issue #18). */
class BulkTest extends EndToEndTest {

    private static final String BULK = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],";

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void theRfcExampleCreatesAUserAndAGroupWithThatUserAsMember(TestServer.Database database) {
        start(database);

        Answer answer = okta(
                "POST",
                "/Bulk",
                BULK + "\"failOnErrors\":1,\"Operations\":["
                        + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"ytrewq\",\"data\":{\"schemas\":"
                        + "[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Tour Guides\",\"members\":"
                        + "[{\"type\":\"User\",\"value\":\"bulkId:qwerty\"}]}},"
                        + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"qwerty\",\"data\":{\"schemas\":"
                        + "[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"Alice\"}}]}");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode operations = answer.json().get("Operations");
        assertThat(operations)
                .extracting(operation -> operation.get("status").asText())
                .containsExactly("201", "201");
        String alice = operations.get(0).get("location").asText();
        String group = operations.get(1).get("location").asText();
        assertThat(alice).startsWith(server.baseUrl() + "/scim/v2/Users/");
        JsonNode members = Http.send("GET", group, null, "Authorization", "Bearer " + token)
                .json()
                .get("members");
        assertThat(members.get(0).get("value").asText()).isEqualTo(alice.replaceAll(".*/", ""));
        JsonNode bulk = okta("GET", "/ServiceProviderConfig", null).json().get("bulk");
        assertThat(bulk.get("supported").asBoolean()).isTrue();
        assertThat(bulk.get("maxOperations").asInt()).isEqualTo(1000);
        assertThat(bulk.get("maxPayloadSize").asInt()).isEqualTo(1024 * 1024);
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aThousandOperationsAreServedAndMoreAre413(TestServer.Database database) {
        start(database);
        StringBuilder operations = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            operations
                    .append(i == 0 ? "" : ",")
                    .append("{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u")
                    .append(i)
                    .append("\",\"data\":{\"userName\":\"user")
                    .append(i)
                    .append("@acme.example\"}}");
        }

        Answer thousand = okta("POST", "/Bulk", BULK + "\"Operations\":[" + operations + "]}");
        Answer tooMany = okta(
                "POST",
                "/Bulk",
                BULK + "\"Operations\":[" + operations + ",{\"method\":\"DELETE\",\"path\":\"/Users/x\"}]}");

        assertThat(thousand.status()).isEqualTo(200);
        assertThat(thousand.json().get("Operations"))
                .hasSize(1000)
                .allSatisfy(operation ->
                        assertThat(operation.get("status").asText()).isEqualTo("201"));
        assertThat(okta("GET", "/Users?count=0", null)
                        .json()
                        .get("totalResults")
                        .asInt())
                .isEqualTo(1000);
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.json().get("detail").asText()).contains("maxOperations is 1000");
    }
}
