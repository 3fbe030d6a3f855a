package com.javelo.scim.benchmarks.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.filter.FilterParser;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.core.protocol.json.UserInput;
import com.javelo.scim.core.protocol.json.UserJson;
import com.javelo.scim.core.protocol.patch.JsonPatcher;
import com.javelo.scim.core.protocol.patch.PatchOperation;
import com.javelo.scim.core.protocol.patch.ScimPatch;
import com.javelo.scim.core.protocol.schema.ScimUserGroupCharacteristics;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** In-process hot paths of every request: filter parsing, PATCH application, JSON mapping. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProtocolBenchmarks {

    private static final String OKTA_FILTER = "userName eq \"test.user@okta.local\"";
    private static final String ENTRA_FILTER =
            "emails[type eq \"work\"].value eq \"user@contoso.com\" and active eq true";

    private JsonNode oktaUser;
    private ObjectNode document;
    private JsonNode entraPatch;
    private List<PatchOperation> operations;

    @Setup
    public void setUp() throws Exception {
        oktaUser = ScimJson.mapper()
                .readTree("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                        + "\"userName\":\"test.user@okta.local\",\"name\":{\"givenName\":\"Test\",\"familyName\":\"User\"},"
                        + "\"emails\":[{\"primary\":true,\"value\":\"test.user@okta.local\",\"type\":\"work\"}],"
                        + "\"displayName\":\"Test User\",\"locale\":\"en-US\",\"externalId\":\"00ujl29u0le5T6Aj10h7\","
                        + "\"groups\":[],\"password\":\"1mz050nq\",\"active\":true}");
        document = UserJson.writeProfileDocument(UserJson.read(oktaUser).profile());
        entraPatch = ScimJson.mapper()
                .readTree("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"x@y.z\"},"
                        + "{\"op\":\"Replace\",\"path\":\"name.familyName\",\"value\":\"F\"},"
                        + "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}");
        operations = ScimPatch.operations(entraPatch, ScimUserGroupCharacteristics.users());
    }

    @Benchmark
    public Filter parseOktaFilter() {
        return FilterParser.parse(OKTA_FILTER);
    }

    @Benchmark
    public Filter parseEntraValuePathFilter() {
        return FilterParser.parse(ENTRA_FILTER);
    }

    @Benchmark
    public List<PatchOperation> parseEntraPatch() {
        return ScimPatch.operations(entraPatch, ScimUserGroupCharacteristics.users());
    }

    @Benchmark
    public ObjectNode applyEntraPatch() {
        return JsonPatcher.apply(document, operations, ScimUserGroupCharacteristics.users());
    }

    @Benchmark
    public UserInput readOktaUser() {
        return UserJson.read(oktaUser);
    }
}
