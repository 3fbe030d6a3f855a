package com.javelo.scim.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.protocol.error.ScimException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST /Bulk (RFC 7644 §3.7) over the in-memory adapters, with the RFC's own examples. */
class BulkEndpointTest extends EndpointFixture {

    private static final String BULK = "{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],";

    private JsonNode bulk(String request) {
        ScimResponse response = api.bulk().process(context, json(request));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:BulkResponse");
        return response.body().get("Operations");
    }

    /** RFC 7644 §3.7.2's example: a user, then a group whose member is that user by bulkId. */
    @Test
    void aGroupCreatedWithAUserOfTheSameRequestByBulkId() {
        JsonNode results = bulk(BULK + "'Operations':["
                + "{'method':'POST','path':'/Users','bulkId':'qwerty','data':{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'Alice'}},"
                + "{'method':'POST','path':'/Groups','bulkId':'ytrewq','data':{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],"
                + "'displayName':'Tour Guides','members':[{'type':'User','value':'bulkId:qwerty'}]}}]}");

        String alice = results.get(0).get("location").asText().replaceAll(".*/", "");
        assertThat(results.get(0).get("status").asText()).isEqualTo("201");
        assertThat(results.get(0).get("bulkId").asText()).isEqualTo("qwerty");
        assertThat(results.get(0).get("method").asText()).isEqualTo("POST");
        assertThat(results.get(0).get("version").asText()).startsWith("W/\"");
        assertThat(results.get(1).get("status").asText()).isEqualTo("201");
        String group = results.get(1).get("location").asText().replaceAll(".*/", "");
        JsonNode members = api.groups()
                .get(context, group, AttributeSelection.none())
                .body()
                .get("members");
        assertThat(members).hasSize(1);
        assertThat(members.get(0).get("value").asText()).isEqualTo(alice);
    }

    /** §3.7.2: the group comes first and names a user created later (a forward reference). */
    @Test
    void aForwardReferenceWaitsForTheOperationThatCreatesIt() {
        JsonNode results = bulk(BULK + "'Operations':["
                + "{'method':'POST','path':'/Groups','bulkId':'group','data':{'displayName':'Tour Guides',"
                + "'members':[{'value':'bulkId:alice'},{'value':'bulkId:bob'}]}},"
                + "{'method':'POST','path':'/Users','bulkId':'alice','data':{'userName':'alice@acme.example'}},"
                + "{'method':'POST','path':'/Users','bulkId':'bob','data':{'userName':'bob@acme.example'}}]}");

        assertThat(results)
                .extracting(result -> result.get("bulkId").asText())
                .containsExactly("alice", "bob", "group");
        assertThat(results)
                .allSatisfy(result -> assertThat(result.get("status").asText()).isEqualTo("201"));
        String group = results.get(2).get("location").asText().replaceAll(".*/", "");
        assertThat(api.groups()
                        .get(context, group, AttributeSelection.none())
                        .body()
                        .get("members"))
                .hasSize(2);
    }

    /** §3.7.1: two groups that are each other's member; refused (409), as the RFC allows. */
    @Test
    void circularReferencesAreRefusedWith409() {
        JsonNode results = bulk(
                BULK + "'Operations':["
                        + "{'method':'POST','path':'/Groups','bulkId':'qwerty','data':{'displayName':'Group A','members':[{'type':'Group','value':'bulkId:ytrewq'}]}},"
                        + "{'method':'POST','path':'/Groups','bulkId':'ytrewq','data':{'displayName':'Group B','members':[{'type':'Group','value':'bulkId:qwerty'}]}}]}");

        assertThat(results).hasSize(2).allSatisfy(result -> {
            assertThat(result.get("status").asText()).isEqualTo("409");
            assertThat(result.get("response").get("detail").asText()).contains("circular");
        });
        assertThat(api.groups()
                        .list(context, ListParameters.none())
                        .body()
                        .get("totalResults")
                        .asInt())
                .isZero();
    }

    /**
     * §3.7.3's example: failOnErrors 1, the first operation fails (a userName taken), so the second
     * does not run; without failOnErrors every operation runs and a failure leaves the others done.
     */
    @Test
    void failOnErrorsStopsAfterThatManyErrorsAndAFailureUndoesNothing() {
        createUser("alice@acme.example");
        String bob = createUser("bob@acme.example");
        String first = "{'method':'POST','path':'/Users','bulkId':'qwerty','data':{'userName':'alice@acme.example'}},";
        String second =
                "{'method':'PUT','path':'/Users/" + bob + "','data':{'userName':'bob@acme.example','title':'Lead'}},";
        String third = "{'method':'DELETE','path':'/Users/no-such-user'}";

        JsonNode stopped = bulk(BULK + "'failOnErrors':1,'Operations':[" + first + second + third + "]}");
        JsonNode all = bulk(BULK + "'Operations':[" + first + second + third + "]}");

        assertThat(stopped).hasSize(1);
        assertThat(stopped.get(0).get("status").asText()).isEqualTo("409");
        assertThat(stopped.get(0).get("response").get("scimType").asText()).isEqualTo("uniqueness");
        assertThat(all).extracting(result -> result.get("status").asText()).containsExactly("409", "200", "404");
        assertThat(all.get(1).get("location").asText()).endsWith("/Users/" + bob);
        assertThat(all.get(2).get("location").asText()).endsWith("/Users/no-such-user");
        assertThat(all.get(2).get("response").get("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(api.users()
                        .get(context, bob, AttributeSelection.none())
                        .body()
                        .get("title")
                        .asText())
                .isEqualTo("Lead");
    }

    @Test
    void patchAndDeleteByBulkIdPathAndAReferenceToAFailedPostIs409() {
        createUser("taken@acme.example");
        JsonNode results = bulk(BULK + "'Operations':["
                + "{'method':'POST','path':'/Users','bulkId':'dana','data':{'userName':'dana@acme.example'}},"
                + "{'method':'PATCH','path':'/Users/bulkId:dana','data':{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                + "'Operations':[{'op':'replace','path':'active','value':false}]}},"
                + "{'method':'POST','path':'/Users','bulkId':'dup','data':{'userName':'TAKEN@acme.example'}},"
                + "{'method':'POST','path':'/Groups','bulkId':'g','data':{'displayName':'G','members':[{'value':'bulkId:dup'}]}},"
                + "{'method':'POST','path':'/Groups','bulkId':'h','data':{'displayName':'H','members':[{'value':'bulkId:nobody'}]}},"
                + "{'method':'DELETE','path':'/Users/bulkId:dana'}]}");

        assertThat(results)
                .extracting(result -> result.get("status").asText())
                .containsExactly("201", "200", "409", "409", "409", "204");
        assertThat(results.get(3).get("response").get("detail").asText())
                .contains("'dup'")
                .contains("failed");
        assertThat(results.get(4).get("response").get("detail").asText()).contains("'nobody'");
    }

    @Test
    void malformedOperationsAnswerInTheirPlace() {
        JsonNode results = bulk(BULK + "'Operations':["
                + "{'method':'GET','path':'/Users'},"
                + "{'method':'POST','path':'/Users','data':{'userName':'x@acme.example'}},"
                + "{'method':'POST','path':'/Things','bulkId':'t','data':{}},"
                + "{'method':'PUT','path':'/Users','data':{'userName':'x@acme.example'}},"
                + "{'method':'POST','path':'/Users','bulkId':'ok','data':{'userName':'ok@acme.example'}}]}");

        assertThat(results)
                .extracting(result -> result.get("status").asText())
                .containsExactly("400", "400", "400", "400", "201");
    }

    @Test
    void aThousandOperationsRunAndOneMoreIs413NamingTheLimits() {
        StringBuilder operations = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            operations
                    .append(i == 0 ? "" : ",")
                    .append("{'method':'POST','path':'/Users','bulkId':'u")
                    .append(i)
                    .append("','data':{'userName':'user")
                    .append(i)
                    .append("@acme.example'}}");
        }
        JsonNode results = bulk(BULK + "'Operations':[" + operations + "]}");
        List<String> statuses = new ArrayList<>();
        results.forEach(result -> statuses.add(result.get("status").asText()));

        assertThat(statuses).hasSize(1000).containsOnly("201");
        assertThat(api.users()
                        .list(context, ListParameters.none())
                        .body()
                        .get("totalResults")
                        .asInt())
                .isEqualTo(1000);
        String tooMany = BULK + "'Operations':[" + operations + ",{'method':'DELETE','path':'/Users/x'}]}";
        assertThatThrownBy(() -> api.bulk().process(context, json(tooMany)))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(413);
                    assertThat(e.error().detail())
                            .contains("maxOperations is 1000")
                            .contains("maxPayloadSize 1048576");
                });
    }

    @Test
    void aDuplicatedBulkIdRefusesTheWholeRequest() {
        assertThatThrownBy(
                        () -> api.bulk()
                                .process(
                                        context,
                                        json(
                                                BULK + "'Operations':["
                                                        + "{'method':'POST','path':'/Users','bulkId':'a','data':{'userName':'a@acme.example'}},"
                                                        + "{'method':'POST','path':'/Users','bulkId':'a','data':{'userName':'b@acme.example'}}]}")))
                .isInstanceOfSatisfying(
                        ScimException.class, e -> assertThat(e.error().status()).isEqualTo(400));
        assertThat(api.users()
                        .list(context, ListParameters.none())
                        .body()
                        .get("totalResults")
                        .asInt())
                .isZero();
    }
}
