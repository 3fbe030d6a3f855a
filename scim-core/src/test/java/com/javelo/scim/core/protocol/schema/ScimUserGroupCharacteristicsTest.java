package com.javelo.scim.core.protocol.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScimUserGroupCharacteristicsTest {

    private static final String ENTERPRISE = ScimUserGroupCharacteristics.ENTERPRISE_USER_URN;

    private final AttributeCharacteristics users = ScimUserGroupCharacteristics.users();
    private final AttributeCharacteristics groups = ScimUserGroupCharacteristics.groups();

    @Test
    void namesAreMatchedIgnoringCaseAndSpelledCanonically() {
        assertThat(users.canonicalName(AttributePath.of("NAME", "FAMILYNAME"))).contains("familyName");
        assertThat(users.canonicalName(AttributePath.of("username"))).contains("userName");
        assertThat(users.canonicalUrn(ENTERPRISE.toLowerCase())).contains(ENTERPRISE);
    }

    @Test
    void unqualifiedExtensionAttributesAreFoundInTheirExtension() {
        assertThat(users.isKnown(AttributePath.of("employeeNumber"))).isTrue();
        assertThat(users.extensionUrnOf(AttributePath.of("manager"))).contains(ENTERPRISE);
        assertThat(users.extensionUrnOf(AttributePath.of("userName"))).isEmpty();
        assertThat(users.isKnown(new AttributePath(ENTERPRISE, "userName", null)))
                .isFalse();
        assertThat(users.isKnown(new AttributePath(ScimUserGroupCharacteristics.USER_URN, "userName", null)))
                .isTrue();
    }

    @Test
    void eachResourceTypeKnowsOnlyItsOwnAttributes() {
        assertThat(users.isKnown(AttributePath.of("members"))).isFalse();
        assertThat(groups.isKnown(AttributePath.of("members"))).isTrue();
        assertThat(groups.isKnown(AttributePath.of("userName"))).isFalse();
        assertThat(groups.isKnown(AttributePath.of("displayName"))).isTrue();
    }

    @Test
    void theRfcCharacteristicsAreThere() {
        assertThat(users.isMultiValued(AttributePath.of("emails"))).isTrue();
        assertThat(users.isMultiValued(AttributePath.of("emails", "value"))).isFalse();
        assertThat(users.isComplex(AttributePath.of("name"))).isTrue();
        assertThat(users.isCaseExact(AttributePath.of("id"))).isTrue();
        assertThat(users.isCaseExact(AttributePath.of("userName"))).isFalse();
        assertThat(users.isCaseExact(AttributePath.of("emails", "value"))).isFalse();
        assertThat(groups.isCaseExact(AttributePath.of("members", "value"))).isTrue();
        assertThat(users.isReadOnly(AttributePath.of("meta", "created"))).isTrue();
        assertThat(users.isReadOnly(AttributePath.of("groups"))).isTrue();
        assertThat(users.isReadOnly(AttributePath.of("manager", "displayName"))).isTrue();
        assertThat(groups.isReadOnly(AttributePath.of("members", "display"))).isTrue();
        assertThat(users.isBoolean(AttributePath.of("active"))).isTrue();
        assertThat(users.isBoolean(AttributePath.of("emails", "primary"))).isTrue();
        assertThat(users.isDateTime(AttributePath.of("meta", "lastModified"))).isTrue();
        assertThat(users.isExtensionUrn("http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"))
                .isFalse();
    }
}
