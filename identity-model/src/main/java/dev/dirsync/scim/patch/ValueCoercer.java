package dev.dirsync.scim.patch;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.scim.dialect.IdpDialects;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.protocol.ScimJson;
import dev.dirsync.scim.schema.AttributeDefinition;
import dev.dirsync.scim.schema.AttributeType;
import dev.dirsync.scim.schema.Mutability;

/**
 * Checks PATCH values against attribute definitions (RFC 7643 §2.3) and returns fresh nodes in canonical form:
 * sub-attribute names spelled as defined, readOnly sub-attributes dropped (the server sets them), the tolerated
 * IdP variants of {@link IdpDialects} converted. A value that does not fit fails with {@code invalidValue} naming
 * the attribute. Never returns a node of the request, so the result can be changed freely.
 */
final class ValueCoercer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ValueCoercer() {
    }

    /** The whole value of {@code attribute}: an array when it is multi-valued; {@code null} stays a NullNode. */
    static JsonNode attributeValue(JsonNode value, AttributeDefinition attribute, String label) {
        if (value.isNull()) {
            return NullNode.instance;
        }
        return attribute.multiValued() ? values(value, attribute, label) : element(value, attribute, label);
    }

    /** The values of a multi-valued attribute; null elements are dropped as unassigned. */
    static ArrayNode values(JsonNode value, AttributeDefinition attribute, String label) {
        JsonNode array = value.isArray() ? value : IdpDialects.singleValueAsArray(value);
        ArrayNode values = NODES.arrayNode();
        for (JsonNode element : array) {
            if (!element.isNull()) {
                values.add(element(element, attribute, label));
            }
        }
        return values;
    }

    /** One value of {@code attribute}, whether it is multi-valued or not. */
    static JsonNode element(JsonNode value, AttributeDefinition attribute, String label) {
        if (attribute.isComplex()) {
            return complex(value, attribute, label);
        }
        return simple(value, attribute, label);
    }

    /**
     * A complex value: an object of known sub-attributes. Null members are kept as NullNodes because in a
     * replace they unassign the sub-attribute.
     */
    static ObjectNode complex(JsonNode value, AttributeDefinition attribute, String label) {
        if (!value.isObject()) {
            Optional<ObjectNode> bare = IdpDialects.bareValueAsComplex(value, attribute);
            if (bare.isEmpty()) {
                throw ScimException.invalidValue("'" + label + "' is complex and needs a JSON object, not " + kind(value));
            }
            value = bare.get();
        }
        ObjectNode complex = NODES.objectNode();
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            Optional<AttributeDefinition> known = attribute.subAttribute(member.getKey());
            if (known.isEmpty() && IdpDialects.isIgnoredUnknownSubAttribute(attribute, member.getKey())) {
                continue;
            }
            AttributeDefinition sub = known.orElseThrow(() ->
                    ScimException.invalidValue("'" + label + "' has no sub-attribute '" + member.getKey() + "'"));
            if (sub.mutability() == Mutability.READ_ONLY) {
                continue;
            }
            ScimJson.set(complex, sub.name(), attributeValue(member.getValue(), sub, label + "." + sub.name()));
        }
        return complex;
    }

    /** A value of a simple (not complex) attribute. */
    static JsonNode simple(JsonNode value, AttributeDefinition attribute, String label) {
        if (attribute.isComplex()) {
            return complex(value, attribute, label);
        }
        Optional<JsonNode> fitting;
        switch (attribute.type()) {
            case STRING:
                fitting = value.isTextual() ? Optional.of(value) : IdpDialects.scalarAsString(value);
                break;
            case BOOLEAN:
                fitting = value.isBoolean() ? Optional.of(value) : IdpDialects.booleanFromString(value);
                break;
            case INTEGER:
                fitting = value.isIntegralNumber() ? Optional.of(value) : Optional.empty();
                break;
            case DECIMAL:
                fitting = value.isNumber() && (!value.isFloatingPointNumber() || Double.isFinite(value.doubleValue()))
                        ? Optional.of(value) : Optional.empty();
                break;
            case DATE_TIME:
                fitting = value.isTextual() && ScimJson.parseDateTime(value.asText()).isPresent()
                        ? Optional.of(value) : Optional.empty();
                break;
            default:
                fitting = value.isTextual() ? Optional.of(value) : Optional.empty();
                break;
        }
        return fitting.orElseThrow(() -> ScimException.invalidValue("'" + label + "' is a "
                + (attribute.type() == AttributeType.DATE_TIME ? "dateTime (xsd:dateTime, e.g. 2011-05-13T04:42:34Z)"
                        : attribute.type().scimName()) + ", not " + kind(value)));
    }

    private static String kind(JsonNode value) {
        if (value.isTextual()) {
            return "the string " + abbreviate(value.toString());
        }
        return value.isContainerNode() ? "a JSON " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                : abbreviate(value.toString());
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
