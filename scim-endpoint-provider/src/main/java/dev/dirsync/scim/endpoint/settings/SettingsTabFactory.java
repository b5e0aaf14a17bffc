package dev.dirsync.scim.endpoint.settings;

import java.util.List;
import java.util.Map;

import dev.dirsync.scim.endpoint.admin.StandardScimAttributes;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

/**
 * The "Directory sync" tab of Realm settings (Keycloak's declarative admin UI, feature {@code declarative-ui}). Its
 * form stores the realm's {@link ScimSettings} as a component; invalid values are refused with 400.
 */
public final class SettingsTabFactory implements UiTabProviderFactory<ComponentModel> {

    public static final String PROVIDER_ID = "directory-sync";
    /** When on, saving the tab adds the standard SCIM attributes the user profile lacks (one click, idempotent). */
    public static final String STANDARD_ATTRIBUTES = "scimStandardAttributes";

    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(ScimSettings.ENABLED).type(ProviderConfigProperty.BOOLEAN_TYPE)
            .label("directorySyncScimEnabled").helpText("directorySyncScimEnabledHelp").defaultValue("true").add()
            .property().name(ScimSettings.STRICT).type(ProviderConfigProperty.BOOLEAN_TYPE)
            .label("directorySyncStrict").helpText("directorySyncStrictHelp").defaultValue("false").add()
            .property().name(ScimSettings.GROUP_PARENT).type(ProviderConfigProperty.GROUP_TYPE)
            .label("directorySyncGroupParent").helpText("directorySyncGroupParentHelp").add()
            .property().name(ScimSettings.DELETE_ACTION).type(ProviderConfigProperty.LIST_TYPE)
            .label("directorySyncDeleteAction").helpText("directorySyncDeleteActionHelp")
            .options(ScimSettings.DeleteAction.options())
            .defaultValue(ScimSettings.DeleteAction.DELETE.value()).add()
            .property().name(ScimSettings.IDP_LINK).type(ProviderConfigProperty.STRING_TYPE)
            .label("directorySyncIdpLink").helpText("directorySyncIdpLinkHelp").add()
            .property().name(ScimSettings.IDP_USER_ID).type(ProviderConfigProperty.LIST_TYPE)
            .label("directorySyncIdpUserId").helpText("directorySyncIdpUserIdHelp")
            .options(ScimSettings.IdpUserId.options()).defaultValue(ScimSettings.IdpUserId.USER_NAME.value()).add()
            .property().name(STANDARD_ATTRIBUTES).type(ProviderConfigProperty.BOOLEAN_TYPE)
            .label("directorySyncStandardAttributes").helpText("directorySyncStandardAttributesHelp")
            .defaultValue("false").add()
            .build();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getPath() {
        return "/:realm/realm-settings/:tab?";
    }

    @Override
    public Map<String, String> getParams() {
        return Map.of("tab", "directory-sync");
    }

    @Override
    public String getHelpText() {
        return "directorySyncHelp";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        realm.getComponentsStream(realm.getId(), ScimSettings.PROVIDER_TYPE)
                .filter(c -> PROVIDER_ID.equals(c.getProviderId()) && !c.getId().equals(model.getId()))
                .findAny().ifPresent(other -> {
                    throw new ComponentValidationException("This realm already has Directory sync settings ("
                            + other.getId() + "); update that component instead");
                });
        ScimSettings settings;
        try {
            settings = ScimSettings.from(model);
        } catch (IllegalArgumentException e) {
            throw new ComponentValidationException("Invalid Directory sync setting: " + e.getMessage());
        }
        if (settings.groupParent() == null) {
            model.getConfig().remove(ScimSettings.GROUP_PARENT_ID);
        } else {
            GroupModel parent = KeycloakModelUtils.findGroupByPath(session, realm, settings.groupParent());
            if (parent == null && unchangedParent(realm, model)) {
                // The group was renamed or moved since the tab was saved: follow it by id.
                parent = session.groups().getGroupById(realm, model.get(ScimSettings.GROUP_PARENT_ID));
                if (parent != null) {
                    model.getConfig().putSingle(ScimSettings.GROUP_PARENT, KeycloakModelUtils.buildGroupPath(parent));
                }
            }
            if (parent == null) {
                throw new ComponentValidationException("No group \"" + settings.groupParent() + "\" in this realm");
            }
            model.getConfig().putSingle(ScimSettings.GROUP_PARENT_ID, parent.getId());
        }
        IdpLinks.validate(session, settings.idpLink(), null, false);
    }

    /** Whether the admin left the parent group as it was stored (and it has a recorded id to follow). */
    private static boolean unchangedParent(RealmModel realm, ComponentModel model) {
        ComponentModel stored = model.getId() == null ? null : realm.getComponent(model.getId());
        return stored != null && model.get(ScimSettings.GROUP_PARENT_ID) != null
                && java.util.Objects.equals(stored.get(ScimSettings.GROUP_PARENT),
                        model.get(ScimSettings.GROUP_PARENT));
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        addStandardAttributesIfAsked(session, model);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        addStandardAttributesIfAsked(session, newModel);
    }

    private static void addStandardAttributesIfAsked(KeycloakSession session, ComponentModel model) {
        if ("true".equalsIgnoreCase(model.get(STANDARD_ATTRIBUTES))) {
            StandardScimAttributes.addTo(session);
        }
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    /** Not used: the declarative UI stores the component; nothing is created from it at runtime. */
    @Override
    public ComponentModel create(KeycloakSession session, ComponentModel model) {
        return model;
    }

}
