package com.javelo.scim.core.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.core.ScimApi;
import com.javelo.scim.core.endpoint.AttributeSelection;
import com.javelo.scim.core.endpoint.EndpointSettings;
import com.javelo.scim.core.endpoint.RequestContext;
import com.javelo.scim.core.inmemory.InMemoryAdapters;
import com.javelo.scim.core.port.IdGenerator;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.ExpectedVersion;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class EmbeddedEventFeedExampleTest {

    @Test
    void theExampleReactsToADeactivationOnceAndOnlyOnce() throws Exception {
        InMemoryAdapters adapters = new InMemoryAdapters();
        ScimApi scim = ScimApi.wire(
                new ScimApi.ScimPorts(
                        adapters.users(),
                        adapters.groups(),
                        adapters.apiTokens(),
                        adapters.unitOfWork(),
                        IdGenerator.randomUuids(),
                        Clock.systemUTC()),
                EndpointSettings.DEFAULTS);
        TenantId acme = TenantId.random();
        RequestContext context = new RequestContext(acme, "https://scim.example.com/scim/v2");
        EmbeddedEventFeedExample reviews = new EmbeddedEventFeedExample(adapters.eventFeed(), acme);

        String id = scim.users()
                .create(
                        context,
                        ScimJson.mapper().readTree("{\"userName\":\"ann@acme.example\"}"),
                        AttributeSelection.none())
                .body()
                .get("id")
                .asText();
        scim.users()
                .patch(
                        context,
                        id,
                        ScimJson.mapper()
                                .readTree("{\"schemas\":"
                                        + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
                                        + "\"value\":{\"active\":false}}]}"),
                        ExpectedVersion.any(),
                        AttributeSelection.none());

        assertThat(reviews.catchUp()).isEqualTo(2);
        assertThat(reviews.catchUp()).isZero();
        assertThat(reviews.revokedSessions()).containsExactly(new UserId(id));
    }
}
