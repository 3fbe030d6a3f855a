package com.javelo.scim.core.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.core.protocol.error.ScimType;
import com.javelo.scim.core.protocol.schema.AttributeType;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import org.junit.jupiter.api.Test;

/** A company's declaration: what is accepted, and a bad one names the attribute and why. */
class CustomSchemaJsonTest {

    private static JsonNode json(String text) {
        try {
            return ScimJson.mapper().readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static void refused(String document, String... inDetail) {
        assertThatThrownBy(() -> CustomSchemaJson.read(json(document)))
                .isInstanceOfSatisfying(ScimException.class, error -> {
                    assertThat(error.error().scimType()).isIn(ScimType.INVALID_VALUE, ScimType.INVALID_SYNTAX);
                    for (String text : inDetail) {
                        assertThat(error.error().detail()).contains(text);
                    }
                });
    }

    @Test
    void theIssuesExampleIsReadAndWrittenBack() {
        CustomSchema schema = CustomSchemaJson.read(json("{'attributes':[{'name':'hireDate','type':'dateTime'},"
                + "{'name':'level','type':'string'},{'name':'remote','type':'boolean'},"
                + "{'name':'sites','type':'string','multiValued':true,'caseExact':true,'description':'Offices'}]}"));

        assertThat(schema.attributes()).hasSize(4);
        assertThat(schema.attribute("SITES").orElseThrow().multiValued()).isTrue();
        assertThat(schema.attribute("sites").orElseThrow().caseExact()).isTrue();
        assertThat(schema.attribute("hireDate").orElseThrow().type()).isEqualTo(AttributeType.DATE_TIME);
        assertThat(schema.attribute("level").orElseThrow().sortable()).isTrue();
        assertThat(schema.attribute("sites").orElseThrow().filterable()).isTrue();
        assertThat(schema.strict()).isFalse();
        assertThat(CustomSchemaJson.read(CustomSchemaJson.write(schema))).isEqualTo(schema);
    }

    @Test
    void aBadDeclarationNamesTheAttributeAndWhy() {
        refused("{'attributes':[{'name':'2fast','type':'string'}]}", "2fast", "starts with a letter");
        refused("{'attributes':[{'name':'a b','type':'string'}]}", "'a b'");
        refused("{'attributes':[{'name':'photo','type':'binary'}]}", "photo", "type");
        refused("{'attributes':[{'name':'address','type':'complex'}]}", "address", "type");
        refused("{'attributes':[{'name':'level'}]}", "level", "type");
        refused("{'attributes':[{'name':'level','type':'string'},{'name':'LEVEL','type':'integer'}]}", "twice");
        refused("{'attributes':[{'name':'level','type':'string','multivalued':'yes'}]}", "level", "true or false");
        refused("{'attributes':[{'name':'level','type':'string','required':true}]}", "level", "required");
        refused("{'strict':'yes'}", "strict");
        refused("[]");
    }
}
