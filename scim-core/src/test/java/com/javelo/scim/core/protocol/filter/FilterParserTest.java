package com.javelo.scim.core.protocol.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.core.protocol.filter.Filter.And;
import com.javelo.scim.core.protocol.filter.Filter.Comparison;
import com.javelo.scim.core.protocol.filter.Filter.Not;
import com.javelo.scim.core.protocol.filter.Filter.Or;
import com.javelo.scim.core.protocol.filter.Filter.Present;
import com.javelo.scim.core.protocol.filter.Filter.ValuePath;
import com.javelo.scim.core.protocol.schema.AttributePath;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FilterParserTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static Comparison cmp(String attribute, ComparisonOperator op, JsonNode value) {
        return new Comparison(AttributePath.of(attribute), op, value);
    }

    private static Comparison eq(String attribute, String value) {
        return cmp(attribute, ComparisonOperator.EQ, TextNode.valueOf(value));
    }

    @ParameterizedTest
    @CsvSource({"eq,EQ", "ne,NE", "co,CO", "sw,SW", "ew,EW", "gt,GT", "ge,GE", "lt,LT", "le,LE", "Eq,EQ", "SW,SW"})
    void everyComparisonOperatorIsRecognisedInAnyCase(String wire, ComparisonOperator operator) {
        assertThat(FilterParser.parse("title " + wire + " \"x\"")).isEqualTo(cmp("title", operator, TextNode.valueOf("x")));
    }

    @Test
    void presenceIsItsOwnNode() {
        assertThat(FilterParser.parse("title PR")).isEqualTo(new Present(AttributePath.of("title")));
    }

    @Test
    void theRfcExamplesParse() {
        assertThat(FilterParser.parse("userName Eq \"john\"")).isEqualTo(eq("userName", "john"));
        assertThat(FilterParser.parse("name.familyName co \"O'Malley\""))
                .isEqualTo(new Comparison(AttributePath.of("name", "familyName"), ComparisonOperator.CO,
                        TextNode.valueOf("O'Malley")));
        assertThat(FilterParser.parse("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\""))
                .isEqualTo(new Comparison(new AttributePath("urn:ietf:params:scim:schemas:core:2.0:User", "userName", null),
                        ComparisonOperator.SW, TextNode.valueOf("J")));
        assertThat(FilterParser.parse("meta.lastModified gt \"2011-05-13T04:42:34Z\""))
                .isEqualTo(new Comparison(AttributePath.of("meta", "lastModified"), ComparisonOperator.GT,
                        TextNode.valueOf("2011-05-13T04:42:34Z")));
        assertThat(FilterParser.parse("title pr and userType eq \"Employee\""))
                .isEqualTo(new And(new Present(AttributePath.of("title")), eq("userType", "Employee")));
        assertThat(FilterParser.parse("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")"))
                .isEqualTo(new And(eq("userType", "Employee"), new Or(
                        cmp("emails", ComparisonOperator.CO, TextNode.valueOf("example.com")),
                        new Comparison(AttributePath.of("emails", "value"), ComparisonOperator.CO,
                                TextNode.valueOf("example.org")))));
        assertThat(FilterParser.parse("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")"))
                .isInstanceOf(And.class)
                .extracting(filter -> ((And) filter).right()).isInstanceOf(Not.class);
        assertThat(FilterParser.parse("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]"))
                .isEqualTo(new Or(
                        new ValuePath(AttributePath.of("emails"), new And(eq("type", "work"),
                                cmp("value", ComparisonOperator.CO, TextNode.valueOf("@example.com")))),
                        new ValuePath(AttributePath.of("ims"), new And(eq("type", "xmpp"),
                                cmp("value", ComparisonOperator.CO, TextNode.valueOf("@foo.com"))))));
    }

    @Test
    void andBindsTighterThanOr() {
        assertThat(FilterParser.parse("a eq \"1\" or b eq \"2\" and c eq \"3\""))
                .isEqualTo(new Or(eq("a", "1"), new And(eq("b", "2"), eq("c", "3"))));
        assertThat(FilterParser.parse("(a eq \"1\" or b eq \"2\") and c eq \"3\""))
                .isEqualTo(new And(new Or(eq("a", "1"), eq("b", "2")), eq("c", "3")));
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(FilterParser.parse("a eq \"1\" AND NOT (b eq \"2\") Or c Pr"))
                .isEqualTo(new Or(new And(eq("a", "1"), new Not(eq("b", "2"))), new Present(AttributePath.of("c"))));
    }

    @Test
    void aValuePathFollowedByASubAttributeBecomesOneValueFilter() {
        assertThat(FilterParser.parse("emails[type eq \"work\"].value eq \"user@contoso.com\""))
                .isEqualTo(new ValuePath(AttributePath.of("emails"), new And(eq("type", "work"),
                        eq("value", "user@contoso.com"))));
    }

    @Test
    void enterpriseAttributesAreQualifiedByTheirUrn() {
        assertThat(FilterParser.parse(ENTERPRISE + ":manager.value eq \"boss@acme.example\""))
                .isEqualTo(new Comparison(new AttributePath(ENTERPRISE, "manager", "value"), ComparisonOperator.EQ,
                        TextNode.valueOf("boss@acme.example")));
    }

    @Test
    void literalsAreTyped() {
        assertThat(FilterParser.parse("active eq true")).isEqualTo(cmp("active", ComparisonOperator.EQ, BooleanNode.TRUE));
        assertThat(FilterParser.parse("active eq FALSE")).isEqualTo(cmp("active", ComparisonOperator.EQ, BooleanNode.FALSE));
        assertThat(FilterParser.parse("title eq null")).isEqualTo(cmp("title", ComparisonOperator.EQ, NullNode.instance));
        assertThat(FilterParser.parse("n gt -42")).isEqualTo(cmp("n", ComparisonOperator.GT, LongNode.valueOf(-42)));
        assertThat(FilterParser.parse("n le 1.5")).isEqualTo(cmp("n", ComparisonOperator.LE,
                DecimalNode.valueOf(new BigDecimal("1.5"))));
    }

    @Test
    void stringEscapesAreDecoded() {
        assertThat(FilterParser.parse("title eq \"a \\\"quoted\\\" \\\\ \\u00e9\\n\""))
                .isEqualTo(eq("title", "a \"quoted\" \\ é\n"));
    }

    @Test
    void unquotedValuesFromOlderEntraClientsAreStrings() {
        assertThat(FilterParser.parse("externalId eq jyoung")).isEqualTo(eq("externalId", "jyoung"));
        assertThat(FilterParser.parse("userName sw O")).isEqualTo(cmp("userName", ComparisonOperator.SW,
                TextNode.valueOf("O")));
        assertThat(FilterParser.parse("meta.Created gt 2015-10-10T14:38:21.8617979-07:00"))
                .isEqualTo(new Comparison(AttributePath.of("meta", "Created"), ComparisonOperator.GT,
                        TextNode.valueOf("2015-10-10T14:38:21.8617979-07:00")));
        assertThat(FilterParser.parse("name.FamilyName eq Employee and (emails.Value co example.com or emails.Value co example.org)"))
                .isEqualTo(new And(new Comparison(AttributePath.of("name", "FamilyName"), ComparisonOperator.EQ,
                        TextNode.valueOf("Employee")), new Or(
                        new Comparison(AttributePath.of("emails", "Value"), ComparisonOperator.CO, TextNode.valueOf("example.com")),
                        new Comparison(AttributePath.of("emails", "Value"), ComparisonOperator.CO, TextNode.valueOf("example.org")))));
    }

    @Test
    void theFiltersOktaAndEntraSendParse() {
        assertThat(FilterParser.parse("userName eq \"test.user@okta.local\"")).isEqualTo(eq("userName", "test.user@okta.local"));
        assertThat(FilterParser.parse("externalId eq \"00ujl29u0le5T6Aj10h7\"")).isEqualTo(eq("externalId", "00ujl29u0le5T6Aj10h7"));
        assertThat(FilterParser.parse("displayName eq \"Test SCIMv2\"")).isEqualTo(eq("displayName", "Test SCIMv2"));
        assertThat(FilterParser.parse("id eq \"x\" and members eq \"y\"")).isEqualTo(new And(eq("id", "x"), eq("members", "y")));
        assertThat(FilterParser.parse("members.$ref pr")).isEqualTo(new Present(AttributePath.of("members", "$ref")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"userName", "userName eq", "userName foo \"x\"", "(userName eq \"x\"", "userName eq \"x\")",
        "emails[type eq \"work\"", "userName eq \"unclosed", "and", "userName eq \"x\" and", "title eq \"\\q\"",
        "not userName eq \"x\"", "1abc eq \"x\"", "userName pr pr", "title eq \"\\u12\""})
    void malformedFiltersAreInvalidFilterErrorsThatSayWhere(String filter) {
        assertThatThrownBy(() -> FilterParser.parse(filter))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(400);
                    assertThat(e.error().scimType().wireValue()).isEqualTo("invalidFilter");
                    assertThat(e.error().detail()).contains("position");
                });
    }

    @Test
    void pathologicalNestingIsRefusedWithoutOverflowingTheStack() {
        assertThatThrownBy(() -> FilterParser.parse("(".repeat(4000) + "a pr" + ")".repeat(4000)))
                .isInstanceOf(ScimException.class).hasMessageContaining("nests deeper");
        assertThatThrownBy(() -> FilterParser.parse("a eq \"" + "x".repeat(20_000) + "\""))
                .isInstanceOf(ScimException.class).hasMessageContaining("longer than");
    }
}
