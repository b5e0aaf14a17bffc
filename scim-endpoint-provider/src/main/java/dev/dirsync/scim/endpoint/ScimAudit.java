package dev.dirsync.scim.endpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.dirsync.scim.endpoint.auth.ScimCaller;
import org.keycloak.common.ClientConnection;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Admin events for SCIM writes, shaped exactly as the Admin REST API shapes them (resource types USER, GROUP,
 * GROUP_MEMBERSHIP; paths {@code users/{id}}, {@code groups/{id}}, {@code users/{u}/groups/{g}}; Admin REST
 * representations; the SCIM client as auth details), so existing event consumers see SCIM changes like any other.
 * Every event carries the detail {@code via=scim}.
 */
public final class ScimAudit {

    public static final String DETAIL_VIA = "via";
    public static final String DETAIL_UNMAPPED = "scimUnmappedAttributes";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ScimCaller caller;
    private final ClientConnection connection;

    ScimAudit(KeycloakSession session, RealmModel realm, ScimCaller caller, ClientConnection connection) {
        this.session = session;
        this.realm = realm;
        this.caller = caller;
        this.connection = connection;
    }

    public static final String DETAIL_TOKEN = "provisioningToken";

    /** A fresh builder per event: a reused builder would carry details of the previous event over. */
    private AdminEventBuilder event() {
        AdminEventBuilder builder = new AdminEventBuilder(realm, caller.auth(), session, connection);
        if (caller.provisioningTokenId() != null) {
            builder.detail(DETAIL_TOKEN, caller.provisioningTokenId());
        }
        return builder;
    }

    public void user(OperationType operation, UserModel user, List<String> unmapped) {
        AdminEventBuilder event = event().operation(operation).resource(ResourceType.USER)
                .resourcePath("users", user.getId()).detail(DETAIL_VIA, "scim");
        if (operation != OperationType.DELETE && realm.isAdminEventsDetailsEnabled()) {
            event.representation(representation(user));
        }
        if (unmapped != null && !unmapped.isEmpty()) {
            event.detail(DETAIL_UNMAPPED, String.join(",", unmapped));
        }
        event.success();
    }

    /**
     * The Admin REST representation of the user as stored: what Admin REST events carry, built without the user
     * profile machinery {@code ModelToRepresentation} would run.
     */
    private static UserRepresentation representation(UserModel user) {
        UserRepresentation rep = new UserRepresentation();
        rep.setId(user.getId());
        rep.setUsername(user.getUsername());
        rep.setEmail(user.getEmail());
        rep.setFirstName(user.getFirstName());
        rep.setLastName(user.getLastName());
        rep.setEnabled(user.isEnabled());
        rep.setEmailVerified(user.isEmailVerified());
        rep.setCreatedTimestamp(user.getCreatedTimestamp());
        Map<String, List<String>> attributes = new LinkedHashMap<>(user.getAttributes());
        attributes.keySet().removeAll(List.of(UserModel.USERNAME, UserModel.EMAIL, UserModel.FIRST_NAME,
                UserModel.LAST_NAME));
        rep.setAttributes(attributes);
        return rep;
    }

    public void group(OperationType operation, GroupModel group) {
        AdminEventBuilder event = event().operation(operation).resource(ResourceType.GROUP)
                .resourcePath("groups", group.getId()).detail(DETAIL_VIA, "scim");
        if (operation != OperationType.DELETE) {
            event.representation(ModelToRepresentation.toRepresentation(group, true));
        }
        event.success();
    }

    /** One event per member added ({@code CREATE}) or removed ({@code DELETE}), as Admin REST emits them. */
    public void membership(OperationType operation, UserModel user, GroupModel group) {
        event().operation(operation).resource(ResourceType.GROUP_MEMBERSHIP)
                .resourcePath("users", user.getId(), "groups", group.getId())
                .representation(ModelToRepresentation.toRepresentation(group, true))
                .detail(UserModel.USERNAME, user.getUsername()).detail(UserModel.EMAIL, user.getEmail())
                .detail(DETAIL_VIA, "scim").success();
    }
}
