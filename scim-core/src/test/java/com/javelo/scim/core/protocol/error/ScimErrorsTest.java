package com.javelo.scim.core.protocol.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.domain.error.DomainException;
import com.javelo.scim.domain.error.InvalidAttributeValue;
import com.javelo.scim.domain.error.SelfManagement;
import com.javelo.scim.domain.error.StaleVersion;
import com.javelo.scim.domain.error.UnknownGroup;
import com.javelo.scim.domain.error.UnknownMembers;
import com.javelo.scim.domain.error.UnknownTenant;
import com.javelo.scim.domain.error.UnknownUser;
import com.javelo.scim.domain.error.UserNameAlreadyTaken;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one table from broken business rules to SCIM errors, row by row. */
class ScimErrorsTest {

    private static ScimError of(DomainException exception) {
        ScimException translated = ScimErrors.of(exception);
        assertThat(translated.getCause()).isSameAs(exception);
        assertThat(translated.error().detail()).isEqualTo(exception.getMessage());
        return translated.error();
    }

    @Test
    void aTakenUserNameIs409Uniqueness() {
        assertThat(of(new UserNameAlreadyTaken("a@acme.com")))
                .extracting(ScimError::status, ScimError::scimType)
                .containsExactly(409, ScimType.UNIQUENESS);
    }

    @Test
    void aStaleVersionIs412() {
        assertThat(of(new StaleVersion("u1", 1, 2)))
                .extracting(ScimError::status, ScimError::scimType)
                .containsExactly(412, null);
    }

    @Test
    void unknownResourcesAre404() {
        for (DomainException unknown :
                new DomainException[] {new UnknownUser("u1"), new UnknownGroup("g1"), new UnknownTenant("t1")}) {
            assertThat(of(unknown))
                    .extracting(ScimError::status, ScimError::scimType)
                    .containsExactly(404, null);
        }
    }

    @Test
    void refusedValuesAre400InvalidValue() {
        for (DomainException refused : new DomainException[] {
            new UnknownMembers(Set.of("x")),
            new InvalidAttributeValue("userName", "userName is required"),
            new SelfManagement("u1")
        }) {
            assertThat(of(refused))
                    .extracting(ScimError::status, ScimError::scimType)
                    .containsExactly(400, ScimType.INVALID_VALUE);
        }
    }
}
