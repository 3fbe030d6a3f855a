package com.javelo.scim.adapter.jersey.media;

import jakarta.ws.rs.core.MediaType;

/** The media types of SCIM (RFC 7644 §3.1, §8.1): scim+json preferred, plain JSON accepted. */
public final class ScimMediaTypes {

    public static final String SCIM_JSON = "application/scim+json";
    /** What every response carries. */
    public static final MediaType SCIM_JSON_UTF8 = MediaType.valueOf("application/scim+json; charset=utf-8");

    private ScimMediaTypes() {}
}
