package dev.dirsync.scim.endpoint;

import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.scim.protocol.ScimException;

/**
 * One request under the SCIM base URL, as our router sees it.
 *
 * @param method   HTTP method
 * @param segments path below the base URL, split at '/', without empty segments
 * @param baseUrl  absolute SCIM base URL without trailing slash, e.g. {@code https://kc/realms/r/directory-sync/scim/v2}
 * @param ifMatch     the {@code If-Match} header, or {@code null}
 * @param ifNoneMatch the {@code If-None-Match} header, or {@code null}
 * @param body     the parsed JSON body, or {@code null} when the request has none
 */
public record ScimRequest(String method, List<String> segments, MultivaluedMap<String, String> query,
        String ifMatch, String ifNoneMatch, JsonNode body, String baseUrl) {

    public String segment(int index) {
        return index < segments.size() ? segments.get(index) : null;
    }

    public String queryParameter(String name) {
        for (String key : query.keySet()) {
            if (key.equalsIgnoreCase(name)) {
                return query.getFirst(key);
            }
        }
        return null;
    }

    /** The same request with another method, path and body (a Bulk operation, {@code /Me}). */
    public ScimRequest with(String otherMethod, List<String> otherSegments, String otherIfMatch, JsonNode otherBody) {
        return new ScimRequest(otherMethod, otherSegments, query, otherIfMatch, null, otherBody, baseUrl);
    }

    /** The body, which this operation requires. */
    public JsonNode requireBody() {
        if (body == null) {
            throw ScimException.invalidSyntax("This request needs a JSON body");
        }
        return body;
    }
}
