package com.javelo.scim.adapter.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Two tenants share the service and never see or touch each other's data. */
class TenantIsolationHttpTest extends HttpFixture {

    private Answer asGlobex(String method, String path, String body) {
        return body == null
                ? send(method, path, null, "Authorization", "Bearer " + globexToken)
                : send(method, path, body, "Authorization", "Bearer " + globexToken, "Content-Type", SCIM);
    }

    @Test
    void anotherTenantsIdsAre404AndItsDataInvisible() {
        String user = okta("POST", "/Users", json("{'userName':'alice@acme.example'}"))
                .json()
                .get("id")
                .asText();
        String group = okta(
                        "POST",
                        "/Groups",
                        json("{'displayName':'Acme Engineering','members':[{'value':'" + user + "'}]}"))
                .json()
                .get("id")
                .asText();

        assertThat(asGlobex("GET", "/Users/" + user, null).status()).isEqualTo(404);
        assertThat(asGlobex("PUT", "/Users/" + user, json("{'userName':'x@globex.example'}"))
                        .status())
                .isEqualTo(404);
        assertThat(asGlobex(
                                "PATCH",
                                "/Users/" + user,
                                json("{'Operations':[{'op':'replace','value':{'active':false}}]}"))
                        .status())
                .isEqualTo(404);
        assertThat(asGlobex("DELETE", "/Users/" + user, null).status()).isEqualTo(404);
        assertThat(asGlobex("GET", "/Groups/" + group, null).status()).isEqualTo(404);
        assertThat(asGlobex("DELETE", "/Groups/" + group, null).status()).isEqualTo(404);
        assertThat(asGlobex("GET", "/Users?filter=userName%20eq%20%22alice%40acme.example%22", null)
                        .json()
                        .get("totalResults")
                        .asInt())
                .isZero();
        assertThat(asGlobex("POST", "/.search", "{\"filter\":\"displayName eq \\\"Acme Engineering\\\"\"}")
                        .json()
                        .get("totalResults")
                        .asInt())
                .isZero();
        String globexGroup = asGlobex("POST", "/Groups", json("{'displayName':'G'}"))
                .json()
                .get("id")
                .asText();
        assertThat(asGlobex(
                                "PATCH",
                                "/Groups/" + globexGroup,
                                json("{'Operations':[{'op':'add','path':'members'," + "'value':[{'value':'" + user
                                        + "'}]}]}"))
                        .status())
                .isEqualTo(400);
        assertThat(okta("GET", "/Users/" + user, null).json().get("active").asBoolean())
                .isTrue();
    }
}
