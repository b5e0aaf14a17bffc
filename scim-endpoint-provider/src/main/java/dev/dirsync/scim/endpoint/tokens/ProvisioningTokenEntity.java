package dev.dirsync.scim.endpoint.tokens;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A provisioning token: a long-lived bearer secret for IdPs that can only send a static token. Only the SHA-256
 * digest of the secret is stored; the secret itself is shown once, at creation.
 */
@Entity
@Table(name = "DIRSYNC_PROVISIONING_TOKEN")
@NamedQueries({
        @NamedQuery(name = "dirsyncTokenByHash",
                query = "select t from ProvisioningTokenEntity t where t.secretHash = :hash"),
        @NamedQuery(name = "dirsyncTokensByRealm",
                query = "select t from ProvisioningTokenEntity t where t.realmId = :realm order by t.createdAt"),
        @NamedQuery(name = "dirsyncDeleteTokensByRealm",
                query = "delete from ProvisioningTokenEntity t where t.realmId = :realm"),
        @NamedQuery(name = "dirsyncDeleteTokensByOrganization",
                query = "delete from ProvisioningTokenEntity t where t.organizationId = :organization")
})
public class ProvisioningTokenEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "ORGANIZATION_ID", length = 36)
    private String organizationId;

    @Column(name = "NAME", nullable = false)
    private String name;

    @Column(name = "SECRET_HASH", length = 64, nullable = false, unique = true)
    private String secretHash;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "CREATED_BY")
    private String createdBy;

    @Column(name = "EXPIRES_AT")
    private Long expiresAt;

    @Column(name = "LAST_USED_AT")
    private Long lastUsedAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(String organizationId) {
        this.organizationId = organizationId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public void setSecretHash(String secretHash) {
        this.secretHash = secretHash;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Long getLastUsedAt() {
        return lastUsedAt;
    }

    public void setLastUsedAt(Long lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }
}
