package com.javelo.scim.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The token is shown once; regenerating it cuts the old one off at once, and deactivation cuts all. */
class TokenLifecycleTest extends EndToEndTest {

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void regeneratingAndRevokingTheTokenTakeEffectAtOnce(TestServer.Database database) {
        start(database);
        String first = token;
        assertThat(okta("GET", "/Users", null).status()).isEqualTo(200);

        token = issueToken();
        String second = token;
        assertThat(okta("GET", "/Users", null).status()).isEqualTo(200);
        token = first;
        assertThat(okta("GET", "/Users", null).status()).isEqualTo(401);

        assertThat(admin("DELETE", "/admin/v1/tenants/" + tenantId + "/scim-token", null)
                        .status())
                .isEqualTo(204);
        token = second;
        assertThat(okta("GET", "/Users", null).status()).isEqualTo(401);
        assertThat(okta("GET", "/Users", null).header("WWW-Authenticate")).startsWith("Bearer");
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void theAdminApiNeedsTheAdminToken(TestServer.Database database) {
        start(database);
        assertThat(Http.send("GET", server.baseUrl() + "/admin/v1/tenants", null)
                        .status())
                .isEqualTo(401);
        assertThat(Http.send("GET", server.baseUrl() + "/admin/v1/tenants", null, "Authorization", "Bearer " + token)
                        .status())
                .isEqualTo(401);
        assertThat(admin("GET", "/admin/v1/tenants", null).json().get("tenants"))
                .isNotEmpty();
        assertThat(Http.send("GET", server.baseUrl() + "/health/ready", null).status())
                .isEqualTo(200);
        assertThat(Http.send("GET", server.baseUrl() + "/health/live", null).status())
                .isEqualTo(200);
        assertThat(Http.send("GET", server.baseUrl() + "/metrics", null).body()).contains("scim_http_requests");
    }
}
