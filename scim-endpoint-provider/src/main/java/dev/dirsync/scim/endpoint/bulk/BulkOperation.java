package dev.dirsync.scim.endpoint.bulk;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.scim.protocol.ScimJson;
import dev.dirsync.scim.protocol.ScimException;

/** One operation of a BulkRequest (RFC 7644 §3.7). */
record BulkOperation(String method, String bulkId, String version, String path, JsonNode data) {

    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    static BulkOperation parse(JsonNode op) {
        if (!op.isObject()) {
            throw ScimException.invalidSyntax("Every bulk operation must be an object");
        }
        String method = text(op, "method");
        if (method == null || !METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            throw ScimException.invalidSyntax("Bulk operation method must be POST, PUT, PATCH or DELETE, not '"
                    + method + "'");
        }
        method = method.toUpperCase(Locale.ROOT);
        String path = text(op, "path");
        if (path == null || path.isBlank()) {
            throw ScimException.invalidSyntax("Every bulk operation needs a path");
        }
        String bulkId = text(op, "bulkId");
        if ("POST".equals(method) && (bulkId == null || bulkId.isBlank())) {
            throw ScimException.invalidSyntax("A bulk POST needs a bulkId");
        }
        JsonNode data = ScimJson.get(op, "data");
        if (!"DELETE".equals(method) && (data == null || !data.isObject())) {
            throw ScimException.invalidSyntax("Bulk " + method + " " + path + " needs a data object");
        }
        return new BulkOperation(method, bulkId, text(op, "version"), path, data);
    }

    private static String text(JsonNode op, String name) {
        JsonNode node = ScimJson.get(op, name);
        return node == null || !node.isValueNode() || node.isNull() ? null : node.asText();
    }
}
