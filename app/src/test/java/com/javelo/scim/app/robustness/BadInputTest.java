package com.javelo.scim.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.app.e2e.EndToEndTest;
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
import org.junit.jupiter.api.Test;

/**
 * Hundreds of malformed requests: none may cause a 5xx, every answer is a SCIM error, and the
 * data is exactly as before.
 */
class BadInputTest extends EndToEndTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private String snapshot() {
        JsonNode users = okta("GET", "/Users?count=1000&sortBy=userName", null).json();
        JsonNode groups = okta("GET", "/Groups?count=1000", null).json();
        return users.toString() + groups.toString();
    }

    @Test
    void malformedRequestsAreRefusedWithScimErrorsAndChangeNothing() throws Exception {
        start(TestServer.Database.H2);
        String user = okta("POST", "/Users", "{\"userName\":\"keep@acme.example\",\"emails\":[{\"value\":\"keep@acme.example\","
                + "\"type\":\"work\"}]}").json().get("id").asText();
        String group = okta("POST", "/Groups", "{\"displayName\":\"Keep\",\"members\":[{\"value\":\"" + user + "\"}]}")
                .json().get("id").asText();
        String before = snapshot();
        List<BadInputCorpus.BadRequest> corpus = BadInputCorpus.generate(user, group);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(500);

        List<String> problems = new ArrayList<>();
        for (BadInputCorpus.BadRequest bad : corpus) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/scim/v2" + bad.path()))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
            for (Map.Entry<String, String> header : bad.headers().entrySet()) {
                request.header(header.getKey(), header.getValue());
            }
            request.method(bad.method(), bad.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(bad.body()));
            HttpResponse<String> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
}
