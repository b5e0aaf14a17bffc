package dev.dirsync.model;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.util.JsonSerialization;

/** The identity model read from each realm's declarative user profile. */
public final class DefaultIdentityModelProviderFactory implements IdentityModelProviderFactory {

    public static final String PROVIDER_ID = "user-profile";

    /**
     * Built models by realm, with the user-profile configuration they were built from: a request reuses the model
     * as long as the configuration is unchanged (building parses every annotation).
     */
    private final Map<String, Built> built = new ConcurrentHashMap<>();

    private record Built(String configuration, IdentityModel model) {
    }

    @Override
    public IdentityModelProvider create(KeycloakSession session) {
        return new UserProfileIdentityModelProvider(session, built);
    }

    @Override
    public void init(Config.Scope config) {
    }

    /**
     * Keeps {@code meta.lastModified} of groups and users right when membership changes by any path (Admin REST,
     * SCIM, identity-provider mappers, federation): Keycloak fires these model events for every join and leave, and
     * a path-change event when Admin REST renames a group (whose name every member's resource shows).
     */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof GroupModel.GroupMemberJoinEvent join) {
                touch(join.getGroup(), join.getUser());
            } else if (event instanceof GroupModel.GroupMemberLeaveEvent leave) {
                touch(leave.getGroup(), leave.getUser());
            } else if (event instanceof GroupModel.GroupPathChangeEvent changed
                    && MemberStamps.renamed(changed.getPreviousPath(), changed.getNewPath())) {
                MemberStamps.groupRenamed(changed.getKeycloakSession(), changed.getRealm(), changed.getGroup());
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

    private static String fingerprint(UPConfig config) {
        try {
            return JsonSerialization.writeValueAsString(config);
        } catch (IOException e) {
            return String.valueOf(System.nanoTime());
        }
    }

    /** Builds each realm's model once per session (one request): the user profile cannot change mid-request. */
    private static final class UserProfileIdentityModelProvider implements IdentityModelProvider {

        private final KeycloakSession session;
        private final Map<String, Built> cache;
        private final Map<String, IdentityModel> models = new HashMap<>();

        UserProfileIdentityModelProvider(KeycloakSession session, Map<String, Built> cache) {
            this.session = session;
            this.cache = cache;
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
                UPConfig config = session.getProvider(UserProfileProvider.class).getConfiguration();
                String fingerprint = fingerprint(config);
                Built cached = cache.get(realm.getId());
                if (cached != null && cached.configuration().equals(fingerprint)) {
                    return cached.model();
                }
                IdentityModel model = IdentityModelBuilder.fromUserProfile(config);
                cache.put(realm.getId(), new Built(fingerprint, model));
                return model;
            } finally {
                session.getContext().setRealm(previous);
            }
        }
    }
}
