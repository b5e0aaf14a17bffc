package dev.dirsync.model;

import java.util.Locale;

import dev.dirsync.scim.filter.CompareOp;
import dev.dirsync.scim.filter.Filter;
import dev.dirsync.scim.filter.Filters;
import dev.dirsync.scim.filter.PatchPath;
import dev.dirsync.scim.protocol.Schemas;

/**
 * Where in a SCIM resource a mapped value lives, as written in a {@code kc.scim.schema.attribute} annotation:
 * {@code attr}, {@code attr.sub}, or {@code attr[type eq "x"].sub} (one typed value of a multi-valued attribute).
 *
 * @param schema       schema URN of the attribute (the core User schema when the annotation has no prefix)
 * @param attribute    top-level attribute name as written
 * @param type         the {@code type} a multi-valued value must have, or {@code null}
 * @param subAttribute sub-attribute name, or {@code null}
 */
public record ScimPath(String schema, String attribute, String type, String subAttribute) {

    /**
     * Parses an annotation value.
     *
     * @throws IllegalArgumentException when it is not one of the three supported forms
     */
    public static ScimPath parse(String text) {
        PatchPath path;
        try {
            path = Filters.parsePath(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a SCIM attribute path", e);
        }
        String schema = path.attribute().schema() == null ? Schemas.USER : path.attribute().schema();
        if (path.valueFilter() == null) {
            return new ScimPath(schema, path.attribute().attribute(), null, path.attribute().subAttribute());
        }
        if (!(path.valueFilter() instanceof Filter.Compare compare) || compare.op() != CompareOp.EQ
                || !"type".equalsIgnoreCase(compare.path().attribute()) || compare.path().subAttribute() != null
                || !compare.value().isTextual() || path.subAttribute() == null) {
            throw new IllegalArgumentException("'" + text + "': only value filters of the form "
                    + "attribute[type eq \"x\"].subAttribute are supported in mappings");
        }
        return new ScimPath(schema, path.attribute().attribute(), compare.value().asText(), path.subAttribute());
    }

    public static ScimPath core(String attribute, String subAttribute) {
        return new ScimPath(Schemas.USER, attribute, null, subAttribute);
    }

    /** Whether this path is in the core User schema (not an extension). */
    public boolean isCore() {
        return Schemas.USER.equalsIgnoreCase(schema);
    }

    /** Case-insensitive identity of the path, e.g. {@code urn:…:user:phonenumbers[type eq "work"].value}. */
    public String key() {
        return toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (!isCore()) {
            s.append(schema).append(':');
        }
        s.append(attribute);
        if (type != null) {
            s.append("[type eq \"").append(type).append("\"]");
        }
        if (subAttribute != null) {
            s.append('.').append(subAttribute);
        }
        return s.toString();
    }
}
