package com.javelo.scim.adapter.jersey;

/**
 * How the HTTP edge behaves.
 *
 * @param publicBaseUrl the URL clients reach the service at (e.g. {@code https://scim.javelo.io}),
 *     used for {@code meta.location}; {@code null} to derive it from each request
 * @param trustForwardedHeaders whether {@code X-Forwarded-Proto}/{@code X-Forwarded-Host} from a
 *     reverse proxy may set the scheme and host of derived locations
 * @param maxBodyBytes the largest request body accepted; larger ones answer 413
 */
public record HttpSettings(String publicBaseUrl, boolean trustForwardedHeaders, long maxBodyBytes) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public static HttpSettings defaults() {
        return new HttpSettings(null, false, DEFAULT_MAX_BODY_BYTES);
    }

    public HttpSettings {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        if (publicBaseUrl != null) {
            publicBaseUrl = publicBaseUrl.strip();
            while (publicBaseUrl.endsWith("/")) {
                publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
            }
            if (publicBaseUrl.isEmpty()) {
                publicBaseUrl = null;
            }
        }
    }
}
