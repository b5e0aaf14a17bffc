package dev.dirsync.scim.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.scim.dialect.IdpDialects;
import dev.dirsync.scim.filter.AttributePath;
import dev.dirsync.scim.filter.AttributeResolver;
import dev.dirsync.scim.filter.Filter;
import dev.dirsync.scim.filter.FilterEvaluator;
import dev.dirsync.scim.filter.Filters;
import dev.dirsync.scim.filter.PatchPath;
import dev.dirsync.scim.patch.PatchOperation.Op;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.protocol.ScimJson;
import dev.dirsync.scim.schema.AttributeDefinition;
import dev.dirsync.scim.schema.AttributeType;
import dev.dirsync.scim.schema.Mutability;
import dev.dirsync.scim.schema.ResourceTypeDefinition;
import dev.dirsync.scim.schema.SchemaDefinition;

/**
 * Applies PATCH operations (RFC 7644 §3.5.2) to a resource in RFC 7643 JSON layout, checked against the schemas
 * of one resource type. All operations are applied to a copy, in order, and the copy is returned only if every one
 * succeeds and the result keeps the schema's {@code required} and {@code immutable} rules: a failing request
 * leaves nothing half-done (RFC 7644 §3.5.2, "atomic").
 *
 * <p>A JSON {@code null} anywhere in a value means unassigned (RFC 7643 §2.5): given to add or replace it removes
 * what it targets. Removing what is not there is not an error.
 *
 * <p>Beyond the RFC, the engine accepts what {@link IdpDialects} lists, and nothing else.
 */
public final class PatchEngine {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ResourceTypeDefinition type;

    /** An engine for resources of {@code type}, whose core schema and extensions define every valid path. */
    public PatchEngine(ResourceTypeDefinition type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * Applies {@code operations} to a copy of {@code resource}.
     *
     * @return the patched copy; {@code resource} itself is never changed
     * @throws ScimException {@code invalidPath}, {@code noTarget}, {@code invalidValue}, {@code mutability} or
     *                       {@code invalidSyntax} (RFC 7644 §3.5.2, Table 9), the detail naming the operation
     */
    public ObjectNode apply(ObjectNode resource, List<PatchOperation> operations) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(operations, "operations");
        ObjectNode result = resource.deepCopy();
        for (int i = 0; i < operations.size(); i++) {
            try {
                apply(result, operations.get(i));
            } catch (ScimException e) {
                throw new ScimException(e.status(), e.scimType(), "Operation " + (i + 1) + ": " + e.detail(), e);
            }
        }
        ResourceInvariants.enforce(type, resource, result);
        return result;
    }

    /**
     * Where a path leads. {@code attribute} is {@code null} for a path that names a schema, which targets the
     * attributes of that schema (the extension object for an extension URN).
     */
    private record Target(SchemaDefinition schema, boolean extension, AttributeDefinition attribute, Filter filter,
            AttributeDefinition sub) {

        boolean readOnly() {
            return attribute != null && (attribute.mutability() == Mutability.READ_ONLY
                    || (sub != null && sub.mutability() == Mutability.READ_ONLY));
        }

        String label() {
            String name = attribute.name() + (filter == null ? "" : "[" + filter + "]");
            return sub == null ? name : name + "." + sub.name();
        }
    }

    private void apply(ObjectNode result, PatchOperation operation) {
        if (operation == null || operation.op() == null) {
            throw ScimException.invalidSyntax("An operation needs an 'op' of add, remove or replace");
        }
        Op op = operation.op();
        JsonNode value = operation.value();
        if (op == Op.REMOVE) {
            if (operation.path() == null) {
                throw ScimException.noTarget("remove needs a 'path' (RFC 7644 §3.5.2.2)");
            }
            remove(result, writable(resolve(operation.path())), value);
            return;
        }
        if (value == null || (op == Op.ADD && value.isNull())) {
            throw ScimException.invalidSyntax(op.name().toLowerCase(Locale.ROOT) + " needs a 'value'");
        }
        if (operation.path() == null) {
            if (!value.isObject()) {
                throw ScimException.invalidValue("Without 'path' the value must be an object of attributes "
                        + "(RFC 7644 §3.5.2.1)");
            }
            applyObject(result, op, value, null);
            return;
        }
        write(result, op, writable(resolve(operation.path())), value);
    }

    private Target resolve(PatchPath path) {
        AttributePath attributePath = path.attribute();
        Optional<SchemaDefinition> schema = AttributeResolver.schemaNamedBy(type, attributePath);
        if (schema.isPresent()) {
            if (path.valueFilter() != null) {
                throw ScimException.invalidPath("'" + schema.get().id() + "' is a schema, not a multi-valued attribute");
            }
            return new Target(schema.get(), isExtension(schema.get()), null, null, null);
        }
        AttributeResolver.Resolved resolved = AttributeResolver.resolve(type, attributePath,
                ScimException::invalidPath);
        AttributeDefinition attribute = resolved.attribute();
        AttributeDefinition sub = resolved.subAttribute();
        Filter filter = path.valueFilter();
        if (filter != null) {
            if (!attribute.multiValued()) {
                throw ScimException.invalidPath("'" + attribute.name()
                        + "' is single-valued: value filters select values of multi-valued attributes");
            }
            try {
                FilterEvaluator.matchesElement(filter, NODES.objectNode(), attribute);
            } catch (ScimException e) {
                throw ScimException.invalidPath(e.detail());
            }
            if (path.subAttribute() != null) {
                sub = attribute.subAttribute(path.subAttribute()).orElseThrow(() -> ScimException.invalidPath(
                        "Unknown sub-attribute '" + path.subAttribute() + "' of '" + attribute.name() + "'"));
            }
        }
        return new Target(resolved.schema(), resolved.extension(), attribute, filter, sub);
    }

    private static Target writable(Target target) {
        if (target.readOnly()) {
            throw ScimException.mutability("'" + target.label() + "' is readOnly");
        }
        return target;
    }

    private boolean isExtension(SchemaDefinition schema) {
        return !schema.id().equalsIgnoreCase(type.schema().id());
    }

    // --- add and replace ------------------------------------------------------------------------------------

    /**
     * A path-less add or replace (or one whose path names a schema): each member of {@code value} is an attribute
     * of {@code scope}, or of the resource type when {@code scope} is {@code null}.
     */
    private void applyObject(ObjectNode result, Op op, JsonNode value, SchemaDefinition scope) {
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            String key = member.getKey();
            JsonNode memberValue = member.getValue();
            if (scope == null) {
                Optional<SchemaDefinition> schema = type.schemaById(key);
                if (schema.isPresent()) {
                    write(result, op, new Target(schema.get(), isExtension(schema.get()), null, null, null),
                            memberValue);
                    continue;
                }
                if (IdpDialects.isPathKey(key)) {
                    Target target = resolve(Filters.parsePath(key));
                    if (target.readOnly() && IdpDialects.isIgnoredInPathlessValue(readOnlyPart(target))) {
                        continue;
                    }
                    write(result, op, writable(target), memberValue);
                    continue;
                }
            }
            AttributeResolver.Resolved resolved = (scope == null ? AttributeResolver.byName(type, key)
                    : AttributeResolver.inSchema(type, scope, key)).orElseThrow(() -> ScimException.invalidValue(
                            "Unknown attribute '" + key + "'" + (scope == null ? "" : " in '" + scope.id() + "'")));
            if (IdpDialects.isIgnoredInPathlessValue(resolved.attribute())) {
                continue;
            }
            writeAttribute(result, op, new Target(resolved.schema(), resolved.extension(), resolved.attribute(),
                    null, null), memberValue);
        }
    }

    private static AttributeDefinition readOnlyPart(Target target) {
        return target.attribute().mutability() == Mutability.READ_ONLY ? target.attribute() : target.sub();
    }

    private void write(ObjectNode result, Op op, Target target, JsonNode value) {
        if (target.attribute() == null) {
            if (value.isNull() && target.extension()) {
                ScimJson.remove(result, target.schema().id());
            } else if (value.isObject()) {
                applyObject(result, op, value, target.schema());
            } else {
                throw ScimException.invalidValue("The value for '" + target.schema().id()
                        + "' must be an object of its attributes");
            }
        } else if (target.filter() != null) {
            writeSelected(result, op, target, value);
        } else if (target.sub() != null) {
            writeSubAttribute(result, target, value);
        } else {
            writeAttribute(result, op, target, value);
        }
    }

    /**
     * A whole attribute. Add: a simple value is set, a complex value merged (RFC 7644 §3.5.2.1), values of a
     * multi-valued attribute appended unless already there. Replace: a simple value or multi-valued attribute is
     * replaced, a complex value gets the given sub-attributes replaced and keeps the others (RFC 7644 §3.5.2.3).
     */
    private void writeAttribute(ObjectNode result, Op op, Target target, JsonNode value) {
        AttributeDefinition attribute = target.attribute();
        String label = attribute.name();
        if (value.isNull()) {
            ObjectNode holder = holder(result, target, false);
            if (holder != null) {
                ScimJson.remove(holder, attribute.name());
            }
            return;
        }
        if (attribute.multiValued()) {
            ArrayNode incoming = ValueCoercer.values(value, attribute, label);
            ObjectNode holder = holder(result, target, true);
            if (op == Op.REPLACE) {
                ScimJson.set(holder, attribute.name(), incoming);
                enforceSinglePrimary(incoming, list(incoming), attribute);
                return;
            }
            ArrayNode values = array(holder, attribute);
            List<JsonNode> added = new ArrayList<>();
            for (JsonNode candidate : incoming) {
                if (!containsEquivalent(values, candidate, attribute)) {
                    values.add(candidate);
                    added.add(candidate);
                }
            }
            enforceSinglePrimary(values, added, attribute);
        } else if (attribute.isComplex()) {
            ObjectNode incoming = ValueCoercer.complex(value, attribute, label);
            merge(object(holder(result, target, true), attribute), incoming);
        } else {
            ScimJson.set(holder(result, target, true), attribute.name(), ValueCoercer.simple(value, attribute, label));
        }
    }

    /**
     * {@code name.givenName}, or {@code emails.value} without filter, which sets the sub-attribute in every value
     * (creating one when there is none: RFC 7644 §3.5.2.3 treats a replace of a missing target as an add).
     */
    private void writeSubAttribute(ObjectNode result, Target target, JsonNode value) {
        AttributeDefinition attribute = target.attribute();
        AttributeDefinition sub = target.sub();
        JsonNode coerced = value.isNull() ? null : ValueCoercer.attributeValue(value, sub, target.label());
        ObjectNode holder = holder(result, target, coerced != null);
        if (holder == null) {
            return;
        }
        if (!attribute.multiValued()) {
            ObjectNode complex = object(holder, attribute);
            if (coerced == null) {
                ScimJson.remove(complex, sub.name());
            } else {
                ScimJson.set(complex, sub.name(), coerced);
            }
            return;
        }
        ArrayNode values = array(holder, attribute);
        List<JsonNode> written = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).isObject()) {
                ObjectNode element = (ObjectNode) values.get(i);
                setSub(element, sub, coerced, target.label());
                written.add(element);
            }
        }
        if (written.isEmpty() && coerced != null) {
            ObjectNode element = NODES.objectNode();
            element.set(sub.name(), coerced);
            values.add(element);
            written.add(element);
        }
        if (sub.named("primary")) {
            enforceSinglePrimary(values, written, attribute);
        }
    }

    /**
     * {@code emails[type eq "work"]} or {@code emails[type eq "work"].value}: the values the filter selects are
     * replaced or merged into (or their sub-attribute set). When none is selected, RFC 7644 §3.5.2.3 answers
     * {@code noTarget}; see {@link IdpDialects#elementFromEqualityFilter} for the exception.
     */
    private void writeSelected(ObjectNode result, Op op, Target target, JsonNode value) {
        AttributeDefinition attribute = target.attribute();
        AttributeDefinition sub = target.sub();
        String label = target.label();
        ObjectNode holder = holder(result, target, false);
        ArrayNode values = holder == null || ScimJson.get(holder, attribute.name()) == null ? null
                : array(holder, attribute);
        List<Integer> selected = selected(values, target.filter(), attribute);
        if (selected.isEmpty()) {
            createSelected(result, target, value);
            return;
        }
        JsonNode coerced = value.isNull() ? null
                : sub != null ? ValueCoercer.attributeValue(value, sub, label) : ValueCoercer.element(value, attribute, label);
        List<JsonNode> written = new ArrayList<>();
        for (int i = selected.size() - 1; i >= 0; i--) {
            int index = selected.get(i);
            if (sub != null) {
                ObjectNode element = objectAt(values, index);
                setSub(element, sub, coerced, label);
                written.add(element);
            } else if (coerced == null) {
                values.remove(index);
            } else if (op == Op.ADD && attribute.isComplex()) {
                ObjectNode element = objectAt(values, index);
                merge(element, (ObjectNode) coerced);
                written.add(element);
            } else {
                JsonNode replacement = coerced.deepCopy();
                values.set(index, replacement);
                written.add(replacement);
            }
        }
        if (sub == null || sub.named("primary")) {
            enforceSinglePrimary(values, written, attribute);
        }
    }

    private void createSelected(ObjectNode result, Target target, JsonNode value) {
        AttributeDefinition attribute = target.attribute();
        Optional<JsonNode> described = IdpDialects.elementFromEqualityFilter(target.filter(), attribute);
        if (described.isEmpty()) {
            throw ScimException.noTarget("No value of '" + attribute.name() + "' matches " + target.filter());
        }
        if (value.isNull()) {
            return;
        }
        JsonNode element;
        if (attribute.isComplex()) {
            ObjectNode complex = (ObjectNode) described.get().deepCopy();
            if (target.sub() != null) {
                complex.set(target.sub().name(), value);
            } else {
                ValueCoercer.complex(value, attribute, target.label()).properties()
                        .forEach(member -> ScimJson.set(complex, member.getKey(), member.getValue()));
            }
            element = ValueCoercer.complex(complex, attribute, target.label());
        } else {
            element = ValueCoercer.element(value, attribute, target.label());
        }
        ArrayNode values = array(holder(result, target, true), attribute);
        values.add(element);
        enforceSinglePrimary(values, List.of(element), attribute);
    }

    // --- remove ---------------------------------------------------------------------------------------------

    /**
     * RFC 7644 §3.5.2.2: an attribute, a sub-attribute (of the complex value, or of every value of a multi-valued
     * one) or the values a filter selects. Removing what is not there changes nothing.
     */
    private void remove(ObjectNode result, Target target, JsonNode value) {
        if (target.attribute() == null) {
            if (!target.extension()) {
                throw ScimException.invalidPath("The core schema '" + target.schema().id()
                        + "' cannot be removed; name an attribute");
            }
            ScimJson.remove(result, target.schema().id());
            return;
        }
        AttributeDefinition attribute = target.attribute();
        AttributeDefinition sub = target.sub();
        Filter filter = target.filter();
        if (filter == null && sub == null && attribute.multiValued()) {
            filter = IdpDialects.removalFilter(value, attribute).orElse(null);
            if (filter != null) {
                try {
                    FilterEvaluator.matchesElement(filter, NODES.objectNode(), attribute);
                } catch (ScimException e) {
                    throw ScimException.invalidValue(e.detail());
                }
            }
        }
        ObjectNode holder = holder(result, target, false);
        JsonNode current = ScimJson.get(holder, attribute.name());
        if (current == null) {
            return;
        }
        if (filter == null && sub == null) {
            ScimJson.remove(holder, attribute.name());
        } else if (!attribute.multiValued()) {
            if (current.isObject()) {
                ScimJson.remove((ObjectNode) current, sub.name());
            }
        } else {
            ArrayNode values = array(holder, attribute);
            List<Integer> selected = filter == null ? allIndices(values) : selected(values, filter, attribute);
            for (int i = selected.size() - 1; i >= 0; i--) {
                int index = selected.get(i);
                if (sub == null) {
                    values.remove(index);
                } else if (values.get(index).isObject()) {
                    setSub((ObjectNode) values.get(index), sub, null, target.label());
                }
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** The object holding the target's attribute: the resource, or the extension object (created on demand). */
    private static ObjectNode holder(ObjectNode result, Target target, boolean create) {
        if (!target.extension()) {
            return result;
        }
        JsonNode existing = ScimJson.get(result, target.schema().id());
        if (existing != null && existing.isObject()) {
            return (ObjectNode) existing;
        }
        if (!create) {
            return null;
        }
        ObjectNode extension = NODES.objectNode();
        ScimJson.set(result, target.schema().id(), extension);
        return extension;
    }

    /** The values of a multi-valued attribute as an array stored under its canonical name; a lone value is kept. */
    private static ArrayNode array(ObjectNode holder, AttributeDefinition attribute) {
        JsonNode existing = ScimJson.get(holder, attribute.name());
        ArrayNode values;
        if (existing != null && existing.isArray()) {
            values = (ArrayNode) existing;
        } else {
            values = NODES.arrayNode();
            if (existing != null && !existing.isNull()) {
                values.add(existing);
            }
        }
        ScimJson.set(holder, attribute.name(), values);
        return values;
    }

    /** The complex value of a single-valued attribute, stored under its canonical name. */
    private static ObjectNode object(ObjectNode holder, AttributeDefinition attribute) {
        JsonNode existing = ScimJson.get(holder, attribute.name());
        ObjectNode complex = existing != null && existing.isObject() ? (ObjectNode) existing : NODES.objectNode();
        ScimJson.set(holder, attribute.name(), complex);
        return complex;
    }

    private static ObjectNode objectAt(ArrayNode values, int index) {
        if (!values.get(index).isObject()) {
            values.set(index, NODES.objectNode());
        }
        return (ObjectNode) values.get(index);
    }

    private static List<Integer> selected(ArrayNode values, Filter filter, AttributeDefinition attribute) {
        List<Integer> selected = new ArrayList<>();
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                if (FilterEvaluator.matchesElement(filter, values.get(i), attribute)) {
                    selected.add(i);
                }
            }
        }
        return selected;
    }

    private static List<Integer> allIndices(ArrayNode values) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            all.add(i);
        }
        return all;
    }

    private static List<JsonNode> list(ArrayNode values) {
        List<JsonNode> list = new ArrayList<>();
        values.forEach(list::add);
        return list;
    }

    /** Sets the given sub-attributes and keeps the others; a null unassigns (RFC 7643 §2.5). */
    private static void merge(ObjectNode complex, ObjectNode incoming) {
        for (Map.Entry<String, JsonNode> member : incoming.properties()) {
            if (member.getValue().isNull()) {
                ScimJson.remove(complex, member.getKey());
            } else {
                ScimJson.set(complex, member.getKey(), member.getValue().deepCopy());
            }
        }
    }

    /**
     * Sets (or with {@code null} removes) a sub-attribute of one existing value. An {@code immutable}
     * sub-attribute such as a group member's {@code value} may be set but not changed (RFC 7643 §7); whole values
     * may still be added and removed.
     */
    private static void setSub(ObjectNode element, AttributeDefinition sub, JsonNode value, String label) {
        if (sub.mutability() == Mutability.IMMUTABLE) {
            JsonNode existing = ScimJson.get(element, sub.name());
            if (!ScimJson.isUnassigned(existing) && !Equivalence.same(existing, value, sub)) {
                throw ScimException.mutability("'" + label + "' is immutable: once set it cannot be changed");
            }
        }
        if (value == null) {
            ScimJson.remove(element, sub.name());
        } else {
            ScimJson.set(element, sub.name(), value.deepCopy());
        }
    }

    private static boolean containsEquivalent(ArrayNode values, JsonNode candidate, AttributeDefinition attribute) {
        for (JsonNode existing : values) {
            if (Equivalence.covers(existing, candidate, attribute)) {
                return true;
            }
        }
        return false;
    }

    /**
     * RFC 7644 §3.5.2: setting {@code primary} to true on one value sets it to false on the others; RFC 7643 §2.4
     * allows at most one primary value, so one operation cannot make two.
     */
    private static void enforceSinglePrimary(ArrayNode values, List<JsonNode> written, AttributeDefinition attribute) {
        Optional<AttributeDefinition> primary = attribute.isComplex() ? attribute.subAttribute("primary")
                .filter(p -> p.type() == AttributeType.BOOLEAN) : Optional.empty();
        if (primary.isEmpty() || values == null) {
            return;
        }
        String name = primary.get().name();
        List<JsonNode> chosen = written.stream().filter(v -> isTrue(ScimJson.get(v, name))).toList();
        if (chosen.size() > 1) {
            throw ScimException.invalidValue("At most one value of '" + attribute.name()
                    + "' can be primary (RFC 7643 §2.4)");
        }
        if (chosen.isEmpty()) {
            return;
        }
        for (JsonNode value : values) {
            if (value != chosen.get(0) && value.isObject() && isTrue(ScimJson.get(value, name))) {
                ScimJson.set((ObjectNode) value, name, BooleanNode.FALSE);
            }
        }
    }

    private static boolean isTrue(JsonNode node) {
        return node != null && node.isBoolean() && node.booleanValue();
    }
}
