package dev.dirsync.outbound;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;

/** Receives user and admin events; the outbox that consumes them arrives with the outbound-sync issue. */
final class OutboundSyncEventListenerProvider implements EventListenerProvider {

    @Override
    public void onEvent(Event event) {
        // Not yet wired: outbound sync is not implemented in this release.
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        // Not yet wired: outbound sync is not implemented in this release.
    }

    @Override
    public void close() {
    }
}
