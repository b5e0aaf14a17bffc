package dev.dirsync.scim.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The RFC 7644 §3.12 error body. */
public final class ScimError {

    private ScimError() {
    }

    public static ObjectNode body(ScimException e) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("schemas").add(Schemas.ERROR);
        body.put("status", Integer.toString(e.status()));
        if (e.scimType() != null) {
            body.put("scimType", e.scimType());
        }
        if (e.detail() != null) {
            body.put("detail", e.detail());
        }
        return body;
    }
}
