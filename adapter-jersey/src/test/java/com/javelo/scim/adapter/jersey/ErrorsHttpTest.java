package com.javelo.scim.adapter.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.ScimApi;
import com.javelo.scim.core.endpoint.EndpointSettings;
import com.javelo.scim.core.inmemory.InMemoryAdapters;
import com.javelo.scim.core.port.IdGenerator;
import com.javelo.scim.core.port.Page;
import com.javelo.scim.core.port.ResourceQuery;
import com.javelo.scim.core.port.UserWithGroups;
import com.javelo.scim.core.port.Users;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.ExpectedVersion;
import com.javelo.scim.domain.user.User;
import com.javelo.scim.domain.user.UserProfile;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every error status the API answers, each with a SCIM Error body. */
class ErrorsHttpTest extends HttpFixture {

    private static final String USER = json("{'userName':'err@acme.example','active':true}");

    @Override
    protected long maxBodyBytes() {
        return 64 * 1024;
    }

    /** A users store that fails on demand: "outage" names are a lost database, "boom" a bug. */
    @Override
    protected ScimApi api(InMemoryAdapters adapters) {
        Users users = new FailingUsers(adapters.users());
        return ScimApi.wire(
                new ScimApi.ScimPorts(
                        users,
                        adapters.groups(),
                        adapters.apiTokens(),
                        adapters.unitOfWork(),
                        IdGenerator.randomUuids(),
                        Clock.systemUTC()),
                EndpointSettings.DEFAULTS);
    }

    private static void assertScimError(Answer answer, int status, String scimType) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo(SCIM_UTF8_HEADER);
        JsonNode body = answer.json();
        assertThat(body.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(body.get("status").asText()).isEqualTo(Integer.toString(status));
        assertThat(body.get("detail").asText()).isNotBlank();
        if (scimType == null) {
            assertThat(body.has("scimType")).isFalse();
        } else {
            assertThat(body.get("scimType").asText()).isEqualTo(scimType);
        }
        assertThat(answer.text()).doesNotContain("at com.").doesNotContain("<html");
    }

    @Test
    void malformedJsonIs400InvalidSyntax() {
        assertScimError(okta("POST", "/Users", "{\"userName\": tre"), 400, "invalidSyntax");
        assertScimError(okta("POST", "/Users", ""), 400, "invalidSyntax");
        assertScimError(okta("POST", "/Users", "[".repeat(500) + "]".repeat(500)), 400, "invalidSyntax");
    }

    @Test
    void wrongJsonTypesAre400InvalidSyntax() {
        assertScimError(okta("POST", "/Users", json("{'userName':42}")), 400, "invalidSyntax");
        assertScimError(okta("POST", "/Users", json("{'userName':'x@y.z','emails':'x@y.z'}")), 400, "invalidSyntax");
    }

    @Test
    void aMissingUserNameIs400InvalidValue() {
        assertScimError(okta("POST", "/Users", json("{'active':true}")), 400, "invalidValue");
    }

    @Test
    void aBadFilterIs400InvalidFilter() {
        assertScimError(okta("GET", "/Users?filter=userName%20eq", null), 400, "invalidFilter");
    }

    @Test
    void aBadPatchPathIs400InvalidPath() {
        String id = okta("POST", "/Users", USER).json().get("id").asText();
        assertScimError(
                okta(
                        "PATCH",
                        "/Users/" + id,
                        json("{'Operations':[{'op':'replace','path':'emails[type eq'," + "'value':'x'}]}")),
                400,
                "invalidPath");
    }

    @Test
    void removeWithoutPathIs400NoTarget() {
        String id = okta("POST", "/Users", USER).json().get("id").asText();
        assertScimError(okta("PATCH", "/Users/" + id, json("{'Operations':[{'op':'remove'}]}")), 400, "noTarget");
    }

    @Test
    void aMissingOrWrongTokenIs401WithWwwAuthenticate() {
        assertScimError(send("GET", "/Users", null), 401, null);
        assertScimError(send("GET", "/Users", null, "Authorization", "Basic dXNlcjpwYXNz"), 401, null);
        assertScimError(send("GET", "/Users", null, "Authorization", "Bearer nope"), 401, null);
        Answer doubled = send("GET", "/Users", null, "Authorization", "Bearer Bearer " + acmeToken);
        assertScimError(doubled, 401, null);
        assertThat(doubled.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"scim\"");
        assertThat(doubled.text()).doesNotContain(acmeToken);
        assertScimError(send("GET", "/ServiceProviderConfig", null), 401, null);
    }

    @Test
    void unknownResourcesAndPathsAre404() {
        assertScimError(okta("GET", "/Users/nope", null), 404, null);
        assertScimError(okta("GET", "/Groups/nope", null), 404, null);
        assertScimError(okta("GET", "/Nope", null), 404, null);
        assertScimError(okta("GET", "/Schemas/urn:nope", null), 404, null);
    }

    @Test
    void unsupportedMethodsAre405() {
        assertScimError(okta("DELETE", "/Users", null), 405, null);
        assertScimError(okta("PATCH", "/ServiceProviderConfig", "{}"), 405, null);
    }

    @Test
    void aTakenUserNameIs409Uniqueness() {
        okta("POST", "/Users", USER);
        assertScimError(okta("POST", "/Users", USER.replace("err@", "ERR@")), 409, "uniqueness");
    }

    @Test
    void aStaleIfMatchIs412AndACurrentOneSucceeds() {
        Answer created = okta("POST", "/Users", USER);
        String id = created.json().get("id").asText();
        String etag = created.header("ETag");
        okta("PUT", "/Users/" + id, USER.replace("true", "false"));

        assertScimError(
                send(
                        "PUT",
                        "/Users/" + id,
                        USER,
                        "Authorization",
                        "Bearer " + acmeToken,
                        "Content-Type",
                        SCIM,
                        "If-Match",
                        etag),
                412,
                null);
        String current = okta("GET", "/Users/" + id, null).header("ETag");
        assertThat(send(
                                "PUT",
                                "/Users/" + id,
                                USER,
                                "Authorization",
                                "Bearer " + acmeToken,
                                "Content-Type",
                                SCIM,
                                "If-Match",
                                current)
                        .status())
                .isEqualTo(200);
        Answer notModified = send(
                "GET",
                "/Users/" + id,
                null,
                "Authorization",
                "Bearer " + acmeToken,
                "If-None-Match",
                okta("GET", "/Users/" + id, null).header("ETag"));
        assertThat(notModified.status()).isEqualTo(304);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        assertScimError(okta("POST", "/Users", json("{'userName':'" + "x".repeat(70_000) + "'}")), 413, null);
    }

    @Test
    void anotherMediaTypeIs415() {
        assertScimError(
                send("POST", "/Users", USER, "Authorization", "Bearer " + acmeToken, "Content-Type", "text/plain"),
                415,
                null);
    }

    @Test
    void aStorageOutageIs503WithRetryAfter() {
        Answer answer = okta("GET", "/Users?filter=userName%20eq%20%22outage%22", null);
        assertScimError(answer, 503, null);
        assertThat(answer.header("Retry-After")).isEqualTo("5");
    }

    @Test
    void anUnexpectedFailureIs500WithOnlyACorrelationId() {
        Answer answer = okta("GET", "/Users?filter=userName%20eq%20%22boom%22", null);
        assertScimError(answer, 500, null);
        assertThat(answer.json().get("detail").asText())
                .contains("correlation id")
                .doesNotContain("secret");
    }

    @Test
    void jsonWithoutCharsetAndAnyAcceptAreServed() {
        assertThat(send(
                                "POST",
                                "/Users",
                                USER,
                                "Authorization",
                                "Bearer " + acmeToken,
                                "Content-Type",
                                "application/json",
                                "Accept",
                                "application/json")
                        .status())
                .isEqualTo(201);
        assertThat(send("GET", "/Users", null, "Authorization", "Bearer " + acmeToken, "Accept", "*/*")
                        .status())
                .isEqualTo(200);
    }

    /** Delegates, but a query for "outage" loses the database and one for "boom" hits a bug. */
    private static final class FailingUsers implements Users {
        private final Users delegate;

        FailingUsers(Users delegate) {
            this.delegate = delegate;
        }

        @Override
        public Page<User> query(TenantId tenant, ResourceQuery query) {
            failAsAsked(query);
            return delegate.query(tenant, query);
        }

        @Override
        public Page<UserWithGroups> queryWithGroups(TenantId tenant, ResourceQuery query) {
            failAsAsked(query);
            return delegate.queryWithGroups(tenant, query);
        }

        private static void failAsAsked(ResourceQuery query) {
            String filter = String.valueOf(query.filter());
            if (filter.contains("outage")) {
                throw ScimErrors.storageUnavailable(
                        "the user store is unavailable; retry shortly",
                        new IllegalStateException("connection refused"));
            }
            if (filter.contains("boom")) {
                throw new IllegalStateException("secret internal detail");
            }
        }

        @Override
        public Optional<User> findById(TenantId tenant, UserId id) {
            return delegate.findById(tenant, id);
        }

        @Override
        public Optional<UserWithGroups> findByIdWithGroups(TenantId tenant, UserId id) {
            return delegate.findByIdWithGroups(tenant, id);
        }

        @Override
        public Optional<User> findByUserName(TenantId tenant, String userName) {
            return delegate.findByUserName(tenant, userName);
        }

        @Override
        public List<User> findByEmail(TenantId tenant, String email) {
            return delegate.findByEmail(tenant, email);
        }

        @Override
        public List<User> findPendingManagerReferences(TenantId tenant, Collection<String> keys) {
            return delegate.findPendingManagerReferences(tenant, keys);
        }

        @Override
        public List<User> findReportsOf(TenantId tenant, UserId manager) {
            return delegate.findReportsOf(tenant, manager);
        }

        @Override
        public Set<UserId> missing(TenantId tenant, Set<UserId> ids) {
            return delegate.missing(tenant, ids);
        }

        @Override
        public void reviseCarrying(TenantId tenant, String urn, UnaryOperator<UserProfile> revision) {
            delegate.reviseCarrying(tenant, urn, revision);
        }

        @Override
        public void insert(User user, List<DomainEvent> events, EventDetails details) {
            delegate.insert(user, events, details);
        }

        @Override
        public void update(User current, User changed, List<DomainEvent> events, EventDetails details) {
            delegate.update(current, changed, events, details);
        }

        @Override
        public void delete(User user, ExpectedVersion expected, List<DomainEvent> events, EventDetails details) {
            delegate.delete(user, expected, events, details);
        }
    }
}
