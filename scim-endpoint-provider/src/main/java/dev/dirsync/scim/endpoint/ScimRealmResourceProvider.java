package dev.dirsync.scim.endpoint;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** Per-request provider of the {@code /realms/{realm}/directory-sync} resource tree. */
final class ScimRealmResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    ScimRealmResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new DirectorySyncRealmResource(session);
    }

    @Override
    public void close() {
    }
}
