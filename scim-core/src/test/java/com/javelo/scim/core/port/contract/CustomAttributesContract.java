package com.javelo.scim.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.ScimApi;
import com.javelo.scim.core.endpoint.AttributeSelection;
import com.javelo.scim.core.endpoint.EndpointSettings;
import com.javelo.scim.core.endpoint.ListParameters;
import com.javelo.scim.core.endpoint.RequestContext;
import com.javelo.scim.core.port.IdGenerator;
import com.javelo.scim.core.port.ResourceQuery;
import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.core.protocol.error.ScimType;
import com.javelo.scim.core.protocol.json.CustomSchemaJson;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.core.usecase.tenant.DeclareCustomAttributes;
import com.javelo.scim.domain.resource.ExpectedVersion;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue #15 on every store (in memory, H2, PostgreSQL), through the SCIM API over the ports under
 * test: what an identity provider sends beyond the catalogue is kept; a company's declared
 * attributes are validated, stored, returned, PATCHed, filtered and sorted alike everywhere;
 * strict mode; declaration changes never lose values; every store accepts and refuses the same filters.
 */
public abstract class CustomAttributesContract extends ContractFixture {

    protected static final String URN = CustomSchema.URN;

    protected ScimApi api;
    protected RequestContext context;
    protected DeclareCustomAttributes declarations;

    @BeforeEach
    void wireTheApi() {
        api = ScimApi.wire(
                new ScimApi.ScimPorts(
                        ports.users(),
                        ports.groups(),
                        ports.apiTokens(),
                        ports.unitOfWork(),
                        IdGenerator.randomUuids(),
                        Clock.systemUTC(),
                        ports.customSchemas()),
                EndpointSettings.DEFAULTS);
        context = new RequestContext(acme, "https://scim.example/scim/v2");
        declarations =
                new DeclareCustomAttributes(ports.tenants(), ports.customSchemas(), ports.users(), ports.unitOfWork());
    }

    protected static JsonNode json(String text) {
        try {
            return ScimJson.mapper().readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    protected JsonNode create(String body) {
        return api.users()
                .create(context, json(body), AttributeSelection.none())
                .body();
    }

    protected JsonNode get(String id) {
        return api.users().get(context, id, AttributeSelection.none()).body();
    }

    protected JsonNode patch(String id, String body) {
        api.users().patch(context, id, json(body), ExpectedVersion.any(), AttributeSelection.none());
        return get(id);
    }

    protected JsonNode put(String id, String body) {
        return api.users()
                .replace(context, id, json(body), ExpectedVersion.any(), AttributeSelection.none())
                .body();
    }

    protected List<String> userNames(String filter) {
        return userNames(filter, null, null);
    }

    protected List<String> userNames(String filter, String sortBy, String sortOrder) {
        JsonNode list = api.users()
                .list(context, new ListParameters(filter, null, null, sortBy, sortOrder, null, null))
                .body();
        List<String> names = new ArrayList<>();
        list.get("Resources").forEach(user -> names.add(user.get("userName").asText()));
        return names;
    }

    protected void declare(String document) {
        declarations.declare(acme, CustomSchemaJson.read(json(document)));
    }

    protected static Consumer<Throwable> scimType(ScimType type, String... inDetail) {
        return thrown -> {
            assertThat(thrown).isInstanceOf(ScimException.class);
            ScimException error = (ScimException) thrown;
            assertThat(error.error().scimType()).isEqualTo(type);
            for (String text : inDetail) {
                assertThat(error.error().detail()).contains(text);
            }
        };
    }

    @Nested
    class NothingSilentlyDropped {

        private static final String OKTA_CREATE = "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User',"
                + "'urn:acme:okta:1.0:User'],'userName':'ada@acme.com','hireDate':'2024-05-01',"
                + "'urn:acme:okta:1.0:User':{'site':'Lyon','badges':[1,2]},"
                + "'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':{'department':'R&D','badge':'B7'},"
                + "'emails':[{'value':'ada@acme.com','type':'work','primary':false}],"
                + "'phoneNumbers':[{'value':'555','type':'work','primary':false}],"
                + "'id':'ignored','meta':{'resourceType':'User'},'groups':[],'password':'x'}";

        @Test
        void anUndeclaredAttributeIsKeptAndReturnedAsItCame() {
            String id = create(OKTA_CREATE).get("id").asText();

            JsonNode user = get(id);
            assertThat(user.get("hireDate").asText()).isEqualTo("2024-05-01");
            assertThat(user.get("urn:acme:okta:1.0:User")).isEqualTo(json("{'site':'Lyon','badges':[1,2]}"));
            assertThat(user.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
                            .get("badge")
                            .asText())
                    .isEqualTo("B7");
            assertThat(user.get("schemas").toString()).contains("urn:acme:okta:1.0:User");
            assertThat(user.get("id").asText()).isEqualTo(id);
            assertThat(user.has("password")).isFalse();
        }

        @Test
        void subAttributesAKnownAttributeDoesNotDefineAreKeptWithTheirValueThroughPatchAndPut() {
            String id = create("{'userName':'ada@acme.com','name':{'givenName':'Ada','pronunciation':'AY-da'},"
                            + "'emails':[{'value':'ada@acme.com','type':'work','verified':true},"
                            + "{'value':'ada@home.example','type':'home'}],"
                            + "'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':"
                            + "{'manager':{'value':'boss@acme.com','since':'2024'}}}")
                    .get("id")
                    .asText();

            JsonNode user = get(id);
            assertThat(user.get("name").get("pronunciation").asText()).isEqualTo("AY-da");
            assertThat(user.get("name").get("givenName").asText()).isEqualTo("Ada");
            assertThat(user.get("emails").get(0).get("verified").booleanValue()).isTrue();
            assertThat(user.get("emails").get(1).has("verified")).isFalse();
            assertThat(user.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
                            .get("manager")
                            .get("since")
                            .asText())
                    .isEqualTo("2024");

            JsonNode patched = patch(id, "{'Operations':[{'op':'replace','path':'title','value':'Engineer'}]}");
            assertThat(patched.get("name").get("pronunciation").asText()).isEqualTo("AY-da");
            assertThat(patched.get("emails").get(0).get("verified").booleanValue())
                    .isTrue();
            assertThat(patched.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
                            .get("manager")
                            .get("since")
                            .asText())
                    .isEqualTo("2024");

            JsonNode replaced = put(
                    id,
                    "{'userName':'ada@acme.com','name':{'givenName':'Ada'},"
                            + "'emails':[{'value':'ada@acme.com','type':'work'}]}");
            assertThat(replaced.get("name").has("pronunciation")).isFalse();
            assertThat(replaced.get("emails").get(0).has("verified")).isFalse();
        }

        private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

        private String adaWithNameEmailsAndManager() {
            return create("{'userName':'ada@acme.com','name':{'givenName':'Ada'},"
                            + "'emails':[{'value':'ada@acme.com','type':'work'},{'value':'ada@home.example','type':'home'}],"
                            + "'" + ENTERPRISE + "':{'manager':{'value':'boss@acme.com'}}}")
                    .get("id")
                    .asText();
        }

        @Test
        void aPatchByPathToASubAttributeAKnownAttributeDoesNotDefineKeepsItAsAPutDoes() {
            String id = adaWithNameEmailsAndManager();

            JsonNode patched = patch(
                    id,
                    "{'Operations':[{'op':'replace','path':'name.pronunciation','value':'zho'},"
                            + "{'op':'add','path':'" + ENTERPRISE + ":manager.since','value':'2020-01-01'},"
                            + "{'op':'replace','path':'emails[type eq \\'work\\'].verified','value':true}]}");

            assertThat(patched.get("name")).isEqualTo(json("{'givenName':'Ada','pronunciation':'zho'}"));
            assertThat(patched.get(ENTERPRISE).get("manager").get("value").asText())
                    .isEqualTo("boss@acme.com");
            assertThat(patched.get(ENTERPRISE).get("manager").get("since").asText())
                    .isEqualTo("2020-01-01");
            assertThat(patched.get("emails").get(0).get("verified").booleanValue())
                    .isTrue();
            assertThat(patched.get("emails").get(1).has("verified")).isFalse();

            JsonNode changed = patch(
                    id,
                    "{'Operations':[{'op':'remove','path':'name.pronunciation'},"
                            + "{'op':'replace','path':'emails[type eq \\'work\\'].verified','value':false},"
                            + "{'op':'replace','path':'title','value':'CTO'}]}");
            assertThat(changed.get("name")).isEqualTo(json("{'givenName':'Ada'}"));
            assertThat(changed.get("emails").get(0).get("verified").booleanValue())
                    .isFalse();
            assertThat(changed.get(ENTERPRISE).get("manager").get("since").asText())
                    .isEqualTo("2020-01-01");

            JsonNode replaced =
                    put(id, "{'userName':'ada@acme.com','emails':[{'value':'ada@acme.com','type':'work'}]}");
            assertThat(replaced.get("emails").get(0).has("verified")).isFalse();
            assertThat(replaced.has(ENTERPRISE)).isFalse();
        }

        @Test
        void aFilteredPathThatMatchesNoValueCreatesOneAsItDoesForAKnownSubAttribute() {
            String id = adaWithNameEmailsAndManager();

            JsonNode patched = patch(
                    id,
                    "{'Operations':[{'op':'replace','path':'emails[type eq \\'other\\'].verified','value':true},"
                            + "{'op':'replace','path':'phoneNumbers[type eq \\'work\\'].value','value':'555'}]}");

            assertThat(patched.get("emails").get(2)).isEqualTo(json("{'type':'other','verified':true}"));
            assertThat(patched.get("phoneNumbers").get(0)).isEqualTo(json("{'value':'555','type':'work'}"));
            assertThatThrownBy(() ->
                            patch(id, "{'Operations':[{'op':'remove','path':'emails[type eq \\'none\\'].verified'}]}"))
                    .satisfies(scimType(ScimType.NO_TARGET));
        }

        @Test
        void pathlessPatchesKeepThemInsideTheirValueOktaAndEntraShaped() {
            String id = adaWithNameEmailsAndManager();

            JsonNode okta = patch(
                    id,
                    "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'replace',"
                            + "'value':{'name':{'pronunciation':'zho'},'" + ENTERPRISE
                            + "':{'manager':{'value':'boss@acme.com','since':'2021'}}}}]}");
            assertThat(okta.get("name")).isEqualTo(json("{'givenName':'Ada','pronunciation':'zho'}"));
            assertThat(okta.get(ENTERPRISE).get("manager").get("since").asText())
                    .isEqualTo("2021");

            JsonNode entra = patch(
                    id,
                    "{'Operations':[{'op':'Replace','value':{'name.pronunciation':'ZHO','name.givenName':'Ada'}}]}");
            assertThat(entra.get("name")).isEqualTo(json("{'givenName':'Ada','pronunciation':'ZHO'}"));
        }

        @Test
        void strictModeRefusesThemByPathOrInsideAValueAndWritesNothing() {
            String id = adaWithNameEmailsAndManager();
            String carrying = create("{'userName':'bob@acme.com','name':{'givenName':'Bob','pronunciation':'bob'}}")
                    .get("id")
                    .asText();
            declare("{'strict':true,'attributes':[]}");
            JsonNode before = get(id);

            assertThatThrownBy(() ->
                            patch(id, "{'Operations':[{'op':'replace','path':'name.pronunciation','value':'zho'}]}"))
                    .satisfies(scimType(ScimType.INVALID_SYNTAX, "name.pronunciation", "strict"));
            assertThatThrownBy(() -> patch(
                            id,
                            "{'Operations':[{'op':'replace','path':'title','value':'CTO'},"
                                    + "{'op':'replace','path':'emails[type eq \\'work\\'].verified','value':true}]}"))
                    .satisfies(scimType(ScimType.INVALID_SYNTAX, "emails.verified"));
            assertThatThrownBy(() ->
                            patch(id, "{'Operations':[{'op':'replace','value':{'name':{'pronunciation':'zho'}}}]}"))
                    .satisfies(scimType(ScimType.INVALID_SYNTAX, "name.pronunciation"));
            assertThat(get(id)).isEqualTo(before);

            // What a person carried before the company chose strict mode does not block a PATCH
            // that leaves it alone (a deactivation), and stays.
            JsonNode deactivated = patch(carrying, "{'Operations':[{'op':'replace','value':{'active':false}}]}");
            assertThat(deactivated.get("active").booleanValue()).isFalse();
            assertThat(deactivated.get("name").get("pronunciation").asText()).isEqualTo("bob");
        }

        @Test
        void primaryFalseRoundTripsAsFalse() {
            String id = create(OKTA_CREATE).get("id").asText();

            JsonNode user = get(id);
            assertThat(user.get("emails").get(0).get("primary").isBoolean()).isTrue();
            assertThat(user.get("emails").get(0).get("primary").booleanValue()).isFalse();
            assertThat(user.get("phoneNumbers").get(0).get("primary").booleanValue())
                    .isFalse();
        }

        @Test
        void aPatchOfAnotherAttributeKeepsThemAndAPatchCanChangeThem() {
            String id = create(OKTA_CREATE).get("id").asText();

            JsonNode patched = patch(
                    id,
                    "{'Operations':[{'op':'replace','path':'title','value':'Engineer'},"
                            + "{'op':'replace','path':'urn:acme:okta:1.0:User:site','value':'Paris'},"
                            + "{'op':'add','value':{'favouriteColour':'blue'}}]}");

            assertThat(patched.get("title").asText()).isEqualTo("Engineer");
            assertThat(patched.get("hireDate").asText()).isEqualTo("2024-05-01");
            assertThat(patched.get("urn:acme:okta:1.0:User").get("site").asText())
                    .isEqualTo("Paris");
            assertThat(patched.get("urn:acme:okta:1.0:User").get("badges")).isEqualTo(json("[1,2]"));
            assertThat(patched.get("favouriteColour").asText()).isEqualTo("blue");
        }

        @Test
        void aPutReplacesThemAsItReplacesEverything() {
            String id = create(OKTA_CREATE).get("id").asText();

            JsonNode replaced = put(id, "{'userName':'ada@acme.com','hireDate':'2024-06-01'}");

            assertThat(replaced.get("hireDate").asText()).isEqualTo("2024-06-01");
            assertThat(replaced.has("urn:acme:okta:1.0:User")).isFalse();
            assertThat(get(id).get("hireDate").asText()).isEqualTo("2024-06-01");
        }

        @Test
        void aFilterOnAnUndeclaredAttributeIsInvalidAndSaysSo() {
            create(OKTA_CREATE);

            assertThatThrownBy(() -> userNames("hireDate eq \"2024-05-01\""))
                    .satisfies(scimType(ScimType.INVALID_FILTER, "hireDate", "not declared"));
            assertThatThrownBy(() -> userNames("urn:acme:okta:1.0:User:site eq \"Lyon\""))
                    .satisfies(scimType(ScimType.INVALID_FILTER, "not declared"));
            assertThatThrownBy(() -> userNames(URN + ":level eq \"3\""))
                    .satisfies(scimType(ScimType.INVALID_FILTER, "not declared"));
        }

        @Test
        void removingActiveIsRefusedWithWhatToSendInstead() {
            String id = create(OKTA_CREATE).get("id").asText();

            assertThatThrownBy(() -> patch(id, "{'Operations':[{'op':'remove','path':'active'}]}"))
                    .satisfies(scimType(ScimType.INVALID_VALUE, "active", "false"));
            assertThat(get(id).get("active").booleanValue()).isTrue();
        }
    }

    @Nested
    class DeclaredAttributes {

        @BeforeEach
        void declareThem() {
            declare("{'attributes':[{'name':'level','type':'string'},{'name':'hireDate','type':'dateTime'},"
                    + "{'name':'remote','type':'boolean'},{'name':'grade','type':'integer'},"
                    + "{'name':'bonus','type':'decimal'},{'name':'sites','type':'string','multiValued':true},"
                    + "{'name':'employeeCode','type':'string','caseExact':true}]}");
        }

        private String person(String userName, String extension) {
            return create("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User','" + URN + "'],'userName':'"
                            + userName + "','" + URN + "':" + extension + "}")
                    .get("id")
                    .asText();
        }

        @Test
        void theyAreStoredAndReturnedWithTheirTypes() {
            String id = person(
                    "ada",
                    "{'level':'Senior','hireDate':'2024-05-01T09:00:00Z','remote':'True',"
                            + "'grade':'7','bonus':2.50,'sites':['Lyon','Paris'],'employeeCode':'E-1'}");

            JsonNode extension = get(id).get(URN);
            assertThat(extension.toString())
                    .isEqualTo(json("{'level':'Senior','hireDate':'2024-05-01T09:00:00Z',"
                                    + "'remote':true,'grade':7,'bonus':2.5,'sites':['Lyon','Paris'],'employeeCode':'E-1'}")
                            .toString());
            assertThat(get(id).get("schemas").toString()).contains(URN);
        }

        @Test
        void theyHonourAttributesAndExcludedAttributes() {
            String id = person("ada", "{'level':'Senior','grade':7}");

            JsonNode only = api.users()
                    .get(context, id, new AttributeSelection(URN + ":level", null))
                    .body();
            assertThat(only.get(URN).toString()).isEqualTo("{\"level\":\"Senior\"}");
            assertThat(only.has("userName")).isFalse();
            JsonNode without = api.users()
                    .get(context, id, new AttributeSelection(null, URN + ":grade"))
                    .body();
            assertThat(without.get(URN).has("grade")).isFalse();
            assertThat(without.get(URN).get("level").asText()).isEqualTo("Senior");
        }

        @Test
        void aValueOfTheWrongTypeIsRefusedNamingAttributeAndValue() {
            assertThatThrownBy(() -> person("ada", "{'grade':'seven'}"))
                    .satisfies(scimType(ScimType.INVALID_VALUE, URN + ":grade", "seven"));
            assertThatThrownBy(() -> person("ada", "{'hireDate':'yesterday'}"))
                    .satisfies(scimType(ScimType.INVALID_VALUE, "hireDate", "yesterday"));
            assertThatThrownBy(() -> person("ada", "{'level':['a','b']}"))
                    .satisfies(scimType(ScimType.INVALID_VALUE, "level", "single-valued"));
            assertThat(userNames(null)).isEmpty();
        }

        @Test
        void theyArePatchableWithAndWithoutPaths() {
            String id = person("ada", "{'level':'Junior'}");

            patch(id, "{'Operations':[{'op':'replace','path':'" + URN + ":level','value':'Senior'}]}");
            assertThat(get(id).get(URN).get("level").asText()).isEqualTo("Senior");

            patch(id, "{'Operations':[{'op':'Replace','value':{'" + URN + ":grade':'8'}}]}"); // Entra
            assertThat(get(id).get(URN).get("grade").asInt()).isEqualTo(8);

            patch(id, "{'Operations':[{'op':'add','value':{'" + URN + "':{'remote':true}}}]}"); // keyed by the URN
            assertThat(get(id).get(URN).get("remote").booleanValue()).isTrue();
            assertThat(get(id).get(URN).get("level").asText()).isEqualTo("Senior");

            patch(
                    id,
                    "{'Operations':[{'op':'add','path':'" + URN + ":sites','value':['Lyon']}," + "{'op':'add','path':'"
                            + URN + ":sites','value':['Paris']}]}");
            assertThat(get(id).get(URN).get("sites")).isEqualTo(json("['Lyon','Paris']"));

            patch(id, "{'Operations':[{'op':'remove','path':'" + URN + ":level'}]}");
            assertThat(get(id).get(URN).has("level")).isFalse();

            assertThatThrownBy(() ->
                            patch(id, "{'Operations':[{'op':'replace','path':'" + URN + ":grade','value':'high'}]}"))
                    .satisfies(scimType(ScimType.INVALID_VALUE, "grade", "high"));
        }

        @Test
        void theyAreFilterableByTypeOnEveryStore() {
            person(
                    "ada",
                    "{'level':'Senior','grade':7,'remote':true,'hireDate':'2024-05-01T09:00:00Z',"
                            + "'sites':['Lyon','Paris'],'employeeCode':'E-1','bonus':1.5}");
            person(
                    "bob",
                    "{'level':'junior','grade':3,'remote':false,'hireDate':'2023-01-01T09:00:00+02:00',"
                            + "'sites':['Nantes'],'employeeCode':'e-2'}");
            person("cy", "{}");

            assertThat(userNames(URN + ":level eq \"senior\"")).containsExactly("ada");
            assertThat(userNames("level eq \"SENIOR\"")).containsExactly("ada");
            assertThat(userNames(URN + ":employeeCode eq \"E-1\"")).containsExactly("ada");
            assertThat(userNames(URN + ":employeeCode eq \"e-1\"")).isEmpty();
            assertThat(userNames(URN + ":level ne \"senior\"")).containsExactly("bob", "cy");
            assertThat(userNames(URN + ":level co \"uni\"")).containsExactly("bob");
            assertThat(userNames(URN + ":level sw \"Sen\"")).containsExactly("ada");
            assertThat(userNames(URN + ":level ew \"IOR\"")).containsExactly("ada", "bob");
            assertThat(userNames(URN + ":level pr")).containsExactly("ada", "bob");
            assertThat(userNames(URN + ":grade gt 3")).containsExactly("ada");
            assertThat(userNames(URN + ":grade le 7")).containsExactly("ada", "bob");
            assertThat(userNames(URN + ":bonus ge 1.5")).containsExactly("ada");
            assertThat(userNames(URN + ":remote eq true")).containsExactly("ada");
            assertThat(userNames(URN + ":hireDate lt \"2024-01-01T00:00:00Z\"")).containsExactly("bob");
            assertThat(userNames(URN + ":sites eq \"paris\"")).containsExactly("ada");
            assertThat(userNames(URN + ":sites eq \"Nantes\" or userName eq \"cy\""))
                    .containsExactly("bob", "cy");
            assertThatThrownBy(() -> userNames(URN + ":remote gt true"))
                    .satisfies(scimType(ScimType.INVALID_FILTER, "remote"));
        }

        @Test
        void theyAreSortableOnEveryStore() {
            person("ada", "{'grade':10,'level':'b'}");
            person("bob", "{'grade':9,'level':'C'}");
            person("cy", "{'level':'a'}");

            assertThat(userNames(null, URN + ":grade", "ascending")).containsExactly("bob", "ada", "cy");
            assertThat(userNames(null, URN + ":grade", "descending")).containsExactly("ada", "bob", "cy");
            assertThat(userNames(null, "level", "ascending")).containsExactly("cy", "ada", "bob");
        }

        @Test
        void aCursorWalkSortedByADeclaredAttributeFollowsTheIndexPagedSortOnEveryStore() {
            // Ties (the same instant in two offsets, equal grades, "B"/"b"), and people without a value.
            person("ada", "{'hireDate':'2024-05-01T08:00:00Z','grade':3,'level':'b','remote':true}");
            person("bob", "{'hireDate':'2024-05-01T10:00:00+02:00','grade':3,'level':'B','remote':false}");
            person("cy", "{'grade':1}");
            person("dee", "{'hireDate':'2024-04-01T08:00:00.25Z','level':'a','remote':true}");
            person("eve", "{'hireDate':'2024-06-01T08:00:00Z','grade':2,'bonus':1.5}");
            person("fay", "{}");
            person("gus", "{'hireDate':'2024-05-01T08:00:00Z','grade':3,'level':'c','bonus':1.50}");

            for (String attribute : List.of("hireDate", "grade", "level", "remote", "bonus", "employeeCode")) {
                for (String order : List.of("ascending", "descending")) {
                    for (String count : List.of("2", "3")) {
                        assertThat(cursorWalk(URN + ":" + attribute, order, count))
                                .as("%s %s by %s", attribute, order, count)
                                .containsExactlyElementsOf(userNames(null, URN + ":" + attribute, order));
                    }
                }
            }
            assertThat(cursorWalk(URN + ":hireDate", "ascending", "2"))
                    .containsExactly("dee", "ada", "bob", "gus", "eve", "cy", "fay");
            assertThat(cursorWalk(URN + ":grade", "descending", "2"))
                    .containsExactly("ada", "bob", "gus", "eve", "cy", "dee", "fay");
        }

        private List<String> cursorWalk(String sortBy, String sortOrder, String count) {
            List<String> names = new ArrayList<>();
            String next = "";
            while (next != null) {
                JsonNode page = api.users()
                        .list(context, new ListParameters(null, null, count, sortBy, sortOrder, null, null, next))
                        .body();
                page.get("Resources")
                        .forEach(user -> names.add(user.get("userName").asText()));
                next = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
            }
            return names;
        }

        @Test
        void dateTimesSortAsTheInstantsTheyNameWhateverTheirOffsetOnEveryStore() {
            // As text, "09:00+02:00" (07:00 UTC) sorts after "08:00Z": as instants, before.
            person("ada", "{'hireDate':'2024-05-01T08:00:00Z'}");
            person("bob", "{'hireDate':'2024-05-01T09:00:00+02:00'}");
            person("cy", "{'hireDate':'2024-05-01T08:30:00.5Z'}");

            assertThat(userNames(null, URN + ":hireDate", "ascending")).containsExactly("bob", "ada", "cy");
        }

        @Test
        void strictModeRefusesAnUndeclaredAttributeAndWritesNothing() {
            declare("{'strict':true,'attributes':[{'name':'level','type':'string'}]}");

            assertThatThrownBy(() -> create("{'userName':'ada','" + URN + "':{'level':'x','site':'Lyon'}}"))
                    .satisfies(scimType(ScimType.INVALID_SYNTAX, URN + ":site", "strict"));
            assertThatThrownBy(() -> create("{'userName':'ada','hireDate':'2024'}"))
                    .satisfies(scimType(ScimType.INVALID_SYNTAX, "hireDate"));
            assertThat(userNames(null)).isEmpty();
            assertThat(create("{'userName':'ada','" + URN + "':{'level':'x'}}")
                            .get(URN)
                            .get("level")
                            .asText())
                    .isEqualTo("x");
        }

        @Test
        void anAttributeRedeclaredSingleValuedIsFilteredByTheValueItShowsOnEveryStore() {
            String id = person("ada", "{'sites':['Lyon','Paris']}");

            declare("{'attributes':[{'name':'sites','type':'string'}]}");

            assertThat(get(id).get(URN).toString()).isEqualTo("{\"sites\":\"Lyon\"}");
            assertThat(userNames(URN + ":sites eq \"Lyon\"")).containsExactly("ada");
            assertThat(userNames(URN + ":sites eq \"lyon\" and userName pr")).containsExactly("ada");
            assertThat(userNames(URN + ":sites eq \"Paris\"")).isEmpty();
            assertThat(userNames(URN + ":sites co \"ari\"")).isEmpty();
        }

        @Test
        void anAttributeRemovedFromTheDeclarationIsHiddenKeptAndReturnsWhenRedeclared() {
            String id = person("ada", "{'level':'Senior','grade':7}");

            declare("{'attributes':[{'name':'grade','type':'integer'}]}");
            assertThat(get(id).get(URN).has("level")).isFalse();
            put(id, "{'userName':'ada','" + URN + "':{'grade':8}}");
            patch(id, "{'Operations':[{'op':'replace','path':'title','value':'CTO'}]}");
            assertThatThrownBy(() -> userNames(URN + ":level eq \"Senior\""))
                    .satisfies(scimType(ScimType.INVALID_FILTER, "not declared"));

            declare("{'attributes':[{'name':'grade','type':'integer'},{'name':'level','type':'string'}]}");
            assertThat(get(id).get(URN).toString()).isEqualTo("{\"grade\":8,\"level\":\"Senior\"}");
            assertThat(userNames(URN + ":level eq \"Senior\"")).containsExactly("ada");
        }

        @Test
        void aValueCarriedBeforeItsAttributeIsDeclaredBecomesDeclaredWithTheDeclaration() {
            declare("{'attributes':[]}");
            String ada = person("ada", "{'level':'L3','site':'Lyon','grade':'7'}");
            person("bob", "{'level':'L1'}");
            person("cy", "{}");

            declare("{'attributes':[{'name':'level','type':'string'},{'name':'grade','type':'integer'}]}");

            assertThat(userNames(URN + ":level eq \"L3\"")).containsExactly("ada");
            assertThat(userNames(URN + ":level pr")).containsExactly("ada", "bob");
            assertThat(userNames(URN + ":grade ge 7")).containsExactly("ada");
            assertThat(get(ada).get(URN).toString())
                    .isEqualTo(json("{'level':'L3','grade':7,'site':'Lyon'}").toString());
            assertThat(get(ada).get("schemas").toString().split(URN, -1)).hasSize(2);

            // Now a declared value like any other: a PUT that does not send it clears it.
            put(ada, "{'userName':'ada','" + URN + "':{'grade':8}}");
            assertThat(userNames(URN + ":level eq \"L3\"")).isEmpty();
            assertThat(get(ada).get(URN).toString()).isEqualTo("{\"grade\":8}");
        }

        @Test
        void aValueCarriedBeforeItsAttributeIsDeclaredReplacesAHiddenOneAndHidesAgainWithIt() {
            String ada = person("ada", "{'level':'Old'}");
            declare("{'attributes':[{'name':'grade','type':'integer'}]}");
            patch(ada, "{'Operations':[{'op':'add','path':'" + URN + ":level','value':'New'}]}");

            declare("{'attributes':[{'name':'grade','type':'integer'},{'name':'level','type':'string'}]}");
            assertThat(get(ada).get(URN)).isEqualTo(json("{'level':'New'}"));
            assertThat(userNames(URN + ":level eq \"New\"")).containsExactly("ada");
            assertThat(userNames(URN + ":level eq \"Old\"")).isEmpty();

            declare("{'attributes':[{'name':'grade','type':'integer'}]}");
            assertThat(get(ada).has(URN)).isFalse();
            declare("{'attributes':[{'name':'level','type':'string'}]}");
            assertThat(get(ada).get(URN)).isEqualTo(json("{'level':'New'}"));
        }

        @Test
        void aCarriedValueNotOfTheDeclaredTypeRefusesTheDeclarationNamingItAndAPersonAndChangesNothing() {
            declare("{'attributes':[{'name':'level','type':'string'}]}");
            String ada = person("ada", "{'grade':'seven','site':'Lyon'}");
            JsonNode before = get(ada);

            assertThatThrownBy(() -> declare("{'attributes':[{'name':'level','type':'string'},"
                            + "{'name':'site','type':'string'},{'name':'grade','type':'integer'}]}"))
                    .satisfies(thrown -> assertThat(
                                    ((ScimException) thrown).error().status())
                            .isEqualTo(409))
                    .hasMessageContaining("grade")
                    .hasMessageContaining("seven")
                    .hasMessageContaining("'ada'");

            assertThat(ports.customSchemas().of(acme).attribute("grade")).isEmpty();
            assertThat(get(ada)).isEqualTo(before);
            assertThatThrownBy(() -> userNames(URN + ":site eq \"Lyon\""))
                    .satisfies(scimType(ScimType.INVALID_FILTER, "not declared"));
        }

        @Test
        void aTypeChangeIsRefusedWhenStoredValuesDoNotConvertAndAppliedWhenTheyDo() {
            person("ada", "{'level':'3'}");
            person("bob", "{'level':'senior'}");

            assertThatThrownBy(() -> declare("{'attributes':[{'name':'level','type':'integer'}]}"))
                    .satisfies(thrown -> assertThat(
                                    ((ScimException) thrown).error().status())
                            .isEqualTo(409))
                    .hasMessageContaining("senior");

            put(userNames("userName eq \"bob\"").isEmpty() ? "" : idOf("bob"), "{'userName':'bob'}");
            declare("{'attributes':[{'name':'level','type':'integer'}]}");
            assertThat(get(idOf("ada")).get(URN).get("level").isNumber()).isTrue();
            assertThat(userNames(URN + ":level gt 2")).containsExactly("ada");
        }

        private String idOf(String userName) {
            return api.users()
                    .list(
                            context,
                            new ListParameters("userName eq \"" + userName + "\"", null, null, null, null, null, null))
                    .body()
                    .get("Resources")
                    .get(0)
                    .get("id")
                    .asText();
        }

        @Test
        void anotherCompanySeesNeitherTheDeclarationNorTheValues() {
            person("ada", "{'level':'Senior'}");
            RequestContext globexContext = new RequestContext(globex, "https://scim.example/scim/v2");

            assertThat(ports.customSchemas().of(globex).isEmpty()).isTrue();
            assertThatThrownBy(() -> api.users()
                            .list(
                                    globexContext,
                                    new ListParameters(
                                            URN + ":level eq \"Senior\"", null, null, null, null, null, null)))
                    .satisfies(scimType(ScimType.INVALID_FILTER, "not declared"));
            assertThat(ports.users().query(globex, ResourceQuery.all()).items()).isEmpty();
        }
    }

    @Nested
    class TheSameFiltersOnEveryStore {

        @Test
        void aFilterOnACatalogueAttributeIsAnsweredAlike() {
            create("{'userName':'ada','emails':[{'value':'ada@acme.com','type':'work'}],'title':'CTO',"
                    + "'phoneNumbers':[{'value':'555','type':'work'}]}");
            create("{'userName':'bob','emails':[{'value':'bob@acme.com','type':'home'}]}");

            assertThat(userNames("emails[type eq \"work\"].value eq \"ADA@acme.com\""))
                    .containsExactly("ada");
            assertThat(userNames("title pr and not (emails.type eq \"home\")")).containsExactly("ada");
            assertThat(userNames(null, "title", "descending")).containsExactly("ada", "bob");
        }

        @Test
        void aFilterOnAnAttributeTheCatalogueDoesNotMarkFilterableIsRefusedAlike() {
            create("{'userName':'ada','phoneNumbers':[{'value':'555','type':'work'}],'name':{'formatted':'Ada L'}}");

            assertThatThrownBy(() -> userNames("phoneNumbers.value eq \"555\""))
                    .satisfies(scimType(ScimType.INVALID_FILTER, "phoneNumbers.value", "filterable attributes are"));
            assertThatThrownBy(() -> userNames("name.formatted eq \"Ada L\""))
                    .satisfies(scimType(ScimType.INVALID_FILTER, "name.formatted"));
            assertThatThrownBy(() -> userNames("emails[display eq \"x\"]"))
                    .satisfies(scimType(ScimType.INVALID_FILTER, "emails.display"));
            assertThatThrownBy(() -> userNames(null, "emails", "ascending"))
                    .satisfies(scimType(ScimType.INVALID_VALUE, "sortable attributes are"));
        }
    }
}
