package dev.dirsync.model;

import java.util.HashMap;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.userprofile.UserProfileProvider;

/** The identity model read from each realm's declarative user profile. */
public final class DefaultIdentityModelProviderFactory implements IdentityModelProviderFactory {

    public static final String PROVIDER_ID = "user-profile";

    @Override
    public IdentityModelProvider create(KeycloakSession session) {
        return new UserProfileIdentityModelProvider(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    /**
     * Keeps {@code meta.lastModified} of groups and users right when membership changes by any path (Admin REST,
     * SCIM, identity-provider mappers, federation): Keycloak fires these model events for every join and leave.
     */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof GroupModel.GroupMemberJoinEvent join) {
                touch(join.getGroup(), join.getUser());
            } else if (event instanceof GroupModel.GroupMemberLeaveEvent leave) {
                touch(leave.getGroup(), leave.getUser());
            }
        });
    }

    private static void touch(GroupModel group, UserModel user) {
        long now = Time.currentTimeMillis();
        group.setLastModifiedTimestamp(now);
        user.setLastModifiedTimestamp(now);
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    /** Builds each realm's model once per session (one request): the user profile cannot change mid-request. */
    private static final class UserProfileIdentityModelProvider implements IdentityModelProvider {

        private final KeycloakSession session;
        private final Map<String, IdentityModel> models = new HashMap<>();

        UserProfileIdentityModelProvider(KeycloakSession session) {
            this.session = session;
        }

        @Override
        public IdentityModel getModel(RealmModel realm) {
            return models.computeIfAbsent(realm.getId(), id -> build(realm));
        }

        private IdentityModel build(RealmModel realm) {
            RealmModel previous = session.getContext().getRealm();
            try {
                // The user-profile provider reads the configuration of the context's realm.
                session.getContext().setRealm(realm);
                return IdentityModelBuilder.fromUserProfile(
                        session.getProvider(UserProfileProvider.class).getConfiguration());
            } finally {
                session.getContext().setRealm(previous);
            }
        }
    }
}
