package dev.dirsync.model;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The SPI behind the shared identity model: how SCIM resources map onto Keycloak's user profile, users and groups.
 * Every module of the pack (inbound SCIM, outbound sync, protocol mappers) asks the session for an
 * {@link IdentityModelProvider} instead of reading user attributes itself, so they agree attribute for attribute.
 */
public final class IdentityModelSpi implements Spi {

    public static final String SPI_NAME = "directory-sync-identity-model";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return SPI_NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return IdentityModelProvider.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return IdentityModelProviderFactory.class;
    }
}
