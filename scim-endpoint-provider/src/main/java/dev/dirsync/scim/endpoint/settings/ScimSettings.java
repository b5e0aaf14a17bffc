package dev.dirsync.scim.endpoint.settings;

import java.util.Locale;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;

/**
 * A realm's SCIM settings, read once per request from the component the "Directory sync" tab of Realm settings
 * stores (provider type {@value #PROVIDER_TYPE}, provider {@value SettingsTabFactory#PROVIDER_ID}); defaults when
 * the realm has none. Immutable. Being a component, the settings are read and written through Admin REST
 * ({@code /admin/realms/{realm}/components}) and travel with realm export and import.
 *
 * @param enabled          whether the realm's SCIM endpoint answers at all
 * @param strict           refuse bodies carrying attributes the realm does not store (400) instead of ignoring them
 * @param groupParent      path of the group under which SCIM-created realm groups are placed, or {@code null}
 * @param deleteAction     what DELETE /Users/{id} does
 */
public record ScimSettings(boolean enabled, boolean strict, String groupParent, DeleteAction deleteAction) {

    public static final String PROVIDER_TYPE = "org.keycloak.services.ui.extend.UiTabProvider";

    public static final String ENABLED = "scimEnabled";
    public static final String STRICT = "scimStrictAttributes";
    public static final String GROUP_PARENT = "scimGroupParent";
    public static final String DELETE_ACTION = "scimDeleteAction";

    public static final ScimSettings DEFAULTS = new ScimSettings(true, false, null, DeleteAction.DELETE);

    /** What an inbound DELETE of a user does. */
    public enum DeleteAction {
        /** Delete the Keycloak user. */
        DELETE,
        /** Disable the Keycloak user and keep it; SCIM no longer shows it; a later POST of the same userName revives it. */
        DISABLE;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static DeleteAction of(String value) {
            return value == null || value.isBlank() ? DELETE : valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** The settings of {@code realm}. */
    public static ScimSettings of(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), PROVIDER_TYPE)
                .filter(c -> SettingsTabFactory.PROVIDER_ID.equals(c.getProviderId()))
                .findFirst().map(ScimSettings::from).orElse(DEFAULTS);
    }

    /**
     * @throws IllegalArgumentException for a value the settings do not know
     */
    public static ScimSettings from(ComponentModel component) {
        return new ScimSettings(
                bool(component.get(ENABLED), true),
                bool(component.get(STRICT), false),
                blankToNull(component.get(GROUP_PARENT)),
                DeleteAction.of(component.get(DELETE_ACTION)));
    }

    private static boolean bool(String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!"true".equalsIgnoreCase(value.trim()) && !"false".equalsIgnoreCase(value.trim())) {
            throw new IllegalArgumentException("'" + value + "' is not true or false");
        }
        return Boolean.parseBoolean(value.trim());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
