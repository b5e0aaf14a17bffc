package dev.dirsync.scim.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.protocol.ScimJson;
import dev.dirsync.scim.schema.AttributeDefinition;
import dev.dirsync.scim.schema.AttributeType;

/**
 * The comparison operators of RFC 7644 §3.4.2.2 applied to one stored value, per attribute type. Stored values of
 * an unexpected JSON type never match instead of failing: the filter is the client's, the data is ours.
 */
final class Comparisons {

    private Comparisons() {
    }

    /**
     * Rejects a comparison the RFC does not define for the attribute's type, or a literal of the wrong type,
     * before any data is looked at, so that the outcome never depends on what a resource happens to hold.
     */
    static void check(CompareOp op, AttributeDefinition attribute, JsonNode literal, String path) {
        if (literal.isNull()) {
            if (op != CompareOp.EQ && op != CompareOp.NE) {
                throw ScimException.invalidFilter("Only eq and ne compare with null, not " + op + " on '" + path + "'");
            }
            return;
        }
        AttributeType type = attribute.type();
        if (op.isSubstring() && type != AttributeType.STRING && type != AttributeType.REFERENCE) {
            throw ScimException.invalidFilter("'" + op + "' needs a string attribute; '" + path + "' is "
                    + type.scimName());
        }
        if (op.isOrdering() && (type == AttributeType.BOOLEAN || type == AttributeType.BINARY)) {
            // RFC 7644 §3.4.2.2: gt, ge, lt and le on boolean or binary attributes fail with invalidFilter.
            throw ScimException.invalidFilter("'" + op + "' cannot order the " + type.scimName() + " attribute '"
                    + path + "'");
        }
        boolean fits;
        switch (type) {
            case BOOLEAN:
                fits = literal.isBoolean();
                break;
            case INTEGER:
            case DECIMAL:
                fits = number(literal).isPresent();
                break;
            case DATE_TIME:
                fits = literal.isTextual() && ScimJson.parseDateTime(literal.asText()).isPresent();
                break;
            case COMPLEX:
                fits = false;
                break;
            default:
                fits = literal.isTextual();
                break;
        }
        if (!fits) {
            throw ScimException.invalidFilter("The value " + literal + " does not fit the " + type.scimName()
                    + " attribute '" + path + "'");
        }
    }

    /** Whether {@code stored op literal} holds; {@link #check} has accepted the comparison. */
    static boolean test(CompareOp op, AttributeDefinition attribute, JsonNode stored, JsonNode literal) {
        Integer order;
        switch (attribute.type()) {
            case BOOLEAN:
                order = stored.isBoolean() ? Boolean.compare(stored.booleanValue(), literal.booleanValue()) : null;
                break;
            case INTEGER:
            case DECIMAL:
                order = number(stored).map(n -> n.compareTo(number(literal).orElseThrow())).orElse(null);
                break;
            case DATE_TIME:
                order = stored.isTextual() ? instant(stored).map(i -> i.compareTo(instant(literal).orElseThrow()))
                        .orElse(null) : null;
                break;
            case COMPLEX:
                order = null;
                break;
            default:
                return stored.isTextual() && testString(op, attribute, stored.asText(), literal.asText());
        }
        return order != null && holds(op, order);
    }

    private static boolean testString(CompareOp op, AttributeDefinition attribute, String stored, String literal) {
        // Binary values are base64, where case is significant.
        boolean exact = attribute.caseExact() || attribute.type() == AttributeType.BINARY;
        String a = exact ? stored : stored.toLowerCase(Locale.ROOT);
        String b = exact ? literal : literal.toLowerCase(Locale.ROOT);
        switch (op) {
            case CO:
                return a.contains(b);
            case SW:
                return a.startsWith(b);
            case EW:
                return a.endsWith(b);
            default:
                return holds(op, Integer.signum(a.compareTo(b)));
        }
    }

    private static boolean holds(CompareOp op, int order) {
        switch (op) {
            case EQ:
                return order == 0;
            case NE:
                return order != 0;
            case GT:
                return order > 0;
            case GE:
                return order >= 0;
            case LT:
                return order < 0;
            case LE:
                return order <= 0;
            default:
                return false;
        }
    }

    /** The number a JSON node holds; empty for non-numbers and for NaN or infinite doubles. */
    static Optional<BigDecimal> number(JsonNode node) {
        if (!node.isNumber()) {
            return Optional.empty();
        }
        try {
            return Optional.of(node.decimalValue());
        } catch (NumberFormatException notFinite) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(JsonNode node) {
        return ScimJson.parseDateTime(node.asText());
    }
}
