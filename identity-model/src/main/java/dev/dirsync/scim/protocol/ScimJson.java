package dev.dirsync.scim.protocol;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Access to SCIM resources as JSON trees. Attribute names are case-insensitive (RFC 7643 §2.1), so members are
 * looked up ignoring case and written under the canonical name of their definition.
 */
public final class ScimJson {

    private ScimJson() {
    }

    /**
     * The key under which {@code object} holds the member called {@code name}, ignoring case; an exact match wins
     * over a case variant. {@code null} when {@code object} is not an object or has no such member.
     */
    public static String findKey(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        if (object.has(name)) {
            return name;
        }
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            if (member.getKey().equalsIgnoreCase(name)) {
                return member.getKey();
            }
        }
        return null;
    }

    /** The member called {@code name} (case-insensitive), or {@code null} when absent or not an object. */
    public static JsonNode get(JsonNode object, String name) {
        String key = findKey(object, name);
        return key == null ? null : object.get(key);
    }

    /**
     * Sets the member {@code canonicalName}, replacing any case variant of it, so that a resource never holds the
     * same attribute twice under different spellings.
     */
    public static void set(ObjectNode object, String canonicalName, JsonNode value) {
        if (!object.has(canonicalName)) {
            remove(object, canonicalName);
        }
        object.set(canonicalName, value);
    }

    /** Removes every case variant of the member {@code name}. */
    public static void remove(ObjectNode object, String name) {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            if (member.getKey().equalsIgnoreCase(name)) {
                keys.add(member.getKey());
            }
        }
        object.remove(keys);
    }

    /** Whether the member is absent or JSON {@code null} (an empty array or object is present). */
    public static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    /**
     * Whether a value counts as unassigned: absent, {@code null}, an empty array (RFC 7643 §2.5) or, by extension
     * of the same rule to complex values, an object without assigned members.
     */
    public static boolean isUnassigned(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return true;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (!isUnassigned(element)) {
                    return false;
                }
            }
            return true;
        }
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                if (!isUnassigned(member.getValue())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Parses a SCIM {@code dateTime} (RFC 7643 §2.3.5, an xsd:dateTime such as {@code 2008-01-23T04:56:22Z}). A
     * value without offset is read as UTC.
     */
    public static Optional<Instant> parseDateTime(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
