package com.javelo.scim.adapter.jooq.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.javelo.scim.core.protocol.schema.AttributeDefinition;
import com.javelo.scim.core.protocol.schema.AttributePath;
import com.javelo.scim.core.protocol.schema.ResourceSchema;
import com.javelo.scim.core.protocol.schema.SchemaDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The column bindings follow the catalogue: every attribute the catalogue marks filterable has a
 * column (or a child table) here, and every sortable one a sort field, so that what the core lets
 * through, SQL answers.
 */
class CatalogueBindingTest {

    private static List<AttributePath> paths(ResourceSchema resource, boolean sortable) {
        List<AttributePath> paths = new ArrayList<>();
        for (SchemaDefinition schema : resource.schemas()) {
            for (AttributeDefinition attribute : schema.attributes()) {
                if (sortable ? attribute.sortable() : attribute.filterable()) {
                    paths.add(new AttributePath(schema.id(), attribute.name(), null));
                }
                for (AttributeDefinition sub : attribute.subAttributes()) {
                    if (sortable ? sub.sortable() : sub.filterable()) {
                        paths.add(new AttributePath(schema.id(), attribute.name(), sub.name()));
                    }
                }
            }
        }
        return paths;
    }

    private static void everyPathBinds(ResourceSchema resource, Function<AttributePath, ?> binding, boolean sortable) {
        List<AttributePath> paths = paths(resource, sortable);
        assertThat(paths).isNotEmpty();
        for (AttributePath path : paths) {
            assertThatCode(() -> binding.apply(path)).as(path.toString()).doesNotThrowAnyException();
        }
    }

    @Test
    void everyFilterableUserAttributeHasAColumn() {
        everyPathBinds(ResourceSchema.USER, ResourceColumns::user, false);
    }

    @Test
    void everySortableUserAttributeHasASortField() {
        everyPathBinds(ResourceSchema.USER, path -> ResourceColumns.userSort(path, true), true);
    }

    @Test
    void everyFilterableGroupAttributeHasAColumn() {
        everyPathBinds(ResourceSchema.GROUP, ResourceColumns::group, false);
    }

    @Test
    void everySortableGroupAttributeHasASortField() {
        everyPathBinds(ResourceSchema.GROUP, path -> ResourceColumns.groupSort(path, true), true);
    }
}
