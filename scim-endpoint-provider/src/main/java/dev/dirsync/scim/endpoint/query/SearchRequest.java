package dev.dirsync.scim.endpoint.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.scim.endpoint.ScimLimits;
import dev.dirsync.scim.endpoint.ScimRequest;
import dev.dirsync.scim.filter.AttributePath;
import dev.dirsync.scim.filter.Filter;
import dev.dirsync.scim.filter.Filters;
import dev.dirsync.scim.protocol.ScimJson;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.protocol.Schemas;

/**
 * A list or search request (RFC 7644 §3.4.2 query parameters, or a §3.4.3 {@code SearchRequest} body).
 * {@code startIndex} below 1 means 1; {@code count} is capped at the advertised maximum and defaults to it.
 */
public record SearchRequest(Filter filter, AttributePath sortBy, boolean descending, int startIndex, int count,
        List<String> attributes, List<String> excludedAttributes) {

    public static SearchRequest fromQuery(ScimRequest request, ScimLimits limits) {
        return of(request.queryParameter("filter"), request.queryParameter("sortBy"),
                request.queryParameter("sortOrder"), request.queryParameter("startIndex"),
                request.queryParameter("count"), split(request.queryParameter("attributes")),
                split(request.queryParameter("excludedAttributes")), limits);
    }

    public static SearchRequest fromBody(JsonNode body, ScimLimits limits) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("A search needs a SearchRequest body");
        }
        JsonNode schemas = ScimJson.get(body, "schemas");
        boolean declared = false;
        if (schemas != null && schemas.isArray()) {
            for (JsonNode s : schemas) {
                declared |= Schemas.SEARCH_REQUEST.equals(s.asText());
            }
        }
        if (!declared) {
            throw ScimException.invalidSyntax("The body's schemas must contain " + Schemas.SEARCH_REQUEST);
        }
        return of(text(body, "filter"), text(body, "sortBy"), text(body, "sortOrder"), text(body, "startIndex"),
                text(body, "count"), list(body, "attributes"), list(body, "excludedAttributes"), limits);
    }

    private static SearchRequest of(String filter, String sortBy, String sortOrder, String startIndex, String count,
            List<String> attributes, List<String> excluded, ScimLimits limits) {
        Filter parsed = filter == null || filter.isBlank() ? null : Filters.parse(filter);
        AttributePath sort = null;
        if (sortBy != null && !sortBy.isBlank()) {
            try {
                sort = AttributePath.parse(sortBy.trim());
            } catch (ScimException e) {
                throw ScimException.invalidValue("sortBy: " + e.detail());
            }
        }
        boolean descending = false;
        if (sortOrder != null && !sortOrder.isBlank()) {
            if ("descending".equalsIgnoreCase(sortOrder.trim())) {
                descending = true;
            } else if (!"ascending".equalsIgnoreCase(sortOrder.trim())) {
                throw ScimException.invalidValue("sortOrder must be 'ascending' or 'descending'");
            }
        }
        int start = Math.max(1, integer(startIndex, "startIndex", 1));
        int size = Math.min(Math.max(0, integer(count, "count", limits.maxResults())), limits.maxResults());
        return new SearchRequest(parsed, sort, descending, start, size, attributes, excluded);
    }

    private static int integer(String text, String name, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue(name + " must be an integer, got '" + text + "'");
        }
    }

    private static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String text(JsonNode body, String name) {
        JsonNode node = ScimJson.get(body, name);
        if (ScimJson.isAbsent(node)) {
            return null;
        }
        if (!node.isValueNode()) {
            throw ScimException.invalidValue("'" + name + "' must be a single value");
        }
        return node.asText();
    }

    private static List<String> list(JsonNode body, String name) {
        JsonNode node = ScimJson.get(body, name);
        if (ScimJson.isAbsent(node)) {
            return List.of();
        }
        if (node.isTextual()) {
            return split(node.asText());
        }
        if (!node.isArray()) {
            throw ScimException.invalidValue("'" + name + "' must be an array of attribute names");
        }
        List<String> names = new ArrayList<>();
        node.forEach(n -> names.addAll(split(n.asText())));
        return names;
    }
}
