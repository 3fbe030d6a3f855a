package com.javelo.scim.core.protocol.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.core.protocol.error.ScimType;
import com.javelo.scim.core.protocol.filter.Filter.And;
import com.javelo.scim.core.protocol.filter.Filter.Comparison;
import com.javelo.scim.core.protocol.filter.Filter.Not;
import com.javelo.scim.core.protocol.filter.Filter.Or;
import com.javelo.scim.core.protocol.filter.Filter.Present;
import com.javelo.scim.core.protocol.filter.Filter.ValuePath;
import com.javelo.scim.core.protocol.schema.AttributePath;
import java.math.BigDecimal;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterParserTest {

    private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static AttributePath path(String dotted) {
        int dot = dotted.indexOf('.');
        return dot < 0
                ? AttributePath.of(dotted)
                : AttributePath.of(dotted.substring(0, dot), dotted.substring(dot + 1));
    }

    private static Comparison compare(String attribute, ComparisonOperator op, JsonNode value) {
        return new Comparison(path(attribute), op, value);
    }

    private static Comparison compare(String attribute, ComparisonOperator op, String value) {
        return compare(attribute, op, TextNode.valueOf(value));
    }

    private static Comparison eq(String attribute, String value) {
        return compare(attribute, ComparisonOperator.EQ, value);
    }

    private static Present present(String attribute) {
        return new Present(path(attribute));
    }

    private static AbstractStringAssert<?> assertInvalidFilter(String filter) {
        ScimException thrown =
                org.junit.jupiter.api.Assertions.assertThrows(ScimException.class, () -> FilterParser.parse(filter));
        assertThat(thrown.error().status()).isEqualTo(400);
        assertThat(thrown.error().scimType()).isEqualTo(ScimType.INVALID_FILTER);
        return assertThat(thrown.error().detail());
    }

    @Nested
    class Operators {

        @ParameterizedTest
        @CsvSource({"eq,EQ", "ne,NE", "co,CO", "sw,SW", "ew,EW", "gt,GT", "ge,GE", "lt,LT", "le,LE"})
        void everyComparisonOperatorIsRecognised(String wire, ComparisonOperator operator) {
            assertThat(FilterParser.parse("title " + wire + " \"x\"")).isEqualTo(compare("title", operator, "x"));
        }

        @ParameterizedTest
        @CsvSource({"EQ,EQ", "Ne,NE", "cO,CO", "SW,SW", "Ew,EW", "GT,GT", "gE,GE", "LT,LT", "Le,LE"})
        void comparisonOperatorsIgnoreCase(String wire, ComparisonOperator operator) {
            assertThat(FilterParser.parse("title " + wire + " \"x\"")).isEqualTo(compare("title", operator, "x"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"title pr", "title PR", "title Pr", "  title   pr  "})
        void presenceTakesNoValueInAnyCase(String filter) {
            assertThat(FilterParser.parse(filter)).isEqualTo(present("title"));
        }
    }

    @Nested
    class RfcExamples {

        @Test
        void simpleComparisons() {
            assertThat(FilterParser.parse("userName eq \"bjensen\"")).isEqualTo(eq("userName", "bjensen"));
            assertThat(FilterParser.parse("name.familyName co \"O'Malley\""))
                    .isEqualTo(compare("name.familyName", ComparisonOperator.CO, "O'Malley"));
            assertThat(FilterParser.parse("userName sw \"J\""))
                    .isEqualTo(compare("userName", ComparisonOperator.SW, "J"));
            assertThat(FilterParser.parse("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\""))
                    .isEqualTo(new Comparison(
                            new AttributePath(CORE_USER, "userName", null),
                            ComparisonOperator.SW,
                            TextNode.valueOf("J")));
            assertThat(FilterParser.parse("title pr")).isEqualTo(present("title"));
        }

        @ParameterizedTest
        @CsvSource({"gt,GT", "ge,GE", "lt,LT", "le,LE"})
        void dateComparisons(String wire, ComparisonOperator operator) {
            assertThat(FilterParser.parse("meta.lastModified " + wire + " \"2011-05-13T04:42:34Z\""))
                    .isEqualTo(compare("meta.lastModified", operator, "2011-05-13T04:42:34Z"));
        }

        @Test
        void logicalCombinations() {
            assertThat(FilterParser.parse("title pr and userType eq \"Employee\""))
                    .isEqualTo(new And(present("title"), eq("userType", "Employee")));
            assertThat(FilterParser.parse("title pr or userType eq \"Intern\""))
                    .isEqualTo(new Or(present("title"), eq("userType", "Intern")));
            assertThat(FilterParser.parse("schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\""))
                    .isEqualTo(eq("schemas", ENTERPRISE));
        }

        @Test
        void groupingAndNegation() {
            Or emailDomains = new Or(
                    compare("emails", ComparisonOperator.CO, "example.com"),
                    compare("emails.value", ComparisonOperator.CO, "example.org"));
            assertThat(
                            FilterParser.parse(
                                    "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")"))
                    .isEqualTo(new And(eq("userType", "Employee"), emailDomains));
            assertThat(
                            FilterParser.parse(
                                    "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")"))
                    .isEqualTo(new And(compare("userType", ComparisonOperator.NE, "Employee"), new Not(emailDomains)));
            assertThat(FilterParser.parse("userType eq \"Employee\" and (emails.type eq \"work\")"))
                    .isEqualTo(new And(eq("userType", "Employee"), eq("emails.type", "work")));
        }

        @Test
        void valuePaths() {
            ValuePath workEmail = new ValuePath(
                    path("emails"),
                    new And(eq("type", "work"), compare("value", ComparisonOperator.CO, "@example.com")));
            assertThat(FilterParser.parse(
                            "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]"))
                    .isEqualTo(new And(eq("userType", "Employee"), workEmail));
            assertThat(
                            FilterParser.parse(
                                    "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]"))
                    .isEqualTo(new Or(
                            workEmail,
                            new ValuePath(
                                    path("ims"),
                                    new And(eq("type", "xmpp"), compare("value", ComparisonOperator.CO, "@foo.com")))));
        }

        @Test
        void examplesWrappedOverLinesAsTheRfcPrintsThemStillParse() {
            assertThat(FilterParser.parse(
                            "userType eq \"Employee\" and emails[type eq \"work\" and\n  value co \"@example.com\"]"))
                    .isEqualTo(FilterParser.parse(
                            "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]"));
        }

        @Test
        void attributeNamesAreKeptAsWritten() {
            assertThat(FilterParser.parse("userName Eq \"john\"")).isEqualTo(eq("userName", "john"));
            assertThat(FilterParser.parse("Username eq \"john\"")).isEqualTo(eq("Username", "john"));
        }
    }

    @Nested
    class PrecedenceAndParentheses {

        @Test
        void andBindsTighterThanOr() {
            assertThat(FilterParser.parse("a pr or b pr and c pr"))
                    .isEqualTo(new Or(present("a"), new And(present("b"), present("c"))));
            assertThat(FilterParser.parse("a pr and b pr or c pr"))
                    .isEqualTo(new Or(new And(present("a"), present("b")), present("c")));
        }

        @Test
        void notBindsTighterThanAnd() {
            assertThat(FilterParser.parse("not (a pr) and b pr"))
                    .isEqualTo(new And(new Not(present("a")), present("b")));
        }

        @Test
        void sameOperatorsAssociateToTheLeft() {
            assertThat(FilterParser.parse("a pr and b pr and c pr"))
                    .isEqualTo(new And(new And(present("a"), present("b")), present("c")));
            assertThat(FilterParser.parse("a pr or b pr or c pr"))
                    .isEqualTo(new Or(new Or(present("a"), present("b")), present("c")));
        }

        @Test
        void parenthesesOverridePrecedence() {
            assertThat(FilterParser.parse("(a pr or b pr) and c pr"))
                    .isEqualTo(new And(new Or(present("a"), present("b")), present("c")));
            assertThat(FilterParser.parse("a pr and (b pr and c pr)"))
                    .isEqualTo(new And(present("a"), new And(present("b"), present("c"))));
            assertThat(FilterParser.parse("((((a pr))))")).isEqualTo(present("a"));
        }

        @Test
        void notWrapsAParenthesisedFilterWithOrWithoutASpace() {
            assertThat(FilterParser.parse("not(a pr)")).isEqualTo(new Not(present("a")));
            assertThat(FilterParser.parse("not (not (a pr or b pr))"))
                    .isEqualTo(new Not(new Not(new Or(present("a"), present("b")))));
        }

        @Test
        void keywordsIgnoreCase() {
            assertThat(FilterParser.parse("a eq \"1\" AND NOT (b eq \"2\") Or c Pr"))
                    .isEqualTo(new Or(new And(eq("a", "1"), new Not(eq("b", "2"))), present("c")));
            assertThat(FilterParser.parse("a pr aNd b pr oR Not(c pr)"))
                    .isEqualTo(new Or(new And(present("a"), present("b")), new Not(present("c"))));
        }

        @Test
        void wordsThatOnlyStartWithAKeywordAreAttributeNames() {
            assertThat(FilterParser.parse("notes pr and order pr or andrew pr"))
                    .isEqualTo(new Or(new And(present("notes"), present("order")), present("andrew")));
        }
    }

    @Nested
    class AttributePaths {

        @Test
        void subAttributes() {
            assertThat(FilterParser.parse("name.familyName eq \"Jensen\"")).isEqualTo(eq("name.familyName", "Jensen"));
        }

        @Test
        void urnQualifiedNamesKeepTheUrnUpToTheLastColon() {
            assertThat(FilterParser.parse(CORE_USER + ":userName eq \"bjensen\""))
                    .isEqualTo(new Comparison(
                            new AttributePath(CORE_USER, "userName", null),
                            ComparisonOperator.EQ,
                            TextNode.valueOf("bjensen")));
            assertThat(FilterParser.parse(ENTERPRISE + ":manager.value eq \"boss@acme.example\""))
                    .isEqualTo(new Comparison(
                            new AttributePath(ENTERPRISE, "manager", "value"),
                            ComparisonOperator.EQ,
                            TextNode.valueOf("boss@acme.example")));
            assertThat(FilterParser.parse(ENTERPRISE + ":employeeNumber eq \"701984\""))
                    .isEqualTo(new Comparison(
                            new AttributePath(ENTERPRISE, "employeeNumber", null),
                            ComparisonOperator.EQ,
                            TextNode.valueOf("701984")));
        }

        @Test
        void aWholeSchemaUrnIsOneAttribute() {
            assertThat(FilterParser.parse(ENTERPRISE + " pr")).isEqualTo(new Present(AttributePath.of(ENTERPRISE)));
        }

        @Test
        void refIsALegalName() {
            assertThat(FilterParser.parse("members.$ref pr")).isEqualTo(present("members.$ref"));
            assertThat(FilterParser.parse("manager.$ref eq \"https://x/Users/1\""))
                    .isEqualTo(eq("manager.$ref", "https://x/Users/1"));
        }

        @Test
        void namesMayHoldDigitsHyphensAndUnderscores() {
            assertThat(FilterParser.parse("x-custom_attr2 pr")).isEqualTo(present("x-custom_attr2"));
        }
    }

    @Nested
    class ValuePaths {

        @Test
        void aValueFilterAlone() {
            assertThat(FilterParser.parse("emails[type eq \"work\" and primary eq true]"))
                    .isEqualTo(new ValuePath(
                            path("emails"),
                            new And(eq("type", "work"), compare("primary", ComparisonOperator.EQ, BooleanNode.TRUE))));
        }

        @Test
        void aComparedSubAttributeAfterTheBracketJoinsTheValueFilter() {
            assertThat(FilterParser.parse("emails[type eq \"work\"].value eq \"x\""))
                    .isEqualTo(new ValuePath(path("emails"), new And(eq("type", "work"), eq("value", "x"))));
        }

        @Test
        void aPresentSubAttributeAfterTheBracketJoinsTheValueFilter() {
            assertThat(FilterParser.parse("emails[type eq \"work\"].display pr"))
                    .isEqualTo(new ValuePath(path("emails"), new And(eq("type", "work"), present("display"))));
        }

        @Test
        void valuePathsCombineWithOtherExpressions() {
            assertThat(FilterParser.parse(
                            "userName eq \"a\" and emails[type eq \"work\"].value ew \".org\" or title pr"))
                    .isEqualTo(new Or(
                            new And(
                                    eq("userName", "a"),
                                    new ValuePath(
                                            path("emails"),
                                            new And(
                                                    eq("type", "work"),
                                                    compare("value", ComparisonOperator.EW, ".org")))),
                            present("title")));
        }

        @Test
        void valueFiltersMayUseParenthesesAndNot() {
            assertThat(FilterParser.parse("emails[not (type eq \"home\") and (value co \"@a\" or value co \"@b\")]"))
                    .isEqualTo(new ValuePath(
                            path("emails"),
                            new And(
                                    new Not(eq("type", "home")),
                                    new Or(
                                            compare("value", ComparisonOperator.CO, "@a"),
                                            compare("value", ComparisonOperator.CO, "@b")))));
        }

        @Test
        void anUrnQualifiedAttributeMayCarryAValueFilter() {
            assertThat(FilterParser.parse(CORE_USER + ":emails[type eq \"work\"]"))
                    .isEqualTo(new ValuePath(new AttributePath(CORE_USER, "emails", null), eq("type", "work")));
        }
    }

    @Nested
    class Literals {

        @Test
        void booleansAndNullInAnyCase() {
            assertThat(FilterParser.parse("active eq true"))
                    .isEqualTo(compare("active", ComparisonOperator.EQ, BooleanNode.TRUE));
            assertThat(FilterParser.parse("active eq FALSE"))
                    .isEqualTo(compare("active", ComparisonOperator.EQ, BooleanNode.FALSE));
            assertThat(FilterParser.parse("title eq null"))
                    .isEqualTo(compare("title", ComparisonOperator.EQ, NullNode.instance));
        }

        @Test
        void integersAreIntOrLongNodes() {
            assertThat(FilterParser.parse("n eq 0")).isEqualTo(compare("n", ComparisonOperator.EQ, IntNode.valueOf(0)));
            assertThat(FilterParser.parse("n gt -42"))
                    .isEqualTo(compare("n", ComparisonOperator.GT, IntNode.valueOf(-42)));
            assertThat(FilterParser.parse("n lt 9000000000"))
                    .isEqualTo(compare("n", ComparisonOperator.LT, LongNode.valueOf(9_000_000_000L)));
            assertThat(FilterParser.parse("n lt 99999999999999999999"))
                    .isEqualTo(compare(
                            "n", ComparisonOperator.LT, DecimalNode.valueOf(new BigDecimal("99999999999999999999"))));
        }

        @Test
        void decimalsAreDecimalNodes() {
            assertThat(FilterParser.parse("n le 1.5"))
                    .isEqualTo(compare("n", ComparisonOperator.LE, DecimalNode.valueOf(new BigDecimal("1.5"))));
            assertThat(FilterParser.parse("n ge -0.25"))
                    .isEqualTo(compare("n", ComparisonOperator.GE, DecimalNode.valueOf(new BigDecimal("-0.25"))));
            assertThat(FilterParser.parse("n eq 1e3"))
                    .isEqualTo(compare("n", ComparisonOperator.EQ, DecimalNode.valueOf(new BigDecimal("1e3"))));
        }

        @Test
        void quotedKeywordsAndNumbersStayStrings() {
            assertThat(FilterParser.parse("title eq \"true\"")).isEqualTo(eq("title", "true"));
            assertThat(FilterParser.parse("employeeNumber eq \"42\"")).isEqualTo(eq("employeeNumber", "42"));
            assertThat(FilterParser.parse("title eq \"\"")).isEqualTo(eq("title", ""));
        }

        @Test
        void stringEscapesAreDecoded() {
            assertThat(FilterParser.parse("title eq \"a \\\"quoted\\\" \\\\ \\/ \\u00e9\\u00C9\\n\\t\\r\\b\\f\""))
                    .isEqualTo(eq("title", "a \"quoted\" \\ / éÉ\n\t\r\b\f"));
        }

        @Test
        void stringsMayHoldSpacesKeywordsBracketsAndParentheses() {
            assertThat(FilterParser.parse("displayName eq \"a and b or not (c) [d]\" and title pr"))
                    .isEqualTo(new And(eq("displayName", "a and b or not (c) [d]"), present("title")));
        }

        @Test
        void aStringMayTouchTheNextKeyword() {
            assertThat(FilterParser.parse("a eq \"1\"and b eq\"2\"")).isEqualTo(new And(eq("a", "1"), eq("b", "2")));
        }
    }

    @Nested
    class LenientUnquotedValues {

        @Test
        void aBareWordIsAString() {
            assertThat(FilterParser.parse("userName sw O")).isEqualTo(compare("userName", ComparisonOperator.SW, "O"));
            assertThat(FilterParser.parse("externalId eq jyoung")).isEqualTo(eq("externalId", "jyoung"));
        }

        @Test
        void aBareDateTimeWithColonsDotsAndAnOffsetIsOneString() {
            assertThat(FilterParser.parse("meta.Created gt 2015-10-10T14:38:21.8617979-07:00"))
                    .isEqualTo(compare("meta.Created", ComparisonOperator.GT, "2015-10-10T14:38:21.8617979-07:00"));
        }

        @Test
        void aBareValueEndsAtAClosingParenthesisOrBracket() {
            assertThat(
                            FilterParser.parse(
                                    "name.FamilyName eq Employee and (emails.Value co example.com or emails.Value co example.org)"))
                    .isEqualTo(new And(
                            eq("name.FamilyName", "Employee"),
                            new Or(
                                    compare("emails.Value", ComparisonOperator.CO, "example.com"),
                                    compare("emails.Value", ComparisonOperator.CO, "example.org"))));
            assertThat(FilterParser.parse("emails[type eq work]"))
                    .isEqualTo(new ValuePath(path("emails"), eq("type", "work")));
        }

        @Test
        void theMicrosoftCollectionFiltersParse() {
            assertThat(FilterParser.parse("DisplayName eq \"BobIsAmazing\""))
                    .isEqualTo(eq("DisplayName", "BobIsAmazing"));
            assertThat(FilterParser.parse("userName sw O")).isInstanceOf(Comparison.class);
        }
    }

    @Nested
    class IdentityProviderFilters {

        @Test
        void okta() {
            assertThat(FilterParser.parse("userName eq \"test.user@okta.local\""))
                    .isEqualTo(eq("userName", "test.user@okta.local"));
            assertThat(FilterParser.parse("userName eq \"jane.doe@example.com\""))
                    .isEqualTo(eq("userName", "jane.doe@example.com"));
            assertThat(FilterParser.parse("externalId eq \"00ujl29u0le5T6Aj10h7\""))
                    .isEqualTo(eq("externalId", "00ujl29u0le5T6Aj10h7"));
            assertThat(FilterParser.parse("displayName eq \"Test SCIMv2\""))
                    .isEqualTo(eq("displayName", "Test SCIMv2"));
        }

        @Test
        void entra() {
            assertThat(FilterParser.parse("userName eq \"7d420df3-9995-4831-a406-ecf8166f5f6a\""))
                    .isEqualTo(eq("userName", "7d420df3-9995-4831-a406-ecf8166f5f6a"));
            assertThat(FilterParser.parse("externalId eq \"johnwong\"")).isEqualTo(eq("externalId", "johnwong"));
            assertThat(FilterParser.parse("emails[type eq \"work\"].value eq \"user@contoso.com\""))
                    .isEqualTo(new ValuePath(
                            path("emails"), new And(eq("type", "work"), eq("value", "user@contoso.com"))));
            assertThat(FilterParser.parse("id eq \"x\" and members eq \"y\""))
                    .isEqualTo(new And(eq("id", "x"), eq("members", "y")));
            assertThat(FilterParser.parse("id eq \"x\" and manager eq \"m\""))
                    .isEqualTo(new And(eq("id", "x"), eq("manager", "m")));
            assertThat(FilterParser.parse("displayName eq \"displayName\""))
                    .isEqualTo(eq("displayName", "displayName"));
        }
    }

    @Nested
    class Errors {

        @Test
        void anUnknownOperatorIsNamedWithItsPosition() {
            assertInvalidFilter("userName foo \"x\"")
                    .startsWith(
                            "Expected a comparison operator after 'userName' at position 9 in filter 'userName foo \"x\"'")
                    .contains("found 'foo'")
                    .contains("eq, ne, co, sw, ew, gt, ge, lt, le or pr");
        }

        @Test
        void aMissingOperatorReportsTheEnd() {
            assertInvalidFilter("userName")
                    .isEqualTo(
                            "Expected a comparison operator after 'userName' at position 8 in filter 'userName', "
                                    + "found the end of the filter; the operators are eq, ne, co, sw, ew, gt, ge, lt, le or pr");
        }

        @Test
        void aMissingValue() {
            assertInvalidFilter("userName eq").startsWith("Expected a value after 'userName eq' at position 11");
            assertInvalidFilter("(userName eq)")
                    .startsWith("Expected a value after 'userName eq' at position 12")
                    .endsWith("found ')'");
            assertInvalidFilter("userName gt [").startsWith("Expected a value after 'userName gt' at position 12");
        }

        @Test
        void anUnclosedString() {
            assertInvalidFilter("userName eq \"unclosed")
                    .startsWith("Expected '\"' to close the string opened at position 12");
        }

        @Test
        void badEscapes() {
            assertInvalidFilter("title eq \"\\q\"").contains("instead of '\\q' at position 10");
            assertInvalidFilter("title eq \"\\u12\"")
                    .startsWith("Expected four hexadecimal digits after '\\u' at position 10");
            assertInvalidFilter("title eq \"\\u12zz\"").contains("four hexadecimal digits");
            assertInvalidFilter("title eq \"abc\\")
                    .startsWith("Expected '\"' to close the string opened at position 9");
        }

        @Test
        void unbalancedParentheses() {
            assertInvalidFilter("(userName eq \"x\"")
                    .startsWith("Expected 'and', 'or' or ')' (to close the '(' opened at position 0) at position 16")
                    .endsWith("found the end of the filter");
            assertInvalidFilter("userName eq \"x\")")
                    .startsWith("Expected 'and', 'or' or the end of the filter at position 15")
                    .endsWith("found ')'");
            assertInvalidFilter("not (").startsWith("Expected an attribute name, '(' or 'not' at position 5");
        }

        @Test
        void unbalancedBrackets() {
            assertInvalidFilter("emails[type eq \"work\"")
                    .startsWith("Expected 'and', 'or' or ']' (to close the '[' opened at position 6) at position 21");
            assertInvalidFilter("emails[]").startsWith("Expected an attribute name, '(' or 'not' at position 7");
            assertInvalidFilter("[type eq \"x\"]").startsWith("Expected an attribute name, '(' or 'not' at position 0");
            assertInvalidFilter("emails[type eq \"work\"].")
                    .startsWith("Expected a sub-attribute name after '].' at position 23");
            assertInvalidFilter("emails[type eq \"work\"].value")
                    .startsWith("Expected a comparison operator after 'value'");
        }

        @Test
        void misplacedKeywords() {
            assertInvalidFilter("and").startsWith("Expected an attribute name, '(' or 'not' at position 0");
            assertInvalidFilter("or or").startsWith("Expected an attribute name, '(' or 'not' at position 0");
            assertInvalidFilter("userName eq \"x\" and")
                    .startsWith("Expected an attribute name, '(' or 'not' at position 19")
                    .endsWith("found the end of the filter");
            assertInvalidFilter("not userName eq \"x\"")
                    .startsWith("Expected '(' after 'not' at position 4")
                    .endsWith("found 'userName'");
            assertInvalidFilter("userName eq \"x\" xor title eq \"y\"")
                    .startsWith("Expected 'and', 'or' or the end of the filter at position 16")
                    .endsWith("found 'xor'");
            assertInvalidFilter("userName pr pr")
                    .startsWith("Expected 'and', 'or' or the end of the filter at position 12");
            assertInvalidFilter("userName eq \"x\" 1.2.3").startsWith("Expected 'and', 'or' or the end of the filter");
            assertInvalidFilter("userName eq \"x\"userName eq \"x\"").contains("at position 15");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "1userName eq \"x\"",
                    "a.b.c eq \"x\"",
                    "urn: eq \"x\"",
                    "name. pr",
                    ".name pr",
                    "user:name pr",
                    "urn:x pr",
                    "name.1x pr",
                    "user@name pr",
                    "\"userName\" eq \"x\""
                })
        void malformedAttributePaths(String filter) {
            assertInvalidFilter(filter)
                    .contains("at position 0")
                    .containsAnyOf("Expected an attribute path", "Expected an attribute name");
        }

        @Test
        void aSubAttributeCannotCarryAValueFilter() {
            assertInvalidFilter("name.givenName[value eq \"x\"]")
                    .startsWith(
                            "Expected '[' after a multi-valued attribute, not after the sub-attribute 'name.givenName' "
                                    + "at position 14");
        }

        @Test
        void valueFiltersDoNotNest() {
            assertInvalidFilter("emails[type[value eq \"x\"] pr]")
                    .contains("nested value filter")
                    .contains("position 11");
        }

        @Test
        void theFilterIsQuotedAbbreviatedWhenLong() {
            String longFilter = "userName eq \"" + "x".repeat(500) + "\" foo";
            assertInvalidFilter(longFilter).contains("…").hasSizeLessThan(400);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\t\n"})
        void anEmptyFilterIsRefused(String filter) {
            assertInvalidFilter(filter).isEqualTo("The filter is empty.");
        }

        @Test
        void nullIsAnEmptyFilter() {
            assertInvalidFilter(null).isEqualTo("The filter is empty.");
        }
    }

    @Nested
    class PathologicalInput {

        @Test
        void deepParenthesesAreRefusedWithoutOverflowingTheStack() {
            assertInvalidFilter("(".repeat(4000) + "a pr" + ")".repeat(4000)).contains("deeper than 50 levels");
            assertInvalidFilter("(".repeat(5000)).contains("deeper than 50 levels");
            assertInvalidFilter("not (".repeat(1000) + "a pr" + ")".repeat(1000))
                    .contains("deeper than 50 levels");
        }

        @Test
        void nestingUpToTheLimitIsAccepted() {
            int levels = FilterParser.MAX_DEPTH - 1;
            assertThat(FilterParser.parse("(".repeat(levels) + "a pr" + ")".repeat(levels)))
                    .isEqualTo(present("a"));
        }

        @Test
        void longChainsOfAndAndOrDoNotRecurse() {
            String chain = String.join(" and ", java.util.Collections.nCopies(1000, "a pr"));
            assertThat(FilterParser.parse(chain)).isInstanceOf(And.class);
        }

        @Test
        void overlongFiltersAreRefused() {
            assertInvalidFilter("a eq \"" + "x".repeat(20_000) + "\"")
                    .isEqualTo("The filter is 20007 characters long; at most 10000 are accepted.");
            assertInvalidFilter("x".repeat(20_000)).contains("at most 10000");
        }

        @Test
        void aFilterOfExactlyTheMaximumLengthIsAccepted() {
            String filter = "a eq \"" + "x".repeat(FilterParser.MAX_LENGTH - 7) + "\"";
            assertThat(filter).hasSize(FilterParser.MAX_LENGTH);
            assertThat(FilterParser.parse(filter)).isInstanceOf(Comparison.class);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "((((((((((((",
                    "userName eq \"x\"userName eq \"x\"userName eq \"x\"",
                    "\"",
                    "\\",
                    "]",
                    ")",
                    "a eq \"\\u",
                    "a eq \"\\",
                    "emails[",
                    "emails[type eq \"x\"]]",
                    "a pr and not",
                    "a pr and not (",
                    "\u0000",
                    "a[b pr].c",
                    "a[b pr].c eq",
                    "a[b pr]x",
                    "a[b pr] pr",
                    "a eq b c",
                    "a eq (x)"
                })
        void everyMalformedInputIsAnInvalidFilterNeverAnotherException(String filter) {
            assertThatThrownBy(() -> FilterParser.parse(filter))
                    .isInstanceOfSatisfying(
                            ScimException.class,
                            e -> assertThat(e.error().scimType()).isEqualTo(ScimType.INVALID_FILTER));
        }

        /** No attribute holds a NUL (InputLimits), and PostgreSQL refuses one in a parameter: refused alike. */
        @ParameterizedTest
        @ValueSource(
                strings = {"userName eq \"a\u0000b\"", "userName eq \"a\\u0000b\"", "emails[value eq \"\\u0000\"]"})
        void aNulCharacterRawOrEscapedIsAnInvalidFilter(String filter) {
            assertThatThrownBy(() -> FilterParser.parse(filter)).isInstanceOfSatisfying(ScimException.class, e -> {
                assertThat(e.error().scimType()).isEqualTo(ScimType.INVALID_FILTER);
                assertThat(e.error().detail()).contains("NUL");
            });
        }
    }
}
