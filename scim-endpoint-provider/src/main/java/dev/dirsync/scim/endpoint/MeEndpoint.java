package dev.dirsync.scim.endpoint;

import java.util.List;

import jakarta.ws.rs.core.Response;

import dev.dirsync.scim.endpoint.users.UsersEndpoint;
import dev.dirsync.scim.protocol.ScimException;
import org.keycloak.models.UserModel;

/**
 * {@code /Me} (RFC 7644 §3.11): the User resource of the token's subject. Reading oneself needs no administrative
 * role; changing oneself needs the same rights as {@code /Users/{id}}. A service-account token has no user
 * resource: 501.
 */
final class MeEndpoint {

    private final ScimContext context;

    MeEndpoint(ScimContext context) {
        this.context = context;
    }

    Response handle(ScimRequest request) {
        UserModel me = context.caller().user();
        if (context.caller().isServiceAccount()) {
            throw ScimException.notImplemented("The token's subject is the service account of client '"
                    + context.caller().client().getClientId() + "', which has no SCIM User resource");
        }
        ScimRouter.allow(request.method(), "GET", "PUT", "PATCH", "DELETE");
        if (!context.tenant().contains(context.session(), me)) {
            throw ScimException.notFound("The token's user is not a user of this directory");
        }
        UsersEndpoint users = new UsersEndpoint(context);
        if ("GET".equals(request.method())) {
            return users.self(me, request);
        }
        ScimRequest asUser = new ScimRequest(request.method(), List.of("Users", me.getId()), request.query(),
                request.ifMatch(), request.ifNoneMatch(), request.body(), request.baseUrl());
        return ScimRouter.route(asUser, context);
    }
}
