package com.javelo.scim.core.protocol.schema;

import static com.javelo.scim.core.protocol.schema.AttributeDefinition.complex;
import static com.javelo.scim.core.protocol.schema.AttributeDefinition.of;
import static com.javelo.scim.core.protocol.schema.AttributeType.BINARY;
import static com.javelo.scim.core.protocol.schema.AttributeType.BOOLEAN;
import static com.javelo.scim.core.protocol.schema.AttributeType.DATE_TIME;
import static com.javelo.scim.core.protocol.schema.AttributeType.REFERENCE;
import static com.javelo.scim.core.protocol.schema.AttributeType.STRING;

import java.util.ArrayList;
import java.util.List;

/**
 * The schemas Javelo serves, written once: every protocol rule (case sensitivity, mutability,
 * which attributes a response returns) and the {@code /Schemas} documents are derived from these.
 *
 * <p>Characteristics follow RFC 7643 §8.7.1 attribute by attribute. Where this class departs from
 * that text it says so beside the attribute: the common attributes {@code id}, {@code externalId}
 * and {@code meta} (§3.1) are listed in each resource schema so that they are discoverable and
 * looked up like any other attribute, Group {@code displayName} is {@code required} as §4.2 says
 * (the §8.7.1 listing has {@code "required" : false}), and a few sub-attributes that §2.4 defines
 * for every multi-valued attribute and that the IdPs send are added.
 */
public final class ScimSchemas {

    public static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String ENTERPRISE_USER_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String SCHEMA_URN = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    public static final String RESOURCE_TYPE_URN = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    public static final String SERVICE_PROVIDER_CONFIG_URN =
            "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

    /**
     * The size of the columns that hold a string attribute (V1__provisioning_schema.sql): a value
     * that fits is stored alike on H2 and PostgreSQL, and a longer one is refused before any SQL.
     */
    public static final int COLUMN_SIZE = 1024;

    /** The size of the columns for codes: locale, preferredLanguage, timezone, an email's type, ids. */
    public static final int SHORT_COLUMN_SIZE = 64;

    /**
     * The most values of a user's multi-valued attribute (emails, phoneNumbers, …): far more than a
     * person has, few enough that a user is written in one statement and milliseconds.
     */
    public static final int MAX_VALUES = 100;

    /** The size of a company's name (tenants.name). */
    public static final int TENANT_NAME_SIZE = 512;

    private static final String DISPLAY_DESCRIPTION =
            "A human-readable name, primarily used for display purposes.  READ-ONLY.";
    private static final String FUNCTION_DESCRIPTION = "A label indicating the attribute's function.";
    private static final String PRIMARY_DESCRIPTION = "A Boolean value indicating the 'primary' or preferred"
            + " attribute value for this attribute.  The primary attribute value 'true' MUST appear no more"
            + " than once.";

    /** {@code id} (RFC 7643 §3.1): issued by the server, compared case-sensitively, always returned. */
    public static final AttributeDefinition ID = of(
                    "id",
                    STRING,
                    "A unique identifier for a SCIM resource as defined by the service provider.  It is"
                            + " stable, never reassigned, always issued by the service provider and MUST NOT"
                            + " be specified by the client.")
            // Not `required`: clients never send it, and a create request without it is valid.
            .withCaseExact()
            .withMutability(Mutability.READ_ONLY)
            .withReturned(Returned.ALWAYS)
            .withUniqueness(Uniqueness.SERVER);

    /** {@code externalId} (RFC 7643 §3.1): the provisioning client's own identifier. */
    public static final AttributeDefinition EXTERNAL_ID = of(
                    "externalId",
                    STRING,
                    "A String that is an identifier for the resource as defined by the provisioning client.")
            .withCaseExact()
            .withMaxLength(COLUMN_SIZE);

    /** {@code meta} (RFC 7643 §3.1): read-only resource metadata maintained by the server. */
    public static final AttributeDefinition META = complex(
                    "meta",
                    "A complex attribute containing resource metadata.",
                    readOnly(of("resourceType", STRING, "The name of the resource type of the resource.")
                            .withCaseExact()),
                    readOnly(of(
                            "created",
                            DATE_TIME,
                            "The \"DateTime\" that the resource was added to the service provider.")),
                    readOnly(of(
                            "lastModified",
                            DATE_TIME,
                            "The most recent DateTime that the details of this resource were updated at the"
                                    + " service provider.")),
                    readOnly(of("location", REFERENCE, "The URI of the resource being returned.")
                            .withReferenceTypes("uri")
                            .withCaseExact()),
                    readOnly(of(
                                    "version",
                                    STRING,
                                    "The version of the resource being returned; the same value as the"
                                            + " ETag HTTP response header.")
                            .withCaseExact()))
            .withMutability(Mutability.READ_ONLY);

    /** A company's name, as the admin API registers it: not a SCIM attribute, bounded alike. */
    public static final AttributeDefinition TENANT_NAME =
            of("name", STRING, "The company's name.").withRequired().withMaxLength(TENANT_NAME_SIZE);

    /** The core User schema, RFC 7643 §4.1 and §8.7.1. */
    private static final SchemaDefinition USER_AS_IN_RFC = new SchemaDefinition(
            USER_URN,
            "User",
            "User Account",
            withCommonAttributes(List.of(
                    of(
                                    "userName",
                                    STRING,
                                    "Unique identifier for the User, typically used by the user to directly"
                                            + " authenticate to the service provider.  Each User MUST include a"
                                            + " non-empty userName value.  This identifier MUST be unique across"
                                            + " the service provider's entire set of Users.  REQUIRED.")
                            .withRequired()
                            .withUniqueness(Uniqueness.SERVER)
                            .withMaxLength(COLUMN_SIZE),
                    complex(
                            "name",
                            "The components of the user's real name.  Providers MAY return just the full name"
                                    + " as a single string in the formatted sub-attribute, or they MAY return"
                                    + " just the individual component attributes using the other"
                                    + " sub-attributes, or they MAY return both.  If both variants are"
                                    + " returned, they SHOULD be describing the same name, with the formatted"
                                    + " name indicating how the component attributes should be combined.",
                            of(
                                    "formatted",
                                    STRING,
                                    "The full name, including all middle names, titles, and suffixes as"
                                            + " appropriate, formatted for display (e.g., 'Ms. Barbara J Jensen,"
                                            + " III')."),
                            of(
                                            "familyName",
                                            STRING,
                                            "The family name of the User, or last name in most Western languages"
                                                    + " (e.g., 'Jensen' given the full name 'Ms. Barbara J Jensen,"
                                                    + " III').")
                                    .withMaxLength(COLUMN_SIZE),
                            of(
                                            "givenName",
                                            STRING,
                                            "The given name of the User, or first name in most Western languages"
                                                    + " (e.g., 'Barbara' given the full name 'Ms. Barbara J Jensen,"
                                                    + " III').")
                                    .withMaxLength(COLUMN_SIZE),
                            of(
                                    "middleName",
                                    STRING,
                                    "The middle name(s) of the User (e.g., 'Jane' given the full name"
                                            + " 'Ms. Barbara J Jensen, III')."),
                            of(
                                    "honorificPrefix",
                                    STRING,
                                    "The honorific prefix(es) of the User, or title in most Western"
                                            + " languages (e.g., 'Ms.' given the full name 'Ms. Barbara J"
                                            + " Jensen, III')."),
                            of(
                                    "honorificSuffix",
                                    STRING,
                                    "The honorific suffix(es) of the User, or suffix in most Western"
                                            + " languages (e.g., 'III' given the full name 'Ms. Barbara J"
                                            + " Jensen, III').")),
                    of(
                                    "displayName",
                                    STRING,
                                    "The name of the User, suitable for display to end-users.  The name SHOULD be the"
                                            + " full name of the User being described, if known.")
                            .withMaxLength(COLUMN_SIZE),
                    of(
                                    "nickName",
                                    STRING,
                                    "The casual way to address the user in real life, e.g., 'Bob' or 'Bobby' instead"
                                            + " of 'Robert'.  This attribute SHOULD NOT be used to represent a User's"
                                            + " username (e.g., 'bjensen' or 'mpepperidge').")
                            .withMaxLength(COLUMN_SIZE),
                    of(
                                    "profileUrl",
                                    REFERENCE,
                                    "A fully qualified URL pointing to a page representing the User's online"
                                            + " profile.")
                            .withReferenceTypes("external"),
                    of("title", STRING, "The user's title, such as \"Vice President.\"")
                            .withMaxLength(COLUMN_SIZE),
                    of(
                                    "userType",
                                    STRING,
                                    "Used to identify the relationship between the organization and the user."
                                            + "  Typical values used might be 'Contractor', 'Employee', 'Intern',"
                                            + " 'Temp', 'External', and 'Unknown', but any value may be used.")
                            .withMaxLength(COLUMN_SIZE),
                    of(
                                    "preferredLanguage",
                                    STRING,
                                    "Indicates the User's preferred written or spoken language.  Generally used for"
                                            + " selecting a localized user interface; e.g., 'en_US' specifies the"
                                            + " language English and country US.")
                            .withMaxLength(SHORT_COLUMN_SIZE),
                    of(
                                    "locale",
                                    STRING,
                                    "Used to indicate the User's default location for purposes of localizing items"
                                            + " such as currency, date time format, or numerical representations.")
                            .withMaxLength(SHORT_COLUMN_SIZE),
                    of(
                                    "timezone",
                                    STRING,
                                    "The User's time zone in the 'Olson' time zone database format, e.g.,"
                                            + " 'America/Los_Angeles'.")
                            .withMaxLength(SHORT_COLUMN_SIZE),
                    of("active", BOOLEAN, "A Boolean value indicating the User's administrative status."),
                    of(
                                    "password",
                                    STRING,
                                    "The User's cleartext password.  This attribute is intended to be used"
                                            + " as a means to specify an initial password when creating a new"
                                            + " User or to reset an existing User's password.")
                            .withMutability(Mutability.WRITE_ONLY)
                            .withReturned(Returned.NEVER),
                    multiValued(
                                    "emails",
                                    "Email addresses for the user.  The value SHOULD be canonicalized by the service"
                                            + " provider, e.g., 'bjensen@example.com' instead of"
                                            + " 'bjensen@EXAMPLE.COM'.  Canonical type values of 'work', 'home', and"
                                            + " 'other'.",
                                    of(
                                                    "value",
                                                    STRING,
                                                    "Email addresses for the user.  The value SHOULD be canonicalized by the"
                                                            + " service provider, e.g., 'bjensen@example.com' instead of"
                                                            + " 'bjensen@EXAMPLE.COM'.  Canonical type values of 'work',"
                                                            + " 'home', and 'other'.")
                                            .withMaxLength(COLUMN_SIZE),
                                    of(
                                                    "type",
                                                    STRING,
                                                    "A label indicating the attribute's function, e.g., 'work' or"
                                                            + " 'home'.")
                                            .withMaxLength(SHORT_COLUMN_SIZE)
                                            .withCanonicalValues("work", "home", "other"),
                                    primary("e.g., the preferred mailing address or primary email address"))
                            .withMaxValues(MAX_VALUES),
                    multiValued(
                                    "phoneNumbers",
                                    "Phone numbers for the User.  The value SHOULD be canonicalized by the service"
                                            + " provider according to the format specified in RFC 3966, e.g.,"
                                            + " 'tel:+1-201-555-0123'.  Canonical type values of 'work', 'home',"
                                            + " 'mobile', 'fax', 'pager', and 'other'.",
                                    of("value", STRING, "Phone number of the User."),
                                    of(
                                                    "type",
                                                    STRING,
                                                    "A label indicating the attribute's function, e.g., 'work',"
                                                            + " 'home', 'mobile'.")
                                            .withCanonicalValues("work", "home", "mobile", "fax", "pager", "other"),
                                    primary("e.g., the preferred phone number or primary phone number"))
                            .withMaxValues(MAX_VALUES),
                    multiValued(
                                    "ims",
                                    "Instant messaging addresses for the User.",
                                    of("value", STRING, "Instant messaging address for the User."),
                                    of(
                                                    "type",
                                                    STRING,
                                                    "A label indicating the attribute's function, e.g., 'aim',"
                                                            + " 'gtalk', 'xmpp'.")
                                            .withCanonicalValues(
                                                    "aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"),
                                    primary("e.g., the preferred messenger or primary messenger"))
                            .withMaxValues(MAX_VALUES),
                    multiValued(
                                    "photos",
                                    "URLs of photos of the User.",
                                    of("value", REFERENCE, "URL of a photo of the User.")
                                            .withReferenceTypes("external"),
                                    of(
                                                    "type",
                                                    STRING,
                                                    "A label indicating the attribute's function, i.e., 'photo' or"
                                                            + " 'thumbnail'.")
                                            .withCanonicalValues("photo", "thumbnail"),
                                    primary("e.g., the preferred photo or thumbnail"))
                            .withMaxValues(MAX_VALUES),
                    complex(
                                    "addresses",
                                    "A physical mailing address for this User.  Canonical type values of"
                                            + " 'work', 'home', and 'other'.  This attribute is a complex type"
                                            + " with the following sub-attributes.",
                                    of(
                                            "formatted",
                                            STRING,
                                            "The full mailing address, formatted for display or use with a"
                                                    + " mailing label.  This attribute MAY contain newlines."),
                                    of(
                                            "streetAddress",
                                            STRING,
                                            "The full street address component, which may include house"
                                                    + " number, street name, P.O. box, and multi-line extended"
                                                    + " street address information.  This attribute MAY"
                                                    + " contain newlines."),
                                    of("locality", STRING, "The city or locality component."),
                                    of("region", STRING, "The state or region component."),
                                    of("postalCode", STRING, "The zip code or postal code component."),
                                    of("country", STRING, "The country name component."),
                                    of(
                                                    "type",
                                                    STRING,
                                                    "A label indicating the attribute's function, e.g.,"
                                                            + " 'work' or 'home'.")
                                            .withCanonicalValues("work", "home", "other"),
                                    // Not in the §8.7.1 listing, but §2.4 gives every multi-valued attribute
                                    // `primary`, and Okta and the RFC's own §8.2 example send it.
                                    primary("e.g., the preferred mailing address"))
                            .withMultiValued()
                            .withMaxValues(MAX_VALUES),
                    complex(
                                    "groups",
                                    "A list of groups to which the user belongs, either through direct"
                                            + " membership, through nested groups, or dynamically calculated.",
                                    readOnly(of("value", STRING, "The identifier of the User's group.")),
                                    readOnly(of(
                                                    "$ref",
                                                    REFERENCE,
                                                    "The URI of the corresponding 'Group' resource to which the"
                                                            + " user belongs.")
                                            .withReferenceTypes("User", "Group")),
                                    readOnly(of("display", STRING, DISPLAY_DESCRIPTION)),
                                    readOnly(of(
                                                    "type",
                                                    STRING,
                                                    "A label indicating the attribute's function,"
                                                            + " e.g., 'direct' or 'indirect'.")
                                            .withCanonicalValues("direct", "indirect")))
                            .withMultiValued()
                            .withMutability(Mutability.READ_ONLY),
                    multiValued(
                                    "entitlements",
                                    "A list of entitlements for the User that represent a thing the User has.",
                                    of("value", STRING, "The value of an entitlement."),
                                    of("type", STRING, FUNCTION_DESCRIPTION),
                                    primary(null))
                            .withMaxValues(MAX_VALUES),
                    multiValued(
                                    "roles",
                                    "A list of roles for the User that collectively represent who the User is, e.g.,"
                                            + " 'Student', 'Faculty'.",
                                    of("value", STRING, "The value of a role."),
                                    of("type", STRING, FUNCTION_DESCRIPTION),
                                    primary(null))
                            .withMaxValues(MAX_VALUES),
                    multiValued(
                                    "x509Certificates",
                                    "A list of certificates issued to the User.",
                                    of("value", BINARY, "The value of an X.509 certificate."),
                                    of("type", STRING, FUNCTION_DESCRIPTION),
                                    primary(null))
                            .withMaxValues(MAX_VALUES))));

    /** The Enterprise User extension, RFC 7643 §4.3 and §8.7.1. */
    private static final SchemaDefinition ENTERPRISE_USER_AS_IN_RFC = new SchemaDefinition(
            ENTERPRISE_USER_URN,
            "EnterpriseUser",
            "Enterprise User",
            List.of(
                    of(
                                    "employeeNumber",
                                    STRING,
                                    "Numeric or alphanumeric identifier assigned to a person, typically based on order"
                                            + " of hire or association with an organization.")
                            .withMaxLength(COLUMN_SIZE),
                    of("costCenter", STRING, "Identifies the name of a cost center.")
                            .withMaxLength(COLUMN_SIZE),
                    of("organization", STRING, "Identifies the name of an organization.")
                            .withMaxLength(COLUMN_SIZE),
                    of("division", STRING, "Identifies the name of a division.").withMaxLength(COLUMN_SIZE),
                    of("department", STRING, "Identifies the name of a department.")
                            .withMaxLength(COLUMN_SIZE),
                    complex(
                            "manager",
                            "The User's manager.  A complex type that optionally allows service providers to"
                                    + " represent organizational hierarchy by referencing the 'id' attribute"
                                    + " of another User.",
                            // Javelo-specific: Okta and Entra put the manager's email here, not an id.
                            of(
                                            "value",
                                            STRING,
                                            "The id of the SCIM resource representing the User's manager, or the"
                                                    + " manager's email address (their userName), which Javelo resolves"
                                                    + " to that User.")
                                    .withMaxLength(COLUMN_SIZE),
                            of("$ref", REFERENCE, "The URI of the SCIM resource representing the User's" + " manager.")
                                    .withReferenceTypes("User"),
                            readOnly(of(
                                    "displayName",
                                    STRING,
                                    "The displayName of the User's manager.  OPTIONAL and READ-ONLY.")))));

    /** The core Group schema, RFC 7643 §4.2 and §8.7.1. */
    private static final SchemaDefinition GROUP_AS_IN_RFC = new SchemaDefinition(
            GROUP_URN,
            "Group",
            "Group",
            withCommonAttributes(List.of(
                    // §4.2 says REQUIRED; the §8.7.1 listing's `"required" : false` contradicts it.
                    of("displayName", STRING, "A human-readable name for the Group.  REQUIRED.")
                            .withMaxLength(COLUMN_SIZE)
                            .withRequired(),
                    complex(
                                    "members",
                                    "A list of members of the Group.",
                                    // Case-exact, unlike the §8.7.1 listing: the value is a resource id, and ids
                                    // are case-exact (§3.1).
                                    of("value", STRING, "Identifier of the member of this Group.")
                                            .withMaxLength(SHORT_COLUMN_SIZE)
                                            .withMutability(Mutability.IMMUTABLE)
                                            .withCaseExact(),
                                    of(
                                                    "$ref",
                                                    REFERENCE,
                                                    "The URI corresponding to a SCIM resource that is a member"
                                                            + " of this Group.")
                                            .withReferenceTypes("User", "Group")
                                            .withMutability(Mutability.IMMUTABLE),
                                    // Not in the §8.7.1 listing; §2.4 defines it and Okta sends it.
                                    // Read-only, yet kept: the label Okta and Microsoft send is shown back.
                                    readOnly(of("display", STRING, DISPLAY_DESCRIPTION)
                                            .withMaxLength(COLUMN_SIZE)),
                                    of(
                                                    "type",
                                                    STRING,
                                                    "A label indicating the type of resource, e.g., 'User' or"
                                                            + " 'Group'.")
                                            .withCanonicalValues("User", "Group")
                                            .withMutability(Mutability.IMMUTABLE))
                            .withMultiValued())));

    private ScimSchemas() {}

    /** @return every schema Javelo serves, core schemas first. */
    /**
     * The core User schema, RFC 7643 §4.1 and §8.7.1, with what a filter may name and a list be
     * sorted by: the attributes every store answers (adding one here means a column binding in
     * adapter-jooq and a migration; the contract suites hold the stores to it).
     */
    public static final SchemaDefinition USER = queryable(
            USER_AS_IN_RFC,
            List.of(
                    "id",
                    "externalId",
                    "userName",
                    "displayName",
                    "nickName",
                    "title",
                    "userType",
                    "locale",
                    "preferredLanguage",
                    "timezone",
                    "active",
                    "name.givenName",
                    "name.familyName",
                    "meta.created",
                    "meta.lastModified"),
            List.of("emails", "emails.value", "emails.type", "emails.primary"));

    /** The Enterprise User extension, RFC 7643 §4.3 and §8.7.1, filterable and sortable as {@link #USER} says. */
    public static final SchemaDefinition ENTERPRISE_USER = queryable(
            ENTERPRISE_USER_AS_IN_RFC,
            List.of(
                    "employeeNumber",
                    "costCenter",
                    "organization",
                    "division",
                    "department",
                    "manager",
                    "manager.value"),
            List.of());

    /** The core Group schema, RFC 7643 §4.2 and §8.7.1, filterable and sortable as {@link #USER} says. */
    public static final SchemaDefinition GROUP = queryable(
            GROUP_AS_IN_RFC,
            List.of("id", "externalId", "displayName", "meta.created", "meta.lastModified"),
            List.of("members", "members.value"));

    /**
     * @param sortable the (single-valued) attributes and sub-attributes a filter may name and a list
     *     be sorted by
     * @param filterableOnly the ones a filter may name (multi-valued)
     */
    private static SchemaDefinition queryable(
            SchemaDefinition schema, List<String> sortable, List<String> filterableOnly) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (AttributeDefinition attribute : schema.attributes()) {
            List<AttributeDefinition> subs = new ArrayList<>();
            for (AttributeDefinition sub : attribute.subAttributes()) {
                subs.add(queryable(sub, attribute.name() + "." + sub.name(), sortable, filterableOnly));
            }
            attributes.add(queryable(attribute.withSubAttributes(subs), attribute.name(), sortable, filterableOnly));
        }
        return new SchemaDefinition(schema.id(), schema.name(), schema.description(), attributes);
    }

    private static AttributeDefinition queryable(
            AttributeDefinition attribute, String path, List<String> sortable, List<String> filterableOnly) {
        if (sortable.contains(path)) {
            return attribute.withSortable();
        }
        return filterableOnly.contains(path) ? attribute.withFilterable() : attribute;
    }

    public static List<SchemaDefinition> all() {
        return List.of(USER, GROUP, ENTERPRISE_USER);
    }

    private static List<AttributeDefinition> withCommonAttributes(List<AttributeDefinition> attributes) {
        List<AttributeDefinition> all = new ArrayList<>();
        all.add(ID);
        all.add(EXTERNAL_ID);
        all.addAll(attributes);
        all.add(META);
        return all;
    }

    private static AttributeDefinition readOnly(AttributeDefinition attribute) {
        return attribute.withMutability(Mutability.READ_ONLY);
    }

    /** The §8.7.1 shape shared by most multi-valued attributes: value, display, type, primary. */
    private static AttributeDefinition multiValued(
            String name,
            String description,
            AttributeDefinition value,
            AttributeDefinition type,
            AttributeDefinition primary) {
        return complex(name, description, value, of("display", STRING, DISPLAY_DESCRIPTION), type, primary)
                .withMultiValued();
    }

    private static AttributeDefinition primary(String example) {
        String description = example == null
                ? PRIMARY_DESCRIPTION
                : PRIMARY_DESCRIPTION.replace("for this attribute.", "for this attribute, " + example + ".");
        return of("primary", BOOLEAN, description);
    }
}
