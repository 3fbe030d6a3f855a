package com.javelo.scim.core.protocol.filter;

import com.javelo.scim.core.protocol.schema.AttributePath;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The RFC 7643 facts about User (§4.1), EnterpriseUser (§4.3) and Group (§4.2) attributes, hard-coded
 * until the schema definitions back {@link AttributeCharacteristics}. Deviations from the RFC, for
 * the IdPs of CLIENTS.md: {@code members.value} is case-exact (it is an id), {@code members.display}
 * and {@code members.$ref} are read-only (the server renders them).
 *
 * <p>For example: {@code ScimUserGroupCharacteristics.users().isBoolean(AttributePath.of("active"))}.
 */
public final class ScimUserGroupCharacteristics implements AttributeCharacteristics {

    public static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String ENTERPRISE_USER_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static final ScimUserGroupCharacteristics USERS = new ScimUserGroupCharacteristics(
            List.of(USER_URN), List.of(ENTERPRISE_USER_URN));
    private static final ScimUserGroupCharacteristics GROUPS = new ScimUserGroupCharacteristics(
            List.of(GROUP_URN), List.of());
    private static final ScimUserGroupCharacteristics USERS_AND_GROUPS = new ScimUserGroupCharacteristics(
            List.of(USER_URN, GROUP_URN), List.of(ENTERPRISE_USER_URN));

    private enum Type { STRING, BOOLEAN, DATE_TIME, COMPLEX }

    private enum Trait { MULTI_VALUED, CASE_EXACT, READ_ONLY }

    private record Definition(String schemaUrn, String name, Type type, Set<Trait> traits) {}

    private final List<String> coreUrns;
    private final List<String> extensionUrns;
    private final Map<String, Definition> definitions = new HashMap<>();

    private ScimUserGroupCharacteristics(List<String> coreUrns, List<String> extensionUrns) {
        this.coreUrns = coreUrns;
        this.extensionUrns = extensionUrns;
        for (String urn : coreUrns) {
            defineCommon(urn);
            if (urn.equals(USER_URN)) {
                defineUser();
            } else {
                defineGroup();
            }
        }
        if (extensionUrns.contains(ENTERPRISE_USER_URN)) {
            defineEnterpriseUser();
        }
    }

    /** @return User and EnterpriseUser attributes, for PATCHing users */
    public static ScimUserGroupCharacteristics users() {
        return USERS;
    }

    /** @return Group attributes, for PATCHing groups */
    public static ScimUserGroupCharacteristics groups() {
        return GROUPS;
    }

    /** @return every attribute of both resource types (they agree where they overlap), for filtering */
    public static ScimUserGroupCharacteristics usersAndGroups() {
        return USERS_AND_GROUPS;
    }

    @Override
    public boolean isKnown(AttributePath path) {
        return find(path).isPresent();
    }

    @Override
    public boolean isMultiValued(AttributePath path) {
        return has(path, Trait.MULTI_VALUED);
    }

    @Override
    public boolean isComplex(AttributePath path) {
        return find(path).map(definition -> definition.type() == Type.COMPLEX).orElse(false);
    }

    @Override
    public boolean isCaseExact(AttributePath path) {
        return has(path, Trait.CASE_EXACT);
    }

    @Override
    public boolean isReadOnly(AttributePath path) {
        return has(path, Trait.READ_ONLY);
    }

    @Override
    public boolean isBoolean(AttributePath path) {
        return find(path).map(definition -> definition.type() == Type.BOOLEAN).orElse(false);
    }

    @Override
    public boolean isDateTime(AttributePath path) {
        return find(path).map(definition -> definition.type() == Type.DATE_TIME).orElse(false);
    }

    @Override
    public Optional<String> canonicalName(AttributePath path) {
        return find(path).map(Definition::name);
    }

    @Override
    public Optional<String> extensionUrnOf(AttributePath path) {
        return find(path).map(Definition::schemaUrn).filter(extensionUrns::contains);
    }

    @Override
    public boolean isExtensionUrn(String urn) {
        return extensionUrns.stream().anyMatch(known -> known.equalsIgnoreCase(urn));
    }

    @Override
    public boolean isCoreUrn(String urn) {
        return coreUrns.stream().anyMatch(known -> known.equalsIgnoreCase(urn));
    }

    @Override
    public Optional<String> canonicalUrn(String urn) {
        List<String> all = new ArrayList<>(coreUrns);
        all.addAll(extensionUrns);
        return all.stream().filter(known -> known.equalsIgnoreCase(urn)).findFirst();
    }

    private boolean has(AttributePath path, Trait trait) {
        return find(path).map(definition -> definition.traits().contains(trait)).orElse(false);
    }

    private Optional<Definition> find(AttributePath path) {
        if (path.schemaUrn() != null) {
            return canonicalUrn(path.schemaUrn()).map(urn -> definitions.get(key(urn, path.key())));
        }
        for (String urn : coreUrns) {
            Definition definition = definitions.get(key(urn, path.key()));
            if (definition != null) {
                return Optional.of(definition);
            }
        }
        for (String urn : extensionUrns) {
            Definition definition = definitions.get(key(urn, path.key()));
            if (definition != null) {
                return Optional.of(definition);
            }
        }
        return Optional.empty();
    }

    private static String key(String urn, String pathKey) {
        return urn.toLowerCase(Locale.ROOT) + "|" + pathKey;
    }

    private void defineCommon(String urn) {
        define(urn, "id", Type.STRING, Trait.CASE_EXACT, Trait.READ_ONLY);
        define(urn, "externalId", Type.STRING, Trait.CASE_EXACT);
        define(urn, "schemas", Type.STRING, Trait.MULTI_VALUED, Trait.CASE_EXACT, Trait.READ_ONLY);
        define(urn, "meta", Type.COMPLEX, Trait.READ_ONLY);
        defineSub(urn, "meta", "resourceType", Type.STRING, Trait.CASE_EXACT, Trait.READ_ONLY);
        defineSub(urn, "meta", "created", Type.DATE_TIME, Trait.READ_ONLY);
        defineSub(urn, "meta", "lastModified", Type.DATE_TIME, Trait.READ_ONLY);
        defineSub(urn, "meta", "location", Type.STRING, Trait.CASE_EXACT, Trait.READ_ONLY);
        defineSub(urn, "meta", "version", Type.STRING, Trait.CASE_EXACT, Trait.READ_ONLY);
    }

    private void defineUser() {
        String urn = USER_URN;
        define(urn, "userName", Type.STRING);
        define(urn, "name", Type.COMPLEX);
        for (String sub : List.of("formatted", "familyName", "givenName", "middleName", "honorificPrefix",
                "honorificSuffix")) {
            defineSub(urn, "name", sub, Type.STRING);
        }
        for (String simple : List.of("displayName", "nickName", "title", "userType", "preferredLanguage", "locale",
                "timezone", "password")) {
            define(urn, simple, Type.STRING);
        }
        define(urn, "profileUrl", Type.STRING, Trait.CASE_EXACT);
        define(urn, "active", Type.BOOLEAN);
        for (String plural : List.of("emails", "phoneNumbers", "ims", "photos", "entitlements", "roles",
                "x509Certificates")) {
            defineMultiValued(urn, plural);
        }
        define(urn, "addresses", Type.COMPLEX, Trait.MULTI_VALUED);
        for (String sub : List.of("formatted", "streetAddress", "locality", "region", "postalCode", "country",
                "type")) {
            defineSub(urn, "addresses", sub, Type.STRING);
        }
        defineSub(urn, "addresses", "primary", Type.BOOLEAN);
        define(urn, "groups", Type.COMPLEX, Trait.MULTI_VALUED, Trait.READ_ONLY);
        defineSub(urn, "groups", "value", Type.STRING, Trait.CASE_EXACT, Trait.READ_ONLY);
        defineSub(urn, "groups", "$ref", Type.STRING, Trait.CASE_EXACT, Trait.READ_ONLY);
        defineSub(urn, "groups", "display", Type.STRING, Trait.READ_ONLY);
        defineSub(urn, "groups", "type", Type.STRING, Trait.READ_ONLY);
    }

    private void defineEnterpriseUser() {
        String urn = ENTERPRISE_USER_URN;
        for (String simple : List.of("employeeNumber", "costCenter", "organization", "division", "department")) {
            define(urn, simple, Type.STRING);
        }
        define(urn, "manager", Type.COMPLEX);
        defineSub(urn, "manager", "value", Type.STRING);
        defineSub(urn, "manager", "$ref", Type.STRING, Trait.CASE_EXACT);
        defineSub(urn, "manager", "displayName", Type.STRING, Trait.READ_ONLY);
    }

    private void defineGroup() {
        String urn = GROUP_URN;
        define(urn, "displayName", Type.STRING);
        define(urn, "members", Type.COMPLEX, Trait.MULTI_VALUED);
        defineSub(urn, "members", "value", Type.STRING, Trait.CASE_EXACT);
        defineSub(urn, "members", "$ref", Type.STRING, Trait.CASE_EXACT, Trait.READ_ONLY);
        defineSub(urn, "members", "display", Type.STRING, Trait.READ_ONLY);
        defineSub(urn, "members", "type", Type.STRING);
    }

    private void defineMultiValued(String urn, String attribute) {
        define(urn, attribute, Type.COMPLEX, Trait.MULTI_VALUED);
        // photos and certificates hold URLs and binary data, where case matters
        Trait[] valueTraits = attribute.equals("photos") || attribute.equals("x509Certificates")
                ? new Trait[] {Trait.CASE_EXACT} : new Trait[0];
        defineSub(urn, attribute, "value", Type.STRING, valueTraits);
        defineSub(urn, attribute, "display", Type.STRING);
        defineSub(urn, attribute, "type", Type.STRING);
        defineSub(urn, attribute, "primary", Type.BOOLEAN);
    }

    private void define(String urn, String name, Type type, Trait... traits) {
        definitions.put(key(urn, AttributePath.of(name).key()), new Definition(urn, name, type, traitSet(traits)));
    }

    private void defineSub(String urn, String parent, String name, Type type, Trait... traits) {
        definitions.put(key(urn, AttributePath.of(parent, name).key()),
                new Definition(urn, name, type, traitSet(traits)));
    }

    private static Set<Trait> traitSet(Trait... traits) {
        EnumSet<Trait> set = EnumSet.noneOf(Trait.class);
        set.addAll(List.of(traits));
        return set;
    }
}
