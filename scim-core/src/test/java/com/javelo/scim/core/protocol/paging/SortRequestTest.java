package com.javelo.scim.core.protocol.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.core.protocol.error.ScimType;
import com.javelo.scim.core.protocol.schema.AttributePath;
import org.junit.jupiter.api.Test;

class SortRequestTest {

    @Test
    void noSortByMeansNoSorting() {
        assertThat(SortRequest.of(null, null)).isEmpty();
        assertThat(SortRequest.of(" ", "descending")).isEmpty();
    }

    @Test
    void sortOrderDefaultsToAscending() {
        SortRequest sort = SortRequest.of("userName", null).orElseThrow();

        assertThat(sort.sortBy()).isEqualTo(AttributePath.of("userName"));
        assertThat(sort.ascending()).isTrue();
    }

    @Test
    void sortOrderIsCaseInsensitive() {
        assertThat(SortRequest.of("name.familyName", "DESCENDING").orElseThrow().sortOrder())
                .isEqualTo(SortOrder.DESCENDING);
        assertThat(SortRequest.of("name.familyName", "Ascending").orElseThrow().sortOrder())
                .isEqualTo(SortOrder.ASCENDING);
    }

    @Test
    void sortByMayBeUrnQualified() {
        SortRequest sort = SortRequest.of(
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "ascending")
                .orElseThrow();

        assertThat(sort.sortBy().schemaUrn()).isEqualTo("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertThat(sort.sortBy().attribute()).isEqualTo("employeeNumber");
    }

    @Test
    void anUnknownSortOrderIsAnInvalidValue() {
        assertThatThrownBy(() -> SortRequest.of("userName", "upwards"))
                .isInstanceOf(ScimException.class)
                .satisfies(
                        e -> assertThat(((ScimException) e).error().scimType()).isEqualTo(ScimType.INVALID_VALUE));
    }

    @Test
    void aMalformedSortByIsAnInvalidPath() {
        assertThatThrownBy(() -> SortRequest.of("name..givenName", null))
                .isInstanceOf(ScimException.class)
                .satisfies(
                        e -> assertThat(((ScimException) e).error().scimType()).isEqualTo(ScimType.INVALID_PATH));
    }
}
