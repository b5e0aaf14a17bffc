package dev.dirsync.model;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * Per-session access to the identity model of a realm: which SCIM attribute is stored where.
 * Obtain it with {@code session.getProvider(IdentityModelProvider.class)}.
 */
public interface IdentityModelProvider extends Provider {

    /** The identity model of {@code realm}, derived from its user-profile configuration. */
    IdentityModel getModel(RealmModel realm);

    @Override
    default void close() {
    }
}
