package dev.dirsync.scim.endpoint.settings;

import java.util.List;
import java.util.Optional;

import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiPageProvider;
import org.keycloak.services.ui.extend.UiPageProviderFactory;

/**
 * The "Organization directories" page of the admin console (declarative UI): one entry per Organization whose SCIM
 * endpoint differs from the realm's settings. Stored as components under the realm, so they are read and written
 * through Admin REST and travel with realm export and import; invalid entries are refused with 400.
 */
public final class OrganizationSettingsPageFactory implements UiPageProviderFactory<ComponentModel> {

    public static final String PROVIDER_ID = "directory-sync-organizations";
    public static final String PROVIDER_TYPE = UiPageProvider.class.getName();
    public static final String ORGANIZATION = "organization";

    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(ORGANIZATION).type(ProviderConfigProperty.STRING_TYPE).required(true)
            .label("directorySyncOrganization").helpText("directorySyncOrganizationHelp").add()
            .property().name(ScimSettings.ENABLED).type(ProviderConfigProperty.BOOLEAN_TYPE)
            .label("directorySyncScimEnabled").helpText("directorySyncOrgScimEnabledHelp").defaultValue("true").add()
            .property().name(ScimSettings.STRICT).type(ProviderConfigProperty.BOOLEAN_TYPE)
            .label("directorySyncStrict").helpText("directorySyncStrictHelp").defaultValue("false").add()
            .property().name(ScimSettings.DELETE_ACTION).type(ProviderConfigProperty.LIST_TYPE)
            .label("directorySyncDeleteAction").helpText("directorySyncOrgDeleteActionHelp")
            .options(ScimSettings.DeleteAction.options())
            .defaultValue(ScimSettings.DeleteAction.DELETE.value()).add()
            .property().name(ScimSettings.IDP_LINK).type(ProviderConfigProperty.STRING_TYPE)
            .label("directorySyncIdpLink").helpText("directorySyncOrgIdpLinkHelp").add()
            .property().name(ScimSettings.IDP_USER_ID).type(ProviderConfigProperty.LIST_TYPE)
            .label("directorySyncIdpUserId").helpText("directorySyncIdpUserIdHelp")
            .options(ScimSettings.IdpUserId.options()).defaultValue(ScimSettings.IdpUserId.USER_NAME.value()).add()
            .build();

    /** The entry of the organization with {@code alias}, if the realm has one. */
    static Optional<ComponentModel> find(RealmModel realm, String alias) {
        return realm.getComponentsStream(realm.getId(), PROVIDER_TYPE)
                .filter(c -> PROVIDER_ID.equals(c.getProviderId()))
                .filter(c -> alias.equals(c.get(ORGANIZATION)))
                .findFirst();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public java.util.Map<String, Object> getTypeMetadata() {
        return java.util.Map.of("displayFields", List.of(ORGANIZATION, ScimSettings.ENABLED, ScimSettings.IDP_LINK));
    }

    @Override
    public String getHelpText() {
        return "directorySyncOrganizationsHelp";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        String alias = model.get(ORGANIZATION);
        if (alias == null || alias.isBlank()) {
            throw new ComponentValidationException("An entry needs the alias of an organization");
        }
        ScimSettings settings;
        try {
            settings = ScimSettings.DEFAULTS.overriddenBy(model);
        } catch (IllegalArgumentException e) {
            throw new ComponentValidationException("Invalid Directory sync setting: " + e.getMessage());
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationModel organization = organizations == null ? null : organizations.getByAlias(alias.trim());
        if (organization == null && ComponentImports.isImport(realm, model)) {
            // A realm import brings its organizations after its components: the entry waits for its organization.
            model.getConfig().putSingle(ORGANIZATION, alias.trim());
            IdpLinks.validate(session, settings.idpLink(), null, true);
            return;
        }
        if (organization == null) {
            throw new ComponentValidationException("No organization \"" + alias + "\" in this realm");
        }
        model.getConfig().putSingle(ORGANIZATION, organization.getAlias());
        find(realm, organization.getAlias()).filter(other -> !other.getId().equals(model.getId()))
                .ifPresent(other -> {
                    throw new ComponentValidationException("Organization \"" + organization.getAlias()
                            + "\" already has directory settings (" + other.getName() + ")");
                });
        IdpLinks.validate(session, settings.idpLink(), organization, false);
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
}
