package com.javelo.scim.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.app.e2e.Http.Answer;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A company connects Okta: Test API Credentials, a person who was in Javelo before is adopted,
 * new people are pushed (one names a manager who does not exist yet), profiles are updated,
 * someone is deactivated and reactivated, a group is pushed, renamed and deleted — and after a
 * restart every change is still there.
 */
class OktaLifecycleTest extends EndToEndTest {

    private static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private String push(String userName, String givenName, String manager) {
        Answer miss = okta(
                "GET",
                "/Users?filter=" + encode("userName eq \"" + userName + "\"").replace("+", "%20")
                        + "&startIndex=1&count=100",
                null);
        assertThat(miss.json().get("totalResults").asInt()).isZero();
        Answer created = okta(
                "POST",
                "/Users",
                Http.body(
                        "okta/create-user.json",
                        Map.of(
                                "userName",
                                userName,
                                "givenName",
                                givenName,
                                "externalId",
                                "00u" + givenName,
                                "manager",
                                manager)));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aCompanyProvisionsItsPeopleThroughOkta(TestServer.Database database) {
        start(database);
        // A person who existed in Javelo before the integration.
        Answer imported = admin(
                "POST",
                "/admin/v1/tenants/" + tenantId + "/users",
                Http.body("okta/pre-existing-person.json", Map.of("userName", "dana@acme.example")));
        assertThat(imported.status()).isEqualTo(201);
        String dana = imported.json().get("id").asText();

        // Test API Credentials.
        Answer credentials = okta("GET", "/Users?startIndex=1&count=2", null);
        assertThat(credentials.status()).isEqualTo(200);
        assertThat(credentials.json().get("Resources")).hasSize(1);

        // Okta finds Dana by userName (any case) and adopts her: same id, externalId set, nobody duplicated.
        Answer found =
                okta("GET", "/Users?filter=userName%20eq%20%22DANA%40acme.example%22&startIndex=1&count=100", null);
        assertThat(found.json().at("/Resources/0/id").asText()).isEqualTo(dana);
        Answer adopted = okta(
                "PUT",
                "/Users/" + dana,
                Http.body(
                        "okta/update-user.json",
                        Map.of("id", dana, "externalId", "00uDana", "userName", "dana@acme.example")));
        assertThat(adopted.status()).isEqualTo(200);
        assertThat(adopted.json().get("externalId").asText()).isEqualTo("00uDana");

        // New people; Ann's manager (Bob) arrives after her.
        String ann = push("ann@acme.example", "Ann", "bob@acme.example");
        assertThat(okta("GET", "/Users/" + ann, null)
                        .json()
                        .at("/" + ENT.replace("/", "~1") + "/manager/$ref")
                        .isMissingNode())
                .isTrue();
        String bob = push("bob@acme.example", "Bob", "");
        JsonNode annManager = okta("GET", "/Users/" + ann, null).json().get(ENT).get("manager");
        assertThat(annManager.get("value").asText()).isEqualTo("bob@acme.example");
        assertThat(annManager.get("$ref").asText()).endsWith("/Users/" + bob);

        // Profile update, deactivation, reactivation.
        // Okta's profile push: GET the user, change the mapped attributes, PUT the whole object back.
        ObjectNode annAsRead = (ObjectNode) okta("GET", "/Users/" + ann, null).json();
        ((ObjectNode) annAsRead.get("name")).put("givenName", "Another");
        annAsRead.put("password", "TkdFNVdIVkxhM2c9");
        Answer updated = okta("PUT", "/Users/" + ann, annAsRead.toString());
        assertThat(updated.json().at("/name/givenName").asText()).isEqualTo("Another");
        assertThat(okta("PATCH", "/Users/" + bob, Http.body("okta/deactivate.json", Map.of()))
                        .json()
                        .get("active")
                        .asBoolean())
                .isFalse();
        String carol = push("carol@acme.example", "Carol", "");
        okta("PATCH", "/Users/" + carol, Http.body("okta/deactivate.json", Map.of()));
        Answer back = okta("PATCH", "/Users/" + carol, Http.body("okta/reactivate.json", Map.of()));
        assertThat(back.json().get("active").asBoolean()).isTrue();
        assertThat(back.json().get("id").asText()).isEqualTo(carol);

        // Group Push: create, members, mixed remove+add, rename, and a second group deleted.
        String group = okta(
                        "POST", "/Groups", Http.body("okta/create-group.json", Map.of("displayName", "Engineering")))
                .json()
                .get("id")
                .asText();
        assertThat(okta(
                                "PATCH",
                                "/Groups/" + group,
                                Http.body("okta/group-add-members.json", Map.of("first", ann, "second", bob)))
                        .status())
                .isEqualTo(204);
        assertThat(okta(
                                "PATCH",
                                "/Groups/" + group,
                                Http.body(
                                        "okta/group-members.json",
                                        Map.of("removed", bob, "added", carol, "addedDisplay", "carol@acme.example")))
                        .status())
                .isEqualTo(204);
        assertThat(okta(
                                "PATCH",
                                "/Groups/" + group,
                                Http.body("okta/group-rename.json", Map.of("id", group, "displayName", "R&D")))
                        .status())
                .isEqualTo(204);
        String doomed = okta("POST", "/Groups", Http.body("okta/create-group.json", Map.of("displayName", "Temp")))
                .json()
                .get("id")
                .asText();
        assertThat(okta("DELETE", "/Groups/" + doomed, null).status()).isEqualTo(204);

        server.restart();

        assertThat(okta("GET", "/Users?startIndex=1&count=100", null)
                        .json()
                        .get("totalResults")
                        .asInt())
                .isEqualTo(4);
        assertThat(okta("GET", "/Users/" + dana, null).json().get("externalId").asText())
                .isEqualTo("00uDana");
        assertThat(okta("GET", "/Users/" + bob, null).json().get("active").asBoolean())
                .isFalse();
        assertThat(okta("GET", "/Users/" + carol, null).json().get("active").asBoolean())
                .isTrue();
        assertThat(okta("GET", "/Users/" + ann, null)
                        .json()
                        .get(ENT)
                        .get("manager")
                        .get("$ref")
                        .asText())
                .endsWith("/Users/" + bob);
        JsonNode engineering = okta("GET", "/Groups/" + group, null).json();
        assertThat(engineering.get("displayName").asText()).isEqualTo("R&D");
        assertThat(engineering.get("members"))
                .extracting(member -> member.get("value").asText())
                .containsExactlyInAnyOrder(ann, carol);
        assertThat(okta("GET", "/Groups/" + doomed, null).status()).isEqualTo(404);
        assertThat(okta("GET", "/Users/" + ann, null).json().get("groups"))
                .extracting(g -> g.get("value").asText())
                .containsExactly(group);
    }
}
