package dev.dirsync.scim.endpoint.query;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.scim.filter.CompareOp;
import dev.dirsync.scim.protocol.ScimException;

/**
 * Comparisons whose left side is known while translating (a value's {@code type}, {@code primary}), folded to
 * {@link Jpql#TRUE} or {@link Jpql#FALSE}.
 */
final class Constants {

    private Constants() {
    }

    static String compareText(String actual, CompareOp op, JsonNode value, String attribute) {
        if (op == null) {
            return actual != null && !actual.isEmpty() ? Jpql.TRUE : Jpql.FALSE;
        }
        if (!value.isTextual()) {
            throw ScimException.invalidFilter("'" + attribute + "' must be compared with a string");
        }
        if (actual == null) {
            return op == CompareOp.NE ? Jpql.TRUE : Jpql.FALSE;
        }
        String a = actual.toLowerCase(Locale.ROOT);
        String v = value.asText().toLowerCase(Locale.ROOT);
        boolean result;
        switch (op) {
            case EQ: result = a.equals(v); break;
            case NE: result = !a.equals(v); break;
            case CO: result = a.contains(v); break;
            case SW: result = a.startsWith(v); break;
            case EW: result = a.endsWith(v); break;
            case GT: result = a.compareTo(v) > 0; break;
            case GE: result = a.compareTo(v) >= 0; break;
            case LT: result = a.compareTo(v) < 0; break;
            case LE: result = a.compareTo(v) <= 0; break;
            default: throw new IllegalStateException("unknown operator " + op);
        }
        return result ? Jpql.TRUE : Jpql.FALSE;
    }

    static String compareBoolean(boolean actual, CompareOp op, JsonNode value, String attribute) {
        if (op == null) {
            return Jpql.TRUE;
        }
        Boolean v = value.isBoolean() ? Boolean.valueOf(value.booleanValue()) : null;
        if (v == null || (op != CompareOp.EQ && op != CompareOp.NE)) {
            throw ScimException.invalidFilter("'" + attribute + "' is a boolean: use eq or ne with true or false");
        }
        return (actual == v) == (op == CompareOp.EQ) ? Jpql.TRUE : Jpql.FALSE;
    }

    static String and(String left, String right) {
        if (Jpql.FALSE.equals(left) || Jpql.FALSE.equals(right)) {
            return Jpql.FALSE;
        }
        if (Jpql.TRUE.equals(left)) {
            return right;
        }
        if (Jpql.TRUE.equals(right)) {
            return left;
        }
        return "(" + left + " and " + right + ")";
    }

    static String or(String left, String right) {
        if (Jpql.TRUE.equals(left) || Jpql.TRUE.equals(right)) {
            return Jpql.TRUE;
        }
        if (Jpql.FALSE.equals(left)) {
            return right;
        }
        if (Jpql.FALSE.equals(right)) {
            return left;
        }
        return "(" + left + " or " + right + ")";
    }

    static String not(String inner) {
        if (Jpql.TRUE.equals(inner)) {
            return Jpql.FALSE;
        }
        if (Jpql.FALSE.equals(inner)) {
            return Jpql.TRUE;
        }
        return "not (" + inner + ")";
    }
}
