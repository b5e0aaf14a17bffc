package dev.dirsync.scim.endpoint;

import dev.dirsync.scim.protocol.ScimException;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Whose directory a SCIM request speaks for: the realm, or one Organization of it. An organization's endpoint sees
 * and touches only that organization's members and groups; everything else is "not found", exactly as if it did
 * not exist.
 *
 * @param organization       the organization, or {@code null} for the realm
 * @param membershipGroupId  the organization's internal membership group (members are its members)
 */
public record ScimTenant(OrganizationModel organization, String membershipGroupId) {

    public static final ScimTenant REALM = new ScimTenant(null, null);

    /** The realm's organization with {@code alias}; 404 when organizations are off or there is none. */
    public static ScimTenant organization(KeycloakSession session, RealmModel realm, String alias) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationModel organization = organizations == null || !realm.isOrganizationsEnabled() ? null
                : organizations.getByAlias(alias);
        if (organization == null) {
            throw ScimException.notFound("No organization '" + alias + "' in this realm");
        }
        return new ScimTenant(organization, organizations.getOrganizationGroup(organization).getId());
    }

    public boolean isRealm() {
        return organization == null;
    }

    public String organizationId() {
        return organization == null ? null : organization.getId();
    }

    /** The value recorded in a user's owners ({@code dirsync.tenants}) for this tenant. */
    public String ownerKey() {
        return organization == null ? "realm" : "org:" + organization.getId();
    }

    /** Whether {@code user} belongs to this tenant (every user belongs to the realm). */
    public boolean contains(KeycloakSession session, UserModel user) {
        if (organization == null) {
            return true;
        }
        return session.getProvider(OrganizationProvider.class).getMemberById(organization, user.getId()) != null;
    }

    /**
     * Whether {@code group} belongs to this tenant: realm groups for the realm, its own groups for an organization
     * (not its internal membership group, which is how Keycloak records members).
     */
    public boolean contains(GroupModel group) {
        if (organization == null) {
            return group.getType() == GroupModel.Type.REALM;
        }
        if (group.getId().equals(membershipGroupId)) {
            return false;
        }
        OrganizationModel owner = group.getType() == GroupModel.Type.ORGANIZATION ? group.getOrganization() : null;
        return owner != null && owner.getId().equals(organization.getId());
    }

    /** The same tenant in another session. */
    public ScimTenant in(KeycloakSession session) {
        if (organization == null) {
            return this;
        }
        OrganizationModel other = session.getProvider(OrganizationProvider.class).getById(organization.getId());
        return new ScimTenant(other, membershipGroupId);
    }
}
