package com.javelo.scim.adapter.jooq.sql;

import java.util.List;

/**
 * What a {@link PreRendered} statement declares when it is built: one {@link Param}, the
 * {@link ColumnParams} of a row, the {@link RowParams.Rows} of n repeated rows, a
 * {@link VersionedUpdate}'s.
 */
public interface Parameters {

    /** @return the handles, each declared once */
    List<Param<?>> params();
}
