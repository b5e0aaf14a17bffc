package dev.dirsync.model;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.userprofile.UserProfileProvider;

/** The identity model read from each realm's declarative user profile. */
public final class DefaultIdentityModelProviderFactory implements IdentityModelProviderFactory {

    public static final String PROVIDER_ID = "user-profile";

    @Override
    public IdentityModelProvider create(KeycloakSession session) {
        return new IdentityModelProvider() {
            @Override
            public IdentityModel getModel(RealmModel realm) {
                KeycloakSession realmSession = session;
                RealmModel previous = realmSession.getContext().getRealm();
                try {
                    realmSession.getContext().setRealm(realm);
                    return UserProfileMapping.fromUserProfile(
                            realmSession.getProvider(UserProfileProvider.class).getConfiguration());
                } finally {
                    realmSession.getContext().setRealm(previous);
                }
            }
        };
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
