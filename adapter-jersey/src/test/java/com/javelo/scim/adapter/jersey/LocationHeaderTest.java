package com.javelo.scim.adapter.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue #18: {@code Location} on every answer that carries a single resource, not only on 201. */
class LocationHeaderTest extends HttpFixture {

    private static final String PATCH = "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':";

    @Test
    void getPutAndPatchOfAUserNameTheUser() {
        Answer created = okta("POST", "/Users", json("{'userName':'dana@acme.example'}"));
        String id = created.json().get("id").asText();

        Answer read = okta("GET", "/Users/" + id, null);
        Answer replaced = okta("PUT", "/Users/" + id, json("{'userName':'dana@acme.example','title':'Lead'}"));
        Answer patched =
                okta("PATCH", "/Users/" + id, json(PATCH + "[{'op':'replace','path':'active','value':false}]}"));

        for (Answer answer : new Answer[] {created, read, replaced, patched}) {
            assertThat(answer.header("Location"))
                    .isEqualTo(answer.json().at("/meta/location").asText())
                    .endsWith("/scim/v2/Users/" + id);
        }
    }

    @Test
    void groupsToo_butNotAnswersWithoutAResource() {
        String id = okta("POST", "/Groups", json("{'displayName':'Board'}"))
                .json()
                .get("id")
                .asText();

        Answer read = okta("GET", "/Groups/" + id, null);
        Answer replaced = okta("PUT", "/Groups/" + id, json("{'displayName':'The Board'}"));
        Answer patchedWithBody = okta(
                "PATCH",
                "/Groups/" + id + "?attributes=displayName",
                json(PATCH + "[{'op':'replace','path':'displayName','value':'Board'}]}"));
        Answer patchedNoBody = okta(
                "PATCH", "/Groups/" + id, json(PATCH + "[{'op':'replace','path':'displayName','value':'Board 2'}]}"));
        Answer list = okta("GET", "/Groups", null);

        for (Answer answer : new Answer[] {read, replaced, patchedWithBody}) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Location")).endsWith("/scim/v2/Groups/" + id);
        }
        assertThat(patchedNoBody.status()).isEqualTo(204);
        assertThat(patchedNoBody.header("Location")).isNull();
        assertThat(list.header("Location")).isNull();
    }
}
