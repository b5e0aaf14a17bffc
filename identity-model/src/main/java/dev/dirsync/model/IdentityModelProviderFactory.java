package dev.dirsync.model;

import org.keycloak.provider.ProviderFactory;

/** Factory of {@link IdentityModelProvider}; see {@link IdentityModelSpi}. */
public interface IdentityModelProviderFactory extends ProviderFactory<IdentityModelProvider> {
}
