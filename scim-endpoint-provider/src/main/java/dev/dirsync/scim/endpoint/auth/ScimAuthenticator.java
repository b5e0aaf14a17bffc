package dev.dirsync.scim.endpoint.auth;

import jakarta.ws.rs.core.HttpHeaders;

import dev.dirsync.scim.protocol.ScimException;
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
        return new ScimCaller(auth, AdminPermissions.evaluator(session, realm, auth), result.user(), result.client());
    }

}
