package dev.dirsync.scim.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.protocol.ScimJson;
import dev.dirsync.scim.schema.AttributeDefinition;
import dev.dirsync.scim.schema.Mutability;
import dev.dirsync.scim.schema.ResourceTypeDefinition;
import dev.dirsync.scim.schema.SchemaDefinition;

/**
 * What must hold between a resource before and after all operations of one PATCH request. Checked on the end
 * result because RFC 7644 §3.5.2 applies the operations as a whole: removing a required attribute and adding it
 * back in the same request is fine, ending without it is not.
 */
final class ResourceInvariants {

    private ResourceInvariants() {
    }

    /**
     * Drops unassigned members from {@code after}, enforces {@code required} and {@code immutable} (RFC 7643 §2.2,
     * RFC 7644 §3.5.2: both fail with {@code mutability}) and keeps {@code schemas} in step with the extensions
     * present.
     */
    static void enforce(ResourceTypeDefinition type, ObjectNode before, ObjectNode after) {
        prune(after);
        for (SchemaDefinition schema : type.allSchemas()) {
            boolean extension = !schema.id().equalsIgnoreCase(type.schema().id());
            JsonNode was = extension ? ScimJson.get(before, schema.id()) : before;
            JsonNode is = extension ? ScimJson.get(after, schema.id()) : after;
            boolean present = !extension || !ScimJson.isUnassigned(is);
            if (extension && requiredExtension(type, schema) && !ScimJson.isUnassigned(was) && !present) {
                throw ScimException.mutability("The extension '" + schema.id() + "' is required for "
                        + type.name() + " resources: the request must not remove it");
            }
            for (AttributeDefinition attribute : schema.attributes()) {
                check(attribute, ScimJson.get(was, attribute.name()), ScimJson.get(is, attribute.name()),
                        attribute.name(), present);
            }
        }
        syncSchemas(type, before, after);
    }

    /**
     * @param parentPresent whether the object holding the attribute is still there: a required attribute of an
     *                      optional extension or complex value may go together with its parent
     */
    private static void check(AttributeDefinition attribute, JsonNode was, JsonNode is, String label,
            boolean parentPresent) {
        boolean wasAssigned = !ScimJson.isUnassigned(was);
        if (parentPresent && attribute.required() && wasAssigned && ScimJson.isUnassigned(is)) {
            throw ScimException.mutability("'" + label + "' is required: the request must not leave it unassigned");
        }
        if (attribute.mutability() == Mutability.IMMUTABLE && wasAssigned && !Equivalence.same(was, is, attribute)) {
            throw ScimException.mutability("'" + label + "' is immutable: once set, no request may change or remove it");
        }
        if (attribute.isComplex() && !attribute.multiValued() && was != null && was.isObject()) {
            boolean present = is != null && is.isObject() && !ScimJson.isUnassigned(is);
            for (AttributeDefinition sub : attribute.subAttributes()) {
                check(sub, ScimJson.get(was, sub.name()), ScimJson.get(is, sub.name()), label + "." + sub.name(),
                        present);
            }
        }
    }

    private static boolean requiredExtension(ResourceTypeDefinition type, SchemaDefinition schema) {
        return type.extensions().stream()
                .anyMatch(e -> e.required() && e.schema().id().equalsIgnoreCase(schema.id()));
    }

    /** RFC 7643 §2.5: null, empty arrays and (by extension) empty objects are unassigned, so they go. */
    private static void prune(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> unassigned = new ArrayList<>();
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                prune(member.getValue());
                if (isEmpty(member.getValue())) {
                    unassigned.add(member.getKey());
                }
            }
            object.remove(unassigned);
        } else if (node instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                prune(array.get(i));
                if (isEmpty(array.get(i))) {
                    array.remove(i);
                }
            }
        }
    }

    private static boolean isEmpty(JsonNode node) {
        return node.isNull() || node.isMissingNode() || (node.isContainerNode() && node.isEmpty());
    }

    /**
     * Lists an extension URN in {@code schemas} when the PATCH added the extension's first attribute, and drops it
     * when the PATCH removed its last one (RFC 7643 §3: {@code schemas} names the schemas of the attributes
     * present). Resources without a {@code schemas} array are left to the caller.
     */
    private static void syncSchemas(ResourceTypeDefinition type, ObjectNode before, ObjectNode after) {
        JsonNode schemas = ScimJson.get(after, "schemas");
        if (!(schemas instanceof ArrayNode list)) {
            return;
        }
        for (ResourceTypeDefinition.Extension extension : type.extensions()) {
            String urn = extension.schema().id();
            boolean was = !ScimJson.isUnassigned(ScimJson.get(before, urn));
            boolean is = !ScimJson.isUnassigned(ScimJson.get(after, urn));
            if (is && !was && !lists(list, urn)) {
                list.add(urn);
            } else if (was && !is) {
                for (int i = list.size() - 1; i >= 0; i--) {
                    if (list.get(i).asText().equalsIgnoreCase(urn)) {
                        list.remove(i);
                    }
                }
            }
        }
    }

    private static boolean lists(ArrayNode schemas, String urn) {
        for (JsonNode schema : schemas) {
            if (schema.asText().equalsIgnoreCase(urn)) {
                return true;
            }
        }
        return false;
    }
}
