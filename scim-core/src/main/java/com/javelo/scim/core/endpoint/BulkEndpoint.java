package com.javelo.scim.core.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.bulk.BulkOperation;
import com.javelo.scim.core.protocol.bulk.BulkRequest;
import com.javelo.scim.core.protocol.error.ScimError;
import com.javelo.scim.core.protocol.error.ScimErrorJson;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.core.protocol.etag.EntityTags;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.core.protocol.schema.ScimMessages;
import com.javelo.scim.domain.error.DomainException;
import com.javelo.scim.domain.resource.ExpectedVersion;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * POST /Bulk (RFC 7644 §3.7): a sequence of the ordinary operations of /Users and /Groups, each
 * run by the same endpoint code as its own request would be, so each is atomic by itself and a
 * failing one leaves the earlier ones done.
 *
 * <ul>
 *   <li>Operations run in the request's order, except that one naming a {@code bulkId} created by a
 *       later operation (a forward reference, §3.7.2) waits until that one has run.</li>
 *   <li>{@code "bulkId:<id>"} values in {@code data} and segments of {@code path} are replaced by
 *       the id the POST with that {@code bulkId} created. A reference to a bulkId whose POST failed,
 *       or that no operation defines, answers 409 for the operation that makes it.</li>
 *   <li>Circular references (operations that wait on each other, §3.7.1) are not resolved: each
 *       operation of the cycle, and any waiting on it, answers 409, as the RFC allows.</li>
 *   <li>{@code failOnErrors}: once that many operations have failed, the rest do not run and are
 *       not in the response.</li>
 *   <li>More than {@code maxOperations} operations, or a body over {@code maxPayloadSize}, refuse
 *       the whole request with 413, naming both limits; nothing runs.</li>
 * </ul>
 */
public final class BulkEndpoint {

    private final UserEndpoint users;
    private final GroupEndpoint groups;
    private final EndpointSettings settings;

    public BulkEndpoint(UserEndpoint users, GroupEndpoint groups, EndpointSettings settings) {
        this.users = users;
        this.groups = groups;
        this.settings = settings;
    }

    public ScimResponse process(RequestContext context, JsonNode body) {
        refuseOversized(body);
        BulkRequest request = BulkRequest.read(body, settings.bulkMaxOperations(), settings.bulkMaxPayloadBytes());
        Map<String, String> created = new HashMap<>();
        Set<String> failed = new HashSet<>();
        Set<String> defined = new HashSet<>();
        request.operations().stream()
                .filter(operation -> operation.bulkId() != null)
                .forEach(operation -> defined.add(operation.bulkId()));
        LinkedList<BulkOperation> pending = new LinkedList<>(request.operations());
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        int errors = 0;
        while (!pending.isEmpty()) {
            if (request.failOnErrors() != null && errors >= request.failOnErrors()) {
                break;
            }
            BulkOperation next = pending.stream()
                    .filter(operation -> waitingOn(operation, pending, created, failed, defined)
                            .isEmpty())
                    .findFirst()
                    .orElse(null);
            if (next == null) {
                // Every operation left waits on another one left: a cycle (RFC 7644 §3.7.1), and
                // whatever waits on it. None of them can run.
                for (BulkOperation circular : pending) {
                    results.add(result(context, circular, null, circularError(circular)));
                    markFailed(circular, failed);
                }
                break;
            }
            pending.remove(next);
            ObjectNode result = run(context, next, created, failed);
            results.add(result);
            if (result.has("response")) {
                errors++;
            }
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.putArray("schemas").add(ScimMessages.BULK_RESPONSE);
        response.set("Operations", results);
        return ScimResponse.ok(response);
    }

    private void refuseOversized(JsonNode body) {
        long size;
        try {
            size = body == null ? 0 : ScimJson.mapper().writeValueAsBytes(body).length;
        } catch (JsonProcessingException e) {
            throw ScimErrors.invalidSyntax("the bulk request cannot be read as JSON");
        }
        if (size > settings.bulkMaxPayloadBytes()) {
            throw ScimErrors.payloadTooLarge("The bulk request is " + size + " bytes; maxPayloadSize is "
                    + settings.bulkMaxPayloadBytes() + " bytes (and maxOperations " + settings.bulkMaxOperations()
                    + "). Split it into several requests.");
        }
    }

    /** The bulkIds the operation needs that pending operations have yet to create. */
    private static Set<String> waitingOn(
            BulkOperation operation,
            List<BulkOperation> pending,
            Map<String, String> created,
            Set<String> failed,
            Set<String> defined) {
        Set<String> waiting = new HashSet<>();
        for (String reference : operation.references()) {
            if (!created.containsKey(reference)
                    && !failed.contains(reference)
                    && defined.contains(reference)
                    && pending.stream().anyMatch(other -> reference.equals(other.bulkId()))) {
                waiting.add(reference);
            }
        }
        return waiting;
    }

    private ObjectNode run(
            RequestContext context, BulkOperation operation, Map<String, String> created, Set<String> failed) {
        ScimResponse answer;
        try {
            if (operation.problem() != null) {
                throw ScimErrors.invalidValue("operation " + (operation.index() + 1) + ": " + operation.problem());
            }
            for (String reference : operation.references()) {
                if (!created.containsKey(reference)) {
                    throw ScimErrors.conflict("operation " + (operation.index() + 1) + " refers to bulkId '" + reference
                            + "', which "
                            + (failed.contains(reference) ? "failed" : "no operation of this request" + " defines")
                            + ": there is no resource to refer to.");
                }
            }
            answer = execute(
                    context,
                    operation.method(),
                    BulkRequest.resolvePath(operation.path(), created),
                    BulkRequest.resolveData(operation.data(), created),
                    operation.version());
        } catch (ScimException e) {
            markFailed(operation, failed);
            return result(context, operation, null, e.error());
        } catch (DomainException e) {
            // the operation's answer is inside the bulk response, where the HTTP edge's mapper is not
            markFailed(operation, failed);
            return result(context, operation, null, ScimErrors.of(e).error());
        }
        if (operation.bulkId() != null && "POST".equals(operation.method()) && answer.body() != null) {
            created.put(operation.bulkId(), answer.body().get("id").asText());
        }
        return result(context, operation, answer, null);
    }

    private static void markFailed(BulkOperation operation, Set<String> failed) {
        if (operation.bulkId() != null) {
            failed.add(operation.bulkId());
        }
    }

    private ScimResponse execute(RequestContext context, String method, String path, JsonNode data, String version) {
        String[] segments = path.startsWith("/") ? path.substring(1).split("/", -1) : path.split("/", -1);
        ResourceEndpoint endpoint = switch (segments[0].toLowerCase(Locale.ROOT)) {
            case "users" -> users;
            case "groups" -> groups;
            default -> throw ScimErrors.invalidPath("'" + path + "' is not /Users or /Groups (optionally /{id})");
        };
        if (segments.length > 2 || (segments.length == 2 && segments[1].isBlank())) {
            throw ScimErrors.invalidPath("'" + path + "' is not /Users or /Groups (optionally /{id})");
        }
        boolean collection = segments.length == 1;
        if (collection != "POST".equals(method)) {
            throw ScimErrors.invalidPath("a " + method + " names "
                    + ("POST".equals(method)
                            ? "a collection (/Users, /Groups)"
                            : "one resource (/Users/{id}, /Groups/{id})")
                    + ", not '" + path + "'");
        }
        AttributeSelection none = AttributeSelection.none();
        ExpectedVersion expected = EntityTags.expectation(version);
        return switch (method) {
            case "POST" -> endpoint.create(context, data, none);
            case "PUT" -> endpoint.replace(context, segments[1], data, expected, none);
            case "PATCH" -> endpoint.patch(context, segments[1], data, expected, none);
            default -> endpoint.delete(context, segments[1], expected);
        };
    }

    /** One entry of the response's {@code Operations} (RFC 7644 §3.7.3). */
    private static ObjectNode result(
            RequestContext context, BulkOperation operation, ScimResponse answer, ScimError error) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        if (operation.method() != null) {
            result.put("method", operation.method());
        }
        if (operation.bulkId() != null) {
            result.put("bulkId", operation.bulkId());
        }
        if (answer != null) {
            String location = answer.location();
            if (location == null && operation.path() != null && !"POST".equals(operation.method())) {
                location = context.baseUrl() + (operation.path().startsWith("/") ? "" : "/") + operation.path();
            }
            if (location != null) {
                result.put("location", location);
            }
            if (answer.entityTag() != null) {
                result.put("version", answer.entityTag());
            }
            result.put("status", Integer.toString(answer.status()));
        } else {
            if (operation.path() != null
                    && !"POST".equals(operation.method())
                    && operation.method() != null
                    && !operation.path().contains(BulkRequest.BULK_ID_PREFIX)) {
                result.put(
                        "location",
                        context.baseUrl() + (operation.path().startsWith("/") ? "" : "/") + operation.path());
            }
            result.put("status", Integer.toString(error.status()));
            result.set("response", ScimErrorJson.of(error));
        }
        return result;
    }

    private static ScimError circularError(BulkOperation operation) {
        return ScimErrors.conflict("operation " + (operation.index() + 1) + " is part of (or waits on) a circular"
                        + " bulkId reference among " + operation.references()
                        + ": create the resources first, then link"
                        + " them in later operations (RFC 7644 §3.7.1).")
                .error();
    }
}
