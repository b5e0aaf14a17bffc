package dev.dirsync.scim.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.protocol.ScimJson;
import dev.dirsync.scim.schema.AttributeDefinition;
import dev.dirsync.scim.schema.ResourceTypeDefinition;

/**
 * Evaluates a {@link Filter} against resources held in memory, with the semantics of RFC 7644 §3.4.2.2:
 * <ul>
 *   <li>paths resolve through the schema definitions ({@link AttributeResolver}); an unknown attribute or
 *       sub-attribute fails with {@code invalidFilter};</li>
 *   <li>a multi-valued attribute matches when any of its values matches; a complex multi-valued attribute
 *       compared without sub-attribute compares its {@code value} sub-attribute;</li>
 *   <li>strings compare case-insensitively unless the attribute is {@code caseExact}; {@code gt/ge/lt/le} order
 *       strings lexicographically, {@code dateTime}s as instants and numbers numerically;</li>
 *   <li>{@code pr} needs a value that is not null, not an empty string and not an empty array or object;
 *       {@code ne} matches when the attribute is absent; {@code eq null} matches when it is absent.</li>
 * </ul>
 * Every path and literal is checked before data is compared, and {@code and}/{@code or} evaluate both sides, so
 * an invalid filter fails whatever the resource holds. Throws nothing but {@link ScimException}.
 */
public final class FilterEvaluator {

    private FilterEvaluator() {
    }

    /** Whether {@code resource} (a resource in RFC 7643 JSON layout) of type {@code type} matches {@code filter}. */
    public static boolean matches(Filter filter, JsonNode resource, ResourceTypeDefinition type) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(type, "type");
        return filter.accept(new Evaluation(new ResourceScope(type, resource)));
    }

    /**
     * Whether one value of a multi-valued attribute matches a value filter (the part between brackets of
     * {@code emails[type eq "work"]}, RFC 7644 §3.4.2.2): paths in {@code filter} are sub-attribute names of
     * {@code multiValuedAttribute}. For a multi-valued attribute of simple values the path {@code value} denotes
     * the value itself.
     */
    public static boolean matchesElement(Filter filter, JsonNode element, AttributeDefinition multiValuedAttribute) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(multiValuedAttribute, "multiValuedAttribute");
        return filter.accept(new Evaluation(new ElementScope(multiValuedAttribute, element)));
    }

    /**
     * The values a path denotes. {@code definition} is the definition of each value, {@code null} when the values
     * are complex (a complex attribute named without sub-attribute), which can be tested for presence only.
     */
    private record Operand(String path, AttributeDefinition definition, List<JsonNode> values) {
    }

    /** Turns attribute paths into operands: against a whole resource, or inside one value of an attribute. */
    private interface Scope {
        Operand operand(AttributePath path, boolean forComparison);

        boolean valuePath(Filter.ValuePath valuePath);
    }

    private static final class Evaluation implements FilterVisitor<Boolean> {
        private final Scope scope;

        Evaluation(Scope scope) {
            this.scope = scope;
        }

        @Override
        public Boolean visitAnd(Filter.And and) {
            boolean left = and.left().accept(this);
            boolean right = and.right().accept(this);
            return left && right;
        }

        @Override
        public Boolean visitOr(Filter.Or or) {
            boolean left = or.left().accept(this);
            boolean right = or.right().accept(this);
            return left || right;
        }

        @Override
        public Boolean visitNot(Filter.Not not) {
            return !not.filter().accept(this);
        }

        @Override
        public Boolean visitPresent(Filter.Present present) {
            Operand operand = scope.operand(present.path(), false);
            return operand.values().stream().anyMatch(FilterEvaluator::isPresent);
        }

        @Override
        public Boolean visitCompare(Filter.Compare compare) {
            Operand operand = scope.operand(compare.path(), true);
            if (operand.definition() == null || operand.definition().isComplex()) {
                throw ScimException.invalidFilter("'" + operand.path()
                        + "' is complex: compare one of its sub-attributes instead");
            }
            Comparisons.check(compare.op(), operand.definition(), compare.value(), operand.path());
            List<JsonNode> assigned = operand.values().stream().filter(v -> !v.isNull()).toList();
            if (compare.value().isNull()) {
                return compare.op() == CompareOp.EQ ? assigned.isEmpty() : !assigned.isEmpty();
            }
            if (assigned.isEmpty()) {
                return compare.op() == CompareOp.NE;
            }
            return assigned.stream().anyMatch(
                    v -> Comparisons.test(compare.op(), operand.definition(), v, compare.value()));
        }

        @Override
        public Boolean visitValuePath(Filter.ValuePath valuePath) {
            return scope.valuePath(valuePath);
        }
    }

    private static final class ResourceScope implements Scope {
        private final ResourceTypeDefinition type;
        private final JsonNode resource;

        ResourceScope(ResourceTypeDefinition type, JsonNode resource) {
            this.type = type;
            this.resource = resource;
        }

        @Override
        public Operand operand(AttributePath path, boolean forComparison) {
            if (AttributeResolver.schemaNamedBy(type, path).isPresent()) {
                // An extension URN denotes the extension object: complex, so presence is all one can test.
                return new Operand(path.toString(), null, values(ScimJson.get(resource, path.toString())));
            }
            AttributeResolver.Resolved resolved = AttributeResolver.resolve(type, path, ScimException::invalidFilter);
            AttributeDefinition attribute = resolved.attribute();
            List<JsonNode> values = values(ScimJson.get(resolved.holder(resource), attribute.name()));
            AttributeDefinition sub = resolved.subAttribute();
            if (sub == null && forComparison && attribute.isComplex() && attribute.multiValued()) {
                // RFC 7644 §3.4.2.2: "emails co x" compares the "value" sub-attribute of each email.
                sub = attribute.subAttribute("value").orElse(null);
            }
            if (sub == null) {
                return new Operand(path.toString(), attribute.isComplex() ? null : attribute, values);
            }
            return new Operand(path.toString(), sub, subValues(values, sub));
        }

        @Override
        public boolean valuePath(Filter.ValuePath valuePath) {
            AttributePath path = valuePath.path();
            AttributeResolver.Resolved resolved = AttributeResolver.resolve(type, path, ScimException::invalidFilter);
            AttributeDefinition attribute = resolved.attribute();
            if (resolved.subAttribute() != null || !(attribute.multiValued() || attribute.isComplex())) {
                throw ScimException.invalidFilter("A value filter needs a multi-valued or complex attribute, not '"
                        + path + "'");
            }
            List<JsonNode> elements = values(ScimJson.get(resolved.holder(resource), attribute.name()));
            // Evaluated once against nothing (result unused) so that an invalid inner filter fails even when the
            // attribute has no values.
            matchesElement(valuePath.filter(), JsonNodeFactory.instance.objectNode(), attribute);
            boolean matched = false;
            for (JsonNode element : elements) {
                matched |= matchesElement(valuePath.filter(), element, attribute);
            }
            return matched;
        }
    }

    private static final class ElementScope implements Scope {
        private final AttributeDefinition attribute;
        private final JsonNode element;

        ElementScope(AttributeDefinition attribute, JsonNode element) {
            this.attribute = attribute;
            this.element = element;
        }

        @Override
        public Operand operand(AttributePath path, boolean forComparison) {
            if (path.schema() != null || path.subAttribute() != null) {
                throw ScimException.invalidFilter("Inside '" + attribute.name()
                        + "[...]' paths are sub-attribute names, not '" + path + "'");
            }
            if (!attribute.isComplex()) {
                if (!"value".equalsIgnoreCase(path.attribute())) {
                    throw ScimException.invalidFilter("'" + attribute.name()
                            + "' holds simple values: its value filters can only test 'value'");
                }
                return new Operand(attribute.name(), attribute, values(element));
            }
            AttributeDefinition sub = attribute.subAttribute(path.attribute()).orElseThrow(() ->
                    ScimException.invalidFilter("Unknown sub-attribute '" + path.attribute() + "' of '"
                            + attribute.name() + "'"));
            String name = attribute.name() + "." + sub.name();
            return new Operand(name, sub.isComplex() ? null : sub, values(ScimJson.get(element, sub.name())));
        }

        @Override
        public boolean valuePath(Filter.ValuePath valuePath) {
            throw ScimException.invalidFilter("Value filters cannot be nested");
        }
    }

    /** The values of an attribute: the elements of an array, the node itself otherwise, none when absent. */
    private static List<JsonNode> values(JsonNode node) {
        List<JsonNode> values = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(values::add);
        } else {
            values.add(node);
        }
        return values;
    }

    private static List<JsonNode> subValues(List<JsonNode> complexValues, AttributeDefinition sub) {
        List<JsonNode> values = new ArrayList<>();
        for (JsonNode complex : complexValues) {
            values.addAll(values(ScimJson.get(complex, sub.name())));
        }
        return values;
    }

    private static boolean isPresent(JsonNode value) {
        if (value.isTextual()) {
            return !value.asText().isEmpty();
        }
        return !ScimJson.isUnassigned(value);
    }
}
