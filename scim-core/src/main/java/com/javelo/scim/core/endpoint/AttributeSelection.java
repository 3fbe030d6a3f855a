package com.javelo.scim.core.endpoint;

/** The {@code attributes} / {@code excludedAttributes} parameters of a request, as received. */
public record AttributeSelection(String attributes, String excludedAttributes) {

    public static AttributeSelection none() {
        return new AttributeSelection(null, null);
    }

    public boolean isEmpty() {
        return (attributes == null || attributes.isBlank())
                && (excludedAttributes == null || excludedAttributes.isBlank());
    }
}
