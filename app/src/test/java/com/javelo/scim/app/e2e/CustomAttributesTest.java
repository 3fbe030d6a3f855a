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
