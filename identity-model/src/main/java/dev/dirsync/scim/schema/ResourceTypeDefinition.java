package dev.dirsync.scim.schema;

import java.util.List;
import java.util.Optional;

/**
 * A SCIM resource type (RFC 7643 §6): its core schema and schema extensions, all restricted to what the realm
 * stores. {@code endpoint} is relative to the SCIM base URL, e.g. {@code /Users}.
 */
public record ResourceTypeDefinition(String id, String name, String endpoint, String description,
        SchemaDefinition schema, List<Extension> extensions) {

    public ResourceTypeDefinition {
        extensions = List.copyOf(extensions);
    }

    /** A schema extension of the resource type and whether a resource must carry it. */
    public record Extension(SchemaDefinition schema, boolean required) {
    }

    /** The core schema or an extension, by URN (case-insensitive). */
    public Optional<SchemaDefinition> schemaById(String urn) {
        if (schema.id().equalsIgnoreCase(urn)) {
            return Optional.of(schema);
        }
        return extensions.stream().map(Extension::schema).filter(s -> s.id().equalsIgnoreCase(urn)).findFirst();
    }

    /** Core schema first, then the extensions. */
    public List<SchemaDefinition> allSchemas() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(schema),
                extensions.stream().map(Extension::schema)).toList();
    }
}
