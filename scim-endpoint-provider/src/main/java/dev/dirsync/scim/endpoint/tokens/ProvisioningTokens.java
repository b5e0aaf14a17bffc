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
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Provisioning tokens of a realm. A token is {@value #PREFIX} followed by 256 random bits (base64url); only its
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

    public Created create(RealmModel realm, String name, String organizationId, Long expiresAt, String createdBy) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ProvisioningTokenEntity token = new ProvisioningTokenEntity();
        token.setId(KeycloakModelUtils.generateId());
        token.setRealmId(realm.getId());
        token.setOrganizationId(organizationId);
        token.setName(name);
        token.setSecretHash(digest(secret));
        token.setCreatedAt(Time.currentTimeMillis());
        token.setCreatedBy(createdBy);
        token.setExpiresAt(expiresAt);
        entityManager().persist(token);
        return new Created(token, secret);
    }

    public List<ProvisioningTokenEntity> list(RealmModel realm) {
        return entityManager().createNamedQuery("dirsyncTokensByRealm", ProvisioningTokenEntity.class)
                .setParameter("realm", realm.getId()).getResultList();
    }

    public Optional<ProvisioningTokenEntity> get(RealmModel realm, String id) {
        ProvisioningTokenEntity token = id == null ? null : entityManager().find(ProvisioningTokenEntity.class, id);
        return token != null && token.getRealmId().equals(realm.getId()) ? Optional.of(token) : Optional.empty();
    }

    public void delete(ProvisioningTokenEntity token) {
        entityManager().remove(token);
    }

    /** The unexpired token of {@code realm} whose secret is {@code secret}, noting its use. */
    public Optional<ProvisioningTokenEntity> authenticate(RealmModel realm, String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        List<ProvisioningTokenEntity> found = entityManager()
                .createNamedQuery("dirsyncTokenByHash", ProvisioningTokenEntity.class)
                .setParameter("hash", digest(secret)).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ProvisioningTokenEntity token = found.get(0);
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
