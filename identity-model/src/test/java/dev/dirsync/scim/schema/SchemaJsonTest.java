package dev.dirsync.scim.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code Schema} (RFC 7643 §7) and {@code ResourceType} (RFC 7643 §6) documents. */
class SchemaJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BASE = "https://sso.example.com/realms/acme/scim/v2";
    private static final String GROUP_LOCATION = BASE + "/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group";

    @Test
    void groupSchema_rendersEveryAttributeWithAllItsCharacteristics() throws Exception {
        ObjectNode json = SchemaJson.schema(CoreSchemas.GROUP, GROUP_LOCATION);

        assertThat(json).isEqualTo(MAPPER.readTree("""
                {
                  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
                  "id": "urn:ietf:params:scim:schemas:core:2.0:Group",
                  "name": "Group",
                  "description": "Group",
                  "attributes": [
                    {
                      "name": "displayName", "type": "string", "multiValued": false,
                      "description": "A human-readable name for the Group. REQUIRED.",
                      "required": false, "caseExact": false, "mutability": "readWrite", "returned": "default",
                      "uniqueness": "none"
                    },
                    {
                      "name": "members", "type": "complex", "multiValued": true,
                      "description": "A list of members of the Group.",
                      "required": false, "caseExact": false, "mutability": "readWrite", "returned": "default",
                      "uniqueness": "none",
                      "subAttributes": [
                        {
                          "name": "value", "type": "string", "multiValued": false,
                          "description": "Identifier of the member of this Group.",
                          "required": false, "caseExact": false, "mutability": "immutable", "returned": "default",
                          "uniqueness": "none"
                        },
                        {
                          "name": "$ref", "type": "reference", "multiValued": false,
                          "description": "The URI corresponding to a SCIM resource that is a member of this Group.",
                          "required": false, "caseExact": false, "mutability": "immutable", "returned": "default",
                          "uniqueness": "none", "referenceTypes": ["User", "Group"]
                        },
                        {
                          "name": "type", "type": "string", "multiValued": false,
                          "description": "A label indicating the type of resource, e.g., 'User' or 'Group'.",
                          "required": false, "caseExact": false, "mutability": "immutable", "returned": "default",
                          "uniqueness": "none", "canonicalValues": ["User", "Group"]
                        }
                      ]
                    }
                  ],
                  "meta": {
                    "resourceType": "Schema",
                    "location": "https://sso.example.com/realms/acme/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group"
                  }
                }
                """));
    }

    @Test
    void schema_membersComeInTheOrderOfRfc7643Section7() {
        ObjectNode json = SchemaJson.schema(CoreSchemas.USER, BASE + "/Schemas/" + CoreSchemas.USER.id());

        assertThat(json.fieldNames()).toIterable()
                .containsExactly("schemas", "id", "name", "description", "attributes", "meta");
        assertThat(json.get("attributes").get(0).fieldNames()).toIterable()
                .containsExactly("name", "type", "multiValued", "description", "required", "caseExact",
                        "mutability", "returned", "uniqueness");
    }

    @ParameterizedTest(name = "{0}.{1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            userName               | required        | true
            userName               | uniqueness      | "server"
            userName               | caseExact       | false
            userName               | type            | "string"
            password               | mutability      | "writeOnly"
            password               | returned        | "never"
            active                 | type            | "boolean"
            emails                 | multiValued     | true
            emails                 | type            | "complex"
            emails.type            | canonicalValues | ["work", "home", "other"]
            emails.primary         | type            | "boolean"
            profileUrl             | referenceTypes  | ["external"]
            groups                 | mutability      | "readOnly"
            groups.$ref            | referenceTypes  | ["User", "Group"]
            x509Certificates.value | type            | "binary"
            name                   | multiValued     | false
            """)
    void userSchema_rendersTheRfcCharacteristic(String path, String field, String expected) throws Exception {
        JsonNode attribute = attributeAt(SchemaJson.schema(CoreSchemas.USER, "loc"), path);

        assertThat(attribute.get(field)).isEqualTo(MAPPER.readTree(expected));
    }

    @Test
    void userSchema_listsSubAttributesOfComplexAttributes() {
        JsonNode emails = attributeAt(SchemaJson.schema(CoreSchemas.USER, "loc"), "emails");

        assertThat(emails.get("subAttributes").findValuesAsText("name"))
                .containsExactly("value", "display", "type", "primary");
    }

    @ParameterizedTest(name = "{0} has no {1}")
    @CsvSource(delimiter = '|', textBlock = """
            userName              | subAttributes
            userName              | canonicalValues
            userName              | referenceTypes
            emails                | canonicalValues
            emails                | referenceTypes
            emails.value          | referenceTypes
            roles.type            | canonicalValues
            x509Certificates.type | canonicalValues
            entitlements.type     | canonicalValues
            """)
    void userSchema_leavesOutEmptyLists(String path, String field) {
        assertThat(attributeAt(SchemaJson.schema(CoreSchemas.USER, "loc"), path).has(field)).isFalse();
    }

    @Test
    void enterpriseSchema_rendersManagerAsTheRfcDefinesIt() throws Exception {
        JsonNode manager = attributeAt(SchemaJson.schema(CoreSchemas.ENTERPRISE_USER, "loc"), "manager");

        assertThat(manager.get("type").asText()).isEqualTo("complex");
        assertThat(manager.get("multiValued").asBoolean()).isFalse();
        assertThat(manager.get("subAttributes")).isEqualTo(MAPPER.readTree("""
                [
                  {"name": "value", "type": "string", "multiValued": false,
                   "description": "The id of the SCIM resource representing the User's manager. REQUIRED.",
                   "required": false, "caseExact": false, "mutability": "readWrite", "returned": "default",
                   "uniqueness": "none"},
                  {"name": "$ref", "type": "reference", "multiValued": false,
                   "description": "The URI of the SCIM resource representing the User's manager. REQUIRED.",
                   "required": false, "caseExact": false, "mutability": "readWrite", "returned": "default",
                   "uniqueness": "none", "referenceTypes": ["User"]},
                  {"name": "displayName", "type": "string", "multiValued": false,
                   "description": "The displayName of the User's manager. OPTIONAL and READ-ONLY.",
                   "required": false, "caseExact": false, "mutability": "readOnly", "returned": "default",
                   "uniqueness": "none"}
                ]
                """));
    }

    @Test
    void schemaWithoutNameOrDescription_leavesThemOut() {
        SchemaDefinition bare = new SchemaDefinition("urn:example:bare", null, null,
                List.of(AttributeDefinition.builder("x").description(null).build()));

        ObjectNode json = SchemaJson.schema(bare, "loc");

        assertThat(json.has("name")).isFalse();
        assertThat(json.has("description")).isFalse();
        assertThat(json.get("attributes").get(0).has("description")).isFalse();
        assertThat(json.get("id").asText()).isEqualTo("urn:example:bare");
    }

    @Test
    void userResourceType_withEnterpriseExtension_rendersRfc7643Section6() throws Exception {
        ResourceTypeDefinition users = new ResourceTypeDefinition("User", "User", "/Users", "User Account",
                CoreSchemas.USER, List.of(new ResourceTypeDefinition.Extension(CoreSchemas.ENTERPRISE_USER, false)));

        ObjectNode json = SchemaJson.resourceType(users, BASE + "/ResourceTypes/User");

        assertThat(json).isEqualTo(MAPPER.readTree("""
                {
                  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
                  "id": "User",
                  "name": "User",
                  "endpoint": "/Users",
                  "description": "User Account",
                  "schema": "urn:ietf:params:scim:schemas:core:2.0:User",
                  "schemaExtensions": [
                    {"schema": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "required": false}
                  ],
                  "meta": {
                    "resourceType": "ResourceType",
                    "location": "https://sso.example.com/realms/acme/scim/v2/ResourceTypes/User"
                  }
                }
                """));
        assertThat(json.fieldNames()).toIterable().containsExactly("schemas", "id", "name", "endpoint",
                "description", "schema", "schemaExtensions", "meta");
    }

    @Test
    void requiredExtension_rendersRequiredTrue() {
        ResourceTypeDefinition users = new ResourceTypeDefinition("User", "User", "/Users", "User Account",
                CoreSchemas.USER, List.of(new ResourceTypeDefinition.Extension(CoreSchemas.ENTERPRISE_USER, true)));

        JsonNode extension = SchemaJson.resourceType(users, "loc").get("schemaExtensions").get(0);

        assertThat(extension.get("required").isBoolean()).isTrue();
        assertThat(extension.get("required").asBoolean()).isTrue();
    }

    @Test
    void groupResourceType_withoutExtensions_hasNoSchemaExtensions() throws Exception {
        ResourceTypeDefinition groups = new ResourceTypeDefinition("Group", "Group", "/Groups", "Group",
                CoreSchemas.GROUP, List.of());

        ObjectNode json = SchemaJson.resourceType(groups, BASE + "/ResourceTypes/Group");

        assertThat(json).isEqualTo(MAPPER.readTree("""
                {
                  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
                  "id": "Group",
                  "name": "Group",
                  "endpoint": "/Groups",
                  "description": "Group",
                  "schema": "urn:ietf:params:scim:schemas:core:2.0:Group",
                  "meta": {
                    "resourceType": "ResourceType",
                    "location": "https://sso.example.com/realms/acme/scim/v2/ResourceTypes/Group"
                  }
                }
                """));
    }

    @Test
    void resourceTypeWithoutDescription_leavesItOut() {
        ResourceTypeDefinition groups = new ResourceTypeDefinition("Group", "Group", "/Groups", null,
                CoreSchemas.GROUP, List.of());

        assertThat(SchemaJson.resourceType(groups, "loc").has("description")).isFalse();
    }

    @Test
    void eachCall_returnsAFreshTree() {
        ObjectNode first = SchemaJson.schema(CoreSchemas.GROUP, "loc");
        first.withArray("attributes").removeAll();

        ObjectNode second = SchemaJson.schema(CoreSchemas.GROUP, "loc");

        assertThat(second.get("attributes")).hasSize(2);
    }

    @Test
    void nullLocation_isRejected() {
        assertThatThrownBy(() -> SchemaJson.schema(CoreSchemas.GROUP, null))
                .isInstanceOf(NullPointerException.class);
        ResourceTypeDefinition groups = new ResourceTypeDefinition("Group", "Group", "/Groups", "Group",
                CoreSchemas.GROUP, List.of());
        assertThatThrownBy(() -> SchemaJson.resourceType(groups, null)).isInstanceOf(NullPointerException.class);
    }

    /** The rendered attribute at {@code name} or {@code name.sub}. */
    private static JsonNode attributeAt(JsonNode schemaJson, String path) {
        String[] parts = path.split("\\.");
        JsonNode attribute = byName(schemaJson.get("attributes"), parts[0]);
        return parts.length == 1 ? attribute : byName(attribute.get("subAttributes"), parts[1]);
    }

    private static JsonNode byName(JsonNode array, String name) {
        for (JsonNode node : array) {
            if (node.get("name").asText().equals(name)) {
                return node;
            }
        }
        throw new AssertionError("no attribute " + name + " in " + array);
    }
}
