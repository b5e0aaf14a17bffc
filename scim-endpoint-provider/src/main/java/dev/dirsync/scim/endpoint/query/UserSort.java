package dev.dirsync.scim.endpoint.query;

import java.util.List;
import java.util.Locale;

import dev.dirsync.model.AttributeMapping;
import dev.dirsync.model.IdentityModel;
import dev.dirsync.scim.filter.AttributePath;
import dev.dirsync.scim.protocol.ScimException;

/**
 * {@code sortBy} on Users as a JPQL order-by list; ties are broken by id so pages never overlap. Usernames are
 * unique in a realm, so an order by username needs no tie-breaker, which lets the database walk its
 * (realm, username) index instead of sorting the realm for every page.
 */
public final class UserSort {

    private UserSort() {
    }

    public static String orderBy(AttributePath sortBy, boolean descending, IdentityModel model, Jpql jpql) {
        String direction = descending ? " desc" : " asc";
        if (sortBy == null) {
            return "u.username asc";
        }
        String expression = expression(sortBy, model, jpql);
        if ("u.username".equals(expression)) {
            return expression + direction;
        }
        return expression + direction + " nulls last, u.id asc";
    }

    private static String expression(AttributePath path, IdentityModel model, Jpql jpql) {
        String name = path.attribute().toLowerCase(Locale.ROOT);
        String sub = path.subAttribute() == null ? null : path.subAttribute().toLowerCase(Locale.ROOT);
        if ("id".equals(name)) {
            return "u.id";
        }
        if ("meta".equals(name) && "created".equals(sub)) {
            return "u.createdTimestamp";
        }
        if ("meta".equals(name) && "lastmodified".equals(sub)) {
            return "coalesce(u.lastModifiedTimestamp, u.createdTimestamp)";
        }
        List<AttributeMapping> mappings = model.userMappingsFor(path);
        if (mappings.isEmpty()) {
            throw ScimException.invalidValue("Cannot sort by '" + path + "': the realm does not store it");
        }
        AttributeMapping mapping = mappings.get(0);
        switch (mapping.storage()) {
            case USERNAME:
                return "u.username";
            case EMAIL:
                return "u.email";
            case FIRST_NAME:
                return "lower(u.firstName)";
            case LAST_NAME:
                return "lower(u.lastName)";
            case ENABLED:
                return "u.enabled";
            default:
                String value = mapping.leaf().caseExact() ? "a.value" : "lower(a.value)";
                return "(select min(" + value + ") from UserAttributeEntity a where a.user.id = u.id and a.name = "
                        + jpql.bind(mapping.userAttribute()) + ")";
        }
    }
}
