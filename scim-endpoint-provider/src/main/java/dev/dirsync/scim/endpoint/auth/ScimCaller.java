package dev.dirsync.scim.endpoint.auth;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * Who is calling the SCIM endpoint, with Keycloak's admin permission evaluator for them, so every read and write is
 * checked exactly as the Admin REST API would check it (fine-grained admin permissions included).
 *
 * @param auth        the caller as Keycloak's admin layer knows it (used for admin events)
 * @param permissions the caller's admin permissions in the realm
 * @param user        the token's subject (a service account for client-credentials tokens)
 * @param client      the client the token was issued to
 * @param provisioningTokenId the provisioning token used, or {@code null} for an OAuth access token
 * @param tokenOrganizationId the organization a provisioning token is scoped to, or {@code null}
 */
public record ScimCaller(AdminAuth auth, AdminPermissionEvaluator permissions, UserModel user, ClientModel client,
        String provisioningTokenId, String tokenOrganizationId) {

    /** The same caller in another session, its models re-read there. */
    public ScimCaller in(KeycloakSession session, RealmModel realm) {
        UserModel otherUser = session.users().getUserById(realm, user.getId());
        ClientModel otherClient = session.clients().getClientById(realm, client.getId());
        AdminAuth otherAuth = new AdminAuth(realm, auth.getToken(), otherUser, otherClient);
        return new ScimCaller(otherAuth, AdminPermissions.evaluator(session, realm, otherAuth), otherUser, otherClient,
                provisioningTokenId, tokenOrganizationId);
    }

    /**
     * 403 unless the caller may use the endpoint of {@code tenant}: a provisioning token only its own tenant's (realm
     * or organization); OAuth callers any, with their admin permissions deciding the rest.
     */
    public void requireScope(String tenantOrganizationId) {
        if (provisioningTokenId != null && !java.util.Objects.equals(tokenOrganizationId, tenantOrganizationId)) {
            throw dev.dirsync.scim.protocol.ScimException.forbidden(tokenOrganizationId == null
                    ? "This provisioning token belongs to the realm and only works at the realm's SCIM endpoint"
                    : "This provisioning token belongs to an organization and only works at that organization's "
                    + "SCIM endpoint");
        }
    }

    /** Whether the token's subject is a service account (no person behind it, so no {@code /Me}). */
    public boolean isServiceAccount() {
        return user.getServiceAccountClientLink() != null;
    }
}
