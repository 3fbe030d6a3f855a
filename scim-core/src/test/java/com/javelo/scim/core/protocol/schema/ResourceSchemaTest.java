package com.javelo.scim.core.protocol.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceSchemaTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final ResourceSchema USER = ResourceSchema.USER;

    @Test
    void findsAttributesWhateverTheirCase() {
        assertThat(USER.find(AttributePath.of("USERNAME")))
                .map(AttributeDefinition::name)
                .contains("userName");
        assertThat(USER.find(AttributePath.of("Name", "GIVENNAME")))
                .map(AttributeDefinition::name)
                .contains("givenName");
    }

    @Test
    void findsAttributesQualifiedWithTheCoreUrnInAnyCase() {
        AttributePath path = new AttributePath("URN:IETF:params:scim:schemas:core:2.0:user", "emails", "Value");

        assertThat(USER.find(path)).map(AttributeDefinition::name).contains("value");
        assertThat(USER.isMultiValued(path.parent())).isTrue();
    }

    @Test
    void findsUnqualifiedExtensionAttributesAfterTheCoreOnes() {
        assertThat(USER.find(AttributePath.of("department")))
                .map(AttributeDefinition::description)
                .contains("Identifies the name of a department.");
        assertThat(USER.canonicalName(AttributePath.of("DEPARTMENT"))).contains(ENTERPRISE + ":department");
    }

    @Test
    void prefersTheCoreSchemaForAnUnqualifiedNameBothDefine() {
        // `displayName` is a User attribute and a manager sub-attribute; unqualified means the User's.
        assertThat(USER.canonicalPath(AttributePath.of("displayName")))
                .contains(new AttributePath(ScimSchemas.USER_URN, "displayName", null));
    }

    @Test
    void findsQualifiedExtensionSubAttributes() {
        AttributePath managerValue = new AttributePath(ENTERPRISE.toLowerCase(), "MANAGER", "value");

        assertThat(USER.canonicalName(managerValue)).contains(ENTERPRISE + ":manager.value");
        assertThat(USER.mutability(new AttributePath(ENTERPRISE, "manager", "displayName")))
                .isEqualTo(Mutability.READ_ONLY);
    }

    @Test
    void doesNotFindAnAttributeUnderTheWrongSchemaUrn() {
        assertThat(USER.find(new AttributePath(ScimSchemas.USER_URN, "department", null)))
                .isEmpty();
        assertThat(USER.find(new AttributePath(ENTERPRISE, "userName", null))).isEmpty();
        assertThat(USER.find(new AttributePath("urn:example:unknown", "userName", null)))
                .isEmpty();
    }

    @Test
    void doesNotFindUnknownAttributesOrSubAttributes() {
        assertThat(USER.find(AttributePath.of("shoeSize"))).isEmpty();
        assertThat(USER.find(AttributePath.of("name", "nickname"))).isEmpty();
        assertThat(USER.find(AttributePath.of("userName", "value"))).isEmpty();
        assertThat(ResourceSchema.GROUP.find(AttributePath.of("department"))).isEmpty();
    }

    @Test
    void canonicalNamesOfCoreAttributesAreUnqualified() {
        assertThat(USER.canonicalName(AttributePath.of("NAME", "familyname"))).contains("name.familyName");
        assertThat(ResourceSchema.GROUP.canonicalName(AttributePath.of("MEMBERS", "$REF")))
                .contains("members.$ref");
    }

    @Test
    void answersTheCharacteristicsTheProtocolRulesNeed() {
        assertThat(USER.isCaseExact(AttributePath.of("userName"))).isFalse();
        assertThat(USER.isCaseExact(AttributePath.of("ID"))).isTrue();
        assertThat(USER.isCaseExact(AttributePath.of("externalId"))).isTrue();
        assertThat(USER.returned(AttributePath.of("password"))).isEqualTo(Returned.NEVER);
        assertThat(USER.returned(AttributePath.of("id"))).isEqualTo(Returned.ALWAYS);
        assertThat(USER.mutability(AttributePath.of("groups"))).isEqualTo(Mutability.READ_ONLY);
        assertThat(ResourceSchema.GROUP.mutability(AttributePath.of("members", "value")))
                .isEqualTo(Mutability.IMMUTABLE);
        assertThat(ResourceSchema.GROUP.isMultiValued(AttributePath.of("members")))
                .isTrue();
    }

    @Test
    void unknownAttributesGetTheLenientDefaults() {
        AttributePath unknown = AttributePath.of("shoeSize");

        assertThat(USER.isCaseExact(unknown)).isFalse();
        assertThat(USER.isMultiValued(unknown)).isFalse();
        assertThat(USER.returned(unknown)).isEqualTo(Returned.DEFAULT);
        assertThat(USER.mutability(unknown)).isEqualTo(Mutability.READ_WRITE);
    }

    @Test
    void knowsItsSchemaUrnsIgnoringCase() {
        assertThat(USER.extensionUrns()).containsExactly(ENTERPRISE);
        assertThat(USER.isKnownSchemaUrn(ENTERPRISE.toUpperCase())).isTrue();
        assertThat(USER.isKnownSchemaUrn("urn:ietf:params:scim:schemas:core:2.0:user"))
                .isTrue();
        assertThat(USER.isKnownSchemaUrn(ScimSchemas.GROUP_URN)).isFalse();
        assertThat(USER.isKnownSchemaUrn(null)).isFalse();
        assertThat(ResourceSchema.GROUP.isKnownSchemaUrn(
                        "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"))
                .isFalse();
        assertThat(ResourceSchema.GROUP.extensionUrns()).isEmpty();
    }

    @Test
    void refusesSchemasThatAreNotTheOnesTheResourceTypeNames() {
        assertThatThrownBy(() -> new ResourceSchema(ScimResourceTypes.USER, ScimSchemas.GROUP, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResourceSchema(ScimResourceTypes.USER, ScimSchemas.USER, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
