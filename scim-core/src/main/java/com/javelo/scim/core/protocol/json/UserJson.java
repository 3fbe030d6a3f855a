package com.javelo.scim.core.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.etag.EntityTags;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.core.protocol.schema.InputLimits;
import com.javelo.scim.domain.group.GroupMembership;
import com.javelo.scim.domain.user.Address;
import com.javelo.scim.domain.user.CarriedAttributes;
import com.javelo.scim.domain.user.CustomAttributes;
import com.javelo.scim.domain.user.EnterpriseAttributes;
import com.javelo.scim.domain.user.ManagerReference;
import com.javelo.scim.domain.user.MultiValue;
import com.javelo.scim.domain.user.Name;
import com.javelo.scim.domain.user.User;
import com.javelo.scim.domain.user.UserName;
import com.javelo.scim.domain.user.UserProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps SCIM User JSON to the domain and back, once for every path (POST, PUT, PATCH, storage).
 * Reading honours CLIENTS.md: names case-insensitive, readOnly input ({@code id}, {@code meta},
 * {@code groups}, {@code password}) ignored, {@code ""}/{@code null} clear, the manager in every
 * shape Okta and Entra send. Nothing else is dropped (issue #15): the company's declared
 * attributes are read by their type, and attributes nobody declared are kept as sent
 * ({@link BeyondCatalogue}).
 */
public final class UserJson {

    public static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ENTERPRISE_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private UserJson() {}

    /** Private members of the storage form (never attribute names: those start with a letter). */
    static final String STORED_CUSTOM = "$custom";

    static final String STORED_CARRIED = "$carried";

    /** Reads a POST/PUT body (or a patched document) of a company that declares nothing. */
    public static UserInput read(JsonNode body) {
        return read(body, CustomSchema.NONE);
    }

    /**
     * Reads a POST/PUT body (or a patched document), refusing values over the attributes' limits:
     * the company's declared attributes are validated by type, and attributes nobody declared are
     * kept as sent (or refused, in strict mode).
     */
    public static UserInput read(JsonNode body, CustomSchema schema) {
        if (body == null || !body.isObject()) {
            throw ScimErrors.invalidSyntax("the request body must be a JSON object describing a User");
        }
        InputLimits.checkUser(body);
        UserInput known = readKnown(body);
        BeyondCatalogue.Split beyond = BeyondCatalogue.read(body, schema);
        return new UserInput(
                with(known.profile(), beyond.custom(), beyond.carried()), known.active(), known.managerValue());
    }

    /**
     * Reads a patched document (the person's stored attributes with the operations applied) as
     * {@link #read(JsonNode, CustomSchema)} reads a body, except that strict mode refuses only the
     * undeclared attributes the PATCH brings: those the person carried already (kept from before
     * the company chose strict mode) are in the document without the client sending them, and a
     * PATCH that leaves them alone — a deactivation, say — must not fail on them.
     */
    public static UserInput readPatched(JsonNode document, CustomSchema schema, UserProfile before) {
        if (!schema.strict()) {
            return read(document, schema);
        }
        UserInput input = read(document, new CustomSchema(schema.attributes(), false));
        List<String> carriedBefore = carriedPaths(before);
        for (String path : carriedPaths(input.profile())) {
            if (!carriedBefore.contains(path)) {
                throw BeyondCatalogue.refusedInStrictMode(path);
            }
        }
        return input;
    }

    /** Reads a stored profile: it passed the limits when it was written. */
    static UserInput readStored(JsonNode body) {
        UserInput known = readKnown(body);
        JsonNode carried = body.get(STORED_CARRIED);
        return new UserInput(
                with(
                        known.profile(),
                        CustomAttributeJson.readStored(body.get(STORED_CUSTOM)),
                        new CarriedAttributes(carried == null || carried.isNull() ? null : carried.toString())),
                known.active(),
                known.managerValue());
    }

    private static UserProfile with(UserProfile profile, CustomAttributes custom, CarriedAttributes carried) {
        return new UserProfile(
                profile.userName(),
                profile.externalId(),
                profile.name(),
                profile.displayName(),
                profile.nickName(),
                profile.profileUrl(),
                profile.title(),
                profile.userType(),
                profile.preferredLanguage(),
                profile.locale(),
                profile.timezone(),
                profile.emails(),
                profile.phoneNumbers(),
                profile.ims(),
                profile.photos(),
                profile.addresses(),
                profile.entitlements(),
                profile.roles(),
                profile.x509Certificates(),
                profile.enterprise(),
                custom,
                carried);
    }

    /**
     * @return {@code profile} with the values it carries under {@link CustomSchema#URN} for
     *     attributes {@code schema} declares made declared values, as if they had come after the
     *     declaration (the same profile when there are none)
     * @throws com.javelo.scim.core.protocol.error.ScimException {@code invalidValue} naming the
     *     attribute and the value when a carried value is not of the declared type
     */
    public static UserProfile promoteCarried(UserProfile profile, CustomSchema schema) {
        BeyondCatalogue.Split promoted = BeyondCatalogue.promote(profile.custom(), profile.carried(), schema);
        return promoted.carried().equals(profile.carried())
                ? profile
                : with(profile, promoted.custom(), promoted.carried());
    }

    /** @return the paths of the attributes nobody declared that {@code profile} carries */
    public static List<String> carriedPaths(UserProfile profile) {
        return BeyondCatalogue.paths(profile.carried());
    }

    private static UserInput readKnown(JsonNode body) {
        String userName = JsonFields.text(body, "userName", "userName");
        if (userName == null) {
            throw ScimErrors.invalidValue("attribute 'userName' is required");
        }
        Optional<JsonNode> enterprise = JsonFields.object(body, ENTERPRISE_URN, ENTERPRISE_URN);
        UserProfile profile = new UserProfile(
                UserName.of(userName),
                JsonFields.text(body, "externalId", "externalId"),
                readName(body),
                JsonFields.text(body, "displayName", "displayName"),
                JsonFields.text(body, "nickName", "nickName"),
                JsonFields.text(body, "profileUrl", "profileUrl"),
                JsonFields.text(body, "title", "title"),
                JsonFields.text(body, "userType", "userType"),
                JsonFields.text(body, "preferredLanguage", "preferredLanguage"),
                JsonFields.text(body, "locale", "locale"),
                JsonFields.text(body, "timezone", "timezone"),
                readMultiValues(body, "emails"),
                readMultiValues(body, "phoneNumbers"),
                readMultiValues(body, "ims"),
                readMultiValues(body, "photos"),
                readAddresses(body),
                readMultiValues(body, "entitlements"),
                readMultiValues(body, "roles"),
                readMultiValues(body, "x509Certificates"),
                enterprise.map(UserJson::readEnterprise).orElse(EnterpriseAttributes.EMPTY));
        Boolean active = JsonFields.bool(body, "active", "active");
        String manager = enterprise.map(UserJson::readManager).orElse(null);
        return new UserInput(profile, active, manager);
    }

    /** Renders the full resource of a company that declares nothing (projection is applied by the caller). */
    public static ObjectNode write(User user, List<GroupMembership> groups, String baseUrl) {
        return write(user, groups, baseUrl, CustomSchema.NONE);
    }

    /**
     * Renders the full resource (projection is applied by the caller): the declared attributes
     * under {@link CustomSchema#URN}, and what the service carries as it came.
     */
    public static ObjectNode write(User user, List<GroupMembership> groups, String baseUrl, CustomSchema schema) {
        ObjectNode node = ScimJson.nodes().objectNode();
        ArrayNode schemas = node.putArray("schemas").add(USER_URN);
        node.put("id", user.id().value());
        writeProfile(node, user.profile());
        node.put("active", user.active());
        if (!groups.isEmpty()) {
            ArrayNode array = node.putArray("groups");
            for (GroupMembership group : groups) {
                array.addObject()
                        .put("value", group.groupId().value())
                        .put("$ref", baseUrl + "/Groups/" + group.groupId().value())
                        .put("display", group.displayName())
                        .put("type", "direct");
            }
        }
        ObjectNode enterprise = writeEnterprise(user.profile().enterprise());
        user.manager().ifPresent(manager -> {
            ObjectNode managerNode = enterprise.putObject("manager").put("value", manager.value());
            manager.resolved().ifPresent(id -> managerNode.put("$ref", baseUrl + "/Users/" + id.value()));
        });
        if (!enterprise.isEmpty()) {
            schemas.add(ENTERPRISE_URN);
            node.set(ENTERPRISE_URN, enterprise);
        }
        ObjectNode custom = CustomAttributeJson.write(user.profile().custom(), schema);
        if (!custom.isEmpty()) {
            schemas.add(CustomSchema.URN);
            node.set(CustomSchema.URN, custom);
        }
        List<String> carriedSchemas = new ArrayList<>();
        BeyondCatalogue.merge(node, user.profile().carried(), carriedSchemas);
        carriedSchemas.forEach(schemas::add);
        String location = baseUrl + "/Users/" + user.id().value();
        node.putObject("meta")
                .put("resourceType", "User")
                .put("created", user.meta().created().toString())
                .put("lastModified", user.meta().lastModified().toString())
                .put("location", location)
                .put("version", EntityTags.of(user.meta().version(), groups));
        return node;
    }

    /**
     * Renders the profile's attributes alone, as a PATCH edits them: the declared attributes (hidden
     * ones left out: {@link CustomAttributes#keepingHidden} puts them back) and the carried ones.
     */
    public static ObjectNode writeProfileDocument(UserProfile profile, CustomSchema schema) {
        ObjectNode node = knownProfileDocument(profile);
        ObjectNode custom = CustomAttributeJson.write(profile.custom(), schema);
        if (!custom.isEmpty()) {
            node.set(CustomSchema.URN, custom);
        }
        BeyondCatalogue.merge(node, profile.carried(), new ArrayList<>());
        return node;
    }

    /** Like {@link #writeProfileDocument(UserProfile, CustomSchema)} for a company that declares nothing. */
    public static ObjectNode writeProfileDocument(UserProfile profile) {
        return writeProfileDocument(profile, CustomSchema.NONE);
    }

    /** The storage form: the RFC's attributes, then every custom value (hidden ones too) and the carried ones apart. */
    static ObjectNode writeStored(UserProfile profile) {
        ObjectNode node = knownProfileDocument(profile);
        if (!profile.custom().isEmpty()) {
            node.set(STORED_CUSTOM, CustomAttributeJson.writeStored(profile.custom()));
        }
        if (!profile.carried().isEmpty()) {
            node.set(STORED_CARRIED, BeyondCatalogue.parse(profile.carried()));
        }
        return node;
    }

    private static ObjectNode knownProfileDocument(UserProfile profile) {
        ObjectNode node = ScimJson.nodes().objectNode();
        writeProfile(node, profile);
        ObjectNode enterprise = writeEnterprise(profile.enterprise());
        if (!enterprise.isEmpty()) {
            node.set(ENTERPRISE_URN, enterprise);
        }
        return node;
    }

    private static void writeProfile(ObjectNode node, UserProfile profile) {
        putIfPresent(node, "externalId", profile.externalId());
        node.put("userName", profile.userName().value());
        ObjectNode name = writeName(profile.name());
        if (!name.isEmpty()) {
            node.set("name", name);
        }
        putIfPresent(node, "displayName", profile.displayName());
        putIfPresent(node, "nickName", profile.nickName());
        putIfPresent(node, "profileUrl", profile.profileUrl());
        putIfPresent(node, "title", profile.title());
        putIfPresent(node, "userType", profile.userType());
        putIfPresent(node, "preferredLanguage", profile.preferredLanguage());
        putIfPresent(node, "locale", profile.locale());
        putIfPresent(node, "timezone", profile.timezone());
        writeMultiValues(node, "emails", profile.emails());
        writeMultiValues(node, "phoneNumbers", profile.phoneNumbers());
        writeMultiValues(node, "ims", profile.ims());
        writeMultiValues(node, "photos", profile.photos());
        writeAddresses(node, profile.addresses());
        writeMultiValues(node, "entitlements", profile.entitlements());
        writeMultiValues(node, "roles", profile.roles());
        writeMultiValues(node, "x509Certificates", profile.x509Certificates());
    }

    private static Name readName(JsonNode body) {
        Optional<JsonNode> name = JsonFields.object(body, "name", "name");
        if (name.isEmpty()) {
            return Name.EMPTY;
        }
        JsonNode n = name.get();
        return new Name(
                JsonFields.text(n, "formatted", "name.formatted"),
                JsonFields.text(n, "familyName", "name.familyName"),
                JsonFields.text(n, "givenName", "name.givenName"),
                JsonFields.text(n, "middleName", "name.middleName"),
                JsonFields.text(n, "honorificPrefix", "name.honorificPrefix"),
                JsonFields.text(n, "honorificSuffix", "name.honorificSuffix"));
    }

    private static ObjectNode writeName(Name name) {
        ObjectNode node = ScimJson.nodes().objectNode();
        putIfPresent(node, "formatted", name.formatted());
        putIfPresent(node, "familyName", name.familyName());
        putIfPresent(node, "givenName", name.givenName());
        putIfPresent(node, "middleName", name.middleName());
        putIfPresent(node, "honorificPrefix", name.honorificPrefix());
        putIfPresent(node, "honorificSuffix", name.honorificSuffix());
        return node;
    }

    private static List<MultiValue> readMultiValues(JsonNode body, String attribute) {
        List<MultiValue> values = new ArrayList<>();
        for (JsonNode element : JsonFields.array(body, attribute, attribute)) {
            if (element.isNull()) {
                continue;
            }
            if (element.isTextual()) {
                // A bare string is the value itself; tolerated because some clients flatten.
                if (!element.textValue().isBlank()) {
                    values.add(MultiValue.of(element.textValue(), null));
                }
                continue;
            }
            if (!element.isObject()) {
                throw ScimErrors.invalidSyntax(
                        "each value of '" + attribute + "' must be an object, got " + JsonFields.describe(element));
            }
            String value = JsonFields.text(element, "value", attribute + ".value");
            String type = JsonFields.text(element, "type", attribute + ".type");
            Boolean primary = JsonFields.bool(element, "primary", attribute + ".primary");
            String display = JsonFields.text(element, "display", attribute + ".display");
            if (value == null && type == null && display == null) {
                continue;
            }
            values.add(new MultiValue(value, type, primary, display));
        }
        return values;
    }

    private static void writeMultiValues(ObjectNode node, String attribute, List<MultiValue> values) {
        if (values.isEmpty()) {
            return;
        }
        ArrayNode array = node.putArray(attribute);
        for (MultiValue value : values) {
            ObjectNode element = array.addObject();
            putIfPresent(element, "value", value.value());
            putIfPresent(element, "type", value.type());
            putIfPresent(element, "display", value.display());
            if (value.primary() != null) {
                element.put("primary", value.primary());
            }
        }
    }

    private static List<Address> readAddresses(JsonNode body) {
        List<Address> addresses = new ArrayList<>();
        for (JsonNode element : JsonFields.array(body, "addresses", "addresses")) {
            if (element.isNull()) {
                continue;
            }
            if (!element.isObject()) {
                throw ScimErrors.invalidSyntax(
                        "each value of 'addresses' must be an object, got " + JsonFields.describe(element));
            }
            Address address = new Address(
                    JsonFields.text(element, "formatted", "addresses.formatted"),
                    JsonFields.text(element, "streetAddress", "addresses.streetAddress"),
                    JsonFields.text(element, "locality", "addresses.locality"),
                    JsonFields.text(element, "region", "addresses.region"),
                    JsonFields.text(element, "postalCode", "addresses.postalCode"),
                    JsonFields.text(element, "country", "addresses.country"),
                    JsonFields.text(element, "type", "addresses.type"),
                    JsonFields.bool(element, "primary", "addresses.primary"));
            if (!address.equals(new Address(null, null, null, null, null, null, null, address.primary()))) {
                addresses.add(address);
            }
        }
        return addresses;
    }

    private static void writeAddresses(ObjectNode node, List<Address> addresses) {
        if (addresses.isEmpty()) {
            return;
        }
        ArrayNode array = node.putArray("addresses");
        for (Address address : addresses) {
            ObjectNode element = array.addObject();
            putIfPresent(element, "formatted", address.formatted());
            putIfPresent(element, "streetAddress", address.streetAddress());
            putIfPresent(element, "locality", address.locality());
            putIfPresent(element, "region", address.region());
            putIfPresent(element, "postalCode", address.postalCode());
            putIfPresent(element, "country", address.country());
            putIfPresent(element, "type", address.type());
            if (address.primary() != null) {
                element.put("primary", address.primary());
            }
        }
    }

    private static EnterpriseAttributes readEnterprise(JsonNode ext) {
        String prefix = ENTERPRISE_URN + ":";
        return new EnterpriseAttributes(
                JsonFields.text(ext, "employeeNumber", prefix + "employeeNumber"),
                JsonFields.text(ext, "costCenter", prefix + "costCenter"),
                JsonFields.text(ext, "organization", prefix + "organization"),
                JsonFields.text(ext, "division", prefix + "division"),
                JsonFields.text(ext, "department", prefix + "department"));
    }

    private static ObjectNode writeEnterprise(EnterpriseAttributes enterprise) {
        ObjectNode node = ScimJson.nodes().objectNode();
        putIfPresent(node, "employeeNumber", enterprise.employeeNumber());
        putIfPresent(node, "costCenter", enterprise.costCenter());
        putIfPresent(node, "organization", enterprise.organization());
        putIfPresent(node, "division", enterprise.division());
        putIfPresent(node, "department", enterprise.department());
        return node;
    }

    /**
     * The manager in every shape of CLIENTS.md §3.7: {@code {"value":"x"}}, {@code "x"},
     * {@code [{"$ref":…,"value":"x"}]}; {@code ""}, {@code null}, {@code []} or {@code {}} mean none.
     */
    static String readManager(JsonNode ext) {
        Optional<JsonNode> manager = JsonFields.field(ext, "manager");
        if (manager.isEmpty()) {
            return null;
        }
        return managerValue(manager.get());
    }

    public static String managerValue(JsonNode manager) {
        String attribute = ENTERPRISE_URN + ":manager";
        if (manager.isNull()) {
            return null;
        }
        if (manager.isTextual()) {
            return manager.textValue().isBlank() ? null : manager.textValue().strip();
        }
        if (manager.isArray()) {
            if (manager.isEmpty()) {
                return null;
            }
            if (manager.size() > 1) {
                throw ScimErrors.invalidValue(
                        "attribute '" + attribute + "' is single-valued; got " + manager.size() + " values");
            }
            return managerValue(manager.get(0));
        }
        if (manager.isObject()) {
            String value = JsonFields.text(manager, "value", attribute + ".value");
            return value == null ? null : value.strip();
        }
        throw ScimErrors.invalidSyntax(
                "attribute '" + attribute + "' must be an object with a 'value' (the manager's email or id), got "
                        + JsonFields.describe(manager));
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    /** @return the manager reference as the domain models it, or null */
    public static ManagerReference managerReference(String value) {
        return value == null ? null : ManagerReference.pending(value);
    }
}
