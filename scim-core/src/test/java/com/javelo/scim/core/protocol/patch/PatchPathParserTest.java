package com.javelo.scim.core.protocol.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.core.protocol.filter.ComparisonOperator;
import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.schema.AttributePath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatchPathParserTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @Test
    void simpleAndSubAttributePaths() {
        assertThat(PatchPathParser.parse("active")).isEqualTo(PatchPath.of(AttributePath.of("active")));
        assertThat(PatchPathParser.parse("name.familyName")).isEqualTo(PatchPath.of(AttributePath.of("name", "familyName")));
        assertThat(PatchPathParser.parse("members")).isEqualTo(PatchPath.of(AttributePath.of("members")));
    }

    @Test
    void urnQualifiedAttributesAndWholeExtensions() {
        assertThat(PatchPathParser.parse(ENTERPRISE + ":employeeNumber"))
                .isEqualTo(PatchPath.of(new AttributePath(ENTERPRISE, "employeeNumber", null)));
        assertThat(PatchPathParser.parse(ENTERPRISE + ":manager.value"))
                .isEqualTo(PatchPath.of(new AttributePath(ENTERPRISE, "manager", "value")));
        assertThat(PatchPathParser.parse(ENTERPRISE)).isEqualTo(PatchPath.of(AttributePath.of(ENTERPRISE)));
    }

    @Test
    void valueFiltersWithAndWithoutATrailingSubAttribute() {
        Filter okta = new Filter.Comparison(AttributePath.of("value"), ComparisonOperator.EQ,
                TextNode.valueOf("89bb1940-b905-4575-9e7f-6f887cfb368e"));
        assertThat(PatchPathParser.parse("members[value eq \"89bb1940-b905-4575-9e7f-6f887cfb368e\"]"))
                .isEqualTo(new PatchPath(AttributePath.of("members"), okta, null));
        Filter work = new Filter.Comparison(AttributePath.of("type"), ComparisonOperator.EQ, TextNode.valueOf("work"));
        assertThat(PatchPathParser.parse("emails[type eq \"work\"].value"))
                .isEqualTo(new PatchPath(AttributePath.of("emails"), work, "value"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "emails[type eq \"work\"", "emails[type eq]", "name..x", "emails[type eq \"w\"]x",
        "1abc", "name.givenName[type eq \"x\"]"})
    void malformedPathsAreInvalidPathErrors(String path) {
        assertThatThrownBy(() -> PatchPathParser.parse(path))
                .isInstanceOfSatisfying(ScimException.class, e ->
                        assertThat(e.error().scimType().wireValue()).isEqualTo("invalidPath"));
    }
}
