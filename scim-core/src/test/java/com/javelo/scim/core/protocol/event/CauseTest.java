package com.javelo.scim.core.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CauseTest {

    private static Cause.Client clientOf(String userAgent) {
        return Cause.scimRequest("r", userAgent, "https://scim.example.com/scim/v2")
                .client();
    }

    @Test
    void theClientIsToldByItsUserAgent() {
        assertThat(clientOf("Okta SCIM Client 1.0.0")).isEqualTo(Cause.Client.OKTA);
        assertThat(clientOf("OKTA SCIM Integration")).isEqualTo(Cause.Client.OKTA);
        assertThat(clientOf("Microsoft.Identity.Provisioning")).isEqualTo(Cause.Client.ENTRA);
        assertThat(clientOf("curl/8.5.0")).isEqualTo(Cause.Client.OTHER);
        assertThat(clientOf(null)).isEqualTo(Cause.Client.OTHER);
        assertThat(Cause.admin("r", "https://scim.example.com/").client()).isEqualTo(Cause.Client.ADMIN);
        assertThat(Cause.admin("r", "https://scim.example.com/").baseUrl()).isEqualTo("https://scim.example.com");
    }
}
