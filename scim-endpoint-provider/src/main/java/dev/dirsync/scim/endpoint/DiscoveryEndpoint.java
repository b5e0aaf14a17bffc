package dev.dirsync.scim.endpoint;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.protocol.Schemas;
import dev.dirsync.scim.schema.ResourceTypeDefinition;
import dev.dirsync.scim.schema.SchemaDefinition;
import dev.dirsync.scim.schema.SchemaJson;

/**
 * {@code /ServiceProviderConfig}, {@code /ResourceTypes} and {@code /Schemas} (RFC 7644 §4). Resource types and
 * schemas are generated from the realm's identity model, so they always agree with each other and with what the
 * realm stores.
 */
public final class DiscoveryEndpoint {

    private final ScimContext context;

    public DiscoveryEndpoint(ScimContext context) {
        this.context = context;
    }

    public Response serviceProviderConfig() {
        ScimLimits limits = context.limits();
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.putArray("schemas").add(Schemas.SERVICE_PROVIDER_CONFIG);
        config.put("documentationUri", "https://github.com/keycloak-directory-sync/keycloak-directory-sync#readme");
        config.putObject("patch").put("supported", true);
        config.putObject("bulk").put("supported", true).put("maxOperations", limits.maxBulkOperations())
                .put("maxPayloadSize", limits.maxPayloadBytes());
        config.putObject("filter").put("supported", true).put("maxResults", limits.maxResults());
        config.putObject("changePassword").put("supported", true);
        config.putObject("sort").put("supported", true);
        config.putObject("etag").put("supported", true);
        config.putArray("authenticationSchemes").addObject()
                .put("type", "oauthbearertoken")
                .put("name", "OAuth Bearer Token")
                .put("description", "An access token issued by this Keycloak realm to a confidential client")
                .put("specUri", "https://www.rfc-editor.org/info/rfc6750")
                .put("primary", true);
        config.putObject("meta").put("resourceType", "ServiceProviderConfig")
                .put("location", context.baseUrl() + "/ServiceProviderConfig");
        return ScimResponses.ok(config);
    }

    public Response resourceTypes(String id) {
        Map<String, JsonNode> types = new LinkedHashMap<>();
        for (ResourceTypeDefinition type : types()) {
            types.put(type.id(), SchemaJson.resourceType(type, context.baseUrl() + "/ResourceTypes/" + type.id()));
        }
        return one(types, id, "ResourceType");
    }

    public Response schemas(String id) {
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        for (ResourceTypeDefinition type : types()) {
            for (SchemaDefinition schema : type.allSchemas()) {
                schemas.putIfAbsent(schema.id(), SchemaJson.schema(schema, context.baseUrl() + "/Schemas/" + schema.id()));
            }
        }
        return one(schemas, id, "Schema");
    }

    private List<ResourceTypeDefinition> types() {
        return List.of(context.model().userType(), context.model().groupType());
    }

    private static Response one(Map<String, JsonNode> all, String id, String what) {
        if (id == null) {
            return ScimResponses.ok(ListResponses.of(all.size(), 1, new ArrayList<>(all.values())));
        }
        String wanted = URLDecoder.decode(id, StandardCharsets.UTF_8);
        return all.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(wanted)).findFirst()
                .map(e -> ScimResponses.ok(e.getValue()))
                .orElseThrow(() -> ScimException.notFound(what + " " + wanted + " not found"));
    }
}
