package dev.dirsync.scim.endpoint.query;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.scim.filter.CompareOp;
import dev.dirsync.scim.protocol.ScimException;

/**
 * Builds JPQL predicates with bound parameters (never concatenated values). Every predicate it returns is two-valued
 * (true or false, never SQL UNKNOWN), so {@code not (...)} means what SCIM means: a user without a given name
 * matches {@code not (name.givenName eq "x")}.
 */
public final class Jpql {

    public static final String TRUE = "1 = 1";
    public static final String FALSE = "1 = 0";
    private static final char ESCAPE = '!';

    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Binds {@code value} and returns its placeholder. */
    public String bind(Object value) {
        String name = "p" + parameters.size();
        parameters.put(name, value);
        return ":" + name;
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    /**
     * A string comparison on a nullable column.
     *
     * @param column          the JPQL path, e.g. {@code u.firstName}
     * @param caseExact       whether case matters (RFC 7643 {@code caseExact})
     * @param storedLowerCase whether Keycloak stores the column lower-cased (username, e-mail): then the column is
     *                        compared as is, which keeps its index usable
     */
    public String compareString(String column, boolean caseExact, boolean storedLowerCase, CompareOp op, JsonNode value,
            String attribute) {
        String text = text(value, attribute);
        boolean lower = !caseExact;
        String expression = lower && !storedLowerCase ? "lower(" + column + ")" : column;
        String operand = lower ? text.toLowerCase(Locale.ROOT) : text;
        switch (op) {
            case CO:
                return like(column, expression, "%" + escape(operand) + "%");
            case SW:
                return like(column, expression, escape(operand) + "%");
            case EW:
                return like(column, expression, "%" + escape(operand));
            default:
                return ordered(column, expression, op, operand);
        }
    }

    private String like(String column, String expression, String pattern) {
        return "(" + column + " is not null and " + expression + " like " + bind(pattern) + " escape '!')";
    }

    /**
     * {@code eq}, {@code ne}, {@code gt}, {@code ge}, {@code lt}, {@code le} on a nullable column; {@code ne} holds
     * for a missing value.
     */
    private String ordered(String column, String expression, CompareOp op, Object operand) {
        String operator;
        switch (op) {
            case EQ: operator = "="; break;
            case NE: return "(" + column + " is null or " + expression + " <> " + bind(operand) + ")";
            case GT: operator = ">"; break;
            case GE: operator = ">="; break;
            case LT: operator = "<"; break;
            case LE: operator = "<="; break;
            default: throw new IllegalStateException("not an ordering operator: " + op);
        }
        return "(" + column + " is not null and " + expression + " " + operator + " " + bind(operand) + ")";
    }

    /** {@code pr} on a nullable string column. */
    public String presentString(String column) {
        return "(" + column + " is not null and " + column + " <> '')";
    }

    /** eq / ne on a non-null boolean column. */
    public String compareBoolean(String column, CompareOp op, JsonNode value, String attribute) {
        Boolean b = value.isBoolean() ? value.booleanValue() : null;
        if (value.isTextual() && ("true".equalsIgnoreCase(value.asText()) || "false".equalsIgnoreCase(value.asText()))) {
            b = Boolean.parseBoolean(value.asText());
        }
        if (b == null) {
            throw ScimException.invalidFilter("'" + attribute + "' is a boolean: compare it with true or false");
        }
        if (op == CompareOp.EQ) {
            return column + " = " + bind(b);
        }
        if (op == CompareOp.NE) {
            return column + " <> " + bind(b);
        }
        throw ScimException.invalidFilter("'" + attribute + "' is a boolean: only eq and ne apply");
    }

    /** Compares a nullable epoch-milliseconds column with an RFC 3339 date-time. */
    public String compareInstant(String column, CompareOp op, JsonNode value, String attribute) {
        if (!value.isTextual()) {
            throw ScimException.invalidFilter("'" + attribute + "' is a dateTime: compare it with a quoted date-time");
        }
        long millis;
        try {
            millis = Instant.parse(value.asText()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw ScimException.invalidFilter("'" + value.asText() + "' is not an RFC 3339 date-time");
        }
        if (op.isSubstring()) {
            throw ScimException.invalidFilter("'" + attribute + "' is a dateTime: " + op + " does not apply");
        }
        return ordered(column, column, op, millis);
    }

    /**
     * A comparison on the values of a named attribute row ({@code UserAttributeEntity} or
     * {@code GroupAttributeEntity}), as a membership test of the owner's id: {@code u.id in (select ...)}.
     * {@code ne} is "no value equal to": owners without the attribute match, as SCIM requires.
     */
    public String compareAttribute(String ownerId, String entity, String ownerPath, String name, boolean caseExact,
            CompareOp op, JsonNode value, String attribute) {
        String select = "select a." + ownerPath + " from " + entity + " a where a.name = " + bind(name) + " and ";
        if (op == CompareOp.NE) {
            String eq = compareString("a.value", caseExact, false, CompareOp.EQ, value, attribute);
            return ownerId + " not in (" + select + eq + ")";
        }
        return ownerId + " in (" + select + compareString("a.value", caseExact, false, op, value, attribute) + ")";
    }

    public String presentAttribute(String ownerId, String entity, String ownerPath, String name) {
        return ownerId + " in (select a." + ownerPath + " from " + entity + " a where a.name = " + bind(name)
                + " and " + presentString("a.value") + ")";
    }

    private static String text(JsonNode value, String attribute) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        throw ScimException.invalidFilter("'" + attribute + "' must be compared with a string");
    }

    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                s.append(ESCAPE);
            }
            s.append(c);
        }
        return s.toString();
    }
}
