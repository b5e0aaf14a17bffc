package dev.dirsync.scim.filter;

/**
 * A PATCH {@code path} (RFC 7644 §3.5.2): {@code attrPath} or {@code valuePath [subAttr]}.
 *
 * @param attribute    the attribute, with its sub-attribute when there is no value filter
 * @param valueFilter  the filter between brackets, or {@code null}
 * @param subAttribute the sub-attribute after the brackets, or {@code null}
 */
public record PatchPath(AttributePath attribute, Filter valueFilter, String subAttribute) {

    @Override
    public String toString() {
        if (valueFilter == null) {
            return attribute.toString();
        }
        return attribute + "[" + valueFilter + "]" + (subAttribute == null ? "" : "." + subAttribute);
    }
}
