package dev.dirsync.scim.patch;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.scim.protocol.ScimJson;
import dev.dirsync.scim.schema.AttributeDefinition;
import dev.dirsync.scim.schema.AttributeType;

/**
 * Whether two values of an attribute are the same value in SCIM terms: strings ignoring case unless
 * {@code caseExact} (RFC 7643 §2.2), numbers by value, complex values member by member, unassigned equal to
 * unassigned (RFC 7643 §2.5).
 */
final class Equivalence {

    private Equivalence() {
    }

    static boolean same(JsonNode a, JsonNode b, AttributeDefinition attribute) {
        if (ScimJson.isUnassigned(a) || ScimJson.isUnassigned(b)) {
            return ScimJson.isUnassigned(a) && ScimJson.isUnassigned(b);
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i), attribute)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            return attribute.isComplex() ? covers(a, b, attribute) && covers(b, a, attribute) : a.equals(b);
        }
        if (a.isTextual() && b.isTextual()) {
            boolean exact = attribute.caseExact() || attribute.type() == AttributeType.BINARY;
            return exact ? a.asText().equals(b.asText()) : a.asText().equalsIgnoreCase(b.asText());
        }
        if (a.isNumber() && b.isNumber()) {
            try {
                return a.decimalValue().compareTo(b.decimalValue()) == 0;
            } catch (NumberFormatException notFinite) {
                return a.equals(b);
            }
        }
        return a.equals(b);
    }

    /**
     * Whether every assigned member of the complex value {@code candidate} has the same value in {@code existing}:
     * adding {@code candidate} to a multi-valued attribute holding {@code existing} would add nothing new.
     */
    static boolean covers(JsonNode existing, JsonNode candidate, AttributeDefinition complex) {
        if (!existing.isObject() || !candidate.isObject()) {
            return same(existing, candidate, complex);
        }
        for (Map.Entry<String, JsonNode> member : candidate.properties()) {
            if (ScimJson.isUnassigned(member.getValue())) {
                continue;
            }
            AttributeDefinition sub = complex.subAttribute(member.getKey()).orElse(null);
            if (sub == null) {
                if (!member.getValue().equals(ScimJson.get(existing, member.getKey()))) {
                    return false;
                }
            } else if (!same(ScimJson.get(existing, member.getKey()), member.getValue(), sub)) {
                return false;
            }
        }
        return true;
    }
}
