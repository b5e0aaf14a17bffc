package dev.dirsync.scim.schema;

import dev.dirsync.scim.protocol.Schemas;
import java.util.List;
import java.util.Optional;

/**
 * The schemas RFC 7643 defines for every SCIM service provider: the core User (§4.1), the enterprise User
 * extension (§4.3) and the core Group (§4.2), attribute for attribute as the schema representation of RFC 7643
 * §8.7.1 gives them, plus the common attributes of §3.1.
 *
 * <p>The characteristics are those of §8.7.1 even where the prose of §4 differs, because clients that read
 * {@code /Schemas} compare against that figure:
 * <ul>
 * <li>Group {@code displayName} and enterprise {@code manager.value} / {@code manager.$ref} say "REQUIRED." in
 * their description but are {@code "required": false};</li>
 * <li>{@code groups.$ref} references {@code User} and {@code Group};</li>
 * <li>{@code addresses} has no {@code primary} sub-attribute;</li>
 * <li>{@code display} sub-attributes say "READ-ONLY." but are readWrite, except under {@code groups}.</li>
 * </ul>
 * Where §8.7.1 omits a characteristic (e.g. {@code caseExact} and {@code uniqueness} of booleans and of most
 * complex attributes), the §7 default applies: {@code caseExact} false, {@code uniqueness} none.
 *
 * <p>All constants are immutable.
 */
public final class CoreSchemas {

    private static final String DISPLAY = "A human-readable name, primarily used for display purposes. READ-ONLY.";
    private static final String FUNCTION = "A label indicating the attribute's function.";
    private static final String BARBARA = " given the full name 'Ms. Barbara J Jensen, III').";

    /**
     * The common attributes {@code id}, {@code externalId} and {@code meta} of RFC 7643 §3.1. They belong to every
     * resource but to no schema's {@code attributes}; {@code id} and {@code meta} are assigned by the service
     * provider.
     */
    public static final List<AttributeDefinition> COMMON_ATTRIBUTES = List.of(
            AttributeDefinition.builder("id")
                    .description("A unique identifier for a SCIM resource as defined by the service provider.")
                    .caseExact()
                    .mutability(Mutability.READ_ONLY)
                    .returned(Returned.ALWAYS)
                    .uniqueness(Uniqueness.SERVER)
                    .build(),
            AttributeDefinition.builder("externalId")
                    .description("A String that is an identifier for the resource as defined by the provisioning "
                            + "client.")
                    .caseExact()
                    .build(),
            AttributeDefinition.builder("meta")
                    .description("A complex attribute containing resource metadata.")
                    .mutability(Mutability.READ_ONLY)
                    .subAttributes(
                            readOnly("resourceType", "The name of the resource type of the resource.")
                                    .caseExact().build(),
                            readOnly("created", "The DateTime that the resource was added to the service provider.")
                                    .type(AttributeType.DATE_TIME).build(),
                            readOnly("lastModified", "The most recent DateTime that the details of this resource "
                                    + "were updated at the service provider.")
                                    .type(AttributeType.DATE_TIME).build(),
                            readOnly("location", "The URI of the resource being returned.")
                                    .type(AttributeType.REFERENCE).referenceTypes("uri").build(),
                            readOnly("version", "The version of the resource being returned.")
                                    .caseExact().build())
                    .build());

    /** {@code urn:ietf:params:scim:schemas:core:2.0:User}, RFC 7643 §4.1 as represented in §8.7.1. */
    public static final SchemaDefinition USER = new SchemaDefinition(Schemas.USER, "User", "User Account", List.of(
            string("userName", "Unique identifier for the User, typically used by the user to directly "
                    + "authenticate to the service provider. Each User MUST include a non-empty userName value. This "
                    + "identifier MUST be unique across the service provider's entire set of Users. REQUIRED.")
                    .required()
                    .uniqueness(Uniqueness.SERVER)
                    .build(),
            AttributeDefinition.builder("name")
                    .description("The components of the user's real name. Providers MAY return just the full name "
                            + "as a single string in the formatted sub-attribute, or they MAY return just the "
                            + "individual component attributes using the other sub-attributes, or they MAY return "
                            + "both. If both variants are returned, they SHOULD be describing the same name, with "
                            + "the formatted name indicating how the component attributes should be combined.")
                    .subAttributes(
                            string("formatted", "The full name, including all middle names, titles, and suffixes "
                                    + "as appropriate, formatted for display (e.g., 'Ms. Barbara J Jensen, III').")
                                    .build(),
                            string("familyName", "The family name of the User, or last name in most Western "
                                    + "languages (e.g., 'Jensen'" + BARBARA).build(),
                            string("givenName", "The given name of the User, or first name in most Western "
                                    + "languages (e.g., 'Barbara'" + BARBARA).build(),
                            string("middleName", "The middle name(s) of the User (e.g., 'Jane'" + BARBARA).build(),
                            string("honorificPrefix", "The honorific prefix(es) of the User, or title in most "
                                    + "Western languages (e.g., 'Ms.'" + BARBARA).build(),
                            string("honorificSuffix", "The honorific suffix(es) of the User, or suffix in most "
                                    + "Western languages (e.g., 'III'" + BARBARA).build())
                    .build(),
            string("displayName", "The name of the User, suitable for display to end-users. The name SHOULD be "
                    + "the full name of the User being described, if known.").build(),
            string("nickName", "The casual way to address the user in real life, e.g., 'Bob' or 'Bobby' instead "
                    + "of 'Robert'. This attribute SHOULD NOT be used to represent a User's username (e.g., "
                    + "'bjensen' or 'mpepperidge').").build(),
            string("profileUrl", "A fully qualified URL pointing to a page representing the User's online "
                    + "profile.")
                    .type(AttributeType.REFERENCE).referenceTypes("external").build(),
            string("title", "The user's title, such as \"Vice President.\"").build(),
            string("userType", "Used to identify the relationship between the organization and the user. Typical "
                    + "values used might be 'Contractor', 'Employee', 'Intern', 'Temp', 'External', and "
                    + "'Unknown', but any value may be used.").build(),
            string("preferredLanguage", "Indicates the User's preferred written or spoken language. Generally "
                    + "used for selecting a localized user interface; e.g., 'en_US' specifies the language English "
                    + "and country US.").build(),
            string("locale", "Used to indicate the User's default location for purposes of localizing items "
                    + "such as currency, date time format, or numerical representations.").build(),
            string("timezone", "The User's time zone in the 'Olson' time zone database format, e.g., "
                    + "'America/Los_Angeles'.").build(),
            bool("active", "A Boolean value indicating the User's administrative status."),
            string("password", "The User's cleartext password. This attribute is intended to be used as a means "
                    + "to specify an initial password when creating a new User or to reset an existing User's "
                    + "password.")
                    .mutability(Mutability.WRITE_ONLY)
                    .returned(Returned.NEVER)
                    .build(),
            multiComplex("emails", "Email addresses for the user. The value SHOULD be canonicalized by the "
                    + "service provider, e.g., 'bjensen@example.com' instead of 'bjensen@EXAMPLE.COM'. Canonical "
                    + "type values of 'work', 'home', and 'other'.",
                    string("value", "Email addresses for the user. The value SHOULD be canonicalized by the "
                            + "service provider, e.g., 'bjensen@example.com' instead of 'bjensen@EXAMPLE.COM'. "
                            + "Canonical type values of 'work', 'home', and 'other'.").build(),
                    string("display", DISPLAY).build(),
                    string("type", "A label indicating the attribute's function, e.g., 'work' or 'home'.")
                            .canonicalValues("work", "home", "other").build(),
                    primary("the preferred mailing address or primary email address")),
            multiComplex("phoneNumbers", "Phone numbers for the User. The value SHOULD be canonicalized by the "
                    + "service provider according to the format specified in RFC 3966, e.g., "
                    + "'tel:+1-201-555-0123'. Canonical type values of 'work', 'home', 'mobile', 'fax', 'pager', "
                    + "and 'other'.",
                    string("value", "Phone number of the User.").build(),
                    string("display", DISPLAY).build(),
                    string("type", "A label indicating the attribute's function, e.g., 'work', 'home', "
                            + "'mobile'.")
                            .canonicalValues("work", "home", "mobile", "fax", "pager", "other").build(),
                    primary("the preferred phone number or primary phone number")),
            multiComplex("ims", "Instant messaging addresses for the User.",
                    string("value", "Instant messaging address for the User.").build(),
                    string("display", DISPLAY).build(),
                    string("type", "A label indicating the attribute's function, e.g., 'aim', 'gtalk', 'xmpp'.")
                            .canonicalValues("aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo").build(),
                    primary("the preferred messenger or primary messenger")),
            multiComplex("photos", "URLs of photos of the User.",
                    string("value", "URL of a photo of the User.")
                            .type(AttributeType.REFERENCE).referenceTypes("external").build(),
                    string("display", DISPLAY).build(),
                    string("type", "A label indicating the attribute's function, i.e., 'photo' or 'thumbnail'.")
                            .canonicalValues("photo", "thumbnail").build(),
                    primary("the preferred photo or thumbnail")),
            multiComplex("addresses", "A physical mailing address for this User. Canonical type values of "
                    + "'work', 'home', and 'other'. This attribute is a complex type with the following "
                    + "sub-attributes.",
                    string("formatted", "The full mailing address, formatted for display or use with a mailing "
                            + "label. This attribute MAY contain newlines.").build(),
                    string("streetAddress", "The full street address component, which may include house number, "
                            + "street name, P.O. box, and multi-line extended street address information. This "
                            + "attribute MAY contain newlines.").build(),
                    string("locality", "The city or locality component.").build(),
                    string("region", "The state or region component.").build(),
                    string("postalCode", "The zip code or postal code component.").build(),
                    string("country", "The country name component.").build(),
                    string("type", "A label indicating the attribute's function, e.g., 'work' or 'home'.")
                            .canonicalValues("work", "home", "other").build()),
            AttributeDefinition.builder("groups")
                    .description("A list of groups to which the user belongs, either through direct membership, "
                            + "through nested groups, or dynamically calculated.")
                    .multiValued()
                    .mutability(Mutability.READ_ONLY)
                    .subAttributes(
                            readOnly("value", "The identifier of the User's group.").build(),
                            readOnly("$ref", "The URI of the corresponding 'Group' resource to which the user "
                                    + "belongs.")
                                    .type(AttributeType.REFERENCE).referenceTypes("User", "Group").build(),
                            readOnly("display", DISPLAY).build(),
                            readOnly("type", "A label indicating the attribute's function, e.g., 'direct' or "
                                    + "'indirect'.")
                                    .canonicalValues("direct", "indirect").build())
                    .build(),
            multiComplex("entitlements", "A list of entitlements for the User that represent a thing the User "
                    + "has.",
                    string("value", "The value of an entitlement.").build(),
                    string("display", DISPLAY).build(),
                    string("type", FUNCTION).build(),
                    primary(null)),
            multiComplex("roles", "A list of roles for the User that collectively represent who the User is, "
                    + "e.g., 'Student', 'Faculty'.",
                    string("value", "The value of a role.").build(),
                    string("display", DISPLAY).build(),
                    string("type", FUNCTION).build(),
                    primary(null)),
            multiComplex("x509Certificates", "A list of certificates issued to the User.",
                    string("value", "The value of an X.509 certificate.").type(AttributeType.BINARY).build(),
                    string("display", DISPLAY).build(),
                    string("type", FUNCTION).build(),
                    primary(null))));

    /**
     * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User}, RFC 7643 §4.3 as represented in
     * §8.7.1.
     */
    public static final SchemaDefinition ENTERPRISE_USER = new SchemaDefinition(Schemas.ENTERPRISE_USER,
            "EnterpriseUser", "Enterprise User", List.of(
                    string("employeeNumber", "Numeric or alphanumeric identifier assigned to a person, typically "
                            + "based on order of hire or association with an organization.").build(),
                    string("costCenter", "Identifies the name of a cost center.").build(),
                    string("organization", "Identifies the name of an organization.").build(),
                    string("division", "Identifies the name of a division.").build(),
                    string("department", "Identifies the name of a department.").build(),
                    AttributeDefinition.builder("manager")
                            .description("The User's manager. A complex type that optionally allows service "
                                    + "providers to represent organizational hierarchy by referencing the 'id' "
                                    + "attribute of another User.")
                            .subAttributes(
                                    string("value", "The id of the SCIM resource representing the User's manager. "
                                            + "REQUIRED.").build(),
                                    string("$ref", "The URI of the SCIM resource representing the User's "
                                            + "manager. REQUIRED.")
                                            .type(AttributeType.REFERENCE).referenceTypes("User").build(),
                                    readOnly("displayName", "The displayName of the User's manager. OPTIONAL and "
                                            + "READ-ONLY.").build())
                            .build()));

    /** {@code urn:ietf:params:scim:schemas:core:2.0:Group}, RFC 7643 §4.2 as represented in §8.7.1. */
    public static final SchemaDefinition GROUP = new SchemaDefinition(Schemas.GROUP, "Group", "Group", List.of(
            string("displayName", "A human-readable name for the Group. REQUIRED.").build(),
            AttributeDefinition.builder("members")
                    .description("A list of members of the Group.")
                    .multiValued()
                    .subAttributes(
                            immutable("value", "Identifier of the member of this Group.").build(),
                            immutable("$ref", "The URI corresponding to a SCIM resource that is a member of this "
                                    + "Group.")
                                    .type(AttributeType.REFERENCE).referenceTypes("User", "Group").build(),
                            immutable("type", "A label indicating the type of resource, e.g., 'User' or 'Group'.")
                                    .canonicalValues("User", "Group").build())
                    .build()));

    private static final List<SchemaDefinition> ALL = List.of(USER, ENTERPRISE_USER, GROUP);

    private CoreSchemas() {
    }

    /** {@link #USER}, {@link #ENTERPRISE_USER} and {@link #GROUP}, in that order. */
    public static List<SchemaDefinition> all() {
        return ALL;
    }

    /**
     * The schema among {@link #all()} whose id is {@code urn}, ignoring case: RFC 7643 §2.1 makes attribute names
     * case-insensitive and clients carry that over to the schema URN that prefixes a fully qualified attribute
     * (RFC 7644 §3.10). Empty for {@code null} or an unknown URN.
     */
    public static Optional<SchemaDefinition> byId(String urn) {
        if (urn == null) {
            return Optional.empty();
        }
        return ALL.stream().filter(schema -> schema.id().equalsIgnoreCase(urn)).findFirst();
    }

    // The helpers below start from the characteristics most §8.7.1 entries share (readWrite, returned default,
    // uniqueness none, caseExact false), so each definition above spells out only where it departs from them.

    private static AttributeDefinition.Builder string(String name, String description) {
        return AttributeDefinition.builder(name).description(description);
    }

    private static AttributeDefinition.Builder readOnly(String name, String description) {
        return string(name, description).mutability(Mutability.READ_ONLY);
    }

    private static AttributeDefinition.Builder immutable(String name, String description) {
        return string(name, description).mutability(Mutability.IMMUTABLE);
    }

    private static AttributeDefinition bool(String name, String description) {
        return AttributeDefinition.builder(name).type(AttributeType.BOOLEAN).description(description).build();
    }

    /** The {@code primary} sub-attribute; §8.7.1 words its description per attribute, {@code example} may be null. */
    private static AttributeDefinition primary(String example) {
        return bool("primary", "A Boolean value indicating the 'primary' or preferred attribute value for this "
                + "attribute" + (example == null ? "" : ", e.g., " + example) + ". The primary attribute value "
                + "'true' MUST appear no more than once.");
    }

    private static AttributeDefinition multiComplex(String name, String description, AttributeDefinition... subs) {
        return AttributeDefinition.builder(name).description(description).multiValued().subAttributes(subs).build();
    }
}
