package dev.dirsync.scim.endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dirsync.scim.endpoint.auth.ScimAuthenticator;
import dev.dirsync.scim.endpoint.auth.ScimCaller;
import dev.dirsync.scim.endpoint.settings.ScimSettings;
import dev.dirsync.scim.protocol.ScimException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * JAX-RS entry of {@code /realms/{realm}/directory-sync/scim/v2}. Every method and path lands in
 * {@link ScimRouter}, so unknown paths, wrong methods, wrong media types and oversized bodies are answered with
 * SCIM errors rather than Keycloak's. Bodies are read and parsed here, within the size limit.
 */
public class ScimResource {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final KeycloakSession session;
    private final ScimLimits limits;
    private final String organizationAlias;

    /**
     * @param organizationAlias the organization whose endpoint this is, or {@code null} for the realm's
     */
    public ScimResource(KeycloakSession session, ScimLimits limits, String organizationAlias) {
        this.session = session;
        this.limits = limits;
        this.organizationAlias = organizationAlias;
    }

    @GET
    public Response getRoot() {
        return dispatch("GET", "", null);
    }

    @GET
    @Path("{path: .*}")
    public Response get(@PathParam("path") String path) {
        return dispatch("GET", path, null);
    }

    @POST
    @Path("{path: .*}")
    @Consumes(MediaType.WILDCARD)
    public Response post(@PathParam("path") String path, InputStream body) {
        return dispatch("POST", path, body);
    }

    @PUT
    @Path("{path: .*}")
    @Consumes(MediaType.WILDCARD)
    public Response put(@PathParam("path") String path, InputStream body) {
        return dispatch("PUT", path, body);
    }

    @PATCH
    @Path("{path: .*}")
    @Consumes(MediaType.WILDCARD)
    public Response patch(@PathParam("path") String path, InputStream body) {
        return dispatch("PATCH", path, body);
    }

    @DELETE
    @Path("{path: .*}")
    public Response delete(@PathParam("path") String path) {
        return dispatch("DELETE", path, null);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response postRoot(InputStream body) {
        return dispatch("POST", "", body);
    }

    private Response dispatch(String method, String path, InputStream body) {
        return ScimBoundary.run(session, () -> {
            RealmModel realm = session.getContext().getRealm();
            ScimSettings settings = organizationAlias == null ? ScimSettings.of(realm) : null;
            if (settings != null && !settings.enabled()) {
                throw ScimException.notFound("SCIM is turned off in realm '" + realm.getName() + "'");
            }
            ScimCaller caller = ScimAuthenticator.authenticate(session, realm);
            ScimTenant tenant = organizationAlias == null ? ScimTenant.REALM
                    : ScimTenant.organization(session, realm, organizationAlias);
            if (settings == null) {
                settings = ScimSettings.of(realm, tenant.organization());
                if (!settings.enabled()) {
                    throw ScimException.notFound("SCIM is turned off for organization '" + organizationAlias + "'");
                }
            }
            caller.requireScope(tenant.organizationId());
            if (!tenant.isRealm()) {
                // Keycloak's model shows an organization's groups only within that organization's context.
                session.getContext().setOrganization(tenant.organization());
            }
            HttpHeaders headers = session.getContext().getRequestHeaders();
            JsonNode json = body == null ? null : read(body, headers);
            String baseUrl = baseUrl(realm, tenant);
            List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
            ScimRequest request = new ScimRequest(method, segments,
                    session.getContext().getUri().getQueryParameters(), headers.getHeaderString("If-Match"),
                    headers.getHeaderString("If-None-Match"), json, baseUrl);
            ScimContext context = new ScimContext(session, realm, tenant, settings, caller, limits, baseUrl,
                    session.getContext().getConnection());
            return ScimRouter.route(request, context);
        });
    }

    private String baseUrl(RealmModel realm, ScimTenant tenant) {
        String base = session.getContext().getUri().getBaseUri().toString();
        if (!base.endsWith("/")) {
            base += "/";
        }
        base += "realms/" + realm.getName() + "/" + ScimRealmResourceProviderFactory.PROVIDER_ID;
        return tenant.isRealm() ? base + "/scim/v2"
                : base + "/organizations/" + tenant.organization().getAlias() + "/scim/v2";
    }

    /** Reads a JSON body of at most {@link ScimLimits#maxPayloadBytes()}; media types other than JSON are 415. */
    private JsonNode read(InputStream body, HttpHeaders headers) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(limits.maxPayloadBytes() + 1);
        } catch (IOException e) {
            throw ScimException.badRequest("Could not read the request body");
        }
        if (bytes.length > limits.maxPayloadBytes()) {
            throw ScimException.payloadTooLarge("The request body is larger than " + limits.maxPayloadBytes()
                    + " bytes (maxPayloadSize)");
        }
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        MediaType type = headers.getMediaType();
        if (type != null && !isJson(type)) {
            throw ScimException.unsupportedMediaType("Content-Type " + type + " is not supported; send application/scim+json");
        }
        try {
            return JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw ScimException.invalidSyntax("The request body is not valid JSON" + where);
        } catch (IOException e) {
            throw ScimException.invalidSyntax("The request body is not valid JSON");
        }
    }

    private static boolean isJson(MediaType type) {
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return ("application".equalsIgnoreCase(type.getType()) && ("scim+json".equals(subtype) || "json".equals(subtype)))
                || type.isWildcardType();
    }
}
