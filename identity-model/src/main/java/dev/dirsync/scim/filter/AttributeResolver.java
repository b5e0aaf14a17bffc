package dev.dirsync.scim.filter;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.protocol.ScimJson;
import dev.dirsync.scim.schema.AttributeDefinition;
import dev.dirsync.scim.schema.AttributeType;
import dev.dirsync.scim.schema.Mutability;
import dev.dirsync.scim.schema.ResourceTypeDefinition;
import dev.dirsync.scim.schema.Returned;
import dev.dirsync.scim.schema.SchemaDefinition;

/**
 * Finds the definition an {@link AttributePath} names in a resource type (RFC 7644 §3.10, "attribute notation"):
 * a schema URN prefix selects the core schema or an extension; without prefix the core schema is searched first,
 * then the extensions in order. Shared by filter evaluation and PATCH so both read paths the same way.
 */
public final class AttributeResolver {

    /**
     * The common attributes of RFC 7643 §3.1, used when the core schema does not define them itself (they belong
     * to every resource but are not part of any schema's attribute list). {@code schemas} is server-managed here,
     * hence readOnly.
     */
    public static final List<AttributeDefinition> COMMON_ATTRIBUTES = List.of(
            AttributeDefinition.builder("id").caseExact().mutability(Mutability.READ_ONLY)
                    .returned(Returned.ALWAYS).build(),
            AttributeDefinition.builder("externalId").caseExact().build(),
            AttributeDefinition.builder("schemas").type(AttributeType.REFERENCE).multiValued()
                    .mutability(Mutability.READ_ONLY).build(),
            AttributeDefinition.builder("meta").mutability(Mutability.READ_ONLY).subAttributes(
                    readOnly("resourceType", AttributeType.STRING),
                    readOnly("created", AttributeType.DATE_TIME),
                    readOnly("lastModified", AttributeType.DATE_TIME),
                    readOnly("location", AttributeType.REFERENCE),
                    readOnly("version", AttributeType.STRING)).build());

    private AttributeResolver() {
    }

    /**
     * Where a path leads.
     *
     * @param schema       the schema holding the attribute (the core schema for common attributes)
     * @param extension    whether {@code schema} is an extension, whose attributes live in an object keyed by its URN
     * @param attribute    the top-level attribute
     * @param subAttribute the sub-attribute, or {@code null}
     */
    public record Resolved(SchemaDefinition schema, boolean extension, AttributeDefinition attribute,
            AttributeDefinition subAttribute) {

        /** The object of {@code resource} holding the attribute, or {@code null} when there is none. */
        public JsonNode holder(JsonNode resource) {
            JsonNode holder = extension ? ScimJson.get(resource, schema.id()) : resource;
            return holder != null && holder.isObject() ? holder : null;
        }
    }

    /**
     * The schema whose URN is the whole of {@code path}. {@link AttributePath#parse} splits
     * {@code urn:...:2.0:User} into schema {@code urn:...:2.0} and attribute {@code User}, so the parts are
     * joined again and compared with the schema ids of {@code type}.
     */
    public static Optional<SchemaDefinition> schemaNamedBy(ResourceTypeDefinition type, AttributePath path) {
        if (path.schema() == null) {
            return Optional.empty();
        }
        return type.schemaById(path.toString());
    }

    /**
     * Resolves {@code path} in {@code type}.
     *
     * @param error builds the exception for an unknown schema, attribute or sub-attribute ({@code invalidFilter} in
     *              filters, {@code invalidPath} in PATCH paths)
     */
    public static Resolved resolve(ResourceTypeDefinition type, AttributePath path,
            Function<String, ScimException> error) {
        Resolved resolved;
        if (path.schema() != null) {
            SchemaDefinition schema = type.schemaById(path.schema()).orElseThrow(() -> error.apply(
                    "Unknown schema '" + path.schema() + "' in '" + path + "'"));
            resolved = inSchema(type, schema, path.attribute()).orElseThrow(() -> error.apply(
                    "Unknown attribute '" + path.attribute() + "' in schema '" + schema.id() + "'"));
        } else {
            resolved = byName(type, path.attribute()).orElseThrow(() -> error.apply(
                    "Unknown attribute '" + path.attribute() + "'"));
        }
        if (path.subAttribute() == null) {
            return resolved;
        }
        AttributeDefinition attribute = resolved.attribute();
        AttributeDefinition sub = attribute.subAttribute(path.subAttribute()).orElseThrow(() -> error.apply(
                "Unknown sub-attribute '" + path.subAttribute() + "' of '" + attribute.name() + "'"));
        return new Resolved(resolved.schema(), resolved.extension(), attribute, sub);
    }

    /** A top-level attribute by name: core schema, common attributes, then the extensions in order. */
    public static Optional<Resolved> byName(ResourceTypeDefinition type, String name) {
        Optional<Resolved> core = inSchema(type, type.schema(), name);
        if (core.isPresent()) {
            return core;
        }
        for (ResourceTypeDefinition.Extension extension : type.extensions()) {
            Optional<AttributeDefinition> attribute = extension.schema().attribute(name);
            if (attribute.isPresent()) {
                return Optional.of(new Resolved(extension.schema(), true, attribute.get(), null));
            }
        }
        return Optional.empty();
    }

    /** A top-level attribute of one schema of {@code type}; the core schema also offers the common attributes. */
    public static Optional<Resolved> inSchema(ResourceTypeDefinition type, SchemaDefinition schema, String name) {
        boolean core = schema.id().equalsIgnoreCase(type.schema().id());
        Optional<AttributeDefinition> attribute = schema.attribute(name);
        if (attribute.isEmpty() && core) {
            attribute = COMMON_ATTRIBUTES.stream().filter(a -> a.named(name)).findFirst();
        }
        return attribute.map(a -> new Resolved(schema, !core, a, null));
    }

    private static AttributeDefinition readOnly(String name, AttributeType type) {
        return AttributeDefinition.builder(name).type(type).mutability(Mutability.READ_ONLY).build();
    }
}
