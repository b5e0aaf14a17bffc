package dev.dirsync.scim.endpoint.admin;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.dirsync.scim.endpoint.tokens.ProvisioningTokenEntity;
import dev.dirsync.scim.endpoint.tokens.ProvisioningTokens;
import dev.dirsync.scim.endpoint.tokens.TokenSpec;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/directory-sync/tokens}: provisioning tokens, for IdPs that can only send a static
 * bearer token (Entra's "Secret Token", Okta's "HTTP Header"). Needs {@code manage-realm}. The secret appears once, in
 * the creation response; it is stored only as a digest and never listed, logged or exported.
 */
public class TokensAdminResource {

    /** Admin event resource type of token changes. */
    public static final String RESOURCE_TYPE = "DIRECTORY_SYNC_TOKEN";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    TokensAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    /** Creates a token: {@code {"name", "organization"?, "expiresAt"?}}; answers 201 with the secret, once. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(Map<String, Object> body) {
        auth.realm().requireManageRealm();
        Map<String, Object> request = body == null ? Map.of() : body;
        Object name = request.get("name");
        Object organization = request.get("organization");
        Object expiresAt = request.get("expiresAt");
        if ((name != null && !(name instanceof String)) || (organization != null && !(organization instanceof String))) {
            throw ErrorResponse.error("'name' and 'organization' must be strings", Response.Status.BAD_REQUEST);
        }
        if (organization instanceof String alias && alias.isBlank()) {
            throw ErrorResponse.error("'organization' must be an organization alias; omit it for a realm token",
                    Response.Status.BAD_REQUEST);
        }
        String expiry = expiresAt instanceof Number n ? Instant.ofEpochMilli(n.longValue()).toString()
                : expiresAt == null ? null : expiresAt.toString();
        ProvisioningTokens.Created created;
        try {
            created = new ProvisioningTokens(session).create(realm, (String) name, (String) organization, expiry);
        } catch (ComponentValidationException e) {
            throw ErrorResponse.error(e.getMessage(), Response.Status.BAD_REQUEST);
        }
        Map<String, Object> representation = representation(created.token(),
                organizationById(created.token().getOrganizationId()));
        adminEvent.operation(OperationType.CREATE).resource(RESOURCE_TYPE)
                .resourcePath("directory-sync", "tokens", created.token().getId()).representation(representation)
                .success();
        Map<String, Object> response = new LinkedHashMap<>(representation);
        response.put("token", created.secret());
        return Response.created(URI.create(session.getContext().getUri().getAbsolutePath() + "/"
                + created.token().getId())).entity(response).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * Every token of the realm, without secrets: each entry of the "Provisioning tokens" page, {@code active} when it
     * has a secret (an entry brought by a realm import has none until one is entered).
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> list() {
        auth.realm().requireManageRealm();
        ProvisioningTokens tokens = new ProvisioningTokens(session);
        Map<String, ProvisioningTokenEntity> rows = new LinkedHashMap<>();
        tokens.list(realm).forEach(t -> rows.put(t.getId(), t));
        List<Map<String, Object>> result = new ArrayList<>();
        for (ComponentModel entry : tokens.entries(realm)) {
            ProvisioningTokenEntity row = rows.remove(entry.getId());
            result.add(row != null ? representation(row, organizationById(row.getOrganizationId()))
                    : inactive(entry));
        }
        rows.values().forEach(t -> result.add(representation(t, organizationById(t.getOrganizationId()))));
        return result;
    }

    /** Revokes a token at once: its next use is refused on every node. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        auth.realm().requireManageRealm();
        if (!new ProvisioningTokens(session).delete(realm, id)) {
            throw new NotFoundException();
        }
        adminEvent.operation(OperationType.DELETE).resource(RESOURCE_TYPE)
                .resourcePath("directory-sync", "tokens", id).success();
        return Response.noContent().build();
    }

    private static Map<String, Object> inactive(ComponentModel entry) {
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("id", entry.getId());
        rep.put("name", entry.get(TokenSpec.NAME));
        rep.put("organization", entry.get(TokenSpec.ORGANIZATION));
        rep.put("createdAt", null);
        rep.put("createdBy", null);
        rep.put("expiresAt", entry.get(TokenSpec.EXPIRES_AT));
        rep.put("lastUsedAt", null);
        rep.put("active", false);
        return rep;
    }

    private OrganizationModel organizationById(String id) {
        if (id == null) {
            return null;
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        return organizations == null ? null : organizations.getById(id);
    }

    private static Map<String, Object> representation(ProvisioningTokenEntity token, OrganizationModel organization) {
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("id", token.getId());
        rep.put("name", token.getName());
        rep.put("organization", organization == null ? null : organization.getAlias());
        rep.put("createdAt", Instant.ofEpochMilli(token.getCreatedAt()).toString());
        rep.put("createdBy", token.getCreatedBy());
        rep.put("expiresAt", token.getExpiresAt() == null ? null : Instant.ofEpochMilli(token.getExpiresAt()).toString());
        rep.put("lastUsedAt", token.getLastUsedAt() == null ? null
                : Instant.ofEpochMilli(token.getLastUsedAt()).toString());
        rep.put("active", true);
        return rep;
    }
}
