package dev.dirsync.scim.endpoint.auth;

import java.util.Set;
import java.util.stream.Stream;

import dev.dirsync.scim.protocol.ScimException;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleContainerModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.RoleUtils;

/**
 * Keeps provisioning credentials away from administrators. Users holding any administrative role (a role of the
 * realm's {@code realm-management} client, or in the master realm the {@code admin} / {@code create-realm} roles
 * and the roles of the per-realm admin clients), and service accounts, are read-only through SCIM. Groups that grant
 * such roles cannot gain members, lose members, change or be deleted through SCIM: otherwise a SCIM credential could
 * make anyone an administrator, or take an administrator over.
 */
public final class AdminAccounts {

    private static final Set<String> MASTER_ADMIN_REALM_ROLES = Set.of(AdminRoles.ADMIN, AdminRoles.CREATE_REALM);

    private AdminAccounts() {
    }

    /** Throws 403 unless SCIM may change {@code user}. */
    public static void requireWritable(RealmModel realm, UserModel user) {
        if (user.getServiceAccountClientLink() != null) {
            throw ScimException.forbidden("Service accounts cannot be changed through SCIM");
        }
        if (isAdministrator(realm, RoleUtils.getDeepUserRoleMappings(user).stream())) {
            throw ScimException.forbidden("User '" + user.getUsername()
                    + "' holds administrative roles and is read-only through SCIM");
        }
    }

    /** Throws 403 unless SCIM may change {@code group} or its membership. */
    public static void requireWritable(RealmModel realm, GroupModel group) {
        for (GroupModel g = group; g != null; g = g.getParent()) {
            if (isAdministrator(realm, RoleUtils.getDeepRoleMappings(g).stream())) {
                throw ScimException.forbidden("Group '" + group.getName()
                        + "' grants administrative roles and is read-only through SCIM");
            }
        }
    }

    private static boolean isAdministrator(RealmModel realm, Stream<RoleModel> roles) {
        boolean master = org.keycloak.Config.getAdminRealm().equals(realm.getName());
        return roles.anyMatch(role -> {
            RoleContainerModel container = role.getContainer();
            if (container instanceof ClientModel client) {
                String clientId = client.getClientId();
                return Constants.REALM_MANAGEMENT_CLIENT_ID.equals(clientId)
                        || (master && clientId.endsWith("-realm"));
            }
            return master && MASTER_ADMIN_REALM_ROLES.contains(role.getName());
        });
    }
}
