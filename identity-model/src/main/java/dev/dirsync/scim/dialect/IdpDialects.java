package dev.dirsync.scim.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dirsync.scim.filter.AttributePath;
import dev.dirsync.scim.filter.CompareOp;
import dev.dirsync.scim.filter.Filter;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.protocol.ScimJson;
import dev.dirsync.scim.schema.AttributeDefinition;
import dev.dirsync.scim.schema.Mutability;

/**
 * Every deviation from RFC 7643/7644 that identity providers are known to send, and that the server accepts.
 * Keeping them in one place keeps the protocol code strict by default and makes each leniency visible and
 * testable; nothing IdP-specific lives anywhere else.
 */
public final class IdpDialects {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private IdpDialects() {
    }

    /**
     * The PATCH {@code op} in lower case. RFC 7644 §3.5.2 spells the operations {@code add}, {@code remove} and
     * {@code replace}; Microsoft Entra ID (provisioning jobs without the {@code aadOptscim062020} flag) sends
     * {@code "Add"}, {@code "Replace"} and {@code "Remove"}.
     */
    public static String operationName(String op) {
        return op.toLowerCase(Locale.ROOT);
    }

    /**
     * A boolean sent as a string: Microsoft Entra ID disables users with
     * {@code {"op":"Replace","path":"active","value":"False"}}. Accepts {@code true}/{@code false} in any case.
     */
    public static Optional<JsonNode> booleanFromString(JsonNode value) {
        if (value.isTextual()) {
            String text = value.asText();
            if ("true".equalsIgnoreCase(text)) {
                return Optional.of(BooleanNode.TRUE);
            }
            if ("false".equalsIgnoreCase(text)) {
                return Optional.of(BooleanNode.FALSE);
            }
        }
        return Optional.empty();
    }

    /**
     * A JSON number or boolean for a string attribute, taken as its text. Okta sends the values of typed
     * (number, boolean) custom profile attributes unquoted when they are mapped onto SCIM string attributes such as
     * {@code employeeNumber}.
     */
    public static Optional<JsonNode> scalarAsString(JsonNode value) {
        if (value.isNumber() || value.isBoolean()) {
            return Optional.of(TextNode.valueOf(value.asText()));
        }
        return Optional.empty();
    }

    /**
     * A bare string for a single-valued complex attribute with a {@code value} sub-attribute, read as
     * {@code {"value": string}}: Microsoft Entra ID sets the enterprise {@code manager} with
     * {@code {"op":"Add","path":"urn:...:enterprise:2.0:User:manager","value":"<manager id>"}}. The string stands
     * for the whole value, so the other sub-attributes come out as null (unassigned): a {@code $ref} to a former
     * manager must not survive the merge of a complex add or replace.
     */
    public static Optional<ObjectNode> bareValueAsComplex(JsonNode value, AttributeDefinition complexAttribute) {
        if (!value.isTextual() || complexAttribute.multiValued()
                || complexAttribute.subAttribute("value").isEmpty()) {
            return Optional.empty();
        }
        ObjectNode complex = NODES.objectNode();
        for (AttributeDefinition sub : complexAttribute.subAttributes()) {
            complex.set(sub.name(), sub.named("value") ? value : NODES.nullNode());
        }
        return Optional.of(complex);
    }

    /**
     * One value where a multi-valued attribute expects an array, read as a one-element array. Microsoft Entra ID
     * sends single objects for multi-valued targets of attribute mappings whose source is single-valued (e.g. one
     * {@code {"value": ...}} for {@code roles}).
     */
    public static ArrayNode singleValueAsArray(JsonNode value) {
        ArrayNode array = NODES.arrayNode();
        array.add(value);
        return array;
    }

    /**
     * A remove with a path to a multi-valued attribute and a {@code value}, which RFC 7644 §3.5.2.2 does not
     * define: Microsoft Entra ID (without the {@code aadOptscim062020} flag) removes group members with
     * {@code {"op":"Remove","path":"members","value":[{"value":"<id>"}]}}, meaning only those members. Returns the
     * value filter that selects them ({@code value eq "<id>" or ...}; for simple values {@code value} denotes the
     * value itself), or empty when the operation carries no value and removes the whole attribute as the RFC says.
     *
     * @throws ScimException {@code invalidValue} when the values cannot be read as values to remove
     */
    public static Optional<Filter> removalFilter(JsonNode value, AttributeDefinition multiValued) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (multiValued.isComplex() && multiValued.subAttribute("value").isEmpty()) {
            throw ScimException.invalidValue("Values of '" + multiValued.name()
                    + "' have no 'value' sub-attribute to select the ones to remove");
        }
        List<JsonNode> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(values::add);
        } else {
            values.add(value);
        }
        Filter filter = null;
        for (JsonNode element : values) {
            JsonNode selector = element.isObject() ? ScimJson.get(element, "value") : element;
            if (selector == null || !(selector.isTextual() || selector.isNumber() || selector.isBoolean())) {
                throw ScimException.invalidValue("Cannot tell which value of '" + multiValued.name()
                        + "' to remove from " + element);
            }
            Filter one = new Filter.Compare(AttributePath.of("value"), CompareOp.EQ, selector);
            filter = filter == null ? one : new Filter.Or(filter, one);
        }
        if (filter == null) {
            throw ScimException.invalidValue("No values of '" + multiValued.name() + "' to remove were given");
        }
        return Optional.of(filter);
    }

    /**
     * The value a value filter describes, for an add or replace whose filter matches nothing. RFC 7644 §3.5.2.3
     * answers {@code noTarget}; Microsoft Entra ID however sets the first e-mail of a new user with
     * {@code {"op":"replace","path":"emails[type eq \"work\"].value","value":"x"}}, expecting
     * {@code {"type":"work","value":"x"}} to be created. Only a conjunction of {@code eq} comparisons with
     * non-null literals describes a value; anything else gives empty.
     */
    public static Optional<JsonNode> elementFromEqualityFilter(Filter filter, AttributeDefinition multiValued) {
        List<Filter.Compare> equalities = new ArrayList<>();
        if (!collectEqualities(filter, equalities)) {
            return Optional.empty();
        }
        if (!multiValued.isComplex()) {
            JsonNode only = equalities.get(0).value();
            boolean single = equalities.stream().allMatch(c -> "value".equalsIgnoreCase(c.path().attribute())
                    && c.value().equals(only));
            return single ? Optional.of(only) : Optional.empty();
        }
        ObjectNode element = NODES.objectNode();
        for (Filter.Compare equality : equalities) {
            Optional<AttributeDefinition> sub = multiValued.subAttribute(equality.path().attribute());
            if (sub.isEmpty()) {
                return Optional.empty();
            }
            JsonNode earlier = element.get(sub.get().name());
            if (earlier != null && !earlier.equals(equality.value())) {
                return Optional.empty();
            }
            element.set(sub.get().name(), equality.value());
        }
        return Optional.of(element);
    }

    private static boolean collectEqualities(Filter filter, List<Filter.Compare> into) {
        if (filter instanceof Filter.And and) {
            return collectEqualities(and.left(), into) && collectEqualities(and.right(), into);
        }
        if (filter instanceof Filter.Compare compare && compare.op() == CompareOp.EQ && !compare.value().isNull()
                && compare.path().schema() == null && compare.path().subAttribute() == null) {
            into.add(compare);
            return true;
        }
        return false;
    }

    /**
     * Whether an unknown sub-attribute in a value of a multi-valued complex attribute is dropped instead of
     * rejected. Okta pushes group members with their {@code display} name,
     * {@code {"op":"add","path":"members","value":[{"value":"<id>","display":"user@example.com"}]}}, and so do
     * RFC 7644's own examples, while RFC 7643 §8.7.1 defines {@code members} with {@code value}, {@code $ref} and
     * {@code type} only. Only {@code display} is dropped: it is informative, the server derives it.
     */
    public static boolean isIgnoredUnknownSubAttribute(AttributeDefinition multiValued, String name) {
        return multiValued.multiValued() && "display".equalsIgnoreCase(name);
    }

    /**
     * Whether a member name in the value of a path-less add or replace is itself a path rather than an attribute
     * name. Microsoft Entra ID (with the {@code aadOptscim062020} flag) replaces several attributes at once with
     * {@code {"op":"replace","value":{"name.givenName":"…","urn:…:enterprise:2.0:User:employeeNumber":"…"}}}.
     * The caller checks first whether the name is a schema URN, which is legal (RFC 7644 §3.5.2.1).
     */
    public static boolean isPathKey(String key) {
        return key.indexOf('.') >= 0 || key.indexOf(':') >= 0 || key.indexOf('[') >= 0;
    }

    /**
     * Whether a member of the value of a path-less add or replace is skipped instead of rejected: readOnly
     * attributes, {@code schemas}, {@code id} and {@code meta} among them. Okta replaces groups with
     * {@code {"op":"replace","value":{"id":"…","displayName":"…"}}}, echoing the server-assigned {@code id}.
     */
    public static boolean isIgnoredInPathlessValue(AttributeDefinition attribute) {
        return attribute.mutability() == Mutability.READ_ONLY;
    }
}
