package com.javelo.scim.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.app.e2e.Http.Answer;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue #15 on the real server, H2 and PostgreSQL: a company declares its own attributes, Okta
 * creates and updates people carrying them (an object keyed by the URN, the URN in
 * {@code schemas}), Entra PATCHes one path-less by its full path, filters find them, and what
 * nobody declared is kept as sent — also through a restart.
 */
class CustomAttributesTest extends EndToEndTest {

    private static final String URN = "urn:ietf:params:scim:schemas:extension:javelo:2.0:User";
    private static final String DECLARATION = "{\"attributes\":[{\"name\":\"level\",\"type\":\"string\"},"
            + "{\"name\":\"hireDate\",\"type\":\"dateTime\"},{\"name\":\"remote\",\"type\":\"boolean\"},"
            + "{\"name\":\"employeeCode\",\"type\":\"string\",\"caseExact\":true},"
            + "{\"name\":\"sites\",\"type\":\"string\",\"multiValued\":true}]}";

    private static String oktaCreate(String userName, String level, String code) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + URN + "\"],"
                + "\"userName\":\"" + userName + "\",\"name\":{\"givenName\":\"Ada\",\"familyName\":\"L\"},"
                + "\"emails\":[{\"primary\":true,\"value\":\"" + userName + "\",\"type\":\"work\"},"
                + "{\"primary\":false,\"value\":\"home-" + userName + "\",\"type\":\"home\"}],"
                + "\"externalId\":\"00u" + code + "\",\"groups\":[],\"password\":\"1mz050nq\",\"active\":true,"
                + "\"" + URN + "\":{\"level\":\"" + level + "\",\"hireDate\":\"2024-05-01T09:00:00Z\","
                + "\"remote\":true,\"employeeCode\":\"" + code + "\",\"sites\":[\"Lyon\"]},"
                + "\"urn:okta:acme:1.0:User\":{\"costCode\":\"C-9\",\"tags\":[\"a\",\"b\"]},\"nickName\":\"Ada\","
                + "\"favouriteColour\":\"blue\"}";
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aCompanysOwnAttributesAndUndeclaredOnesTravelThroughOktaAndEntraAndSurviveARestart(
            TestServer.Database database) {
        start(database);
        String base = "/admin/v1/tenants/" + tenantId + "/schema-extension";
        Answer refused = admin("PUT", base, "{\"attributes\":[{\"name\":\"2fast\",\"type\":\"string\"}]}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("2fast");
        Answer declared = admin("PUT", base, DECLARATION);
        assertThat(declared.status()).isEqualTo(200);
        assertThat(admin("GET", base, null).json().get("attributes")).hasSize(5);

        // Discovery shows the company its own catalogue.
        JsonNode schema = okta("GET", "/Schemas/" + URN, null).json();
        assertThat(schema.get("attributes")).hasSize(5);
        assertThat(okta("GET", "/ResourceTypes/User", null)
                        .json()
                        .get("schemaExtensions")
                        .toString())
                .contains(URN);
        assertThat(okta("GET", "/Schemas", null).body()).contains(URN);

        // Okta's create: the extension keyed by its URN, the URN in schemas, plus attributes nobody declared.
        Answer created = okta("POST", "/Users", oktaCreate("ada@acme.example", "Senior", "E-1"));
        assertThat(created.status()).isEqualTo(201);
        String ada = created.json().get("id").asText();
        assertThat(created.json().get(URN).get("remote").booleanValue()).isTrue();
        assertThat(created.json().get("urn:okta:acme:1.0:User").get("costCode").asText())
                .isEqualTo("C-9");
        assertThat(created.json().get("emails").get(1).get("primary").booleanValue())
                .isFalse();
        okta("POST", "/Users", oktaCreate("bob@acme.example", "Junior", "E-2"));

        // A value of the wrong type is refused, naming the attribute and the value.
        Answer wrong = okta(
                "POST",
                "/Users",
                oktaCreate("cy@acme.example", "x", "E-3").replace("\"remote\":true", "\"remote\":\"maybe\""));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("scimType").asText()).isEqualTo("invalidValue");
        assertThat(wrong.json().get("detail").asText())
                .contains(URN + ":remote")
                .contains("maybe");

        // Okta's profile push: GET, change the mapped attribute, PUT the whole object back.
        ObjectNode asRead = (ObjectNode) okta("GET", "/Users/" + ada, null).json();
        ((ObjectNode) asRead.get(URN)).put("level", "Principal");
        Answer updated = okta("PUT", "/Users/" + ada, asRead.toString());
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get(URN).get("level").asText()).isEqualTo("Principal");
        assertThat(updated.json().get("favouriteColour").asText()).isEqualTo("blue");

        // Entra's compliant dialect: a path-less replace keyed by the attribute's full path.
        Answer patched = entra(
                "PATCH",
                "/Users/" + ada,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"" + URN
                        + ":level\":\"Staff\",\"name.givenName\":\"Ada\"}}]}");
        assertThat(patched.status()).isIn(200, 204);
        assertThat(okta("GET", "/Users/" + ada, null)
                        .json()
                        .get(URN)
                        .get("level")
                        .asText())
                .isEqualTo("Staff");

        // Filters on a declared attribute; an undeclared one says it is not declared.
        assertThat(okta("GET", "/Users?filter=" + encode(URN + ":employeeCode eq \"E-1\""), null)
                        .json()
                        .at("/Resources/0/id")
                        .asText())
                .isEqualTo(ada);
        assertThat(okta("GET", "/Users?filter=" + encode("level eq \"junior\""), null)
                        .json()
                        .get("totalResults")
                        .asInt())
                .isEqualTo(1);
        Answer undeclaredFilter = okta("GET", "/Users?filter=" + encode("favouriteColour eq \"blue\""), null);
        assertThat(undeclaredFilter.status()).isEqualTo(400);
        assertThat(undeclaredFilter.json().get("detail").asText()).contains("not declared");

        // The company sees what its IdP sends that nobody declared.
        JsonNode undeclared = admin("GET", "/admin/v1/tenants/" + tenantId + "/undeclared-attributes", null)
                .json();
        assertThat(undeclared.get("attributes").toString())
                .contains("urn:okta:acme:1.0:User:costCode")
                .contains("favouriteColour");

        // An import (issue #18) may carry the declared attributes as columns.
        Answer imported = Http.send(
                "POST",
                server.baseUrl() + "/admin/v1/tenants/" + tenantId + "/imports",
                "userName,email,level,sites\ndana@acme.example,dana@acme.example,Lead,Lyon;Nantes\n",
                "Authorization",
                "Bearer " + TestServer.ADMIN_TOKEN,
                "Content-Type",
                "text/csv");
        assertThat(imported.status()).isEqualTo(200);
        JsonNode dana = okta("GET", "/Users?filter=" + encode("level eq \"lead\""), null)
                .json()
                .at("/Resources/0");
        assertThat(dana.get(URN).get("sites").toString()).isEqualTo("[\"Lyon\",\"Nantes\"]");

        server.restart();

        JsonNode afterRestart = okta("GET", "/Users/" + ada, null).json();
        assertThat(afterRestart.get(URN).get("level").asText()).isEqualTo("Staff");
        assertThat(afterRestart.get("urn:okta:acme:1.0:User").get("tags").toString())
                .isEqualTo("[\"a\",\"b\"]");
        assertThat(afterRestart.get("favouriteColour").asText()).isEqualTo("blue");
        assertThat(afterRestart.get("schemas").toString()).contains(URN).contains("urn:okta:acme:1.0:User");
        assertThat(okta("GET", "/Users?filter=" + encode(URN + ":sites eq \"lyon\""), null)
                        .json()
                        .get("totalResults")
                        .asInt())
                .isEqualTo(3);
    }

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],";

    private String createPerson(String userName) {
        return okta(
                        "POST",
                        "/Users",
                        "{\"userName\":\"" + userName + "\",\"name\":{\"givenName\":\"Ada\"},"
                                + "\"emails\":[{\"value\":\"" + userName + "\",\"type\":\"work\"},"
                                + "{\"value\":\"home-" + userName + "\",\"type\":\"home\"}],"
                                + "\"" + ENTERPRISE + "\":{\"manager\":{\"value\":\"boss@acme.example\"}}}")
                .json()
                .get("id")
                .asText();
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void subAttributesAKnownAttributeDoesNotDefineArePatchedByOktaAndEntraAndRefusedInStrictMode(
            TestServer.Database database) {
        start(database);
        String ada = createPerson("ada@acme.example");

        // Okta: a path-less replace whose values hold sub-attributes the catalogue does not define.
        Answer okta = okta(
                "PATCH",
                "/Users/" + ada,
                PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"name\":{\"givenName\":\"Ada\","
                        + "\"pronunciation\":\"AY-da\"},\"" + ENTERPRISE + "\":{\"manager\":{\"value\":"
                        + "\"boss@acme.example\",\"since\":\"2020-01-01\"}}}}]}");
        assertThat(okta.status()).isIn(200, 204);
        JsonNode afterOkta = okta("GET", "/Users/" + ada, null).json();
        assertThat(afterOkta.at("/name/pronunciation").asText()).isEqualTo("AY-da");
        assertThat(afterOkta.get(ENTERPRISE).at("/manager/since").asText()).isEqualTo("2020-01-01");

        // Entra: capitalised ops and dotted paths, one with a value filter.
        Answer entra = entra(
                "PATCH",
                "/Users/" + ada,
                PATCH_OP + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"name.pronunciation\",\"value\":\"zho\"},"
                        + "{\"op\":\"Add\",\"path\":\"emails[type eq \\\"work\\\"].verified\",\"value\":true},"
                        + "{\"op\":\"Add\",\"path\":\"" + ENTERPRISE + ":manager.since\",\"value\":\"2021-02-02\"}]}");
        assertThat(entra.status()).isIn(200, 204);
        JsonNode afterEntra = okta("GET", "/Users/" + ada, null).json();
        assertThat(afterEntra.at("/name/pronunciation").asText()).isEqualTo("zho");
        assertThat(afterEntra.at("/emails/0/verified").booleanValue()).isTrue();
        assertThat(afterEntra.at("/emails/1").has("verified")).isFalse();
        assertThat(afterEntra.get(ENTERPRISE).at("/manager/since").asText()).isEqualTo("2021-02-02");

        Answer removed = entra(
                "PATCH",
                "/Users/" + ada,
                PATCH_OP + "\"Operations\":[{\"op\":\"Remove\",\"path\":\"name.pronunciation\"}]}");
        assertThat(removed.status()).isIn(200, 204);
        assertThat(okta("GET", "/Users/" + ada, null).json().get("name").has("pronunciation"))
                .isFalse();

        // Strict mode: refused, naming the path, nothing written; what the person carried from
        // before does not block a PATCH that leaves it alone (Okta's deactivation).
        String bob = createPerson("bob@acme.example");
        assertThat(admin(
                                "PUT",
                                "/admin/v1/tenants/" + tenantId + "/schema-extension",
                                "{\"strict\":true,\"attributes\":[]}")
                        .status())
                .isEqualTo(200);
        String bobBefore = okta("GET", "/Users/" + bob, null).body();
        Answer strict = entra(
                "PATCH",
                "/Users/" + bob,
                PATCH_OP + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"CTO\"},"
                        + "{\"op\":\"Replace\",\"path\":\"name.pronunciation\",\"value\":\"bob\"}]}");
        assertThat(strict.status()).isEqualTo(400);
        assertThat(strict.json().get("scimType").asText()).isEqualTo("invalidSyntax");
        assertThat(strict.json().get("detail").asText()).contains("name.pronunciation");
        assertThat(okta("GET", "/Users/" + bob, null).body()).isEqualTo(bobBefore);
        Answer deactivated = okta(
                "PATCH",
                "/Users/" + ada,
                PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}");
        assertThat(deactivated.status()).isIn(200, 204);
        assertThat(okta("GET", "/Users/" + ada, null)
                        .json()
                        .at("/emails/0/verified")
                        .booleanValue())
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aValueSentUnderTheCompanysExtensionBeforeItsAttributeWasDeclaredIsFoundOnceDeclared(
            TestServer.Database database) {
        start(database);
        String base = "/admin/v1/tenants/" + tenantId + "/schema-extension";
        Answer created = okta("POST", "/Users", oktaCreate("ada@acme.example", "L3", "E-1"));
        assertThat(created.status()).isEqualTo(201);
        String ada = created.json().get("id").asText();
        okta("POST", "/Users", oktaCreate("bob@acme.example", "L1", "E-2"));
        assertThat(admin("GET", "/admin/v1/tenants/" + tenantId + "/undeclared-attributes", null)
                        .json()
                        .get("attributes")
                        .toString())
                .contains(URN + ":level");
        String levelFilter = "/Users?filter=" + encode(URN + ":level eq \"L3\"");
        assertThat(okta("GET", levelFilter, null).status()).isEqualTo(400);

        // Declaring "remote" as an integer would make ada's carried "remote": true a wrong value.
        Answer refused = admin("PUT", base, "{\"attributes\":[{\"name\":\"remote\",\"type\":\"integer\"}]}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("remote").contains("@acme.example");
        assertThat(admin("GET", base, null).json().get("attributes")).isEmpty();

        assertThat(admin("PUT", base, "{\"attributes\":[{\"name\":\"level\",\"type\":\"string\"}]}")
                        .status())
                .isEqualTo(200);

        JsonNode found = okta("GET", levelFilter, null).json();
        assertThat(found.get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.at("/Resources/0/id").asText()).isEqualTo(ada);
        JsonNode user = okta("GET", "/Users/" + ada, null).json();
        assertThat(user.get(URN).get("level").asText()).isEqualTo("L3");
        assertThat(user.get(URN).get("employeeCode").asText()).isEqualTo("E-1");
        assertThat(user.toString().split("\"level\"", -1)).hasSize(2);
        assertThat(user.get("schemas").toString().split(URN, -1)).hasSize(2);
        assertThat(admin("GET", "/admin/v1/tenants/" + tenantId + "/undeclared-attributes", null)
                        .json()
                        .get("attributes")
                        .toString())
                .doesNotContain(URN + ":level")
                .contains(URN + ":employeeCode");

        server.restart();
        assertThat(okta("GET", levelFilter, null).json().get("totalResults").asInt())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aCompanyAdminReadsAndSetsItsOwnDeclarationOnlyAndOtherCompaniesSeeNone(TestServer.Database database) {
        start(database);
        String other = admin("POST", "/admin/v1/tenants", "{\"name\":\"Globex " + UUID.randomUUID() + "\"}")
                .json()
                .get("id")
                .asText();
        String console = admin("POST", "/admin/v1/tenants/" + tenantId + "/console-token", null)
                .json()
                .get("token")
                .asText();

        Answer own = Http.send(
                "PUT",
                server.baseUrl() + "/admin/v1/tenants/" + tenantId + "/schema-extension",
                DECLARATION,
                "Authorization",
                "Bearer " + console,
                "Content-Type",
                "application/json");
        assertThat(own.status()).isEqualTo(200);
        assertThat(Http.send(
                                "GET",
                                server.baseUrl() + "/admin/v1/tenants/" + other + "/schema-extension",
                                null,
                                "Authorization",
                                "Bearer " + console)
                        .status())
                .isEqualTo(404);
        assertThat(Http.send(
                                "PUT",
                                server.baseUrl() + "/admin/v1/tenants/" + other + "/schema-extension",
                                DECLARATION,
                                "Authorization",
                                "Bearer " + console,
                                "Content-Type",
                                "application/json")
                        .status())
                .isEqualTo(404);
        assertThat(admin("GET", "/admin/v1/tenants/" + other + "/schema-extension", null)
                        .json()
                        .get("attributes"))
                .isEmpty();
    }
}
