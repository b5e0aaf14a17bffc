package dev.dirsync.scim.endpoint.tokens;

import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.managers.ClientManager;
import org.keycloak.services.managers.RealmManager;

/**
 * The realm's client {@value #CLIENT_ID}, whose service account provisioning tokens act as: its roles (by default
 * {@code view-users}, {@code manage-users} and {@code query-groups} of realm-management) and any fine-grained admin
 * permission granted to it decide what a token may do, and admin events name it. It has no login flow and a random
 * secret nobody is shown.
 */
public final class ProvisioningClient {

    public static final String CLIENT_ID = "directory-sync-provisioning";
    /** Keycloak's "Signed JWT" client authenticator, left without any key. */
    private static final String JWT_WITHOUT_KEYS = "client-jwt";
    private static final String[] DEFAULT_ROLES = {"view-users", "manage-users", "query-groups"};

    private ProvisioningClient() {
    }

    public static ClientModel find(RealmModel realm) {
        return realm.getClientByClientId(CLIENT_ID);
    }

    /** The client, created with its service account on first use. */
    public static ClientModel ensure(KeycloakSession session, RealmModel realm) {
        ClientModel client = find(realm);
        if (client != null) {
            lockCredentials(client);
            return client;
        }
        client = realm.addClient(CLIENT_ID);
        client.setName("Directory Sync provisioning tokens");
        client.setDescription("Provisioning tokens act as this client's service account. Managed by Keycloak "
                + "Directory Sync; its roles decide what the tokens may do.");
        client.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        client.setPublicClient(false);
        lockCredentials(client);
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setEnabled(true);
        new ClientManager(new RealmManager(session)).enableServiceAccount(client);
        UserModel serviceAccount = session.users().getServiceAccount(client);
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        for (String name : DEFAULT_ROLES) {
            RoleModel role = management == null ? null : management.getRole(name);
            if (role != null) {
                serviceAccount.grantRole(role);
            }
        }
        return client;
    }

    /**
     * Nobody can obtain a token as this client: it authenticates with a signed JWT but has no key to check one
     * against, and has no secret. Otherwise its client-credentials token (which carries no organization scope) would
     * be a master key past every organization-scoped provisioning token.
     */
    private static void lockCredentials(ClientModel client) {
        if (!JWT_WITHOUT_KEYS.equals(client.getClientAuthenticatorType()) || client.getSecret() != null) {
            client.setClientAuthenticatorType(JWT_WITHOUT_KEYS);
            client.setSecret(null);
            client.removeAttribute("jwt.credential.certificate");
            client.setAttribute("use.jwks.url", "false");
            client.removeAttribute("jwks.url");
        }
    }
}
