package dev.dirsync.scim;

import java.util.List;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.scim.schema.AttributeDefinition;
import dev.dirsync.scim.schema.AttributeType;
import dev.dirsync.scim.schema.Mutability;
import dev.dirsync.scim.schema.ResourceTypeDefinition;
import dev.dirsync.scim.schema.ResourceTypeDefinition.Extension;
import dev.dirsync.scim.schema.Returned;
import dev.dirsync.scim.schema.SchemaDefinition;
import dev.dirsync.scim.schema.Uniqueness;

/**
 * Small schemas for tests, shaped after RFC 7643 §4 and §8.7 (User, Group, enterprise extension), plus a probe
 * extension holding one attribute of every type and mutability the RFC 7643 schemas lack.
 */
public final class TestSchemas {

    public static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String PROBE = "urn:example:params:scim:schemas:extension:probe:2.0:User";

    public static final SchemaDefinition USER_SCHEMA = new SchemaDefinition(CORE_USER, "User", "User Account", List.of(
            AttributeDefinition.builder("userName").required().uniqueness(Uniqueness.SERVER).build(),
            AttributeDefinition.builder("name").subAttributes(string("formatted"), string("familyName"),
                    string("givenName"), string("middleName"), string("honorificPrefix"),
                    string("honorificSuffix")).build(),
            string("displayName"), string("nickName"),
            AttributeDefinition.builder("profileUrl").type(AttributeType.REFERENCE).referenceTypes("external").build(),
            string("title"), string("userType"), string("preferredLanguage"), string("locale"), string("timezone"),
            AttributeDefinition.builder("active").type(AttributeType.BOOLEAN).build(),
            AttributeDefinition.builder("password").mutability(Mutability.WRITE_ONLY).returned(Returned.NEVER).build(),
            plural("emails", string("value"), string("display"), string("type"), primary()),
            plural("phoneNumbers", string("value"), string("display"), string("type"), primary()),
            plural("ims", string("value"), string("display"), string("type"), primary()),
            plural("addresses", string("formatted"), string("streetAddress"), string("locality"), string("region"),
                    string("postalCode"), string("country"), string("type"), primary()),
            AttributeDefinition.builder("groups").multiValued().mutability(Mutability.READ_ONLY).subAttributes(
                    readOnly("value"), readOnly("$ref"), readOnly("display"), readOnly("type")).build(),
            plural("x509Certificates",
                    AttributeDefinition.builder("value").type(AttributeType.BINARY).build(), string("type"),
                    primary())));

    public static final SchemaDefinition ENTERPRISE_SCHEMA = new SchemaDefinition(ENTERPRISE, "EnterpriseUser",
            "Enterprise User", List.of(string("employeeNumber"), string("costCenter"), string("organization"),
                    string("division"), string("department"),
                    AttributeDefinition.builder("manager").subAttributes(string("value"),
                            AttributeDefinition.builder("$ref").type(AttributeType.REFERENCE).build(),
                            readOnly("displayName")).build()));

    public static final SchemaDefinition PROBE_SCHEMA = new SchemaDefinition(PROBE, "Probe",
            "One attribute per type and mutability", List.of(
                    AttributeDefinition.builder("loginCount").type(AttributeType.INTEGER).build(),
                    AttributeDefinition.builder("score").type(AttributeType.DECIMAL).build(),
                    AttributeDefinition.builder("hiredAt").type(AttributeType.DATE_TIME).build(),
                    AttributeDefinition.builder("badge").type(AttributeType.BINARY).build(),
                    AttributeDefinition.builder("badgeId").mutability(Mutability.IMMUTABLE).build(),
                    AttributeDefinition.builder("tags").multiValued().build(),
                    AttributeDefinition.builder("code").caseExact().build(),
                    AttributeDefinition.builder("lastSeen").type(AttributeType.DATE_TIME)
                            .mutability(Mutability.READ_ONLY).build()));

    public static final SchemaDefinition GROUP_SCHEMA = new SchemaDefinition(CORE_GROUP, "Group", "Group", List.of(
            AttributeDefinition.builder("displayName").required().build(),
            plural("members",
                    AttributeDefinition.builder("value").mutability(Mutability.IMMUTABLE).build(),
                    AttributeDefinition.builder("$ref").type(AttributeType.REFERENCE).referenceTypes("User", "Group")
                            .mutability(Mutability.IMMUTABLE).build(),
                    string("display"),
                    AttributeDefinition.builder("type").canonicalValues("User", "Group")
                            .mutability(Mutability.IMMUTABLE).build())));

    /** Group as RFC 7643 §8.7.1 defines it: members have value, $ref and type, but no display. */
    public static final ResourceTypeDefinition GROUP_WITHOUT_MEMBER_DISPLAY = new ResourceTypeDefinition("Group",
            "Group", "/Groups", "Group", new SchemaDefinition(CORE_GROUP, "Group", "Group", List.of(
                    AttributeDefinition.builder("displayName").required().build(),
                    plural("members", AttributeDefinition.builder("value").mutability(Mutability.IMMUTABLE).build(),
                            AttributeDefinition.builder("$ref").type(AttributeType.REFERENCE)
                                    .mutability(Mutability.IMMUTABLE).build(),
                            AttributeDefinition.builder("type").mutability(Mutability.IMMUTABLE).build()))),
            List.of());

    public static final ResourceTypeDefinition USER = new ResourceTypeDefinition("User", "User", "/Users",
            "User Account", USER_SCHEMA, List.of(new Extension(ENTERPRISE_SCHEMA, false),
                    new Extension(PROBE_SCHEMA, false)));

    /** The same User with the enterprise extension required. */
    public static final ResourceTypeDefinition USER_REQUIRING_ENTERPRISE = new ResourceTypeDefinition("User",
            "User", "/Users", "User Account", USER_SCHEMA, List.of(new Extension(ENTERPRISE_SCHEMA, true)));

    public static final ResourceTypeDefinition GROUP = new ResourceTypeDefinition("Group", "Group", "/Groups",
            "Group", GROUP_SCHEMA, List.of());

    /** Reads test JSON; single quotes are allowed so that filters with double quotes stay readable. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

    private TestSchemas() {
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("Bad test JSON: " + text, e);
        }
    }

    public static ObjectNode object(String text) {
        return (ObjectNode) json(text);
    }

    /** Babs Jensen of RFC 7643 §8.2, abridged, with enterprise and probe extension values. */
    public static ObjectNode bjensen() {
        return object("""
                {
                  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                              "urn:example:params:scim:schemas:extension:probe:2.0:User"],
                  "id": "2819c223-7f76-453a-919d-413861904646",
                  "externalId": "EXT-701984",
                  "userName": "bjensen@example.com",
                  "name": {"formatted": "Ms. Barbara J Jensen, III", "familyName": "Jensen", "givenName": "Barbara"},
                  "displayName": "Babs Jensen",
                  "nickName": "Babs",
                  "title": "Tour Guide",
                  "userType": "Employee",
                  "locale": "",
                  "active": true,
                  "emails": [
                    {"value": "bjensen@example.com", "type": "work", "primary": true},
                    {"value": "babs@jensen.org", "type": "home"}
                  ],
                  "addresses": [
                    {"type": "work", "streetAddress": "100 Universal City Plaza", "locality": "Hollywood",
                     "region": "CA", "postalCode": "91608", "country": "USA", "primary": true},
                    {"type": "home", "streetAddress": "456 Hollywood Blvd", "locality": "Hollywood",
                     "region": "CA", "postalCode": "91608", "country": "USA"}
                  ],
                  "phoneNumbers": [
                    {"value": "555-555-5555", "type": "work"},
                    {"value": "555-555-4444", "type": "mobile"}
                  ],
                  "meta": {"resourceType": "User", "created": "2010-01-23T04:56:22Z",
                           "lastModified": "2011-05-13T04:42:34Z", "version": "W/\\"a330bc54f0671c9\\"",
                           "location": "https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646"},
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                    "employeeNumber": "701984", "costCenter": "4130", "organization": "Universal Studios",
                    "division": "Theme Park", "department": "Tour Operations",
                    "manager": {"value": "26118915-6090-4610-87e4-49d8ca9f808d",
                                "$ref": "../Users/26118915-6090-4610-87e4-49d8ca9f808d", "displayName": "John Smith"}
                  },
                  "urn:example:params:scim:schemas:extension:probe:2.0:User": {
                    "loginCount": 42, "score": 4.5, "hiredAt": "2010-01-23T04:56:22Z", "badge": "QUJD",
                    "badgeId": "B-1", "tags": ["blue", "Green"], "code": "AbC", "lastSeen": "2024-01-01T00:00:00Z"
                  }
                }
                """);
    }

    /** The group of RFC 7644 §3.5.2, with one member. */
    public static ObjectNode tourGuides() {
        return object("""
                {
                  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                  "id": "acbf3ae7-8463-4692-b4fd-9b4da3f908ce",
                  "displayName": "Tour Guides",
                  "members": [
                    {"value": "902c246b-6245-4190-8e05-00816be7344a", "display": "Mandy Pepperidge",
                     "$ref": "https://example.com/v2/Users/902c246b-6245-4190-8e05-00816be7344a"}
                  ]
                }
                """);
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder(name).build();
    }

    private static AttributeDefinition readOnly(String name) {
        return AttributeDefinition.builder(name).mutability(Mutability.READ_ONLY).build();
    }

    private static AttributeDefinition primary() {
        return AttributeDefinition.builder("primary").type(AttributeType.BOOLEAN).build();
    }

    private static AttributeDefinition plural(String name, AttributeDefinition... subs) {
        return AttributeDefinition.builder(name).multiValued().subAttributes(subs).build();
    }
}
