package dev.dirsync.scim.endpoint;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** Per-request provider of the {@code /realms/{realm}/directory-sync} resource tree. */
final class ScimRealmResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final ScimLimits limits;

    ScimRealmResourceProvider(KeycloakSession session, ScimLimits limits) {
        this.session = session;
        this.limits = limits;
    }

    @Override
    public Object getResource() {
        return new DirectorySyncRealmResource(session, limits);
    }

    @Override
    public void close() {
    }
}
