package com.javelo.scim.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.app.e2e.EndToEndTest;
import com.javelo.scim.app.e2e.Http;
import com.javelo.scim.app.e2e.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hundreds of malformed requests, on H2 and on PostgreSQL: none may cause a 5xx, every answer is a
 * SCIM error, and the data is exactly as before. Values over the attributes' limits get the same
 * error on both databases, naming the attribute and its limit.
 */
class BadInputTest extends EndToEndTest {

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private String snapshot() {
        JsonNode users = okta("GET", "/Users?count=1000&sortBy=userName", null).json();
        JsonNode groups = okta("GET", "/Groups?count=1000", null).json();
        return users.toString() + groups.toString();
    }

    private String createUser() {
        return okta(
                        "POST",
                        "/Users",
                        "{\"userName\":\"keep@acme.example\",\"emails\":[{\"value\":\"keep@acme.example\","
                                + "\"type\":\"work\"}]}")
                .json()
                .get("id")
                .asText();
    }

    private String createGroup(String member) {
        return okta("POST", "/Groups", "{\"displayName\":\"Keep\",\"members\":[{\"value\":\"" + member + "\"}]}")
                .json()
                .get("id")
                .asText();
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void malformedRequestsAreRefusedWithScimErrorsAndChangeNothing(TestServer.Database database) throws Exception {
        start(database);
        String user = createUser();
        String group = createGroup(user);
        String before = snapshot();
        List<BadInputCorpus.BadRequest> corpus = BadInputCorpus.generate(user, group);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(500);

        List<String> problems = new ArrayList<>();
        for (BadInputCorpus.BadRequest bad : corpus) {
            HttpResponse<String> response;
            try {
                response = send(bad);
            } catch (IOException e) {
                problems.add(bad.name() + ": connection failed " + e);
                continue;
            }
            int status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 500) {
                problems.add(bad.name() + ": " + status + " " + response.body());
            } else if (status < 400) {
                problems.add(bad.name() + ": accepted with " + status);
            } else if (!type.startsWith("application/scim+json")
                    || !response.body().contains("urn:ietf:params:scim:api:messages:2.0:Error")) {
                problems.add(bad.name() + ": not a SCIM error (" + status + ", " + type + ")");
            }
        }

        assertThat(problems).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
    }

    /**
     * Every value over its attribute's limit, every NUL, duplicate key and over-long number: the
     * same status, scimType and detail (naming the attribute and the limit) on both databases.
     */
    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void valuesOverTheLimitsAreRefusedAlikeOnEveryDatabase(TestServer.Database database) throws Exception {
        start(database);
        String user = createUser();
        String group = createGroup(user);
        String before = snapshot();

        List<String> problems = new ArrayList<>();
        for (BadInputCorpus.Refusal refusal : BadInputCorpus.limits(user, group)) {
            long started = System.nanoTime();
            HttpResponse<String> response = send(refusal.request());
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            String name = refusal.request().name();
            JsonNode error = response.body().isEmpty() ? null : Http.JSON.readTree(response.body());
            if (response.statusCode() != refusal.status()
                    || error == null
                    || !refusal.scimType().equals(error.path("scimType").asText())) {
                problems.add(name + ": " + response.statusCode() + " " + abbreviate(response.body()));
                continue;
            }
            String detail = error.path("detail").asText();
            for (String mention : refusal.detailMentions()) {
                if (!detail.contains(mention)) {
                    problems.add(name + ": the detail does not mention " + mention + ": " + abbreviate(detail));
                }
            }
            if (detail.contains("lllllllll") || millis > 5_000) {
                problems.add(name + ": echoes the value or took " + millis + " ms");
            }
        }
        Http.Answer tenant = admin("POST", "/admin/v1/tenants", "{\"name\":\"" + "c".repeat(513) + "\"}");
        if (tenant.status() != 400
                || !tenant.body().contains("'name'")
                || !tenant.body().contains("512")) {
            problems.add("tenant-name-513: " + tenant.status() + " " + abbreviate(tenant.body()));
        }
        Http.Answer imported = admin(
                "POST", "/admin/v1/tenants/" + tenantId + "/users", "{\"userName\":\"" + "i".repeat(1025) + "\"}");
        if (imported.status() != 400 || !imported.body().contains("'userName'")) {
            problems.add("admin-import-username-1025: " + imported.status() + " " + abbreviate(imported.body()));
        }

        assertThat(problems).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
    }

    /** The limits are the columns' sizes: a value exactly at each limit is stored and read back whole. */
    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void valuesAtTheLimitsAreStoredWhole(TestServer.Database database) {
        start(database);
        String userName = "u".repeat(1014) + "@x.example";
        StringBuilder emails = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            emails.append(i == 0 ? "" : ",")
                    .append("{\"value\":\"e")
                    .append(i)
                    .append("@x.example\",\"type\":\"")
                    .append("w".repeat(64))
                    .append("\"}");
        }
        Http.Answer created = okta(
                "POST",
                "/Users",
                "{\"userName\":\"" + userName + "\",\"locale\":\"" + "l".repeat(64) + "\",\"title\":\""
                        + "t".repeat(1024) + "\",\"emails\":[" + emails + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode read =
                okta("GET", "/Users/" + created.json().get("id").asText(), null).json();
        assertThat(read.get("userName").asText()).isEqualTo(userName);
        assertThat(read.get("locale").asText()).hasSize(64);
        assertThat(read.get("title").asText()).hasSize(1024);
        assertThat(read.get("emails")).hasSize(100);
        Http.Answer tenant = admin("POST", "/admin/v1/tenants", "{\"name\":\"" + "c".repeat(512) + "\"}");
        assertThat(tenant.status()).as(tenant.body()).isEqualTo(201);
    }

    private HttpResponse<String> send(BadInputCorpus.BadRequest bad) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/scim/v2" + bad.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        for (Map.Entry<String, String> header : bad.headers().entrySet()) {
            request.header(header.getKey(), header.getValue());
        }
        request.method(
                bad.method(),
                bad.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bad.body()));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
