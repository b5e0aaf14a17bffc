package dev.dirsync.model;

import java.util.Set;

import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Keeps SCIM's {@code meta.lastModified} right when users and groups change outside SCIM: Keycloak itself stamps
 * {@code LAST_MODIFIED_TIMESTAMP} only at creation. Stamps users on admin updates ({@code users/{id}}) and on the
 * user events of the account console and required actions (profile, e-mail), and groups on admin updates. Runs in
 * every realm ({@link #isGlobal()}), in the transaction of the change. SCIM's own writes stamp themselves.
 */
public final class MetaStampEventListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "directory-sync-meta";

    private static final Set<EventType> USER_CHANGES = Set.of(EventType.UPDATE_PROFILE, EventType.UPDATE_EMAIL,
            EventType.VERIFY_EMAIL);

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new EventListenerProvider() {
            @Override
            public void onEvent(Event event) {
                if (event.getType() != null && USER_CHANGES.contains(event.getType()) && event.getUserId() != null) {
                    RealmModel realm = session.realms().getRealm(event.getRealmId());
                    UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
                    if (user != null) {
                        user.setLastModifiedTimestamp(Time.currentTimeMillis());
                    }
                }
            }

            @Override
            public void onEvent(AdminEvent event, boolean includeRepresentation) {
                if (event.getOperationType() != OperationType.UPDATE || event.getResourcePath() == null
                        || (event.getDetails() != null && "scim".equals(event.getDetails().get("via")))) {
                    return;
                }
                String[] path = event.getResourcePath().split("/");
                if (path.length != 2) {
                    return;
                }
                RealmModel realm = session.realms().getRealm(event.getRealmId());
                if (realm == null) {
                    return;
                }
                if (event.getResourceType() == ResourceType.USER && "users".equals(path[0])) {
                    UserModel user = session.users().getUserById(realm, path[1]);
                    if (user != null) {
                        user.setLastModifiedTimestamp(Time.currentTimeMillis());
                    }
                } else if (event.getResourceType() == ResourceType.GROUP && "groups".equals(path[0])) {
                    GroupModel group = session.groups().getGroupById(realm, path[1]);
                    if (group != null) {
                        group.setLastModifiedTimestamp(Time.currentTimeMillis());
                    }
                }
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public boolean isGlobal() {
        return true;
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
