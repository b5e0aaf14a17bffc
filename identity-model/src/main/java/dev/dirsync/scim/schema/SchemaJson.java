package dev.dirsync.scim.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.scim.protocol.Schemas;
import java.util.List;
import java.util.Objects;

/**
 * JSON representations of the discovery resources: a {@code Schema} (RFC 7643 §7, as in §8.7.1) and a
 * {@code ResourceType} (RFC 7643 §6, as in §8.6). Every call builds a new tree the caller may modify.
 */
public final class SchemaJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SchemaJson() {
    }

    /**
     * The {@code Schema} resource describing {@code schema} (RFC 7643 §7): {@code schemas}, {@code id},
     * {@code name}, {@code description}, {@code attributes} and {@code meta}. Each attribute carries all of
     * {@code name}, {@code type}, {@code multiValued}, {@code description}, {@code required}, {@code caseExact},
     * {@code mutability}, {@code returned} and {@code uniqueness}; {@code subAttributes}, {@code canonicalValues}
     * and {@code referenceTypes} appear only when non-empty. A {@code null} schema name or description is left out
     * (both are OPTIONAL in §7).
     *
     * @param location the absolute URL of this resource, for {@code meta.location}
     */
    public static ObjectNode schema(SchemaDefinition schema, String location) {
        Objects.requireNonNull(schema, "schema");
        ObjectNode node = JSON.objectNode();
        node.putArray("schemas").add(Schemas.SCHEMA);
        node.put("id", schema.id());
        putIfPresent(node, "name", schema.name());
        putIfPresent(node, "description", schema.description());
        node.set("attributes", attributes(schema.attributes()));
        node.set("meta", meta("Schema", location));
        return node;
    }

    /**
     * The {@code ResourceType} resource describing {@code type} (RFC 7643 §6): {@code schemas}, {@code id},
     * {@code name}, {@code endpoint}, {@code description}, {@code schema} (the core schema's URN),
     * {@code schemaExtensions} and {@code meta}. {@code schemaExtensions} is left out when the type has none, as
     * for Group in RFC 7643 Figure 8; a {@code null} description is left out (OPTIONAL in §6).
     *
     * @param location the absolute URL of this resource, for {@code meta.location}
     */
    public static ObjectNode resourceType(ResourceTypeDefinition type, String location) {
        Objects.requireNonNull(type, "type");
        ObjectNode node = JSON.objectNode();
        node.putArray("schemas").add(Schemas.RESOURCE_TYPE);
        node.put("id", type.id());
        node.put("name", type.name());
        node.put("endpoint", type.endpoint());
        putIfPresent(node, "description", type.description());
        node.put("schema", type.schema().id());
        if (!type.extensions().isEmpty()) {
            ArrayNode extensions = node.putArray("schemaExtensions");
            for (ResourceTypeDefinition.Extension extension : type.extensions()) {
                extensions.addObject()
                        .put("schema", extension.schema().id())
                        .put("required", extension.required());
            }
        }
        node.set("meta", meta("ResourceType", location));
        return node;
    }

    private static ArrayNode attributes(List<AttributeDefinition> definitions) {
        ArrayNode array = JSON.arrayNode();
        definitions.forEach(definition -> array.add(attribute(definition)));
        return array;
    }

    private static ObjectNode attribute(AttributeDefinition attribute) {
        ObjectNode node = JSON.objectNode();
        node.put("name", attribute.name());
        node.put("type", attribute.type().scimName());
        node.put("multiValued", attribute.multiValued());
        putIfPresent(node, "description", attribute.description());
        node.put("required", attribute.required());
        node.put("caseExact", attribute.caseExact());
        node.put("mutability", attribute.mutability().scimName());
        node.put("returned", attribute.returned().scimName());
        node.put("uniqueness", attribute.uniqueness().scimName());
        if (!attribute.subAttributes().isEmpty()) {
            node.set("subAttributes", attributes(attribute.subAttributes()));
        }
        putIfNotEmpty(node, "canonicalValues", attribute.canonicalValues());
        putIfNotEmpty(node, "referenceTypes", attribute.referenceTypes());
        return node;
    }

    private static ObjectNode meta(String resourceType, String location) {
        Objects.requireNonNull(location, "location");
        return JSON.objectNode().put("resourceType", resourceType).put("location", location);
    }

    // ObjectNode.put(name, null) would write an explicit JSON null, which RFC 7643 §2.5 treats as unassigned
    // anyway; leaving the member out keeps the documents as the RFC's figures show them.
    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static void putIfNotEmpty(ObjectNode node, String name, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(name);
            values.forEach(array::add);
        }
    }
}
