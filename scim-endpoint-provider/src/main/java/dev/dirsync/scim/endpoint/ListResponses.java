package dev.dirsync.scim.endpoint;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.scim.protocol.Schemas;

/** RFC 7644 §3.4.2 {@code ListResponse} bodies. */
public final class ListResponses {

    private ListResponses() {
    }

    public static ObjectNode of(long totalResults, int startIndex, List<? extends JsonNode> resources) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("schemas").add(Schemas.LIST_RESPONSE);
        body.put("totalResults", totalResults);
        body.put("startIndex", startIndex);
        body.put("itemsPerPage", resources.size());
        ArrayNode array = body.putArray("Resources");
        resources.forEach(array::add);
        return body;
    }
}
