package com.javelo.scim.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.app.e2e.Http.Answer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A company connects Microsoft Entra ID: Test Connection, users in both PATCH dialects, the
 * manager set, changed and cleared, groups without members in reads, remove-by-value, disable,
 * hard delete and re-creation — and after a restart every change is still there.
 */
class EntraLifecycleTest extends EndToEndTest {

    private static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private String create(String userName) {
        Answer created = entra(
                "POST",
                "/Users",
                Http.body(
                        "entra/create-user.json",
                        Map.of(
                                "userName",
                                userName,
                                "externalId",
                                UUID.randomUUID().toString())));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aCompanyProvisionsItsPeopleThroughEntra(TestServer.Database database) {
        start(database);
        Answer connection = entra("GET", "/Users?filter=userName+eq+%22" + UUID.randomUUID() + "%22", null);
        assertThat(connection.status()).isEqualTo(200);
        assertThat(connection.json().get("totalResults").asInt()).isZero();

        String alex = create("alex@contoso.example");
        String boss = create("boss@contoso.example");
        String other = create("other@contoso.example");
        assertThat(entra(
                                "PATCH",
                                "/Users/" + alex,
                                Http.body(
                                        "entra/update-default-dialect.json",
                                        Map.of("email", "alex.new@contoso.example")))
                        .status())
                .isEqualTo(204);
        assertThat(entra(
                                "PATCH",
                                "/Users/" + other,
                                Http.body(
                                        "entra/update-compliant-dialect.json",
                                        Map.of("email", "other.new@contoso.example")))
                        .status())
                .isEqualTo(200);
        assertThat(entra("PATCH", "/Users/" + alex, Http.body("entra/set-manager.json", Map.of("manager", boss)))
                        .status())
                .isEqualTo(204);
        assertThat(entra(
                                "GET",
                                "/Users?filter="
                                        + encode("emails[type eq \"work\"].value eq \"alex.new@contoso.example\""),
                                null)
                        .json()
                        .at("/Resources/0/id")
                        .asText())
                .isEqualTo(alex);

        String group = entra(
                        "POST",
                        "/Groups",
                        Http.body(
                                "entra/create-group.json",
                                Map.of(
                                        "displayName",
                                        "Sales",
                                        "externalId",
                                        UUID.randomUUID().toString())))
                .json()
                .get("id")
                .asText();
        entra("PATCH", "/Groups/" + group, Http.body("entra/add-members.json", Map.of("first", alex, "second", boss)));
        assertThat(entra("PATCH", "/Groups/" + group, Http.body("entra/remove-member.json", Map.of("member", boss)))
                        .status())
                .isEqualTo(204);
        entra("PATCH", "/Groups/" + group, Http.body("entra/rename-group.json", Map.of("displayName", "Sales EMEA")));
        JsonNode found = entra(
                        "GET", "/Groups?excludedAttributes=members&filter=displayName+eq+%22Sales%20EMEA%22", null)
                .json();
        assertThat(found.get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.at("/Resources/0").has("members")).isFalse();

        assertThat(entra("PATCH", "/Users/" + other, Http.body("entra/disable.json", Map.of()))
                        .status())
                .isEqualTo(204);
        String gone = create("gone@contoso.example");
        assertThat(entra("DELETE", "/Users/" + gone, null).status()).isEqualTo(204);
        assertThat(entra("GET", "/Users/" + gone, null).status()).isEqualTo(404);
        String reborn = create("gone@contoso.example");
        assertThat(reborn).isNotEqualTo(gone);

        server.restart();

        JsonNode alexNow = entra("GET", "/Users/" + alex, null).json();
        assertThat(alexNow.at("/emails/0/value").asText()).isEqualTo("alex.new@contoso.example");
        assertThat(alexNow.at("/name/familyName").asText()).isEqualTo("updatedFamilyName");
        assertThat(alexNow.get("nickName").asText()).isEqualTo("Babs");
        assertThat(alexNow.get(ENT).get("employeeNumber").asText()).isEqualTo("Eqpj");
        assertThat(alexNow.get(ENT).get("manager").get("value").asText()).isEqualTo(boss);
        JsonNode otherNow = entra("GET", "/Users/" + other, null).json();
        assertThat(otherNow.get("displayName").asText()).isEqualTo("Bjfe");
        assertThat(otherNow.get("active").asBoolean()).isFalse();
        assertThat(entra("GET", "/Groups/" + group, null).json().get("members"))
                .extracting(member -> member.get("value").asText())
                .containsExactly(alex);
        assertThat(entra("GET", "/Users/" + gone, null).status()).isEqualTo(404);
        assertThat(entra("GET", "/Users?filter=userName+eq+%22gone%40contoso.example%22", null)
                        .json()
                        .at("/Resources/0/id")
                        .asText())
                .isEqualTo(reborn);

        assertThat(entra("PATCH", "/Users/" + alex, Http.body("entra/clear-manager.json", Map.of()))
                        .status())
                .isEqualTo(204);
        assertThat(entra("GET", "/Users/" + alex, null).json().get(ENT).has("manager"))
                .isFalse();
    }
}
