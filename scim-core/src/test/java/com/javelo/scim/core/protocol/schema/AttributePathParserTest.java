package com.javelo.scim.core.protocol.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.core.protocol.error.ScimType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttributePathParserTest {

    @Test
    void parsesASimpleName() {
        assertThat(AttributePathParser.parse(" userName ")).isEqualTo(new AttributePath(null, "userName", null));
    }

    @Test
    void parsesASubAttribute() {
        assertThat(AttributePathParser.parse("name.givenName")).isEqualTo(AttributePath.of("name", "givenName"));
        assertThat(AttributePathParser.parse("members.$ref")).isEqualTo(AttributePath.of("members", "$ref"));
    }

    @Test
    void takesEverythingUpToTheLastColonAsTheUrn() {
        assertThat(AttributePathParser.parse(
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value"))
                .isEqualTo(new AttributePath(
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "manager", "value"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "a.b.c",
                "name.",
                ".name",
                "emails[type eq \"work\"]",
                "not-urn:name",
                "urn:x:",
                "1abc",
                "user name"
            })
    void refusesMalformedPathsWithInvalidPath(String text) {
        assertThatThrownBy(() -> AttributePathParser.parse(text))
                .isInstanceOf(ScimException.class)
                .satisfies(
                        e -> assertThat(((ScimException) e).error().scimType()).isEqualTo(ScimType.INVALID_PATH));
    }
}
