package com.javelo.scim.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.app.e2e.Http.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the end-to-end suites: the real server, a tenant and its token made through the admin
 * API, and requests shaped as Okta and Entra send them.
 */
public abstract class EndToEndTest {

    protected TestServer server;
    protected String tenantId;
    protected String token;

    protected void start(TestServer.Database database) {
        start(TestServer.start(database));
    }

    protected void start(TestServer running) {
        server = running;
        tenantId = admin("POST", "/admin/v1/tenants", "{\"name\":\"Acme " + UUID.randomUUID() + "\"}")
                .json()
                .get("id")
                .asText();
        token = issueToken();
    }

    protected String issueToken() {
        Answer issued = admin("POST", "/admin/v1/tenants/" + tenantId + "/scim-token", null);
        assertThat(issued.status()).isEqualTo(201);
        return issued.json().get("token").asText();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    protected Answer admin(String method, String path, String body) {
        return body == null
                ? Http.send(method, server.baseUrl() + path, null, "Authorization", "Bearer " + TestServer.ADMIN_TOKEN)
                : Http.send(
                        method,
                        server.baseUrl() + path,
                        body,
                        "Authorization",
                        "Bearer " + TestServer.ADMIN_TOKEN,
                        "Content-Type",
                        "application/json");
    }

    /** Okta: bearer token, scim+json both ways, its User-Agent. */
    protected Answer okta(String method, String path, String body) {
        String url = server.baseUrl() + "/scim/v2" + path;
        return body == null
                ? Http.send(
                        method,
                        url,
                        null,
                        "Authorization",
                        "Bearer " + token,
                        "Accept",
                        "application/scim+json",
                        "Accept-Charset",
                        "utf-8",
                        "User-Agent",
                        "Okta SCIM Client 1.0.0")
                : Http.send(
                        method,
                        url,
                        body,
                        "Authorization",
                        "Bearer " + token,
                        "Accept",
                        "application/scim+json",
                        "Accept-Charset",
                        "utf-8",
                        "User-Agent",
                        "Okta SCIM Client 1.0.0",
                        "Content-Type",
                        "application/scim+json; charset=utf-8");
    }

    /** Entra: bearer token, scim+json bodies, no Accept header. */
    protected Answer entra(String method, String path, String body) {
        String url = server.baseUrl() + "/scim/v2" + path;
        return body == null
                ? Http.send(method, url, null, "Authorization", "Bearer " + token)
                : Http.send(
                        method,
                        url,
                        body,
                        "Authorization",
                        "Bearer " + token,
                        "Content-Type",
                        "application/scim+json; charset=utf-8");
    }

    protected static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
