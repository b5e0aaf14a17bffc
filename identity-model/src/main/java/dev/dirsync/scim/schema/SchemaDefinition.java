package dev.dirsync.scim.schema;

import java.util.List;
import java.util.Optional;

/** A SCIM schema (RFC 7643 §7): URN id, name, description and top-level attributes. Immutable. */
public record SchemaDefinition(String id, String name, String description, List<AttributeDefinition> attributes) {

    public SchemaDefinition {
        attributes = List.copyOf(attributes);
    }

    /** The top-level attribute called {@code name} (case-insensitive). */
    public Optional<AttributeDefinition> attribute(String name) {
        return attributes.stream().filter(a -> a.named(name)).findFirst();
    }

    public SchemaDefinition withAttributes(List<AttributeDefinition> kept) {
        return new SchemaDefinition(id, name, description, kept);
    }
}
