package dev.dirsync.scim.endpoint.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.keycloak.common.util.Time;
import org.keycloak.component.ComponentModel;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Provisioning tokens of a realm. A generated token is {@value #PREFIX} followed by 256 random bits (base64url); a
 * token entered in the admin console is a secret of at least 32 random characters the admin generated. Only the
 * SHA-256 digest is stored (a fast digest is right for a secret of 256 random bits: there is nothing to guess).
 * Every use looks the token up in the database, so a revocation takes effect at once on every cluster node.
 */
public final class ProvisioningTokens {

    /** Marks our tokens so the endpoint never mistakes one for a JWT (and secret scanners can find leaked ones). */
    public static final String PREFIX = "dsp_";
    /** {@code lastUsedAt} is written at most this often per token, so tokens do not cost a write per request. */
    private static final long LAST_USED_RESOLUTION_MS = 60_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakSession session;

    public ProvisioningTokens(KeycloakSession session) {
        this.session = session;
    }

    /** A new token and its secret, which the caller shows once and never stores. */
    public record Created(ProvisioningTokenEntity token, String secret) {
    }

    /**
     * Creates a token with a generated secret, as an entry of the "Provisioning tokens" page (so the console lists
     * it like one made there).
     *
     * @throws org.keycloak.component.ComponentValidationException when a value is invalid
     */
    public Created create(RealmModel realm, String name, String organizationAlias, String expiresAt) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ComponentModel entry = new ComponentModel();
        entry.setName(name == null ? null : name.trim());
        entry.setProviderId(ProvisioningTokensPageFactory.PROVIDER_ID);
        entry.setProviderType(ProvisioningTokensPageFactory.PROVIDER_TYPE);
        entry.setParentId(realm.getId());
        entry.getConfig().putSingle(TokenSpec.NAME, name);
        if (organizationAlias != null) {
            entry.getConfig().putSingle(TokenSpec.ORGANIZATION, organizationAlias);
        }
        if (expiresAt != null) {
            entry.getConfig().putSingle(TokenSpec.EXPIRES_AT, expiresAt);
        }
        entry.getConfig().putSingle(TokenSpec.SECRET, secret);
        ComponentModel stored = realm.addComponentModel(entry);
        return new Created(get(realm, stored.getId()).orElseThrow(), secret);
    }

    /** Stores the digest of a new entry's secret (called by the page factory, in the entry's transaction). */
    void store(RealmModel realm, String id, TokenSpec spec, String digest) {
        ProvisioningTokenEntity token = new ProvisioningTokenEntity();
        token.setId(id);
        token.setRealmId(realm.getId());
        token.setCreatedAt(Time.currentTimeMillis());
        token.setCreatedBy(currentAdmin());
        apply(token, spec);
        token.setSecretHash(digest);
        entityManager().persist(token);
    }

    /** Follows an edited entry: new name, scope or expiry, and a new secret when {@code digest} is given. */
    void update(RealmModel realm, String id, TokenSpec spec, String digest) {
        Optional<ProvisioningTokenEntity> token = get(realm, id);
        if (token.isEmpty()) {
            if (digest != null) {
                store(realm, id, spec, digest);
            }
            return;
        }
        apply(token.get(), spec);
        if (digest != null) {
            token.get().setSecretHash(digest);
        }
    }

    void remove(RealmModel realm, String id) {
        get(realm, id).ifPresent(entityManager()::remove);
    }

    Optional<ProvisioningTokenEntity> byDigest(String digest) {
        return entityManager().createNamedQuery("dirsyncTokenByHash", ProvisioningTokenEntity.class)
                .setParameter("hash", digest).getResultList().stream().findFirst();
    }

    private static void apply(ProvisioningTokenEntity token, TokenSpec spec) {
        token.setName(spec.name());
        token.setOrganizationId(spec.organizationId());
        token.setExpiresAt(spec.expiresAt());
    }

    private String currentAdmin() {
        try {
            UserModel admin = session.getContext().getUser();
            return admin == null ? null : admin.getUsername();
        } catch (RuntimeException e) {
            return null;
        }
    }

    public List<ProvisioningTokenEntity> list(RealmModel realm) {
        return entityManager().createNamedQuery("dirsyncTokensByRealm", ProvisioningTokenEntity.class)
                .setParameter("realm", realm.getId()).getResultList();
    }

    public Optional<ProvisioningTokenEntity> get(RealmModel realm, String id) {
        ProvisioningTokenEntity token = id == null ? null : entityManager().find(ProvisioningTokenEntity.class, id);
        return token != null && token.getRealmId().equals(realm.getId()) ? Optional.of(token) : Optional.empty();
    }

    /** The realm's entries of the "Provisioning tokens" page (with or without a secret), oldest first. */
    public List<ComponentModel> entries(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), ProvisioningTokensPageFactory.PROVIDER_TYPE)
                .filter(c -> ProvisioningTokensPageFactory.PROVIDER_ID.equals(c.getProviderId())).toList();
    }

    /** Revokes token {@code id}: its page entry goes, and with it the digest. Whether there was such a token. */
    public boolean delete(RealmModel realm, String id) {
        ComponentModel entry = id == null ? null : realm.getComponent(id);
        boolean found = false;
        if (entry != null && ProvisioningTokensPageFactory.PROVIDER_ID.equals(entry.getProviderId())
                && realm.getId().equals(entry.getParentId())) {
            realm.removeComponent(entry);
            found = true;
        }
        Optional<ProvisioningTokenEntity> row = get(realm, id);
        row.ifPresent(entityManager()::remove);
        return found || row.isPresent();
    }

    /** The unexpired token of {@code realm} whose secret is {@code secret}, noting its use. */
    public Optional<ProvisioningTokenEntity> authenticate(RealmModel realm, String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        Optional<ProvisioningTokenEntity> found = byDigest(digest(secret));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ProvisioningTokenEntity token = found.get();
        long now = Time.currentTimeMillis();
        if (!token.getRealmId().equals(realm.getId()) || (token.getExpiresAt() != null && token.getExpiresAt() <= now)) {
            return Optional.empty();
        }
        if (token.getLastUsedAt() == null || now - token.getLastUsedAt() >= LAST_USED_RESOLUTION_MS) {
            token.setLastUsedAt(now);
        }
        return Optional.of(token);
    }

    static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private EntityManager entityManager() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
