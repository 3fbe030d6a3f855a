package com.javelo.scim.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.domain.error.UnknownGroup;
import com.javelo.scim.domain.error.UserNameAlreadyTaken;
import com.javelo.scim.domain.resource.ExpectedVersion;
import org.junit.jupiter.api.Test;

/** Okta's requests (CLIENTS.md §2) through the core endpoints, as Okta sends them. */
class OktaFlowsTest extends EndpointFixture {

    private static final String OKTA_CREATE = "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],"
            + "'userName':'test.user@okta.local','name':{'givenName':'Test','familyName':'User'},"
            + "'emails':[{'primary':true,'value':'test.user@okta.local','type':'work'}],'displayName':'Test User',"
            + "'locale':'en-US','externalId':'00ujl29u0le5T6Aj10h7','groups':[],'password':'1mz050nq','active':true}";

    @Test
    void pushNewUserChecksByFilterThenCreates() {
        ScimResponse miss = api.users()
                .list(
                        context,
                        new ListParameters("userName eq \"test.user@okta.local\"", "1", "100", null, null, null, null));
        assertThat(miss.body().get("totalResults").asInt()).isZero();
        assertThat(miss.body().get("Resources")).isEmpty();

        ScimResponse created = api.users().create(context, json(OKTA_CREATE), AttributeSelection.none());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("id").asText()).isNotBlank();
        assertThat(created.body().has("password")).isFalse();
        assertThat(created.location())
                .endsWith("/Users/" + created.body().get("id").asText());
        assertThat(created.body().at("/meta/location").asText()).isEqualTo(created.location());
    }

    @Test
    void aSecondCreateOfTheSameUserNameIsAUniquenessConflict() {
        api.users().create(context, json(OKTA_CREATE), AttributeSelection.none());

        assertThatThrownBy(() -> api.users()
                        .create(
                                context,
                                json(OKTA_CREATE.replace("test.user@okta.local", "TEST.USER@okta.local")),
                                AttributeSelection.none()))
                .isInstanceOfSatisfying(UserNameAlreadyTaken.class, e -> {
                    assertThat(ScimErrors.of(e).error().status()).isEqualTo(409);
                    assertThat(ScimErrors.of(e).error().scimType().wireValue()).isEqualTo("uniqueness");
                });
    }

    @Test
    void profileUpdateByPutEchoingReadOnlyAttributesIsAccepted() {
        String id = api.users()
                .create(context, json(OKTA_CREATE), AttributeSelection.none())
                .body()
                .get("id")
                .asText();
        String put = "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'id':'" + id + "',"
                + "'externalId':'00uq2kqg7YTkFo3cY0g3','userName':'test.user@okta.local',"
                + "'name':{'givenName':'Another','middleName':'Excited','familyName':'User'},"
                + "'emails':[{'primary':true,'value':'test.user@okta.local','type':'work','display':'test.user@okta.local'}],"
                + "'active':true,'groups':[],'password':'TkdFNVdIVkxhM2c9',"
                + "'meta':{'resourceType':'User','created':'2020-01-01T00:00:00Z','lastModified':'2020-01-01T00:00:00Z','version':'v1.0'}}";

        ScimResponse updated =
                api.users().replace(context, id, json(put), ExpectedVersion.any(), AttributeSelection.none());

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().at("/name/givenName").asText()).isEqualTo("Another");
        assertThat(updated.body().at("/name/middleName").asText()).isEqualTo("Excited");
        assertThat(updated.body().get("id").asText()).isEqualTo(id);
    }

    @Test
    void deactivateAndReactivateByPathlessPatchAnswerTheResource() {
        String id = api.users()
                .create(context, json(OKTA_CREATE), AttributeSelection.none())
                .body()
                .get("id")
                .asText();

        ScimResponse off = api.users()
                .patch(
                        context,
                        id,
                        json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                                + "'Operations':[{'op':'replace','value':{'active':false}}]}"),
                        ExpectedVersion.any(),
                        AttributeSelection.none());
        ScimResponse on = api.users()
                .patch(
                        context,
                        id,
                        json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                                + "'Operations':[{'op':'replace','value':{'active':true}}]}"),
                        ExpectedVersion.any(),
                        AttributeSelection.none());

        assertThat(off.status()).isEqualTo(200);
        assertThat(off.body().get("active").asBoolean()).isFalse();
        assertThat(on.body().get("active").asBoolean()).isTrue();
        assertThat(on.body().get("id").asText()).isEqualTo(id);
        assertThat(on.body().at("/name/givenName").asText()).isEqualTo("Test");
    }

    @Test
    void managerEmailIsKeptAsSentAndLinkedWhenTheManagerArrives() {
        String reportBody = OKTA_CREATE.replace(
                "'active':true",
                "'active':true,"
                        + "'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':{'manager':{'value':'boss@okta.local'}}");
        String reportId = api.users()
                .create(context, json(reportBody), AttributeSelection.none())
                .body()
                .get("id")
                .asText();

        String bossId = createUser("boss@okta.local");

        JsonNode report =
                api.users().get(context, reportId, AttributeSelection.none()).body();
        JsonNode manager = report.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
                .get("manager");
        assertThat(manager.get("value").asText()).isEqualTo("boss@okta.local");
        assertThat(manager.get("$ref").asText()).endsWith("/Users/" + bossId);
    }

    @Test
    void groupPushCreatesChangesMembersRenamesAndDeletes() {
        String alice = createUser("alice@okta.local");
        String bob = createUser("bob@okta.local");
        ScimResponse group = api.groups()
                .create(
                        context,
                        json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],"
                                + "'displayName':'Test SCIMv2','members':[]}"),
                        AttributeSelection.none());
        String id = group.body().get("id").asText();
        assertThat(group.status()).isEqualTo(201);

        api.groups()
                .patch(
                        context,
                        id,
                        json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':["
                                + "{'op':'add','path':'members','value':[{'value':'" + alice
                                + "','display':'alice@okta.local'}]}]}"),
                        ExpectedVersion.any(),
                        AttributeSelection.none());
        ScimResponse mixed = api.groups()
                .patch(
                        context,
                        id,
                        json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                                + "'Operations':[{'op':'remove','path':'members[value eq \\\"" + alice + "\\\"]'},"
                                + "{'op':'add','path':'members','value':[{'value':'" + bob
                                + "','display':'bob@okta.local'}]}]}"),
                        ExpectedVersion.any(),
                        AttributeSelection.none());
        api.groups()
                .patch(
                        context,
                        id,
                        json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                                + "'Operations':[{'op':'replace','value':{'id':'" + id
                                + "','displayName':'Renamed'}}]}"),
                        ExpectedVersion.any(),
                        AttributeSelection.none());

        assertThat(mixed.status()).isEqualTo(204);
        assertThat(mixed.body()).isNull();
        JsonNode read = api.groups().get(context, id, AttributeSelection.none()).body();
        assertThat(read.get("displayName").asText()).isEqualTo("Renamed");
        assertThat(read.get("members")).hasSize(1);
        assertThat(read.get("members").get(0).get("value").asText()).isEqualTo(bob);

        api.groups()
                .patch(
                        context,
                        id,
                        json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                                + "'Operations':[{'op':'replace','path':'members','value':[]}]}"),
                        ExpectedVersion.any(),
                        AttributeSelection.none());
        assertThat(api.groups()
                        .get(context, id, AttributeSelection.none())
                        .body()
                        .get("members"))
                .isEmpty();

        assertThat(api.groups().delete(context, id, ExpectedVersion.any()).status())
                .isEqualTo(204);
        assertThatThrownBy(() -> api.groups().get(context, id, AttributeSelection.none()))
                .isInstanceOfSatisfying(
                        UnknownGroup.class,
                        e -> assertThat(ScimErrors.of(e).error().status()).isEqualTo(404));
    }
}
