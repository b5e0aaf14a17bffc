package dev.dirsync.outbound;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Event listener that will record user and group changes in the outbound-sync outbox. Listed in a realm's
 * {@code eventsListeners} to take effect there.
 */
public final class OutboundSyncEventListenerProviderFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "directory-sync-outbound";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new OutboundSyncEventListenerProvider();
    }

    @Override
    public void init(Config.Scope config) {
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
