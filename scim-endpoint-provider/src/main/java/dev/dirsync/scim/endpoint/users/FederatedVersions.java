package dev.dirsync.scim.endpoint.users;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import dev.dirsync.model.InternalAttributes;
import dev.dirsync.model.UserScimMapper;
import dev.dirsync.model.UserSnapshot;
import dev.dirsync.scim.endpoint.ScimContext;
import org.keycloak.common.util.Time;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.cache.UserCache;
import org.keycloak.storage.UserStorageProvider;

/**
 * Keeps {@code meta.lastModified} honest for users a federation provider (LDAP, Kerberos, custom) imports and updates:
 * its syncs change the stored user without any Keycloak event, so the version last served is kept on the user, and
 * when the current one differs the user changed outside Keycloak and {@code lastModified} moves to now.
 *
 * <p>These internal values are written on the local copy of the user, never through the federation provider: a
 * read-only directory refuses every write through its users, and the values are Keycloak's business, not the
 * directory's. The cached user is evicted so every node reads the new values.
 */
final class FederatedVersions {

    /** Keycloak's own (JPA) user storage, without federation proxies. */
    private static final String LOCAL_STORAGE = "jpa";

    private final ScimContext context;
    private final UserScimMapper mapper;

    FederatedVersions(ScimContext context, UserScimMapper mapper) {
        this.context = context;
        this.mapper = mapper;
    }

    /** Whether the realm has a user federation provider at all (otherwise nothing here has work to do). */
    boolean realmFederates() {
        return context.realm().getComponentsStream(context.realm().getId(), UserStorageProvider.class.getName())
                .findAny().isPresent();
    }

    /** The page with each federated user's version checked; {@code page} itself when nothing is federated. */
    List<UserSnapshot> refresh(EntityManager em, List<UserSnapshot> page) {
        if (page.isEmpty() || !realmFederates()) {
            return page;
        }
        Set<String> federated = new HashSet<>(em.createQuery("select u.id from UserEntity u where u.id in :ids "
                + "and u.federationLink is not null", String.class)
                .setParameter("ids", page.stream().map(UserSnapshot::id).toList()).getResultList());
        return page.stream().map(s -> federated.contains(s.id()) ? refresh(s) : s).toList();
    }

    /** {@code snapshot} of a federated user, with {@code lastModified} moved to now if it changed unseen. */
    UserSnapshot refresh(UserSnapshot snapshot) {
        String version = mapper.version(snapshot);
        String served = snapshot.firstAttribute(InternalAttributes.VERSION);
        if (version.equals(served)) {
            return snapshot;
        }
        Long lastModified = snapshot.lastModified();
        UserModel local = local(snapshot.id());
        if (local == null) {
            return snapshot;
        }
        if (served != null) {
            lastModified = Time.currentTimeMillis();
            local.setLastModifiedTimestamp(lastModified);
        }
        local.setSingleAttribute(InternalAttributes.VERSION, version);
        evict(local);
        Map<String, List<String>> attributes = new LinkedHashMap<>(snapshot.attributes());
        attributes.put(InternalAttributes.VERSION, List.of(version));
        return new UserSnapshot(snapshot.id(), snapshot.username(), snapshot.email(), snapshot.firstName(),
                snapshot.lastName(), snapshot.enabled(), snapshot.created(), lastModified, attributes,
                snapshot.groups());
    }

    /** Records {@code snapshot}'s version as served without moving {@code lastModified} (after a SCIM write). */
    void stamp(UserSnapshot snapshot) {
        UserModel local = local(snapshot.id());
        if (local != null) {
            local.setSingleAttribute(InternalAttributes.VERSION, mapper.version(snapshot));
            evict(local);
        }
    }

    private UserModel local(String id) {
        UserProvider storage = context.session().getProvider(UserProvider.class, LOCAL_STORAGE);
        return storage == null ? null : storage.getUserById(context.realm(), id);
    }

    private void evict(UserModel user) {
        UserCache cache = context.session().getProvider(UserCache.class);
        if (cache != null) {
            cache.evict(context.realm(), user);
        }
    }
}
