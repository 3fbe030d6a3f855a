package com.javelo.scim.core.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.ScimApi;
import com.javelo.scim.core.inmemory.InMemoryAdapters;
import com.javelo.scim.core.port.IdGenerator;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.core.usecase.tenant.CreateTenant;
import com.javelo.scim.domain.id.TenantId;
import java.time.Clock;

/** A SCIM API over fresh in-memory adapters with one tenant, and JSON helpers for request bodies. */
abstract class EndpointFixture {

    protected final InMemoryAdapters adapters = new InMemoryAdapters();
    protected final ScimApi api = ScimApi.wire(
            new ScimApi.ScimPorts(
                    adapters.users(),
                    adapters.groups(),
                    adapters.apiTokens(),
                    adapters.unitOfWork(),
                    IdGenerator.randomUuids(),
                    Clock.systemUTC(),
                    adapters.customSchemas()),
            EndpointSettings.DEFAULTS);
    protected final TenantId tenant = new CreateTenant(adapters.tenants(), Clock.systemUTC())
            .execute("Acme")
            .id();
    protected final RequestContext context = new RequestContext(tenant, "https://scim.example/scim/v2");

    protected static JsonNode json(String text) {
        try {
            return ScimJson.mapper().readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    protected static ListParameters filter(String filter) {
        return new ListParameters(filter, null, null, null, null, null, null);
    }

    protected String createUser(String userName) {
        return api.users()
                .create(
                        context,
                        json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],"
                                + "'userName':'" + userName + "','name':{'givenName':'G','familyName':'F'},"
                                + "'emails':[{'primary':true,'value':'" + userName
                                + "','type':'work'}],'active':true}"),
                        AttributeSelection.none())
                .body()
                .get("id")
                .asText();
    }
}
