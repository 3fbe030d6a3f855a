package com.javelo.scim.domain.user;

/**
 * Attributes the identity provider sent that the service does not know — under an extension URN
 * the company has not declared, or an unknown name in a known schema — kept as they came so that
 * nothing is silently dropped: stored with the person, returned as sent, never interpreted.
 *
 * <p>The domain does not read JSON: {@code json} is the text of a JSON object shaped like the
 * resource (top-level names, and extension URNs holding objects), written and read by the
 * protocol layer. Two carried sets are equal when their texts are.
 *
 * @param json a JSON object's text, or {@code null} for none
 */
public record CarriedAttributes(String json) {

    public static final CarriedAttributes NONE = new CarriedAttributes(null);

    public CarriedAttributes {
        if (json != null && (json.isBlank() || json.equals("{}"))) {
            json = null;
        }
    }

    public boolean isEmpty() {
        return json == null;
    }
}
