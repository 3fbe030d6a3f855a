package com.javelo.scim.adapter.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Microsoft Entra ID's provisioning requests (CLIENTS.md §3) over HTTP, in both PATCH dialects. */
class EntraHttpTest extends HttpFixture {

    private static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private String user(String userName) {
        Answer created = entra(
                "POST",
                "/Users",
                json(
                        "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User','" + ENT
                                + "'],'externalId':'" + UUID.randomUUID() + "','userName':'" + userName
                                + "','active':true,"
                                + "'emails':[{'primary':true,'type':'work','value':'" + userName
                                + "'}],'meta':{'resourceType':'User'},"
                                + "'name':{'formatted':'givenName familyName','familyName':'familyName','givenName':'givenName'},'roles':[]}"));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void testConnectionWithoutAcceptFindsNothing() {
        Answer answer = entra("GET", "/Users?filter=userName+eq+%22" + UUID.randomUUID() + "%22", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo(SCIM_UTF8_HEADER);
        assertThat(answer.json().get("totalResults").asInt()).isZero();
    }

    @Test
    void defaultDialectWithStringBooleanDisablesAndAnswers204() {
        String id = user("Test_User_1@contoso.example");

        Answer patched = entra(
                "PATCH",
                "/Users/" + id,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"new@contoso.example\"},"
                        + "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}");

        assertThat(patched.status()).isEqualTo(204);
        JsonNode read = entra("GET", "/Users/" + id, null).json();
        assertThat(read.get("active").asBoolean()).isFalse();
        assertThat(read.at("/emails/0/value").asText()).isEqualTo("new@contoso.example");
    }

    @Test
    void compliantDialectAnswersTheResource() {
        String id = user("Test_User_2@contoso.example");

        Answer patched = entra(
                "PATCH",
                "/Users/" + id,
                json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                        + "'Operations':[{'op':'replace','value':{'displayName':'Bjfe','name.givenName':'Kkom','" + ENT
                        + ":employeeNumber':'Aklq'}},{'op':'replace','path':'active','value':false}]}"));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("displayName").asText()).isEqualTo("Bjfe");
        assertThat(patched.json().get(ENT).get("employeeNumber").asText()).isEqualTo("Aklq");
        assertThat(patched.json().get("active").asBoolean()).isFalse();
    }

    @Test
    void groupsAreFoundWithoutMembersAndRemoveWithValueArrayKeepsTheOthers() {
        String a = user("a@contoso.example");
        String b = user("b@contoso.example");
        Answer created = entra(
                "POST",
                "/Groups",
                json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group',"
                        + "'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],'externalId':'8aa1a0c0',"
                        + "'displayName':'displayName','meta':{'resourceType':'Group'}}"));
        String id = created.json().get("id").asText();
        entra(
                "PATCH",
                "/Groups/" + id,
                json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':"
                        + "[{'op':'Add','path':'members','value':[{'$ref':null,'value':'" + a
                        + "'},{'$ref':null,'value':'" + b + "'}]}]}"));

        Answer removed = entra(
                "PATCH",
                "/Groups/" + id,
                json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                        + "'Operations':[{'op':'Remove','path':'members','value':[{'$ref':null,'value':'" + a
                        + "'}]}]}"));

        assertThat(removed.status()).isEqualTo(204);
        Answer found = entra("GET", "/Groups?excludedAttributes=members&filter=displayName+eq+%22displayName%22", null);
        assertThat(found.json().get("Resources").get(0).has("members")).isFalse();
        assertThat(entra("GET", "/Groups/" + id + "?excludedAttributes=members", null)
                        .json()
                        .has("members"))
                .isFalse();
        assertThat(entra("GET", "/Groups/" + id, null).json().get("members"))
                .extracting(member -> member.get("value").asText())
                .containsExactly(b);
    }

    @Test
    void managerShapesAreAcceptedAndReturnedInComplexForm() {
        String boss = user("boss@contoso.example");
        String id = user("report@contoso.example");

        entra(
                "PATCH",
                "/Users/" + id,
                json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':"
                        + "[{'op':'add','path':'" + ENT + ":manager','value':'" + boss + "'}]}"));

        JsonNode manager = entra("GET", "/Users/" + id, null).json().get(ENT).get("manager");
        assertThat(manager.get("value").asText()).isEqualTo(boss);
    }

    @Test
    void deleteThenRecreate() {
        String id = user("gone@contoso.example");

        assertThat(entra("DELETE", "/Users/" + id, null).status()).isEqualTo(204);
        assertThat(entra("GET", "/Users/" + id, null).status()).isEqualTo(404);
        assertThat(user("gone@contoso.example")).isNotEqualTo(id);
    }
}
