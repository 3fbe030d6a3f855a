package com.javelo.scim.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.app.e2e.Http.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The company-scoped admin API a company admin's console (and Javelo's main application) calls:
 * status, SCIM token, connection test, activity log and pending managers, with the operator's
 * token or the company's console token, and nothing of another company with a console token.
 */
class CompanyConsoleApiTest extends EndToEndTest {

    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    static String user(String userName, String manager) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ENTERPRISE + "\"],\"userName\":\""
                + userName + "\",\"active\":true,\"password\":\"never-logged-1\""
                + (manager == null ? "" : ",\"" + ENTERPRISE + "\":{\"manager\":{\"value\":\"" + manager + "\"}}")
                + "}";
    }

    private String consoleToken;

    private Answer console(String method, String path) {
        return Http.send(method, server.baseUrl() + path, null, "Authorization", "Bearer " + consoleToken);
    }

    private String issueConsoleToken(String tenant) {
        Answer issued = admin("POST", "/admin/v1/tenants/" + tenant + "/console-token", null);
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.header("Cache-Control")).isEqualTo("no-store");
        return issued.json().get("token").asText();
    }

    /** The activity log is written in the background: waits (bounded) until it shows what is expected. */
    static JsonNode awaitActivity(Supplier<Answer> query, Predicate<JsonNode> expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode entries;
        do {
            entries = query.get().json().get("entries");
            if (expected.test(entries)) {
                return entries;
            }
            sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the activity log did not show what was expected: " + entries);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aCompanyAdminSeesStatusActivityAndPendingManagersAndTestsTheConnection(TestServer.Database database) {
        start(database);
        consoleToken = issueConsoleToken(tenantId);
        assertThat(consoleToken).startsWith("jcons_");
        String base = "/admin/v1/tenants/" + tenantId;

        Answer created = okta("POST", "/Users", user("alice@acme.example", null));
        assertThat(created.status()).isEqualTo(201);
        String aliceId = created.json().get("id").asText();
        assertThat(okta("POST", "/Users", user("ALICE@acme.example", null)).status())
                .isEqualTo(409);
        assertThat(okta("POST", "/Users", user("bob@acme.example", "boss@acme.example"))
                        .status())
                .isEqualTo(201);
        assertThat(okta("GET", "/Users?filter=" + encode("userName eq \"alice@acme.example\""), null)
                        .status())
                .isEqualTo(200);

        JsonNode entries = awaitActivity(() -> console("GET", base + "/activity"), list -> list.size() == 3);
        assertThat(entries.get(2).get("method").asText()).isEqualTo("POST");
        assertThat(entries.get(2).get("status").asInt()).isEqualTo(201);
        assertThat(entries.get(2).get("resourceType").asText()).isEqualTo("Users");
        assertThat(entries.get(2).get("resourceId").asText()).isEqualTo(aliceId);
        assertThat(entries.get(2).get("resourceName").asText()).isEqualTo("alice@acme.example");
        assertThat(entries.get(2).get("client").asText()).isEqualTo("Okta");
        assertThat(entries.get(2).get("userAgent").asText()).isEqualTo("Okta SCIM Client 1.0.0");
        assertThat(entries.get(2).get("requestId").asText()).isNotBlank();
        JsonNode conflict = entries.get(1);
        assertThat(conflict.get("status").asInt()).isEqualTo(409);
        assertThat(conflict.get("scimType").asText()).isEqualTo("uniqueness");
        assertThat(conflict.get("detail").asText()).isNotBlank();
        assertThat(conflict.get("resourceName").asText()).isEqualTo("ALICE@acme.example");
        assertThat(entries.toString()).doesNotContain("never-logged-1").doesNotContain(token);

        JsonNode errors = console("GET", base + "/activity?errors=true").json().get("entries");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("status").asInt()).isEqualTo(409);
        Answer firstPage = console("GET", base + "/activity?limit=2");
        assertThat(firstPage.json().get("entries")).hasSize(2);
        String cursor = firstPage.json().get("nextCursor").asText();
        JsonNode secondPage =
                console("GET", base + "/activity?limit=2&before=" + cursor).json();
        assertThat(secondPage.get("entries")).hasSize(1);
        assertThat(secondPage.get("entries").get(0).get("resourceId").asText()).isEqualTo(aliceId);
        assertThat(secondPage.get("nextCursor").isNull()).isTrue();
        assertThat(console("GET", base + "/activity?limit=0").status()).isEqualTo(400);
        assertThat(console("GET", base + "/activity?before=x").status()).isEqualTo(400);

        JsonNode status = console("GET", base).json();
        assertThat(status.get("id").asText()).isEqualTo(tenantId);
        assertThat(status.get("scimBaseUrl").asText()).isEqualTo(server.baseUrl() + "/scim/v2");
        assertThat(status.get("scimToken").get("active").asBoolean()).isTrue();
        assertThat(status.get("scimToken").get("issuedAt").asText()).isNotBlank();
        assertThat(status.get("scimToken").get("lastUsedAt").asText()).isNotBlank();
        assertThat(status.get("scimToken").get("lastClient").asText()).isEqualTo("Okta");
        assertThat(status.get("users").get("active").asLong()).isEqualTo(2);
        assertThat(status.get("users").get("deactivated").asLong()).isZero();
        assertThat(status.get("groups").asLong()).isZero();
        assertThat(status.get("pendingManagerReferences").asLong()).isEqualTo(1);
        assertThat(status.get("activityLog").get("enabled").asBoolean()).isTrue();
        assertThat(status.get("activityLog").get("droppedEntries").asLong()).isZero();
        assertThat(status.get("activityLog").get("successfulReadsLast24h").asLong())
                .isGreaterThanOrEqualTo(1);
        assertThat(status.has("consoleTokenActive")).isFalse();

        JsonNode pending = console("GET", base + "/pending-managers").json().get("pending");
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).get("userName").asText()).isEqualTo("bob@acme.example");
        assertThat(pending.get(0).get("managerReference").asText()).isEqualTo("boss@acme.example");

        JsonNode test = console("POST", base + "/test-connection").json();
        assertThat(test.get("ok").asBoolean()).isTrue();
        assertThat(test.get("checks")).hasSize(2);
        assertThat(test.get("checks").get(0).get("client").asText()).isEqualTo("Okta");
        assertThat(test.get("checks").get(0).get("status").asInt()).isEqualTo(200);
        assertThat(test.get("checks").get(0).get("totalResults").asLong()).isEqualTo(2);
        assertThat(test.get("checks").get(1).get("client").asText()).isEqualTo("Entra");
        assertThat(test.get("checks").get(1).get("totalResults").asLong()).isZero();

        JsonNode session = console("GET", "/admin/v1/session").json();
        assertThat(session.get("role").asText()).isEqualTo("company-admin");
        assertThat(session.get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(admin("GET", "/admin/v1/session", null).json().get("role").asText())
                .isEqualTo("operator");
        assertThat(admin("GET", base, null).json().get("consoleTokenActive").asBoolean())
                .isTrue();

        // The console token regenerates and deactivates the SCIM token of its own company.
        String old = token;
        Answer regenerated = console("POST", base + "/scim-token");
        assertThat(regenerated.status()).isEqualTo(201);
        assertThat(okta("GET", "/Users", null).status()).isEqualTo(401);
        token = regenerated.json().get("token").asText();
        assertThat(okta("GET", "/Users", null).status()).isEqualTo(200);
        assertThat(token).isNotEqualTo(old);
        assertThat(console("DELETE", base + "/scim-token").status()).isEqualTo(204);
        assertThat(okta("GET", "/Users", null).status()).isEqualTo(401);
        JsonNode inactive = console("POST", base + "/test-connection").json();
        assertThat(inactive.get("ok").asBoolean()).isFalse();
        assertThat(inactive.get("checks").get(0).get("detail").asText()).contains("activate");
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aConsoleTokenReachesNoOtherCompanyAndNoOperatorEndpoint(TestServer.Database database) {
        start(database);
        String other = tenantId;
        String otherToken = token;
        assertThat(okta("POST", "/Users", user("carol@globex.example", "nobody@globex.example"))
                        .status())
                .isEqualTo(201);
        String ownCompany = admin("POST", "/admin/v1/tenants", "{\"name\":\"Own " + UUID.randomUUID() + "\"}")
                .json()
                .get("id")
                .asText();
        consoleToken = issueConsoleToken(ownCompany);
        awaitActivity(() -> admin("GET", "/admin/v1/tenants/" + other + "/activity", null), list -> list.size() == 1);
        int companies =
                admin("GET", "/admin/v1/tenants", null).json().get("tenants").size();

        String unknown = "/admin/v1/tenants/" + UUID.randomUUID();
        Answer unknownAnswer = console("GET", unknown);
        assertThat(unknownAnswer.status()).isEqualTo(404);
        for (Map.Entry<String, String> attempt : Map.of("GET", "", "POST", "/scim-token", "DELETE", "/scim-token")
                .entrySet()) {
            assertOtherCompanyHidden(
                    console(attempt.getKey(), "/admin/v1/tenants/" + other + attempt.getValue()), other);
        }
        for (String path : List.of("/test-connection")) {
            assertOtherCompanyHidden(console("POST", "/admin/v1/tenants/" + other + path), other);
        }
        for (String path : List.of("/activity", "/activity?errors=true", "/pending-managers", "/users")) {
            assertOtherCompanyHidden(console("GET", "/admin/v1/tenants/" + other + path), other);
        }
        for (String[] operatorOnly : List.of(
                new String[] {"GET", "/admin/v1/tenants"},
                new String[] {"POST", "/admin/v1/tenants/" + ownCompany + "/console-token"},
                new String[] {"DELETE", "/admin/v1/tenants/" + ownCompany + "/console-token"},
                new String[] {"POST", "/admin/v1/tenants/" + other + "/console-token"},
                new String[] {"DELETE", "/admin/v1/tenants/" + other + "/console-token"})) {
            Answer answer = console(operatorOnly[0], operatorOnly[1]);
            assertThat(answer.status())
                    .as(operatorOnly[0] + " " + operatorOnly[1])
                    .isEqualTo(403);
            assertThat(answer.body()).doesNotContain(other);
        }
        Answer create = Http.send(
                "POST",
                server.baseUrl() + "/admin/v1/tenants",
                "{\"name\":\"Sneaky\"}",
                "Authorization",
                "Bearer " + consoleToken,
                "Content-Type",
                "application/json");
        assertThat(create.status()).isEqualTo(403);
        Answer importing = Http.send(
                "POST",
                server.baseUrl() + "/admin/v1/tenants/" + other + "/users",
                user("dave@globex.example", null),
                "Authorization",
                "Bearer " + consoleToken,
                "Content-Type",
                "application/json");
        assertThat(importing.status()).isEqualTo(403);
        // The company admin lists the company's own people (issue #18), and imports nothing.
        assertThat(console("GET", "/admin/v1/tenants/" + ownCompany + "/users").status())
                .isEqualTo(200);
        assertThat(Http.send(
                                "POST",
                                server.baseUrl() + "/admin/v1/tenants/" + ownCompany + "/imports",
                                "userName\nx@own.example\n",
                                "Authorization",
                                "Bearer " + consoleToken,
                                "Content-Type",
                                "text/csv")
                        .status())
                .isEqualTo(403);
        // Event consumers read every company's events: the operator's alone (deny by default).
        for (String[] operatorOnly : List.of(
                new String[] {"GET", "/admin/v1/event-consumers"},
                new String[] {"DELETE", "/admin/v1/event-consumers/" + UUID.randomUUID()})) {
            assertThat(console(operatorOnly[0], operatorOnly[1]).status())
                    .as(operatorOnly[1])
                    .isEqualTo(403);
        }
        Answer consumer = Http.send(
                "POST",
                server.baseUrl() + "/admin/v1/event-consumers",
                "{\"name\":\"sneaky\",\"tenants\":\"all\"}",
                "Authorization",
                "Bearer " + consoleToken,
                "Content-Type",
                "application/json");
        assertThat(consumer.status()).isEqualTo(403);
        assertThat(admin("GET", "/admin/v1/event-consumers", null).body()).doesNotContain("sneaky");

        // Nothing changed: the other company's SCIM token, users, log and console state stand.
        token = otherToken;
        assertThat(okta("GET", "/Users", null).json().get("totalResults").asInt())
                .isEqualTo(1);
        assertThat(admin("GET", "/admin/v1/tenants", null).json().get("tenants"))
                .hasSize(companies);
        assertThat(admin("GET", "/admin/v1/tenants/" + other, null)
                        .json()
                        .get("consoleTokenActive")
                        .asBoolean())
                .isFalse();
        assertThat(admin("GET", "/admin/v1/tenants/" + other + "/activity", null)
                        .json()
                        .get("entries"))
                .hasSize(1);

        // Tokens do not cross: a SCIM token is no console token, a console token no SCIM token.
        assertThat(Http.send(
                                "GET",
                                server.baseUrl() + "/admin/v1/tenants/" + other,
                                null,
                                "Authorization",
                                "Bearer " + otherToken)
                        .status())
                .isEqualTo(401);
        token = consoleToken;
        assertThat(okta("GET", "/Users", null).status()).isEqualTo(401);

        // Revoked, the console token stops at once.
        assertThat(admin("DELETE", "/admin/v1/tenants/" + ownCompany + "/console-token", null)
                        .status())
                .isEqualTo(204);
        assertThat(console("GET", "/admin/v1/tenants/" + ownCompany).status()).isEqualTo(401);
    }

    private static void assertOtherCompanyHidden(Answer answer, String other) {
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body())
                .doesNotContain("scim/v2")
                .doesNotContain("Acme")
                .contains("no company with id");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void anUnknownCompanyIsAnAdminNotFoundNotAScimOne(TestServer.Database database) {
        start(database);
        Answer answer = admin("GET", "/admin/v1/tenants/" + UUID.randomUUID(), null);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("detail").asText())
                .startsWith("no company with id")
                .doesNotContain("scim/v2");
    }

    @Test
    void theConsoleIsServedFromTheJarWithStrictHeaders() {
        start(TestServer.Database.H2);
        Answer page = Http.send("GET", server.baseUrl() + "/console/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy"))
                .contains("script-src 'self'")
                .contains("default-src 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.body())
                .doesNotContain("<script>")
                .doesNotContain("style=")
                .doesNotContain("onclick");
        assertThat(Http.send("GET", server.baseUrl() + "/console/app.js", null).header("Content-Type"))
                .startsWith("text/javascript");
        assertThat(Http.send("GET", server.baseUrl() + "/console/console.css", null)
                        .header("Content-Type"))
                .startsWith("text/css");
        assertThat(Http.send("GET", server.baseUrl() + "/console", null).status())
                .isEqualTo(303);
        assertThat(Http.send("GET", server.baseUrl() + "/console/../pom.xml", null)
                        .status())
                .isEqualTo(404);
        assertThat(Http.send("GET", server.baseUrl() + "/console/logback.xml", null)
                        .status())
                .isEqualTo(404);
        assertThat(Http.send("GET", server.baseUrl() + "/console/nothing.js", null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void withTheLogOffNothingIsRecordedButTheTokenUse() {
        start(TestServer.start(TestServer.Database.H2, Map.of("SCIM_ACTIVITY_LOG", "off")));
        assertThat(okta("POST", "/Users", user("erin@acme.example", null)).status())
                .isEqualTo(201);
        assertThat(okta("POST", "/Users", user("erin@acme.example", null)).status())
                .isEqualTo(409);
        sleep(2_500);
        String base = "/admin/v1/tenants/" + tenantId;
        assertThat(admin("GET", base + "/activity", null).json().get("entries")).isEmpty();
        JsonNode status = admin("GET", base, null).json();
        assertThat(status.get("activityLog").get("enabled").asBoolean()).isFalse();
        assertThat(status.get("scimToken").get("lastClient").asText()).isEqualTo("Okta");
    }
}
