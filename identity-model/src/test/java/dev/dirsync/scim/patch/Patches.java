package dev.dirsync.scim.patch;

import static dev.dirsync.scim.TestSchemas.json;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.scim.schema.ResourceTypeDefinition;

/** Test shorthand: PATCH bodies from their {@code Operations} array, applied with the engine. */
final class Patches {

    private Patches() {
    }

    /** Parses {@code operations} (a JSON array, single quotes allowed) as the Operations of a PatchOp body. */
    static List<PatchOperation> operations(String operations) {
        return PatchRequest.parse(json("{'schemas': ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], "
                + "'Operations': " + operations + "}"), 100);
    }

    static ObjectNode apply(ResourceTypeDefinition type, ObjectNode resource, String operations) {
        return new PatchEngine(type).apply(resource, operations(operations));
    }
}
