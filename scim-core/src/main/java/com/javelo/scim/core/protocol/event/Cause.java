package com.javelo.scim.core.protocol.event;

import java.util.Locale;
import java.util.Objects;

/**
 * What caused a change: the request (its id, the same as the {@code X-Request-Id} answered and
 * logged), the client that sent it, and the public base URL of the SCIM API it called (for the
 * {@code meta.location} of the representation an event carries). Recorded with every event.
 *
 * @param requestId null when the change was made without a request (a library call)
 */
public record Cause(String requestId, Client client, String baseUrl) {

    /** Who sent the request, as far as the service can tell. */
    public enum Client {
        OKTA,
        ENTRA,
        ADMIN,
        OTHER;

        /** Okta says {@code Okta SCIM Client …} or {@code OKTA SCIM Integration}; Entra {@code Microsoft…}. */
        static Client ofUserAgent(String userAgent) {
            String agent = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
            if (agent.startsWith("okta")) {
                return OKTA;
            }
            if (agent.contains("microsoft") || agent.contains("azure") || agent.contains("entra")) {
                return ENTRA;
            }
            return OTHER;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Client ofWireName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    public Cause {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A SCIM request from an identity provider, recognised by its User-Agent. */
    public static Cause scimRequest(String requestId, String userAgent, String baseUrl) {
        return new Cause(requestId, Client.ofUserAgent(userAgent), baseUrl);
    }

    /** A request to Javelo's admin API (e.g. the import of people who existed before the integration). */
    public static Cause admin(String requestId, String baseUrl) {
        return new Cause(requestId, Client.ADMIN, baseUrl);
    }

    /** A change made without a request, e.g. by a service embedding scim-core. */
    public static Cause unknown(String baseUrl) {
        return new Cause(null, Client.OTHER, baseUrl);
    }
}
