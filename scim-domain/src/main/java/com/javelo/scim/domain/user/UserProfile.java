package com.javelo.scim.domain.user;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the identity provider says about a person, as it said it: the attributes a PUT
 * replaces and a PATCH edits. Lifecycle state ({@code active}) and the manager reference live on
 * {@link User}, because changing them follows rules of their own.
 */
public record UserProfile(
        UserName userName,
        String externalId,
        Name name,
        String displayName,
        String nickName,
        String profileUrl,
        String title,
        String userType,
        String preferredLanguage,
        String locale,
        String timezone,
        List<MultiValue> emails,
        List<MultiValue> phoneNumbers,
        List<MultiValue> ims,
        List<MultiValue> photos,
        List<Address> addresses,
        List<MultiValue> entitlements,
        List<MultiValue> roles,
        List<MultiValue> x509Certificates,
        EnterpriseAttributes enterprise,
        CustomAttributes custom,
        CarriedAttributes carried) {

    /**
     * Read once: every change compares each of them (a new attribute cannot be forgotten), and the
     * reflective look-up costs more than the comparison.
     */
    private static final List<RecordComponent> COMPONENTS = List.of(UserProfile.class.getRecordComponents());

    public UserProfile {
        Objects.requireNonNull(userName, "userName");
        name = name == null ? Name.EMPTY : name;
        emails = List.copyOf(emails == null ? List.of() : emails);
        phoneNumbers = List.copyOf(phoneNumbers == null ? List.of() : phoneNumbers);
        ims = List.copyOf(ims == null ? List.of() : ims);
        photos = List.copyOf(photos == null ? List.of() : photos);
        addresses = List.copyOf(addresses == null ? List.of() : addresses);
        entitlements = List.copyOf(entitlements == null ? List.of() : entitlements);
        roles = List.copyOf(roles == null ? List.of() : roles);
        x509Certificates = List.copyOf(x509Certificates == null ? List.of() : x509Certificates);
        enterprise = enterprise == null ? EnterpriseAttributes.EMPTY : enterprise;
        custom = custom == null ? CustomAttributes.NONE : custom;
        carried = carried == null ? CarriedAttributes.NONE : carried;
    }

    /** A profile of the RFC's attributes only: no custom attribute, nothing carried. */
    public UserProfile(
            UserName userName,
            String externalId,
            Name name,
            String displayName,
            String nickName,
            String profileUrl,
            String title,
            String userType,
            String preferredLanguage,
            String locale,
            String timezone,
            List<MultiValue> emails,
            List<MultiValue> phoneNumbers,
            List<MultiValue> ims,
            List<MultiValue> photos,
            List<Address> addresses,
            List<MultiValue> entitlements,
            List<MultiValue> roles,
            List<MultiValue> x509Certificates,
            EnterpriseAttributes enterprise) {
        this(
                userName,
                externalId,
                name,
                displayName,
                nickName,
                profileUrl,
                title,
                userType,
                preferredLanguage,
                locale,
                timezone,
                emails,
                phoneNumbers,
                ims,
                photos,
                addresses,
                entitlements,
                roles,
                x509Certificates,
                enterprise,
                CustomAttributes.NONE,
                CarriedAttributes.NONE);
    }

    /** @return this profile with {@code newCustom} as its custom attributes */
    public UserProfile withCustom(CustomAttributes newCustom) {
        return new UserProfile(
                userName,
                externalId,
                name,
                displayName,
                nickName,
                profileUrl,
                title,
                userType,
                preferredLanguage,
                locale,
                timezone,
                emails,
                phoneNumbers,
                ims,
                photos,
                addresses,
                entitlements,
                roles,
                x509Certificates,
                enterprise,
                newCustom,
                carried);
    }

    /** @return a profile with only a user name, for tests and pre-existing people. */
    public static UserProfile withUserName(String userName) {
        return new UserProfile(
                UserName.of(userName),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** @return the email values, primary first, as sent. */
    public List<String> emailValues() {
        return emails.stream()
                .sorted((a, b) -> Boolean.compare(b.isPrimary(), a.isPrimary()))
                .map(MultiValue::value)
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * @return the names of the attributes that differ from {@code other} (e.g. {@code userName},
     *     {@code name}, {@code emails}, {@code enterprise}, {@code custom}, {@code carried}), in
     *     declaration order
     */
    public Set<String> changedAttributes(UserProfile other) {
        Set<String> changed = new LinkedHashSet<>();
        for (RecordComponent component : COMPONENTS) {
            Object mine = read(component, this);
            Object theirs = read(component, other);
            boolean same = component.getName().equals("userName")
                    ? userName.value().equals(other.userName.value())
                    : Objects.equals(mine, theirs);
            if (!same) {
                changed.add(component.getName());
            }
        }
        return changed;
    }

    private static Object read(RecordComponent component, UserProfile profile) {
        try {
            return component.getAccessor().invoke(profile);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
