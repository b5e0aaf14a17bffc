package dev.dirsync.scim.endpoint;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Mounts the pack's realm resource at {@code /realms/{realm}/directory-sync}. Keycloak 26.6+ owns the id
 * {@code scim} for its own (preview) SCIM API, so ours lives under a distinct id and both can run side by side.
 */
public final class ScimRealmResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "directory-sync";

    private ScimLimits limits = ScimLimits.DEFAULTS;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new ScimRealmResourceProvider(session, limits);
    }

    @Override
    public void init(Config.Scope config) {
        limits = ScimLimits.from(config);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
