package dev.dirsync.scim.filter;

import java.util.Locale;

import dev.dirsync.scim.protocol.ScimException;

/**
 * {@code [URI ":"] ATTRNAME ["." subAttr]} of RFC 7644 §3.4.2.2, as written by the client. Names compare
 * case-insensitively (RFC 7643 §2.1); use {@link #key()} for lookups.
 *
 * @param schema       the schema URN prefix, or {@code null}
 * @param attribute    the attribute name
 * @param subAttribute the sub-attribute name, or {@code null}
 */
public record AttributePath(String schema, String attribute, String subAttribute) {

    public AttributePath {
        if (attribute == null || attribute.isEmpty()) {
            throw new IllegalArgumentException("attribute is required");
        }
    }

    public static AttributePath of(String attribute) {
        return new AttributePath(null, attribute, null);
    }

    /**
     * Splits one written path. The schema URN ends at the last ':' (URNs contain ':' and '.'), the sub-attribute
     * starts at the first '.' after it.
     *
     * @throws ScimException {@code invalidPath} when the text is not an attribute path
     */
    public static AttributePath parse(String text) {
        String schema = null;
        String rest = text;
        int colon = text.lastIndexOf(':');
        if (colon >= 0) {
            if (!text.regionMatches(true, 0, "urn:", 0, 4) || colon == text.length() - 1) {
                throw ScimException.invalidPath("'" + text + "' is not an attribute path");
            }
            schema = text.substring(0, colon);
            rest = text.substring(colon + 1);
        }
        int dot = rest.indexOf('.');
        String attribute = dot < 0 ? rest : rest.substring(0, dot);
        String sub = dot < 0 ? null : rest.substring(dot + 1);
        if (attribute.isEmpty() || (sub != null && (sub.isEmpty() || sub.indexOf('.') >= 0))) {
            throw ScimException.invalidPath("'" + text + "' is not an attribute path");
        }
        return new AttributePath(schema, attribute, sub);
    }

    public AttributePath withSubAttribute(String sub) {
        return new AttributePath(schema, attribute, sub);
    }

    public AttributePath withoutSubAttribute() {
        return new AttributePath(schema, attribute, null);
    }

    /** Lower-cased {@code attribute[.subAttribute]} without the schema, for case-insensitive lookups. */
    public String key() {
        String name = subAttribute == null ? attribute : attribute + "." + subAttribute;
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        String name = subAttribute == null ? attribute : attribute + "." + subAttribute;
        return schema == null ? name : schema + ":" + name;
    }
}
