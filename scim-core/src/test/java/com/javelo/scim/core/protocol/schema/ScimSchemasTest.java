package com.javelo.scim.core.protocol.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Spot checks of the definitions against RFC 7643 §3.1, §4 and §8.7.1. */
class ScimSchemasTest {

    private static AttributeDefinition user(String name) {
        return ScimSchemas.USER.attribute(name).orElseThrow();
    }

    private static AttributeDefinition sub(AttributeDefinition attribute, String name) {
        return attribute.subAttribute(name).orElseThrow();
    }

    @Test
    void userNameIsRequiredCaseInsensitiveAndUniqueAcrossTheServer() {
        AttributeDefinition userName = user("userName");

        assertThat(userName.type()).isEqualTo(AttributeType.STRING);
        assertThat(userName.required()).isTrue();
        assertThat(userName.caseExact()).isFalse();
        assertThat(userName.uniqueness()).isEqualTo(Uniqueness.SERVER);
        assertThat(userName.mutability()).isEqualTo(Mutability.READ_WRITE);
        assertThat(userName.returned()).isEqualTo(Returned.DEFAULT);
    }

    @Test
    void idIsReadOnlyCaseExactServerUniqueAndAlwaysReturnedOnBothResources() {
        for (SchemaDefinition schema : new SchemaDefinition[] {ScimSchemas.USER, ScimSchemas.GROUP}) {
            AttributeDefinition id = schema.attribute("id").orElseThrow();

            assertThat(id.returned()).isEqualTo(Returned.ALWAYS);
            assertThat(id.mutability()).isEqualTo(Mutability.READ_ONLY);
            assertThat(id.caseExact()).isTrue();
            assertThat(id.uniqueness()).isEqualTo(Uniqueness.SERVER);
        }
    }

    @Test
    void externalIdIsCaseExactAndWritableButNotUnique() {
        AttributeDefinition externalId = user("externalId");

        assertThat(externalId.caseExact()).isTrue();
        assertThat(externalId.mutability()).isEqualTo(Mutability.READ_WRITE);
        assertThat(externalId.uniqueness()).isEqualTo(Uniqueness.NONE);
        assertThat(ScimSchemas.GROUP.attribute("externalId")).isPresent();
    }

    @Test
    void metaIsReadOnlyWithTheFiveSubAttributes() {
        AttributeDefinition meta = user("meta");

        assertThat(meta.mutability()).isEqualTo(Mutability.READ_ONLY);
        assertThat(meta.returned()).isEqualTo(Returned.DEFAULT);
        assertThat(meta.subAttributes())
                .extracting(AttributeDefinition::name)
                .containsExactly("resourceType", "created", "lastModified", "location", "version");
        assertThat(meta.subAttributes()).allMatch(sub -> sub.mutability() == Mutability.READ_ONLY);
        assertThat(sub(meta, "created").type()).isEqualTo(AttributeType.DATE_TIME);
    }

    @Test
    void passwordIsWriteOnlyAndNeverReturned() {
        AttributeDefinition password = user("password");

        assertThat(password.mutability()).isEqualTo(Mutability.WRITE_ONLY);
        assertThat(password.returned()).isEqualTo(Returned.NEVER);
    }

    @Test
    void userHasEveryAttributeOfSection4Point1PlusTheCommonOnes() {
        assertThat(ScimSchemas.USER.attributes())
                .extracting(AttributeDefinition::name)
                .containsExactly(
                        "id",
                        "externalId",
                        "userName",
                        "name",
                        "displayName",
                        "nickName",
                        "profileUrl",
                        "title",
                        "userType",
                        "preferredLanguage",
                        "locale",
                        "timezone",
                        "active",
                        "password",
                        "emails",
                        "phoneNumbers",
                        "ims",
                        "photos",
                        "addresses",
                        "groups",
                        "entitlements",
                        "roles",
                        "x509Certificates",
                        "meta");
        assertThat(user("name").subAttributes())
                .extracting(AttributeDefinition::name)
                .containsExactly(
                        "formatted", "familyName", "givenName", "middleName", "honorificPrefix", "honorificSuffix");
    }

    @Test
    void groupsAndAllItsSubAttributesAreReadOnly() {
        AttributeDefinition groups = user("groups");

        assertThat(groups.multiValued()).isTrue();
        assertThat(groups.mutability()).isEqualTo(Mutability.READ_ONLY);
        assertThat(groups.subAttributes()).allMatch(sub -> sub.mutability() == Mutability.READ_ONLY);
        assertThat(sub(groups, "type").canonicalValues()).containsExactly("direct", "indirect");
        assertThat(sub(groups, "$ref").referenceTypes()).containsExactly("User", "Group");
    }

    @Test
    void multiValuedAttributesCarryTheRfcCanonicalTypes() {
        assertThat(sub(user("emails"), "type").canonicalValues()).containsExactly("work", "home", "other");
        assertThat(sub(user("phoneNumbers"), "type").canonicalValues())
                .containsExactly("work", "home", "mobile", "fax", "pager", "other");
        assertThat(sub(user("ims"), "type").canonicalValues())
                .containsExactly("aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo");
        assertThat(sub(user("photos"), "type").canonicalValues()).containsExactly("photo", "thumbnail");
        assertThat(sub(user("addresses"), "type").canonicalValues()).containsExactly("work", "home", "other");
        assertThat(sub(user("emails"), "primary").type()).isEqualTo(AttributeType.BOOLEAN);
        assertThat(user("emails").multiValued()).isTrue();
    }

    @Test
    void referencesAndBinaryUseTheirRfcTypes() {
        assertThat(user("profileUrl").type()).isEqualTo(AttributeType.REFERENCE);
        assertThat(user("profileUrl").referenceTypes()).containsExactly("external");
        assertThat(sub(user("photos"), "value").referenceTypes()).containsExactly("external");
        assertThat(sub(user("x509Certificates"), "value").type()).isEqualTo(AttributeType.BINARY);
        assertThat(user("active").type()).isEqualTo(AttributeType.BOOLEAN);
    }

    @Test
    void addressesHaveTheRfcComponents() {
        assertThat(user("addresses").subAttributes())
                .extracting(AttributeDefinition::name)
                .containsExactly(
                        "formatted", "streetAddress", "locality", "region", "postalCode", "country", "type", "primary");
    }

    @Test
    void managerIsASingleValuedComplexWithAReadOnlyDisplayName() {
        AttributeDefinition manager =
                ScimSchemas.ENTERPRISE_USER.attribute("manager").orElseThrow();

        assertThat(manager.isComplex()).isTrue();
        assertThat(manager.multiValued()).isFalse();
        assertThat(sub(manager, "displayName").mutability()).isEqualTo(Mutability.READ_ONLY);
        assertThat(sub(manager, "value").mutability()).isEqualTo(Mutability.READ_WRITE);
        assertThat(sub(manager, "$ref").referenceTypes()).containsExactly("User");
    }

    @Test
    void managerValueSaysJaveloAcceptsTheManagersEmail() {
        AttributeDefinition value =
                sub(ScimSchemas.ENTERPRISE_USER.attribute("manager").orElseThrow(), "value");

        assertThat(value.description()).contains("email");
    }

    @Test
    void enterpriseUserHasTheSixRfcAttributes() {
        assertThat(ScimSchemas.ENTERPRISE_USER.id())
                .isEqualTo("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertThat(ScimSchemas.ENTERPRISE_USER.attributes())
                .extracting(AttributeDefinition::name)
                .containsExactly("employeeNumber", "costCenter", "organization", "division", "department", "manager");
    }

    @Test
    void groupMembersAreImmutableExceptTheReadOnlyDisplay() {
        AttributeDefinition displayName =
                ScimSchemas.GROUP.attribute("displayName").orElseThrow();
        AttributeDefinition members = ScimSchemas.GROUP.attribute("members").orElseThrow();

        assertThat(displayName.required()).isTrue();
        assertThat(members.multiValued()).isTrue();
        assertThat(members.mutability()).isEqualTo(Mutability.READ_WRITE);
        assertThat(sub(members, "value").mutability()).isEqualTo(Mutability.IMMUTABLE);
        assertThat(sub(members, "$ref").mutability()).isEqualTo(Mutability.IMMUTABLE);
        assertThat(sub(members, "type").mutability()).isEqualTo(Mutability.IMMUTABLE);
        assertThat(sub(members, "display").mutability()).isEqualTo(Mutability.READ_ONLY);
        assertThat(sub(members, "type").canonicalValues()).containsExactly("User", "Group");
    }

    @Test
    void resourceTypesPointAtTheSchemasAndTheOptionalEnterpriseExtension() {
        assertThat(ScimResourceTypes.USER.endpoint()).isEqualTo("/Users");
        assertThat(ScimResourceTypes.USER.schema()).isEqualTo(ScimSchemas.USER_URN);
        assertThat(ScimResourceTypes.USER.schemaExtensions())
                .containsExactly(new ResourceTypeDefinition.SchemaExtension(ScimSchemas.ENTERPRISE_USER_URN, false));
        assertThat(ScimResourceTypes.GROUP.endpoint()).isEqualTo("/Groups");
        assertThat(ScimResourceTypes.GROUP.schemaExtensions()).isEmpty();
    }

    @Test
    void wireValuesAreTheRfcSpellings() {
        assertThat(AttributeType.DATE_TIME.wireValue()).isEqualTo("dateTime");
        assertThat(Mutability.READ_WRITE.wireValue()).isEqualTo("readWrite");
        assertThat(Mutability.WRITE_ONLY.wireValue()).isEqualTo("writeOnly");
        assertThat(Returned.DEFAULT.wireValue()).isEqualTo("default");
        assertThat(Uniqueness.SERVER.wireValue()).isEqualTo("server");
    }
}
