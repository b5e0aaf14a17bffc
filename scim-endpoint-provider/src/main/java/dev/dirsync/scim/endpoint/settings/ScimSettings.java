package dev.dirsync.scim.endpoint.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiTabProvider;

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
 * @param idpLink          alias of the identity provider each provisioned user is linked to, or {@code null}
 * @param idpUserId        which SCIM attribute is the user's id at that identity provider
 * @param groupParentId    id of the parent group when it was validated (found even after a rename), or {@code null}
 */
public record ScimSettings(boolean enabled, boolean strict, String groupParent, DeleteAction deleteAction,
        String idpLink, IdpUserId idpUserId, String groupParentId) {

    public static final String PROVIDER_TYPE = UiTabProvider.class.getName();

    public static final String ENABLED = "scimEnabled";
    public static final String STRICT = "scimStrictAttributes";
    public static final String GROUP_PARENT = "scimGroupParent";
    public static final String DELETE_ACTION = "scimDeleteAction";
    public static final String IDP_LINK = "scimIdpLink";
    public static final String IDP_USER_ID = "scimIdpUserId";
    /** Written by validation next to {@link #GROUP_PARENT}: the group's id, so a rename does not lose it. */
    public static final String GROUP_PARENT_ID = "scimGroupParentId";

    public static final ScimSettings DEFAULTS = new ScimSettings(true, false, null, DeleteAction.DELETE, null,
            IdpUserId.USER_NAME, null);

    /** The SCIM attribute whose value is the user's id at the linked identity provider. */
    public enum IdpUserId {
        EXTERNAL_ID("externalId"), USER_NAME("userName"), EMAIL("email");

        private final String value;

        IdpUserId(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        /** The values an admin may pick, for the settings forms. */
        public static List<String> options() {
            return optionsOf(values(), IdpUserId::value);
        }

        static IdpUserId of(String value) {
            return choice(values(), IdpUserId::value, value, USER_NAME);
        }
    }

    /** What an inbound DELETE of a user does. */
    public enum DeleteAction {
        /** Delete the Keycloak user. */
        DELETE,
        /** Disable the Keycloak user and keep it; SCIM no longer shows it; a later POST of the same userName revives it. */
        DISABLE;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The values an admin may pick, for the settings forms. */
        public static List<String> options() {
            return optionsOf(values(), DeleteAction::value);
        }

        static DeleteAction of(String value) {
            return choice(values(), DeleteAction::value, value, DELETE);
        }
    }

    private static <E> List<String> optionsOf(E[] choices, Function<E, String> value) {
        return Arrays.stream(choices).map(value).toList();
    }

    /**
     * The choice whose value is {@code given} (case-insensitive), {@code fallback} when blank.
     *
     * @throws IllegalArgumentException naming the values there are
     */
    private static <E> E choice(E[] choices, Function<E, String> value, String given, E fallback) {
        if (given == null || given.isBlank()) {
            return fallback;
        }
        for (E candidate : choices) {
            if (value.apply(candidate).equalsIgnoreCase(given.trim())) {
                return candidate;
            }
        }
        List<String> options = optionsOf(choices, value);
        throw new IllegalArgumentException("\"" + given + "\" is not "
                + String.join(", ", options.subList(0, options.size() - 1)) + " or " + options.get(options.size() - 1));
    }

    /** The settings of {@code realm}. */
    public static ScimSettings of(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), PROVIDER_TYPE)
                .filter(c -> SettingsTabFactory.PROVIDER_ID.equals(c.getProviderId()))
                .findFirst().map(ScimSettings::from).orElse(DEFAULTS);
    }

    /**
     * The settings of an organization's endpoint: the realm's, overridden by the organization's entry on the
     * "Directory sync organizations" page where it has one. Organization groups belong to the organization, so
     * there is no parent group.
     */
    public static ScimSettings of(RealmModel realm, OrganizationModel organization) {
        ScimSettings base = of(realm);
        if (organization == null) {
            return base;
        }
        ScimSettings realmLevel = new ScimSettings(true, base.strict(), null, base.deleteAction(), null,
                IdpUserId.USER_NAME, null);
        return OrganizationSettingsPageFactory.find(realm, organization.getAlias())
                .map(c -> realmLevel.overriddenBy(c)).orElse(realmLevel);
    }

    /** These settings with every value {@code component} sets replaced. */
    ScimSettings overriddenBy(ComponentModel component) {
        return new ScimSettings(
                bool(component.get(ENABLED), enabled),
                bool(component.get(STRICT), strict),
                groupParent,
                present(component.get(DELETE_ACTION)) ? DeleteAction.of(component.get(DELETE_ACTION)) : deleteAction,
                present(component.get(IDP_LINK)) ? blankToNull(component.get(IDP_LINK)) : idpLink,
                present(component.get(IDP_USER_ID)) ? IdpUserId.of(component.get(IDP_USER_ID)) : idpUserId,
                groupParentId);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * @throws IllegalArgumentException for a value the settings do not know
     */
    public static ScimSettings from(ComponentModel component) {
        return new ScimSettings(
                bool(component.get(ENABLED), true),
                bool(component.get(STRICT), false),
                blankToNull(component.get(GROUP_PARENT)),
                DeleteAction.of(component.get(DELETE_ACTION)),
                blankToNull(component.get(IDP_LINK)),
                IdpUserId.of(component.get(IDP_USER_ID)),
                blankToNull(component.get(GROUP_PARENT) == null ? null : component.get(GROUP_PARENT_ID)));
    }

    private static boolean bool(String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!"true".equalsIgnoreCase(value.trim()) && !"false".equalsIgnoreCase(value.trim())) {
            throw new IllegalArgumentException("\"" + value + "\" is not true or false");
        }
        return Boolean.parseBoolean(value.trim());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
