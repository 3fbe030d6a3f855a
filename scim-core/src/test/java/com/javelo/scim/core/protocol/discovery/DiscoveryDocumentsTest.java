package com.javelo.scim.core.protocol.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.schema.ScimSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoveryDocumentsTest {

    private static final String BASE = "https://host/scim/v2";
    private static final DiscoveryDocuments DOCUMENTS = DiscoveryDocuments.standard();
    private static final ServiceProviderSettings SETTINGS = ServiceProviderSettings.of(200);

    /** @return the JSON-pointer-like paths of every null in the tree. */
    private static List<String> nullsIn(JsonNode node, String at) {
        List<String> nulls = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            nulls.add(at);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                nulls.addAll(nullsIn(field.getValue(), at + "/" + field.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                nulls.addAll(nullsIn(node.get(i), at + "/" + i));
            }
        }
        return nulls;
    }

    private static JsonNode schemaResource(String urn) {
        for (JsonNode resource : DOCUMENTS.schemas(BASE).get("Resources")) {
            if (resource.get("id").asText().equals(urn)) {
                return resource;
            }
        }
        throw new AssertionError("no schema " + urn);
    }

    private static JsonNode attribute(JsonNode attributes, String name) {
        for (JsonNode attribute : attributes) {
            if (attribute.get("name").asText().equals(name)) {
                return attribute;
            }
        }
        throw new AssertionError("no attribute " + name);
    }

    @Test
    void noDiscoveryDocumentContainsANullAnywhere() {
        assertThat(nullsIn(DOCUMENTS.schemas(BASE), "")).isEmpty();
        assertThat(nullsIn(DOCUMENTS.resourceTypes(BASE), "")).isEmpty();
        assertThat(nullsIn(DOCUMENTS.serviceProviderConfig(BASE, SETTINGS), "")).isEmpty();
    }

    @Test
    void schemasIsAListResponseWithUserGroupAndTheEnterpriseExtension() {
        ObjectNode schemas = DOCUMENTS.schemas(BASE);

        assertThat(schemas.get("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(schemas.get("totalResults").asInt()).isEqualTo(3);
        assertThat(schemas.get("Resources").findValuesAsText("id"))
                .contains(ScimSchemas.USER_URN, ScimSchemas.GROUP_URN, ScimSchemas.ENTERPRISE_USER_URN);
    }

    @Test
    void aSchemaResourceHasItsIdentityAndMeta() {
        JsonNode group = schemaResource(ScimSchemas.GROUP_URN);

        assertThat(group.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:Schema");
        assertThat(group.get("name").asText()).isEqualTo("Group");
        assertThat(group.get("description").asText()).isEqualTo("Group");
        assertThat(group.get("meta").get("resourceType").asText()).isEqualTo("Schema");
        assertThat(group.get("meta").get("location").asText())
                .isEqualTo(BASE + "/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group");
    }

    @Test
    void attributesUseTheRfcSpellingsOfTheirCharacteristics() {
        JsonNode userName = attribute(schemaResource(ScimSchemas.USER_URN).get("attributes"), "userName");

        assertThat(userName.get("type").asText()).isEqualTo("string");
        assertThat(userName.get("multiValued").asBoolean()).isFalse();
        assertThat(userName.get("required").asBoolean()).isTrue();
        assertThat(userName.get("caseExact").asBoolean()).isFalse();
        assertThat(userName.get("mutability").asText()).isEqualTo("readWrite");
        assertThat(userName.get("returned").asText()).isEqualTo("default");
        assertThat(userName.get("uniqueness").asText()).isEqualTo("server");
        assertThat(userName.has("subAttributes")).isFalse();
        assertThat(userName.has("referenceTypes")).isFalse();
        assertThat(userName.has("canonicalValues")).isFalse();
    }

    @Test
    void complexAttributesListTheirSubAttributesWithTheirOwnCharacteristics() {
        JsonNode members = attribute(schemaResource(ScimSchemas.GROUP_URN).get("attributes"), "members");
        JsonNode password = attribute(schemaResource(ScimSchemas.USER_URN).get("attributes"), "password");
        JsonNode created = attribute(
                attribute(schemaResource(ScimSchemas.USER_URN).get("attributes"), "meta")
                        .get("subAttributes"),
                "created");

        assertThat(members.get("type").asText()).isEqualTo("complex");
        assertThat(members.get("multiValued").asBoolean()).isTrue();
        assertThat(attribute(members.get("subAttributes"), "value")
                        .get("mutability")
                        .asText())
                .isEqualTo("immutable");
        assertThat(attribute(members.get("subAttributes"), "$ref").get("referenceTypes"))
                .extracting(JsonNode::asText)
                .containsExactly("User", "Group");
        assertThat(password.get("mutability").asText()).isEqualTo("writeOnly");
        assertThat(password.get("returned").asText()).isEqualTo("never");
        assertThat(created.get("type").asText()).isEqualTo("dateTime");
    }

    @Test
    void theEnterpriseExtensionDescribesTheManager() {
        JsonNode manager =
                attribute(schemaResource(ScimSchemas.ENTERPRISE_USER_URN).get("attributes"), "manager");

        assertThat(attribute(manager.get("subAttributes"), "displayName")
                        .get("mutability")
                        .asText())
                .isEqualTo("readOnly");
        assertThat(attribute(manager.get("subAttributes"), "value")
                        .get("description")
                        .asText())
                .contains("email");
    }

    @Test
    void descriptionsPublishTheLimitsJaveloEnforces() {
        JsonNode attributes = schemaResource(ScimSchemas.USER_URN).get("attributes");
        assertThat(attribute(attributes, "userName").get("description").asText())
                .endsWith("Javelo accepts at most 1024 characters.");
        assertThat(attribute(attributes, "locale").get("description").asText())
                .endsWith("Javelo accepts at most 64 characters.");
        assertThat(attribute(attributes, "emails").get("description").asText())
                .endsWith("Javelo accepts at most 100 values.");
        assertThat(attribute(attribute(attributes, "emails").get("subAttributes"), "type")
                        .get("description")
                        .asText())
                .endsWith("Javelo accepts at most 64 characters.");
        assertThat(attribute(schemaResource(ScimSchemas.GROUP_URN).get("attributes"), "displayName")
                        .get("description")
                        .asText())
                .endsWith("Javelo accepts at most 1024 characters.");
    }

    @Test
    void aSingleSchemaIsFoundByItsUrnInAnyCase() {
        assertThat(DOCUMENTS.schema(ScimSchemas.ENTERPRISE_USER_URN.toUpperCase(), BASE))
                .map(schema -> schema.get("id").asText())
                .contains(ScimSchemas.ENTERPRISE_USER_URN);
        assertThat(DOCUMENTS.schema("urn:example:unknown", BASE)).isEmpty();
    }

    @Test
    void resourceTypesDescribeUsersWithTheOptionalExtensionAndGroups() {
        ObjectNode types = DOCUMENTS.resourceTypes(BASE);
        ObjectNode user = DOCUMENTS.resourceType("user", BASE).orElseThrow();
        ObjectNode group = DOCUMENTS.resourceType("Group", BASE).orElseThrow();

        assertThat(types.get("totalResults").asInt()).isEqualTo(2);
        assertThat(user.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:ResourceType");
        assertThat(user.get("endpoint").asText()).isEqualTo("/Users");
        assertThat(user.get("schema").asText()).isEqualTo(ScimSchemas.USER_URN);
        assertThat(user.get("schemaExtensions").get(0).get("schema").asText())
                .isEqualTo(ScimSchemas.ENTERPRISE_USER_URN);
        assertThat(user.get("schemaExtensions").get(0).get("required").asBoolean())
                .isFalse();
        assertThat(user.get("meta").get("location").asText()).isEqualTo(BASE + "/ResourceTypes/User");
        assertThat(user.get("meta").get("resourceType").asText()).isEqualTo("ResourceType");
        assertThat(group.get("endpoint").asText()).isEqualTo("/Groups");
        assertThat(group.has("schemaExtensions")).isFalse();
        assertThat(DOCUMENTS.resourceType("Agent", BASE)).isEmpty();
    }

    @Test
    void serviceProviderConfigAdvertisesWhatTheServerDoes() {
        ObjectNode config = DOCUMENTS.serviceProviderConfig(BASE, SETTINGS);

        assertThat(config.get("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        assertThat(config.has("documentationUri")).isFalse();
        assertThat(config.get("patch").get("supported").asBoolean()).isTrue();
        assertThat(config.get("bulk").get("supported").asBoolean()).isTrue();
        assertThat(config.get("bulk").get("maxOperations").asInt()).isEqualTo(1000);
        assertThat(config.get("bulk").get("maxPayloadSize").asInt()).isEqualTo(1024 * 1024);
        assertThat(config.get("pagination").get("cursor").asBoolean()).isTrue();
        assertThat(config.get("pagination").get("maxPageSize").asInt()).isEqualTo(200);
        assertThat(config.get("filter").get("supported").asBoolean()).isTrue();
        assertThat(config.get("filter").get("maxResults").isInt()).isTrue();
        assertThat(config.get("filter").get("maxResults").asInt()).isEqualTo(200);
        assertThat(config.get("changePassword").get("supported").asBoolean()).isFalse();
        assertThat(config.get("sort").get("supported").asBoolean()).isTrue();
        assertThat(config.get("etag").get("supported").asBoolean()).isTrue();
        JsonNode scheme = config.get("authenticationSchemes").get(0);
        assertThat(scheme.get("type").asText()).isEqualTo("oauthbearertoken");
        assertThat(scheme.get("name").asText()).isEqualTo("OAuth Bearer Token");
        assertThat(scheme.get("description").asText()).isNotBlank();
        assertThat(scheme.get("primary").asBoolean()).isTrue();
        assertThat(config.get("meta").get("resourceType").asText()).isEqualTo("ServiceProviderConfig");
        assertThat(config.get("meta").get("location").asText()).isEqualTo(BASE + "/ServiceProviderConfig");
    }

    @Test
    void serviceProviderConfigCarriesADocumentationUriWhenConfigured() {
        ObjectNode config = DOCUMENTS.serviceProviderConfig(
                BASE + "/", SETTINGS.withDocumentationUri("https://help.javelo.io/scim"));

        assertThat(config.get("documentationUri").asText()).isEqualTo("https://help.javelo.io/scim");
        assertThat(config.get("meta").get("location").asText()).isEqualTo(BASE + "/ServiceProviderConfig");
    }
}
