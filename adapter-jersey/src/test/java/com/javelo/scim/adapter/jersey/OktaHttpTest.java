package com.javelo.scim.adapter.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Okta's provisioning requests (CLIENTS.md §2), byte for byte, over HTTP. */
class OktaHttpTest extends HttpFixture {

    private static final String CREATE = json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],"
            + "'userName':'test.user@okta.local','name':{'givenName':'Test','familyName':'User'},"
            + "'emails':[{'primary':true,'value':'test.user@okta.local','type':'work'}],'displayName':'Test User',"
            + "'locale':'en-US','externalId':'00ujl29u0le5T6Aj10h7','groups':[],'password':'1mz050nq','active':true}");

    private String create() {
        return okta("POST", "/Users", CREATE).json().get("id").asText();
    }

    @Test
    void testApiCredentialsAnswersAListResponseWithIntegers() {
        create();

        Answer answer = okta("GET", "/Users?startIndex=1&count=2", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo(SCIM_UTF8_HEADER);
        JsonNode list = answer.json();
        assertThat(list.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(list.get("totalResults").isInt()).isTrue();
        assertThat(list.get("startIndex").isInt()).isTrue();
        assertThat(list.get("itemsPerPage").isInt()).isTrue();
        assertThat(list.get("Resources")).hasSize(1);
        assertThat(okta("GET", "/Groups?startIndex=1&count=100", null).status()).isEqualTo(200);
    }

    @Test
    void pushNewUserFiltersThenCreatesWith201AndLocation() {
        Answer miss =
                okta("GET", "/Users?filter=userName%20eq%20%22test.user%40okta.local%22&startIndex=1&count=100", null);
        assertThat(miss.json().get("totalResults").asInt()).isZero();
        assertThat(miss.json().get("Resources")).isEmpty();

        Answer created = okta("POST", "/Users", CREATE);

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).endsWith("/scim/v2/Users/" + id).startsWith("http://");
        assertThat(created.json().at("/meta/location").asText()).isEqualTo(created.header("Location"));
        assertThat(created.header("ETag"))
                .isEqualTo(created.json().at("/meta/version").asText());
        assertThat(created.text()).doesNotContain("1mz050nq");
        Answer hit = okta("GET", "/Users?filter=userName+eq+%22test.user%40okta.local%22", null);
        assertThat(hit.json().get("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void aDuplicateCreateIs409Uniqueness() {
        create();

        Answer duplicate = okta("POST", "/Users", CREATE);

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("scimType").asText()).isEqualTo("uniqueness");
        assertThat(duplicate.json().get("status").asText()).isEqualTo("409");
    }

    @Test
    void profileUpdateByPutEchoesReadOnlyAttributes() {
        String id = create();
        Answer read = okta("GET", "/Users/" + id, null);
        String put = json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'id':'" + id + "',"
                + "'externalId':'00uq2kqg7YTkFo3cY0g3','userName':'test.user@okta.local',"
                + "'name':{'givenName':'Another','middleName':'Excited','familyName':'User'},"
                + "'emails':[{'primary':true,'value':'test.user@okta.local','type':'work','display':'test.user@okta.local'}],"
                + "'active':true,'groups':[],'password':'TkdFNVdIVkxhM2c9',"
                + "'meta':{'resourceType':'User','created':'"
                + read.json().at("/meta/created").asText()
                + "','lastModified':'" + read.json().at("/meta/lastModified").asText() + "','version':'v1.0'}}");

        Answer updated = okta("PUT", "/Users/" + id, put);

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().at("/name/givenName").asText()).isEqualTo("Another");
        assertThat(updated.json().get("externalId").asText()).isEqualTo("00uq2kqg7YTkFo3cY0g3");
    }

    @Test
    void deactivateAndReactivateAnswer200WithActive() {
        String id = create();

        Answer off = okta(
                "PATCH",
                "/Users/" + id,
                json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                        + "'Operations':[{'op':'replace','value':{'active':false}}]}"));
        Answer on = okta(
                "PATCH",
                "/Users/" + id,
                json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                        + "'Operations':[{'op':'replace','value':{'active':true}}]}"));

        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().get("active").asBoolean()).isFalse();
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.json().get("active").asBoolean()).isTrue();
        assertThat(okta("GET", "/Users/" + id, null).json().get("id").asText()).isEqualTo(id);
    }

    @Test
    void groupPushCreatesSyncsRenamesAndDeletes() {
        String alice = create();
        String bob = okta("POST", "/Users", CREATE.replace("test.user@okta.local", "bob@okta.local"))
                .json()
                .get("id")
                .asText();
        Answer group = okta(
                "POST",
                "/Groups",
                json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],"
                        + "'displayName':'Test SCIMv2','members':[]}"));
        assertThat(group.status()).isEqualTo(201);
        String id = group.json().get("id").asText();
        okta(
                "PATCH",
                "/Groups/" + id,
                json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':"
                        + "[{'op':'add','path':'members','value':[{'value':'" + alice
                        + "','display':'test.user@okta.local'}]}]}"));

        Answer mixed = okta(
                "PATCH",
                "/Groups/" + id,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + alice + "\\\"]\"},"
                        + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob
                        + "\",\"display\":\"bob@okta.local\"}]}]}");
        Answer rename = okta(
                "PATCH",
                "/Groups/" + id,
                json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                        + "'Operations':[{'op':'replace','value':{'id':'" + id + "','displayName':'Renamed'}}]}"));

        assertThat(mixed.status()).isEqualTo(204);
        assertThat(mixed.text()).isEmpty();
        assertThat(rename.status()).isEqualTo(204);
        JsonNode read = okta("GET", "/Groups/" + id, null).json();
        assertThat(read.get("displayName").asText()).isEqualTo("Renamed");
        assertThat(read.get("members"))
                .extracting(member -> member.get("value").asText())
                .containsExactly(bob);

        Answer pushNow = okta(
                "PATCH",
                "/Groups/" + id,
                json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                        + "'Operations':[{'op':'replace','path':'members','value':[]}]}"));
        assertThat(pushNow.status()).isEqualTo(204);
        assertThat(okta("GET", "/Groups/" + id, null).json().get("members")).isEmpty();
        assertThat(okta("DELETE", "/Groups/" + id, null).status()).isEqualTo(204);
        assertThat(okta("GET", "/Groups/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void theSpecTestsTwelveStepsPass() {
        String existing = create();
        // 1-2: the users endpoint and one user.
        Answer first = send(
                "GET",
                "/Users?count=1&startIndex=1",
                null,
                "Authorization",
                "Bearer " + acmeToken,
                "Accept",
                "application/scim+json; charset=utf-8",
                "Content-Type",
                SCIM_UTF8,
                "User-Agent",
                "OKTA SCIM Integration");
        JsonNode user = first.json().get("Resources").get(0);
        assertThat(user.get("id").asText()).isEqualTo(existing);
        assertThat(user.at("/name/familyName").asText()).isNotEmpty();
        assertThat(user.at("/emails/0/value").asText()).isNotEmpty();
        assertThat(okta("GET", "/Users/" + existing, null).json().get("id").asText())
                .isEqualTo(existing);
        // 3, 5: filters that match nothing.
        assertThat(okta("GET", "/Users?filter=userName%20eq%20%22abcdefgh%40atko.com%22", null)
                        .json()
                        .get("totalResults")
                        .asInt())
                .isZero();
        // 4, 12: unknown ids.
        for (String unknown : new String[] {"010101001010101011001010101011", "00919288221112222"}) {
            Answer missing = okta("GET", "/Users/" + unknown, null);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("detail").asText()).isNotEmpty();
            assertThat(missing.json().get("status").asText()).isEqualTo("404");
            assertThat(missing.json().get("schemas").get(0).asText())
                    .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        }
        // 6-8: create with application/json, read it, create again.
        String body = json(
                "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'Runscope123Abcdefghi123@atko.com',"
                        + "'name':{'givenName':'Runscope123','familyName':'Abcdefghi123'},'emails':[{'primary':true,"
                        + "'value':'Runscope123Abcdefghi123@atko.com','type':'work'}],'displayName':'Runscope123 Abcdefghi123','active':true}");
        Answer created = send(
                "POST",
                "/Users",
                body,
                "Authorization",
                "Bearer " + acmeToken,
                "Accept",
                "application/scim+json; charset=utf-8",
                "Content-Type",
                "application/json");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("userName").asText()).isEqualTo("Runscope123Abcdefghi123@atko.com");
        assertThat(created.json().get("schemas").toString()).contains("urn:ietf:params:scim:schemas:core:2.0:User");
        assertThat(send(
                                "POST",
                                "/Users",
                                body,
                                "Authorization",
                                "Bearer " + acmeToken,
                                "Content-Type",
                                "application/json")
                        .status())
                .isEqualTo(409);
        // 9: the user name in capitals finds the user (userName is case-insensitive).
        assertThat(okta("GET", "/Users?filter=userName%20eq%20%22RUNSCOPE123ABCDEFGHI123%40ATKO.COM%22", null)
                        .json()
                        .get("totalResults")
                        .asInt())
                .isEqualTo(1);
        // 10: groups without paging.
        Answer groups = okta("GET", "/Groups", null);
        assertThat(groups.status()).isEqualTo(200);
        assertThat(groups.json().get("Resources").isArray()).isTrue();
        // 11: an invalid credential.
        Answer refused = send("GET", "/Users?filter=userName%20eq%20%22x%22", null, "Authorization", "non-token");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("status").asText()).isEqualTo("401");
        assertThat(refused.json().get("detail").asText()).isNotEmpty();
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aManagerEmailIsAcceptedBeforeTheManagerExistsAndReturnedAsSent() {
        String body = CREATE.replace(
                "\"active\":true",
                "\"active\":true,"
                        + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"manager\":{\"value\":\"boss@okta.local\"}}");

        Answer created = okta("POST", "/Users", body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()
                        .at("/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/manager/value")
                        .asText())
                .isEqualTo("boss@okta.local");
    }
}
