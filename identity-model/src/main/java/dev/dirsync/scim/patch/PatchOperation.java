package dev.dirsync.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.scim.filter.PatchPath;

/**
 * One element of the {@code Operations} array of a PATCH request (RFC 7644 §3.5.2).
 *
 * @param op    what to do
 * @param path  the target, or {@code null} when the request has none (the resource itself for add and replace)
 * @param value the value, or {@code null} when the request has none; an explicit JSON {@code null} is a
 *              {@code NullNode}
 */
public record PatchOperation(Op op, PatchPath path, JsonNode value) {

    /** The operations of RFC 7644 §3.5.2.1–3.5.2.3. */
    public enum Op {
        ADD, REMOVE, REPLACE
    }
}
