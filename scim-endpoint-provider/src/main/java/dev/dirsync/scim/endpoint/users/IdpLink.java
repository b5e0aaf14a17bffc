package dev.dirsync.scim.endpoint.users;

import java.util.List;

import dev.dirsync.model.InternalAttributes;
import dev.dirsync.model.UserInput;
import dev.dirsync.scim.endpoint.ScimContext;
import dev.dirsync.scim.endpoint.settings.IdpLinks;
import dev.dirsync.scim.endpoint.settings.ScimSettings;
import dev.dirsync.scim.protocol.ScimException;
import org.jboss.logging.Logger;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;

/**
 * "One identity for SSO and provisioning": links a provisioned user to the identity provider the endpoint's settings
 * name, with the SCIM attribute they choose as the user's id there, so that the user's first login through that
 * identity provider lands on this account instead of Keycloak's "account already exists" detour.
 *
 * <p>A link SCIM made follows the value it came from (a renamed userName moves it). A link made by a login through the
 * identity provider, or by an administrator, is never touched: it is more authoritative than what SCIM derives.
 */
final class IdpLink {

    private static final Logger LOG = Logger.getLogger(IdpLink.class);

    private final ScimContext context;

    IdpLink(ScimContext context) {
        this.context = context;
    }

    void apply(UserModel user, UserInput input) {
        ScimSettings settings = context.settings();
        String alias = settings.idpLink();
        if (alias == null) {
            return;
        }
        String idpUserId = idpUserId(settings.idpUserId(), input);
        if (idpUserId == null) {
            return;
        }
        if (IdpLinks.usable(context.session(), alias, context.tenant().organization()).isEmpty()) {
            LOG.warnf("Directory sync: not linking user '%s' to identity provider '%s' of realm '%s': it no longer "
                    + "exists, is disabled, or belongs to another tenant; check the Directory sync settings",
                    input.userName(), alias, context.realm().getName());
            return;
        }
        UserProvider users = context.session().users();
        FederatedIdentityModel existing = users.getFederatedIdentity(context.realm(), user, alias);
        String made = user.getFirstAttribute(InternalAttributes.IDP_LINK);
        if (existing != null) {
            boolean ours = (alias + ":" + existing.getUserId()).equals(made);
            if (!ours || existing.getUserId().equals(idpUserId)) {
                return;
            }
        }
        FederatedIdentityModel link = new FederatedIdentityModel(alias, idpUserId, input.userName());
        UserModel holder = users.getUserByFederatedIdentity(context.realm(), link);
        if (holder != null && !holder.getId().equals(user.getId())) {
            throw ScimException.uniqueness(settings.idpUserId().value() + " '" + idpUserId
                    + "' is already linked to another account at identity provider '" + alias + "'");
        }
        if (existing != null) {
            // The value SCIM linked by changed (e.g. a new userName): the link follows it.
            users.removeFederatedIdentity(context.realm(), user, alias);
        }
        users.addFederatedIdentity(context.realm(), user, link);
        user.setSingleAttribute(InternalAttributes.IDP_LINK, alias + ":" + idpUserId);
    }

    private static String idpUserId(ScimSettings.IdpUserId source, UserInput input) {
        return switch (source) {
            case USER_NAME -> input.userName();
            case EXTERNAL_ID -> first(input.attributes().get(InternalAttributes.EXTERNAL_ID));
            case EMAIL -> first(input.attributes().get("email"));
        };
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }
}
