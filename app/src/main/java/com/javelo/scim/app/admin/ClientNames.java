package com.javelo.scim.app.admin;

import java.util.Locale;

/** Names the identity provider behind a User-Agent, as a company admin knows it. */
final class ClientNames {

    private ClientNames() {}

    /** @return "Okta", "Entra", "other", or null when no User-Agent is known */
    static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        if (agent.contains("okta")) {
            return "Okta";
        }
        // Entra ID's provisioning service and Microsoft's validator name Microsoft or Azure.
        if (agent.contains("microsoft") || agent.contains("azure") || agent.contains("entra")) {
            return "Entra";
        }
        return "other";
    }
}
