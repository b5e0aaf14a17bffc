package dev.dirsync.scim.protocol;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** SCIM attribute names are case-insensitive (RFC 7643 §2.1): field lookups that honour that. */
public final class JsonFields {

    private JsonFields() {
    }

    /** The field of {@code object} called {@code name} in any case, or {@code null}. Exact case wins. */
    public static JsonNode get(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }

    /** The actual key under which {@code name} is present in any case, or {@code null}. */
    public static String key(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (key.equalsIgnoreCase(name)) {
                return key;
            }
        }
        return null;
    }

    /** Whether the node is absent or JSON {@code null}. */
    public static boolean isMissing(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }
}
