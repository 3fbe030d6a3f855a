package com.javelo.scim.core.protocol.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * One operation of a bulk request (RFC 7644 §3.7), as received.
 *
 * @param index its place in the request (0-based)
 * @param method POST, PUT, PATCH or DELETE (upper case); {@code null} when missing or unknown
 * @param path as sent, e.g. {@code /Users} or {@code /Groups/bulkId:qwerty}
 * @param bulkId the client's name for the resource a POST creates, or {@code null}
 * @param version the {@code version} (an entity tag, used as If-Match), or {@code null}
 * @param data the body, or {@code null}
 * @param references the bulkIds its path and data refer to ({@code "bulkId:<id>"} values)
 * @param problem why it cannot run as sent, or {@code null}
 */
public record BulkOperation(
        int index,
        String method,
        String path,
        String bulkId,
        String version,
        JsonNode data,
        Set<String> references,
        String problem) {}
