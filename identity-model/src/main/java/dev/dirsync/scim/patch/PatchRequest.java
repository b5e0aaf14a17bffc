package dev.dirsync.scim.patch;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.scim.dialect.IdpDialects;
import dev.dirsync.scim.filter.Filters;
import dev.dirsync.scim.filter.PatchPath;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.protocol.ScimJson;
import dev.dirsync.scim.protocol.Schemas;

/** Reads the body of a PATCH request (RFC 7644 §3.5.2) into {@link PatchOperation}s. */
public final class PatchRequest {

    private PatchRequest() {
    }

    /**
     * Parses and checks a PATCH body: {@code schemas} must contain {@value Schemas#PATCH_OP}, {@code Operations}
     * must be a non-empty array of at most {@code maxOperations} operations, each with an {@code op}, an optional
     * {@code path} and a {@code value} unless it removes. Member names are case-insensitive (RFC 7643 §2.1).
     *
     * @param maxOperations the most operations accepted in one request, at least 1
     * @throws ScimException {@code invalidSyntax} for a malformed body or operation, {@code tooMany} for too many
     *                       operations, {@code invalidPath} for a malformed path, {@code noTarget} for a remove
     *                       without path (RFC 7644 §3.5.2.2)
     */
    public static List<PatchOperation> parse(JsonNode body, int maxOperations) {
        if (maxOperations < 1) {
            throw new IllegalArgumentException("maxOperations must be at least 1");
        }
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("A PATCH body must be a JSON object");
        }
        if (!declaresPatchOp(ScimJson.get(body, "schemas"))) {
            throw ScimException.invalidSyntax("A PATCH body must list '" + Schemas.PATCH_OP + "' in 'schemas'");
        }
        JsonNode operations = ScimJson.get(body, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimException.invalidSyntax("A PATCH body needs a non-empty 'Operations' array");
        }
        if (operations.size() > maxOperations) {
            throw ScimException.tooMany("A PATCH request may hold at most " + maxOperations + " operations, not "
                    + operations.size());
        }
        List<PatchOperation> parsed = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            parsed.add(operation(operations.get(i), i + 1));
        }
        return List.copyOf(parsed);
    }

    private static boolean declaresPatchOp(JsonNode schemas) {
        if (schemas == null || !schemas.isArray()) {
            return false;
        }
        for (JsonNode schema : schemas) {
            if (schema.isTextual() && schema.asText().equalsIgnoreCase(Schemas.PATCH_OP)) {
                return true;
            }
        }
        return false;
    }

    private static PatchOperation operation(JsonNode node, int number) {
        if (!node.isObject()) {
            throw ScimException.invalidSyntax("Operation " + number + " is not a JSON object");
        }
        PatchOperation.Op op = op(ScimJson.get(node, "op"), number);
        PatchPath path = path(ScimJson.get(node, "path"), number);
        JsonNode value = ScimJson.get(node, "value");
        if (op == PatchOperation.Op.REMOVE && path == null) {
            throw ScimException.noTarget("Operation " + number + ": remove needs a 'path'");
        }
        if (op == PatchOperation.Op.ADD && (value == null || value.isNull())) {
            throw ScimException.invalidSyntax("Operation " + number + ": add needs a 'value'");
        }
        // An explicit null stays: replacing with null unassigns the target (RFC 7643 §2.5).
        if (op == PatchOperation.Op.REPLACE && value == null) {
            throw ScimException.invalidSyntax("Operation " + number + ": replace needs a 'value'");
        }
        return new PatchOperation(op, path, value);
    }

    private static PatchOperation.Op op(JsonNode node, int number) {
        if (node == null || !node.isTextual()) {
            throw ScimException.invalidSyntax("Operation " + number + " needs an 'op' of add, remove or replace");
        }
        switch (IdpDialects.operationName(node.asText())) {
            case "add":
                return PatchOperation.Op.ADD;
            case "remove":
                return PatchOperation.Op.REMOVE;
            case "replace":
                return PatchOperation.Op.REPLACE;
            default:
                throw ScimException.invalidSyntax("Operation " + number + ": unknown op '" + node.asText()
                        + "'; expected add, remove or replace");
        }
    }

    private static PatchPath path(JsonNode node, int number) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ScimException.invalidPath("Operation " + number + ": 'path' must be a string");
        }
        return Filters.parsePath(node.asText());
    }
}
