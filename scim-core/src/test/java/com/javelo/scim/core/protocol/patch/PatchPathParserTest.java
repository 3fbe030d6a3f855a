package com.javelo.scim.core.protocol.patch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.core.protocol.error.ScimType;
import com.javelo.scim.core.protocol.filter.ComparisonOperator;
import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.filter.FilterParser;
import com.javelo.scim.core.protocol.schema.AttributePath;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatchPathParserTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static Filter eq(String attribute, String value) {
        return new Filter.Comparison(AttributePath.of(attribute), ComparisonOperator.EQ, TextNode.valueOf(value));
    }

    private static AbstractStringAssert<?> assertInvalidPath(String path) {
        ScimException thrown = Assertions.assertThrows(ScimException.class, () -> PatchPathParser.parse(path));
        assertThat(thrown.error().status()).isEqualTo(400);
        assertThat(thrown.error().scimType()).isEqualTo(ScimType.INVALID_PATH);
        return assertThat(thrown.error().detail());
    }

    @Test
    void aSimpleAttribute() {
        assertThat(PatchPathParser.parse("active")).isEqualTo(PatchPath.of(AttributePath.of("active")));
        assertThat(PatchPathParser.parse("members")).isEqualTo(PatchPath.of(AttributePath.of("members")));
        assertThat(PatchPathParser.parse("displayName")).isEqualTo(PatchPath.of(AttributePath.of("displayName")));
    }

    @Test
    void aSubAttributeWithoutAFilterStaysInTheAttributePath() {
        assertThat(PatchPathParser.parse("name.familyName"))
                .isEqualTo(PatchPath.of(AttributePath.of("name", "familyName")));
        assertThat(PatchPathParser.parse("name.givenName"))
                .isEqualTo(PatchPath.of(AttributePath.of("name", "givenName")));
    }

    @Test
    void namesAreKeptAsWritten() {
        assertThat(PatchPathParser.parse("Name.FamilyName"))
                .isEqualTo(PatchPath.of(AttributePath.of("Name", "FamilyName")));
    }

    @Test
    void urnQualifiedAttributes() {
        assertThat(PatchPathParser.parse(ENTERPRISE + ":employeeNumber"))
                .isEqualTo(PatchPath.of(new AttributePath(ENTERPRISE, "employeeNumber", null)));
        assertThat(PatchPathParser.parse(ENTERPRISE + ":manager"))
                .isEqualTo(PatchPath.of(new AttributePath(ENTERPRISE, "manager", null)));
        assertThat(PatchPathParser.parse(ENTERPRISE + ":manager.value"))
                .isEqualTo(PatchPath.of(new AttributePath(ENTERPRISE, "manager", "value")));
        assertThat(PatchPathParser.parse("urn:ietf:params:scim:schemas:core:2.0:User:name.givenName"))
                .isEqualTo(PatchPath.of(
                        new AttributePath("urn:ietf:params:scim:schemas:core:2.0:User", "name", "givenName")));
    }

    @Test
    void aWholeExtensionIsAnAttributeNamedByItsUrn() {
        assertThat(PatchPathParser.parse(ENTERPRISE))
                .isEqualTo(PatchPath.of(new AttributePath(null, ENTERPRISE, null)));
        assertThat(PatchPathParser.parse("urn:ietf:params:scim:schemas:extension:enterprise:2.0:user"))
                .isEqualTo(
                        PatchPath.of(AttributePath.of("urn:ietf:params:scim:schemas:extension:enterprise:2.0:user")));
    }

    @Test
    void aValueFilterWithoutASubAttribute() {
        assertThat(PatchPathParser.parse("members[value eq \"89bb1940-b905-4575-9e7f-6f887cfb368e\"]"))
                .isEqualTo(new PatchPath(
                        AttributePath.of("members"), eq("value", "89bb1940-b905-4575-9e7f-6f887cfb368e"), null));
        assertThat(PatchPathParser.parse("members[value eq \"2819c223-7f76-453a-919d-413861904646\"]"))
                .isEqualTo(new PatchPath(
                        AttributePath.of("members"), eq("value", "2819c223-7f76-453a-919d-413861904646"), null));
        assertThat(PatchPathParser.parse("addresses[type eq \"work\"]"))
                .isEqualTo(new PatchPath(AttributePath.of("addresses"), eq("type", "work"), null));
    }

    @Test
    void aValueFilterWithASubAttributeKeepsThemApart() {
        assertThat(PatchPathParser.parse("emails[type eq \"work\"].value"))
                .isEqualTo(new PatchPath(AttributePath.of("emails"), eq("type", "work"), "value"));
        assertThat(PatchPathParser.parse("members[value eq \"2819c223\"].displayName"))
                .isEqualTo(new PatchPath(AttributePath.of("members"), eq("value", "2819c223"), "displayName"));
    }

    @Test
    void valueFiltersUseTheWholeFilterGrammar() {
        assertThat(PatchPathParser.parse("emails[type eq \"work\" and primary eq true]")
                        .valueFilter())
                .isEqualTo(FilterParser.parse("type eq \"work\" and primary eq true"));
        assertThat(PatchPathParser.parse("members[value eq \"a]b\" or value eq \"c\"]")
                        .valueFilter())
                .isEqualTo(FilterParser.parse("value eq \"a]b\" or value eq \"c\""));
        assertThat(PatchPathParser.parse("emails[Type EQ work].Value"))
                .isEqualTo(new PatchPath(AttributePath.of("emails"), eq("Type", "work"), "Value"));
    }

    @Test
    void surroundingSpacesAreIgnored() {
        assertThat(PatchPathParser.parse("  name.familyName "))
                .isEqualTo(PatchPath.of(AttributePath.of("name", "familyName")));
    }

    @Test
    void errorsSayWhatWasExpectedWhereInThePath() {
        assertInvalidPath("emails[type eq \"work\"")
                .isEqualTo("Expected 'and', 'or' or ']' (to close the '[' opened at position 6) at position 21 "
                        + "in path 'emails[type eq \"work\"', found the end of the path");
        assertInvalidPath("emails[type eq]").startsWith("Expected a value after 'type eq' at position 14 in path");
        assertInvalidPath("emails[type eq \"w\"]x")
                .startsWith("Expected '.' and a sub-attribute, or the end of the path, " + "after ']' at position 19");
        assertInvalidPath("emails[type eq \"w\"].value.display")
                .startsWith("Expected a sub-attribute name after '].' at position 20")
                .endsWith("found 'value.display'");
        assertInvalidPath("name.givenName[type eq \"x\"]")
                .startsWith("Expected '[' after a multi-valued attribute, not after the sub-attribute 'name.givenName' "
                        + "at position 14");
        assertInvalidPath("name x").startsWith("Expected '[' or the end of the path after 'name' at position 5");
        assertInvalidPath("emails[type eq \"\\q\"]").contains("instead of '\\q' at position 16 in path");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "name..x",
                "1abc",
                "name.givenName.x",
                "[type eq \"x\"]",
                "emails[]",
                "emails[type pr]]",
                "user:name",
                "urn:x",
                "emails[type[value eq \"x\"] pr]",
                "emails[type eq \"work\"].",
                "(name)",
                "\"name\""
            })
    void malformedPathsAreInvalidPathErrors(String path) {
        assertInvalidPath(path).isNotBlank();
    }

    @Test
    void overlongAndDeeplyNestedPathsAreRefused() {
        assertInvalidPath("members[value eq \"" + "x".repeat(20_000) + "\"]").contains("at most 10000");
        assertInvalidPath("members[" + "(".repeat(1000) + "value pr" + ")".repeat(1000) + "]")
                .contains("deeper than 50");
    }
}
