package com.javelo.scim.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.domain.resource.ExpectedVersion;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Entra's requests (CLIENTS.md §3) through the core endpoints, in both PATCH dialects. */
class EntraFlowsTest extends EndpointFixture {

    private static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private String entraUser(String userName) {
        return api.users()
                .create(
                        context,
                        json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User',"
                                + "'" + ENT + "'],'externalId':'" + UUID.randomUUID() + "','userName':'" + userName
                                + "','active':true,"
                                + "'emails':[{'primary':true,'type':'work','value':'" + userName
                                + "'}],'meta':{'resourceType':'User'},"
                                + "'name':{'formatted':'givenName familyName','familyName':'familyName','givenName':'givenName'},"
                                + "'roles':[]}"),
                        AttributeSelection.none())
                .body()
                .get("id")
                .asText();
    }

    @Test
    void testConnectionWithARandomGuidFindsNothing() {
        ScimResponse response = api.users().list(context, filter("userName eq \"" + UUID.randomUUID() + "\""));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("totalResults").asInt()).isZero();
    }

    @Test
    void defaultDialectUpdatesWithCapitalisedOpsAndStringBooleans() {
        String id = entraUser("Test_User_1@contoso.example");

        ScimResponse patched = api.users()
                .patch(
                        context,
                        id,
                        json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                                + "'Operations':[{'op':'Replace','path':'emails[type eq \\\"work\\\"].value','value':'updated@contoso.example'},"
                                + "{'op':'Replace','path':'name.familyName','value':'updatedFamilyName'},"
                                + "{'op':'Replace','path':'" + ENT + ":employeeNumber','value':'Eqpj'},"
                                + "{'op':'Add','path':'nickName','value':'Babs'},"
                                + "{'op':'Replace','path':'active','value':'False'}]}"),
                        ExpectedVersion.any(),
                        AttributeSelection.none());

        assertThat(patched.status()).isEqualTo(204);
        JsonNode user = api.users().get(context, id, AttributeSelection.none()).body();
        assertThat(user.at("/emails/0/value").asText()).isEqualTo("updated@contoso.example");
        assertThat(user.at("/name/familyName").asText()).isEqualTo("updatedFamilyName");
        assertThat(user.get(ENT).get("employeeNumber").asText()).isEqualTo("Eqpj");
        assertThat(user.get("nickName").asText()).isEqualTo("Babs");
        assertThat(user.get("active").asBoolean()).isFalse();
    }

    @Test
    void compliantDialectExpandsDottedAndUrnKeysOfAPathlessReplace() {
        String id = entraUser("Test_User_2@contoso.example");

        api.users()
                .patch(
                        context,
                        id,
                        json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                                + "'Operations':[{'op':'replace','path':'emails[type eq \\\"work\\\"].value','value':'t@test.example'},"
                                + "{'op':'replace','value':{'displayName':'Bjfe','name.givenName':'Kkom','name.familyName':'Unua',"
                                + "'" + ENT + ":employeeNumber':'Aklq'}}]}"),
                        ExpectedVersion.any(),
                        AttributeSelection.none());

        JsonNode user = api.users().get(context, id, AttributeSelection.none()).body();
        assertThat(user.get("displayName").asText()).isEqualTo("Bjfe");
        assertThat(user.at("/name/givenName").asText()).isEqualTo("Kkom");
        assertThat(user.at("/name/familyName").asText()).isEqualTo("Unua");
        assertThat(user.get(ENT).get("employeeNumber").asText()).isEqualTo("Aklq");
    }

    @Test
    void managerIsSetChangedAndClearedInEveryShape() {
        String boss = entraUser("boss@contoso.example");
        String other = entraUser("other@contoso.example");
        String id = entraUser("report@contoso.example");

        api.users()
                .patch(
                        context,
                        id,
                        json("{'Operations':[{'op':'Add','path':'manager','value':[{'$ref':null,'value':'" + boss
                                + "'}]}]}"),
                        ExpectedVersion.any(),
                        AttributeSelection.none());
        assertThat(manager(id)).isEqualTo(boss);
        api.users()
                .patch(
                        context,
                        id,
                        json("{'Operations':[{'op':'Replace','path':'" + ENT + ":manager','value':'" + other + "'}]}"),
                        ExpectedVersion.any(),
                        AttributeSelection.none());
        assertThat(manager(id)).isEqualTo(other);
        api.users()
                .patch(
                        context,
                        id,
                        json("{'Operations':[{'op':'Replace','path':'" + ENT + ":manager','value':''}]}"),
                        ExpectedVersion.any(),
                        AttributeSelection.none());
        assertThat(manager(id)).isNull();
    }

    private String manager(String id) {
        JsonNode ext =
                api.users().get(context, id, AttributeSelection.none()).body().get(ENT);
        return ext == null || !ext.has("manager")
                ? null
                : ext.get("manager").get("value").asText();
    }

    @Test
    void removeMembersWithAValueArrayRemovesOnlyThoseMembers() {
        String a = entraUser("a@contoso.example");
        String b = entraUser("b@contoso.example");
        String group = api.groups()
                .create(
                        context,
                        json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group',"
                                + "'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],'externalId':'8aa1a0c0',"
                                + "'displayName':'displayName','meta':{'resourceType':'Group'}}"),
                        AttributeSelection.none())
                .body()
                .get("id")
                .asText();
        api.groups()
                .patch(
                        context,
                        group,
                        json("{'Operations':[{'op':'Add','path':'members','value':[{'$ref':null,'value':'" + a
                                + "'},{'$ref':null,'value':'" + b + "'}]}]}"),
                        ExpectedVersion.any(),
                        AttributeSelection.none());

        api.groups()
                .patch(
                        context,
                        group,
                        json("{'Operations':[{'op':'Remove','path':'members','value':[{'$ref':null," + "'value':'" + a
                                + "'}]}]}"),
                        ExpectedVersion.any(),
                        AttributeSelection.none());

        JsonNode read =
                api.groups().get(context, group, AttributeSelection.none()).body();
        assertThat(read.get("members")).hasSize(1);
        assertThat(read.get("members").get(0).get("value").asText()).isEqualTo(b);
        JsonNode withoutMembers = api.groups()
                .list(
                        context,
                        new ListParameters("displayName eq \"displayName\"", null, null, null, null, null, "members"))
                .body();
        assertThat(withoutMembers.get("Resources").get(0).has("members")).isFalse();
    }

    @Test
    void nullUpdateClearsOptionalAttributes() {
        String id = entraUser("null@contoso.example");
        api.users()
                .patch(
                        context,
                        id,
                        json("{'Operations':[{'op':'Replace','path':'nickName','value':'Nick'}]}"),
                        ExpectedVersion.any(),
                        AttributeSelection.none());

        api.users()
                .patch(
                        context,
                        id,
                        json("{'Operations':[{'op':'Replace','path':'nickName','value':''}]}"),
                        ExpectedVersion.any(),
                        AttributeSelection.none());
        assertThat(api.users()
                        .get(context, id, AttributeSelection.none())
                        .body()
                        .has("nickName"))
                .isFalse();
        api.users()
                .patch(
                        context,
                        id,
                        json("{'Operations':[{'op':'Replace','path':'displayName','value':null}]}"),
                        ExpectedVersion.any(),
                        AttributeSelection.none());
        assertThat(api.users()
                        .get(context, id, AttributeSelection.none())
                        .body()
                        .has("displayName"))
                .isFalse();
    }

    @Test
    void deleteThenRecreateGivesANewId() {
        String id = entraUser("gone@contoso.example");

        assertThat(api.users().delete(context, id, ExpectedVersion.any()).status())
                .isEqualTo(204);
        String again = entraUser("gone@contoso.example");

        assertThat(again).isNotEqualTo(id);
        assertThat(api.users()
                        .list(context, filter("userName eq \"gone@contoso.example\""))
                        .body()
                        .get("totalResults")
                        .asInt())
                .isEqualTo(1);
    }
}
