package dev.dirsync.scim.endpoint.query;

import java.util.Locale;

import dev.dirsync.scim.filter.AttributePath;
import dev.dirsync.scim.protocol.ScimException;

/** {@code sortBy} on Groups as a JPQL order-by list. */
public final class GroupSort {

    private GroupSort() {
    }

    public static String orderBy(AttributePath sortBy, boolean descending) {
        if (sortBy == null) {
            return "lower(g.name) asc, g.id asc";
        }
        String name = sortBy.attribute().toLowerCase(Locale.ROOT);
        String sub = sortBy.subAttribute() == null ? null : sortBy.subAttribute().toLowerCase(Locale.ROOT);
        String expression;
        if ("displayname".equals(name)) {
            expression = "lower(g.name)";
        } else if ("id".equals(name)) {
            expression = "g.id";
        } else if ("meta".equals(name) && "created".equals(sub)) {
            expression = "g.createdTimestamp";
        } else if ("meta".equals(name) && "lastmodified".equals(sub)) {
            expression = "coalesce(g.lastModifiedTimestamp, g.createdTimestamp)";
        } else {
            throw ScimException.invalidValue("Cannot sort groups by '" + sortBy + "'");
        }
        return expression + (descending ? " desc" : " asc") + " nulls last, g.id asc";
    }
}
