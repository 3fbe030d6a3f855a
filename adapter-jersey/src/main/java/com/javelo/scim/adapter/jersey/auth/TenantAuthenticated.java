package com.javelo.scim.adapter.jersey.auth;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the resources that need a tenant's API token: Jersey runs {@link BearerAuthenticationFilter}
 * for every method it matched on them, however the path was spelled ({@code ;x}, {@code //},
 * {@code %73cim}), instead of the filter guessing from the raw path.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TenantAuthenticated {}
