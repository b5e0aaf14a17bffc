package dev.dirsync.scim.endpoint.auth;

import jakarta.ws.rs.core.HttpHeaders;

import dev.dirsync.scim.endpoint.tokens.ProvisioningClient;
import dev.dirsync.scim.endpoint.tokens.ProvisioningTokenEntity;
import dev.dirsync.scim.endpoint.tokens.ProvisioningTokens;
import dev.dirsync.scim.protocol.ScimException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.RoleUtils;
import org.keycloak.representations.AccessToken;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * Authenticates SCIM calls with an OAuth 2.0 bearer access token issued by the same realm (RFC 6750). No audience
 * mapper is needed. Tokens of public clients are refused: provisioning is a server-to-server job with a
 * confidential client.
 */
public final class ScimAuthenticator {

    private ScimAuthenticator() {
    }

    public static ScimCaller authenticate(KeycloakSession session, RealmModel realm) {
        String header = session.getContext().getRequestHeaders().getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw ScimException.unauthorized("Authentication required: send an OAuth 2.0 bearer token");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            throw ScimException.unauthorized("Only the Bearer authentication scheme is supported");
        }
        String token = header.substring(7).trim();
        if (token.startsWith(ProvisioningTokens.PREFIX) || !looksLikeJwt(token)) {
            return provisioningToken(session, realm, token);
        }
        AuthResult result;
        try {
            result = new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).setTokenString(token)
                    .authenticate();
        } catch (RuntimeException e) {
            result = null;
        }
        if (result == null || result.user() == null || result.client() == null) {
            throw ScimException.unauthorized("The bearer token is invalid, expired, or not issued by realm '"
                    + realm.getName() + "'");
        }
        if (result.client().isPublicClient()) {
            throw ScimException.unauthorized("Tokens of public clients are not accepted; use a confidential client");
        }
        if (!result.user().isEnabled()) {
            throw ScimException.unauthorized("The token's user is disabled");
        }
        AdminAuth auth = new AdminAuth(realm, result.token(), result.user(), result.client());
        return new ScimCaller(auth, AdminPermissions.evaluator(session, realm, auth), result.user(), result.client(),
                null, null);
    }

    /** Access tokens are JWS compact serialisations (three dot-separated parts); provisioning tokens never are. */
    private static boolean looksLikeJwt(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        return second > 0 && token.indexOf('.', second + 1) < 0;
    }

    /**
     * A provisioning token acts as the service account of the realm's {@link ProvisioningClient}, whose roles and
     * fine-grained permissions decide what it may do. Its scope (realm or organization) is checked against the endpoint
     * by {@link ScimCaller#requireScope}.
     */
    private static ScimCaller provisioningToken(KeycloakSession session, RealmModel realm, String secret) {
        ProvisioningTokenEntity token = new ProvisioningTokens(session).authenticate(realm, secret).orElseThrow(
                () -> ScimException.unauthorized("The provisioning token is invalid, revoked or expired"));
        ClientModel client = ProvisioningClient.find(realm);
        UserModel serviceAccount = client == null ? null : session.users().getServiceAccount(client);
        if (serviceAccount == null || !client.isEnabled() || !serviceAccount.isEnabled()) {
            throw ScimException.unauthorized("Provisioning tokens are disabled in this realm (client '"
                    + ProvisioningClient.CLIENT_ID + "' is missing or disabled)");
        }
        AdminAuth auth = new AdminAuth(realm, identity(serviceAccount, client), serviceAccount, client);
        return new ScimCaller(auth, AdminPermissions.evaluator(session, realm, auth), serviceAccount, client,
                token.getId(), token.getOrganizationId());
    }

    /**
     * What an access token of the service account would say, for Keycloak's permission evaluator: its subject, its
     * client and its effective roles (so roles come from the token, as for a full-scope client-credentials token).
     */
    private static AccessToken identity(UserModel serviceAccount, ClientModel client) {
        AccessToken token = new AccessToken();
        token.id(KeycloakModelUtils.generateId());
        token.subject(serviceAccount.getId());
        token.issuedFor(client.getClientId());
        AccessToken.Access realmRoles = new AccessToken.Access();
        for (RoleModel role : RoleUtils.getDeepUserRoleMappings(serviceAccount)) {
            if (role.isClientRole()) {
                token.addAccess(((ClientModel) role.getContainer()).getClientId()).addRole(role.getName());
            } else {
                realmRoles.addRole(role.getName());
            }
        }
        token.setRealmAccess(realmRoles);
        return token;
    }

}
