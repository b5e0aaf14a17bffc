package dev.dirsync.scim.endpoint.tokens;

import java.util.List;

import jakarta.persistence.EntityManager;

import dev.dirsync.scim.endpoint.settings.OrganizationSettingsPageFactory;
import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/**
 * Registers the endpoint's tables with Keycloak's persistence unit (Liquibase creates them), and removes a realm's
 * or an organization's provisioning tokens with it.
 */
public final class TokenJpaEntityProviderFactory implements JpaEntityProviderFactory, JpaEntityProvider {

    /** Also names Liquibase's tracking table of our changelog: keep it distinct from other modules' ids. */
    public static final String PROVIDER_ID = "dirsync-tokens";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public List<Class<?>> getEntities() {
        return List.of(ProvisioningTokenEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/dirsync-tokens-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmRemovedEvent removed) {
                entityManager(removed.getKeycloakSession()).createNamedQuery("dirsyncDeleteTokensByRealm")
                        .setParameter("realm", removed.getRealm().getId()).executeUpdate();
            } else if (event instanceof OrganizationModel.OrganizationRemovedEvent removed) {
                KeycloakSession session = removed.getKeycloakSession();
                entityManager(session).createNamedQuery("dirsyncDeleteTokensByOrganization")
                        .setParameter("organization", removed.getOrganization().getId()).executeUpdate();
                removeEntriesOf(session.getContext().getRealm(), removed.getOrganization().getAlias());
            }
        });
    }

    /**
     * The organization's page entries (its directory settings and its tokens) go with it, so a new organization
     * that later takes the same alias starts from the realm's defaults, with no token of its predecessor.
     */
    private static void removeEntriesOf(RealmModel realm, String alias) {
        if (realm == null || alias == null) {
            return;
        }
        realm.getComponentsStream(realm.getId(), ProvisioningTokensPageFactory.PROVIDER_TYPE)
                .filter(c -> ProvisioningTokensPageFactory.PROVIDER_ID.equals(c.getProviderId())
                        || OrganizationSettingsPageFactory.PROVIDER_ID.equals(c.getProviderId()))
                .filter(c -> alias.equals(c.get(TokenSpec.ORGANIZATION)))
                .toList().forEach(realm::removeComponent);
    }

    private static EntityManager entityManager(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
