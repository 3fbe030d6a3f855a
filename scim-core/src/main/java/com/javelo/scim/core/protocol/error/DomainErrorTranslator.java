package com.javelo.scim.core.protocol.error;

import com.javelo.scim.domain.error.DomainException;
import com.javelo.scim.domain.error.InvalidAttributeValue;
import com.javelo.scim.domain.error.SelfManagement;
import com.javelo.scim.domain.error.StaleVersion;
import com.javelo.scim.domain.error.UnknownGroup;
import com.javelo.scim.domain.error.UnknownMembers;
import com.javelo.scim.domain.error.UnknownTenant;
import com.javelo.scim.domain.error.UnknownUser;
import com.javelo.scim.domain.error.UserNameAlreadyTaken;
import java.util.function.Supplier;

/** The one table from broken business rules to SCIM errors (status, scimType, detail). */
public final class DomainErrorTranslator {

    private DomainErrorTranslator() {}

    public static ScimError translate(DomainException exception) {
        String detail = exception.getMessage();
        if (exception instanceof UserNameAlreadyTaken) {
            return new ScimError(409, ScimType.UNIQUENESS, detail);
        }
        if (exception instanceof StaleVersion) {
            return new ScimError(412, null, detail);
        }
        if (exception instanceof UnknownUser || exception instanceof UnknownGroup || exception instanceof UnknownTenant) {
            return new ScimError(404, null, detail);
        }
        if (exception instanceof UnknownMembers || exception instanceof InvalidAttributeValue
                || exception instanceof SelfManagement) {
            return new ScimError(400, ScimType.INVALID_VALUE, detail);
        }
        throw new IllegalStateException("no translation for " + exception.getClass().getName());
    }

    /** Runs protocol work, turning any broken business rule into its {@link ScimException}. */
    public static <T> T translating(Supplier<T> work) {
        try {
            return work.get();
        } catch (DomainException e) {
            throw new ScimException(translate(e), e);
        }
    }
}
