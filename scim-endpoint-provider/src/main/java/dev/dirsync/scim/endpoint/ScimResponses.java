package dev.dirsync.scim.endpoint;

import java.net.URI;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dirsync.scim.protocol.Schemas;

/** Builds responses: every body is {@code application/scim+json}; resources carry their ETag and Location. */
public final class ScimResponses {

    static final ObjectMapper JSON = new ObjectMapper();

    private ScimResponses() {
    }

    public static Response json(int status, JsonNode body) {
        return Response.status(status).entity(write(body)).type(Schemas.MEDIA_TYPE + ";charset=UTF-8").build();
    }

    public static Response ok(JsonNode body) {
        return json(200, body);
    }

    /** A resource response: {@code ETag} is {@code meta.version}, {@code Location} is {@code meta.location}. */
    public static Response resource(int status, JsonNode resource) {
        Response.ResponseBuilder builder = Response.status(status).entity(write(resource))
                .type(Schemas.MEDIA_TYPE + ";charset=UTF-8");
        JsonNode meta = resource.path("meta");
        if (meta.hasNonNull("version")) {
            builder.header(HttpHeaders.ETAG, meta.get("version").asText());
        }
        if (meta.hasNonNull("location")) {
            builder.header(HttpHeaders.LOCATION, URI.create(meta.get("location").asText()));
        }
        return builder.build();
    }

    public static Response noContent() {
        return Response.noContent().build();
    }

    /** 304 for a conditional GET whose {@code If-None-Match} names the current version. */
    public static Response notModified(String version) {
        return Response.notModified().header(HttpHeaders.ETAG, version).build();
    }

    static String write(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }
}
