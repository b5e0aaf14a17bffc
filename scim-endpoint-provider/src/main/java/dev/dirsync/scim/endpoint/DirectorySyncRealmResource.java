package dev.dirsync.scim.endpoint;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

import org.keycloak.models.KeycloakSession;

/** Root of {@code /realms/{realm}/directory-sync}. */
public class DirectorySyncRealmResource {

    private final KeycloakSession session;
    private final ScimLimits limits;

    public DirectorySyncRealmResource(KeycloakSession session, ScimLimits limits) {
        this.session = session;
        this.limits = limits;
    }

    /** Liveness of the pack in this realm; carries no user data and needs no credentials. */
    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> status() {
        return Map.of("realm", session.getContext().getRealm().getName(), "status", "ok");
    }

    /** The realm's inbound SCIM 2.0 service provider. */
    @Path("scim/v2")
    public ScimResource scim() {
        return new ScimResource(session, limits, null);
    }

    /** One Organization's SCIM 2.0 service provider: it sees and changes only that organization. */
    @Path("organizations/{alias}/scim/v2")
    public ScimResource organizationScim(@PathParam("alias") String alias) {
        return new ScimResource(session, limits, alias);
    }
}
