package dev.dirsync.scim.protocol;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.scim.filter.AttributePath;

/**
 * The {@code attributes} / {@code excludedAttributes} parameters (RFC 7644 §3.4.2.5, §3.9): which attributes a
 * response carries. {@code id} and {@code schemas} are always returned. Immutable.
 */
public final class AttributeProjection {

    public static final AttributeProjection ALL = new AttributeProjection(List.of(), List.of());

    private final List<AttributePath> included;
    private final List<AttributePath> excluded;

    private AttributeProjection(List<AttributePath> included, List<AttributePath> excluded) {
        this.included = included;
        this.excluded = excluded;
    }

    /** @throws ScimException {@code invalidValue} for a name that is not an attribute path */
    public static AttributeProjection of(List<String> attributes, List<String> excludedAttributes) {
        return new AttributeProjection(parse(attributes), parse(excludedAttributes));
    }

    private static List<AttributePath> parse(List<String> names) {
        List<AttributePath> paths = new ArrayList<>();
        for (String name : names) {
            try {
                // Lenient: a value path such as emails[type eq "work"] names the attribute emails.
                dev.dirsync.scim.filter.PatchPath path = dev.dirsync.scim.filter.Filters.parsePath(name);
                paths.add(path.valueFilter() == null ? path.attribute()
                        : path.attribute().withSubAttribute(path.subAttribute()));
            } catch (ScimException e) {
                throw ScimException.invalidValue("'" + name + "' is not an attribute name");
            }
        }
        return List.copyOf(paths);
    }

    /**
     * Whether the top-level attribute {@code name} (of schema {@code schema}, {@code null} for the core schema) is
     * returned, so callers can skip computing expensive attributes such as a group's {@code members}.
     */
    public boolean includes(String schema, String name) {
        if (excluded.stream().anyMatch(p -> p.subAttribute() == null && matches(p, schema, name))) {
            return false;
        }
        return included.isEmpty() || included.stream().anyMatch(p -> matches(p, schema, name));
    }

    /** Applies the projection to a resource in place and returns it. */
    public ObjectNode apply(ObjectNode resource) {
        if (included.isEmpty() && excluded.isEmpty()) {
            return resource;
        }
        List<String> remove = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resource.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if ("id".equals(key) || "schemas".equals(key)) {
                continue;
            }
            if (key.regionMatches(true, 0, "urn:", 0, 4) && field.getValue().isObject()) {
                project((ObjectNode) field.getValue(), key);
                if (field.getValue().isEmpty()) {
                    remove.add(key);
                }
                continue;
            }
            if (!keepTop(null, key)) {
                remove.add(key);
            } else {
                projectSubs(field.getValue(), null, key);
                if (emptied(field.getValue())) {
                    remove.add(key);
                }
            }
        }
        remove.forEach(resource::remove);
        return resource;
    }

    private void project(ObjectNode extension, String schema) {
        List<String> remove = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = extension.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!keepTop(schema, field.getKey())) {
                remove.add(field.getKey());
            } else {
                projectSubs(field.getValue(), schema, field.getKey());
                if (emptied(field.getValue())) {
                    remove.add(field.getKey());
                }
            }
        }
        remove.forEach(extension::remove);
    }

    private boolean keepTop(String schema, String name) {
        if (excluded.stream().anyMatch(p -> p.subAttribute() == null && matches(p, schema, name))) {
            return false;
        }
        return included.isEmpty() || included.stream().anyMatch(p -> matches(p, schema, name));
    }

    /** Drops sub-attributes: excluded ones, and with {@code attributes=a.b} the siblings of {@code b}. */
    private void projectSubs(JsonNode value, String schema, String name) {
        List<String> keepOnly = included.stream().filter(p -> matches(p, schema, name) && p.subAttribute() != null)
                .map(p -> p.subAttribute().toLowerCase(Locale.ROOT)).toList();
        boolean wholeIncluded = included.stream().anyMatch(p -> matches(p, schema, name) && p.subAttribute() == null);
        List<String> drop = excluded.stream().filter(p -> matches(p, schema, name) && p.subAttribute() != null)
                .map(p -> p.subAttribute().toLowerCase(Locale.ROOT)).toList();
        if ((keepOnly.isEmpty() || wholeIncluded) && drop.isEmpty()) {
            return;
        }
        List<ObjectNode> objects = new ArrayList<>();
        if (value.isObject()) {
            objects.add((ObjectNode) value);
        } else if (value.isArray()) {
            value.forEach(v -> {
                if (v.isObject()) {
                    objects.add((ObjectNode) v);
                }
            });
        }
        for (ObjectNode object : objects) {
            List<String> remove = new ArrayList<>();
            object.fieldNames().forEachRemaining(sub -> {
                String lower = sub.toLowerCase(Locale.ROOT);
                if (drop.contains(lower) || (!keepOnly.isEmpty() && !wholeIncluded && !keepOnly.contains(lower))) {
                    remove.add(sub);
                }
            });
            remove.forEach(object::remove);
        }
        if (value.isArray()) {
            // values left with no sub-attribute carry nothing: drop them rather than answer [{}]
            for (int i = value.size() - 1; i >= 0; i--) {
                if (value.get(i).isObject() && value.get(i).isEmpty()) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) value).remove(i);
                }
            }
        }
    }

    /**
     * Whether a complex attribute's value lost everything to the projection: an attribute without any value is
     * omitted (RFC 7643 §2.5), never returned as {@code {}} or {@code []}.
     */
    private static boolean emptied(JsonNode value) {
        return (value.isObject() || value.isArray()) && value.isEmpty();
    }

    private static boolean matches(AttributePath path, String schema, String name) {
        if (!path.attribute().equalsIgnoreCase(name)) {
            return false;
        }
        // An unqualified name matches wherever the attribute is; a qualified one only in its schema.
        return path.schema() == null || path.schema().equalsIgnoreCase(schema)
                || (schema == null && isCoreUrn(path.schema()));
    }

    private static boolean isCoreUrn(String urn) {
        return Schemas.USER.equalsIgnoreCase(urn) || Schemas.GROUP.equalsIgnoreCase(urn);
    }
}
