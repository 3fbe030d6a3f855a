package com.javelo.scim.core.protocol.filter;

import static com.javelo.scim.core.protocol.filter.JsonFixtures.json;
import static com.javelo.scim.core.protocol.filter.JsonFixtures.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.core.protocol.error.ScimType;
import com.javelo.scim.core.protocol.schema.AttributePath;
import com.javelo.scim.core.protocol.schema.ScimUserGroupCharacteristics;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InMemoryFilterEvaluatorTest {

    private static final String ENTERPRISE = ScimUserGroupCharacteristics.ENTERPRISE_USER_URN;

    private final InMemoryFilterEvaluator evaluator =
            new InMemoryFilterEvaluator(ScimUserGroupCharacteristics.usersAndGroups());

    private final ObjectNode user = object("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
             "id":"2819c223-7f76-453a-919d-413861904646",
             "externalId":"00ujl29u0le5T6Aj10h7",
             "userName":"Bjensen@Example.com",
             "name":{"givenName":"Barbara","familyName":"Jensen"},
             "title":"",
             "active":true,
             "emails":[{"value":"bjensen@example.com","type":"work","primary":true},
                       {"value":"babs@jensen.org","type":"home"}],
             "roles":[],
             "meta":{"resourceType":"User","created":"2015-10-10T14:38:21Z","lastModified":"2016-05-13T04:42:34Z"},
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                 {"employeeNumber":"701984","manager":{"value":"boss@example.com"}}}
            """);

    private final ObjectNode group = object("""
            {"id":"e9e30dba","displayName":"Tour Guides",
             "members":[{"value":"2819c223-7f76-453a-919d-413861904646","display":"Babs"},{"value":"902c246b"}]}
            """);

    private static Filter.Comparison compare(AttributePath path, ComparisonOperator operator, Object literal) {
        JsonNode value = literal == null
                ? NullNode.getInstance()
                : json(literal instanceof String text ? "\"" + text + "\"" : String.valueOf(literal));
        return new Filter.Comparison(path, operator, value);
    }

    private static Filter.Comparison eq(String attribute, Object literal) {
        return compare(path(attribute), ComparisonOperator.EQ, literal);
    }

    private static AttributePath path(String dotted) {
        int dot = dotted.indexOf('.');
        return dot < 0
                ? AttributePath.of(dotted)
                : AttributePath.of(dotted.substring(0, dot), dotted.substring(dot + 1));
    }

    private boolean matches(Filter filter) {
        return evaluator.matches(filter, user);
    }

    private static void assertInvalidFilter(Runnable evaluation) {
        assertThatThrownBy(evaluation::run)
                .isInstanceOfSatisfying(
                        ScimException.class,
                        e -> assertThat(e.error().scimType()).isEqualTo(ScimType.INVALID_FILTER));
    }

    @Nested
    class Equality {

        @Test
        void userNameIsComparedIgnoringCaseAsRfc7643Says() {
            assertThat(matches(eq("userName", "bjensen@example.com"))).isTrue();
            assertThat(matches(eq("USERNAME", "BJENSEN@EXAMPLE.COM"))).isTrue();
        }

        @Test
        void caseExactAttributesCompareExactly() {
            assertThat(matches(eq("externalId", "00ujl29u0le5T6Aj10h7"))).isTrue();
            assertThat(matches(eq("externalId", "00UJL29U0LE5T6AJ10H7"))).isFalse();
            assertThat(matches(eq("id", "2819C223-7F76-453A-919D-413861904646")))
                    .isFalse();
        }

        @Test
        void subAttributesOfAComplexAttributeAreFound() {
            assertThat(matches(eq("name.familyName", "jensen"))).isTrue();
            assertThat(matches(eq("NAME.FAMILYNAME", "Smith"))).isFalse();
        }

        @Test
        void aMultiValuedSubAttributeMatchesWhenAnyValueDoes() {
            assertThat(matches(eq("emails.value", "babs@jensen.org"))).isTrue();
            assertThat(matches(eq("emails.type", "other"))).isFalse();
        }

        @Test
        void aComplexMultiValuedAttributeWithoutSubAttributeComparesItsValue() {
            Filter filter = eq("members", "902c246b");
            assertThat(evaluator.matches(filter, group)).isTrue();
            assertThat(evaluator.matches(eq("members", "902C246B"), group)).isFalse();
        }

        @Test
        void entrasReferenceCheckMatchesIdAndMember() {
            Filter filter = new Filter.And(eq("id", "e9e30dba"), eq("members", "902c246b"));
            assertThat(evaluator.matches(filter, group)).isTrue();
        }

        @Test
        void anUnqualifiedExtensionAttributeIsFoundInsideTheExtension() {
            assertThat(matches(eq("employeeNumber", "701984"))).isTrue();
            assertThat(matches(eq("manager", "BOSS@example.com"))).isTrue();
            assertThat(matches(eq("manager.value", "boss@example.com"))).isTrue();
        }

        @Test
        void aUrnQualifiedPathLooksInsideThatExtensionOnly() {
            AttributePath employeeNumber = new AttributePath(ENTERPRISE.toUpperCase(), "EMPLOYEENUMBER", null);
            assertThat(matches(compare(employeeNumber, ComparisonOperator.EQ, "701984")))
                    .isTrue();
            AttributePath managerValue = new AttributePath(ENTERPRISE, "manager", "value");
            assertThat(matches(compare(managerValue, ComparisonOperator.EQ, "boss@example.com")))
                    .isTrue();
            AttributePath elsewhere = new AttributePath("urn:example:other", "employeeNumber", null);
            assertThat(matches(compare(elsewhere, ComparisonOperator.EQ, "701984")))
                    .isFalse();
        }

        @Test
        void aCoreUrnQualifiedPathLooksAtTheTopLevel() {
            AttributePath userName = new AttributePath(ScimUserGroupCharacteristics.USER_URN, "userName", null);
            assertThat(matches(compare(userName, ComparisonOperator.EQ, "bjensen@example.com")))
                    .isTrue();
        }

        @Test
        void anAbsentAttributeMatchesNothing() {
            assertThat(matches(eq("nickName", "Babs"))).isFalse();
        }

        @Test
        void booleansCompareWithTrueFalseAndEntrasStrings() {
            assertThat(matches(eq("active", true))).isTrue();
            assertThat(matches(eq("active", false))).isFalse();
            assertThat(matches(eq("active", "True"))).isTrue();
            assertThat(matches(eq("emails.primary", true))).isTrue();
            ObjectNode entraStored = object("{\"active\":\"False\"}");
            assertThat(evaluator.matches(eq("active", false), entraStored)).isTrue();
        }

        @Test
        void nullMatchesAnAbsentAttribute() {
            assertThat(matches(eq("nickName", null))).isTrue();
            assertThat(matches(eq("userName", null))).isFalse();
            assertThat(matches(compare(path("nickName"), ComparisonOperator.NE, null)))
                    .isFalse();
            assertThat(matches(compare(path("userName"), ComparisonOperator.NE, null)))
                    .isTrue();
        }

        @Test
        void numbersCompareByValue() {
            ObjectNode resource = object("{\"loginCount\":42}");
            assertThat(evaluator.matches(eq("loginCount", 42.0), resource)).isTrue();
            assertThat(evaluator.matches(compare(path("loginCount"), ComparisonOperator.GT, 41), resource))
                    .isTrue();
            assertThat(evaluator.matches(compare(path("loginCount"), ComparisonOperator.LE, 41), resource))
                    .isFalse();
        }
    }

    @Nested
    class NotEqual {

        @Test
        void neIsTrueWhenNoValueEquals() {
            assertThat(matches(compare(path("userName"), ComparisonOperator.NE, "someone@else.com")))
                    .isTrue();
            assertThat(matches(compare(path("userName"), ComparisonOperator.NE, "BJENSEN@example.com")))
                    .isFalse();
        }

        @Test
        void neIsTrueWhenTheAttributeIsAbsent() {
            assertThat(matches(compare(path("nickName"), ComparisonOperator.NE, "Babs")))
                    .isTrue();
        }
    }

    @Nested
    class Substrings {

        @Test
        void coSwAndEwHonourCaseExactness() {
            assertThat(matches(compare(path("userName"), ComparisonOperator.CO, "JENSEN@")))
                    .isTrue();
            assertThat(matches(compare(path("userName"), ComparisonOperator.SW, "bjen")))
                    .isTrue();
            assertThat(matches(compare(path("userName"), ComparisonOperator.EW, ".COM")))
                    .isTrue();
            assertThat(matches(compare(path("externalId"), ComparisonOperator.SW, "00UJ")))
                    .isFalse();
            assertThat(matches(compare(path("externalId"), ComparisonOperator.SW, "00uj")))
                    .isTrue();
        }

        @Test
        void substringOperatorsOnNumbersAreRefused() {
            assertInvalidFilter(() -> evaluator.matches(
                    compare(path("loginCount"), ComparisonOperator.CO, 4), object("{\"loginCount\":42}")));
        }
    }

    @Nested
    class Ordering {

        @Test
        void stringsOrderLexicallyIgnoringCaseWhenNotCaseExact() {
            assertThat(matches(compare(path("name.familyName"), ComparisonOperator.GT, "ISAKSEN")))
                    .isTrue();
            assertThat(matches(compare(path("name.familyName"), ComparisonOperator.GE, "jensen")))
                    .isTrue();
            assertThat(matches(compare(path("name.familyName"), ComparisonOperator.LT, "jensen")))
                    .isFalse();
            assertThat(matches(compare(path("name.familyName"), ComparisonOperator.LE, "JENSEN")))
                    .isTrue();
        }

        @Test
        void dateTimesCompareAsInstantsWhateverTheOffset() {
            Filter created = compare(path("meta.created"), ComparisonOperator.GT, "2015-10-10T14:38:21.8617979-07:00");
            assertThat(matches(created)).isFalse();
            Filter before = compare(path("meta.created"), ComparisonOperator.GT, "2015-10-10T07:38:20.9-07:00");
            assertThat(matches(before)).isTrue();
            Filter lastModified = compare(path("meta.lastModified"), ComparisonOperator.LT, "2016-05-13T04:42:35Z");
            assertThat(matches(lastModified)).isTrue();
            Filter equalInstant = compare(path("meta.created"), ComparisonOperator.EQ, "2015-10-10T16:38:21+02:00");
            assertThat(matches(equalInstant)).isTrue();
            Filter ge = compare(path("meta.created"), ComparisonOperator.GE, "2015-10-10T14:38:21Z");
            Filter le = compare(path("meta.created"), ComparisonOperator.LE, "2015-10-10T14:38:21Z");
            assertThat(matches(ge)).isTrue();
            assertThat(matches(le)).isTrue();
        }

        @Test
        void aDateTimeComparedWithSomethingElseIsAnInvalidFilter() {
            assertInvalidFilter(() -> matches(compare(path("meta.created"), ComparisonOperator.GT, "yesterday")));
        }

        @Test
        void orderingABooleanIsAnInvalidFilter() {
            assertInvalidFilter(() -> matches(compare(path("active"), ComparisonOperator.GT, true)));
            assertInvalidFilter(() -> matches(compare(path("active"), ComparisonOperator.CO, "tr")));
        }

        @Test
        void aBooleanComparedWithAWordIsAnInvalidFilter() {
            assertInvalidFilter(() -> matches(eq("active", "yes")));
        }

        @Test
        void orderingAgainstNullIsAnInvalidFilter() {
            assertInvalidFilter(() -> matches(compare(path("userName"), ComparisonOperator.GT, null)));
        }
    }

    @Nested
    class Presence {

        @Test
        void presentMeansNotNullNotEmptyStringNotEmptyArray() {
            assertThat(matches(new Filter.Present(path("userName")))).isTrue();
            assertThat(matches(new Filter.Present(path("title")))).isFalse();
            assertThat(matches(new Filter.Present(path("roles")))).isFalse();
            assertThat(matches(new Filter.Present(path("nickName")))).isFalse();
            assertThat(matches(new Filter.Present(path("emails")))).isTrue();
            assertThat(matches(new Filter.Present(path("name")))).isTrue();
            assertThat(matches(new Filter.Present(path("emails.display")))).isFalse();
            assertThat(matches(new Filter.Present(path("employeeNumber")))).isTrue();
            assertThat(evaluator.matches(new Filter.Present(path("nickName")), object("{\"nickName\":null}")))
                    .isFalse();
        }
    }

    @Nested
    class Logic {

        @Test
        void andOrAndNotCombine() {
            Filter active = eq("active", true);
            Filter smith = eq("name.familyName", "Smith");
            assertThat(matches(new Filter.And(active, smith))).isFalse();
            assertThat(matches(new Filter.Or(active, smith))).isTrue();
            assertThat(matches(new Filter.Not(smith))).isTrue();
            assertThat(matches(new Filter.Not(new Filter.Or(active, smith)))).isFalse();
        }
    }

    @Nested
    class ValuePaths {

        @Test
        void aValuePathNeedsOneValueToSatisfyTheWholeInnerFilter() {
            // emails[type eq "work" and value co "@example.com"]
            Filter work = new Filter.ValuePath(
                    AttributePath.of("emails"),
                    new Filter.And(eq("type", "work"), compare(path("value"), ComparisonOperator.CO, "@EXAMPLE.com")));
            assertThat(matches(work)).isTrue();
            // emails[type eq "home" and value co "@example.com"]: each half matches a different value
            Filter mixed = new Filter.ValuePath(
                    AttributePath.of("emails"),
                    new Filter.And(eq("type", "home"), compare(path("value"), ComparisonOperator.CO, "@example.com")));
            assertThat(matches(mixed)).isFalse();
        }

        @Test
        void entrasWorkEmailFilterMatches() {
            // emails[type eq "work"].value eq "bjensen@example.com", as the parser represents it
            Filter filter = new Filter.ValuePath(
                    AttributePath.of("EMAILS"), new Filter.And(eq("type", "work"), eq("value", "BJENSEN@example.com")));
            assertThat(matches(filter)).isTrue();
        }

        @Test
        void subAttributesInsideAValueFilterUseTheirOwnCharacteristics() {
            Filter primary = new Filter.ValuePath(AttributePath.of("emails"), eq("primary", "true"));
            assertThat(matches(primary)).isTrue();
            Filter member = new Filter.ValuePath(AttributePath.of("members"), eq("value", "902C246B"));
            assertThat(evaluator.matches(member, group)).isFalse();
        }

        @Test
        void aValuePathOnAnAbsentAttributeMatchesNothing() {
            Filter filter = new Filter.ValuePath(AttributePath.of("phoneNumbers"), eq("type", "work"));
            assertThat(matches(filter)).isFalse();
            assertThat(matches(new Filter.Not(filter))).isTrue();
        }

        @Test
        void aValueFilterEvaluatesAgainstOneValue() {
            JsonNode work = user.get("emails").get(0);
            assertThat(evaluator.matchesValue(eq("type", "WORK"), AttributePath.of("emails"), work))
                    .isTrue();
            assertThat(evaluator.matchesValue(new Filter.Present(path("display")), AttributePath.of("emails"), work))
                    .isFalse();
        }

        @Test
        void nestedValuePathsAreAnInvalidFilter() {
            Filter nested = new Filter.ValuePath(
                    AttributePath.of("emails"),
                    new Filter.ValuePath(AttributePath.of("addresses"), eq("type", "work")));
            assertInvalidFilter(() -> matches(nested));
        }
    }
}
