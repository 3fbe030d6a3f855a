package com.javelo.scim.app.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an admin endpoint a company admin (a console token) may call; every other admin endpoint is
 * the operator's alone. Deny by default: an endpoint added without this mark answers a console token
 * 403 (the filter decides before the endpoint runs), so forgetting the mark cannot open another
 * company's data or the operator's powers. A marked endpoint still checks which company it acts for
 * ({@link AdminPrincipal#company}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CompanyAdminAllowed {}
