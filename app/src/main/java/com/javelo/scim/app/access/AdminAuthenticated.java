package com.javelo.scim.app.access;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the admin API's resources: Jersey runs {@code app.admin.AdminAuthenticationFilter} for every method it
 * matched on them, however the path was spelled, rather than the filter reading the raw path.
 * A package of its own: resources of other packages (the event consumers') carry it too, and the
 * admin package depends on those packages' wiring.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminAuthenticated {}
