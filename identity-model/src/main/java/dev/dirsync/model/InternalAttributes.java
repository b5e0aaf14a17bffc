package dev.dirsync.model;

/**
 * User and group attributes the pack keeps for itself. They are plain Keycloak attributes so they survive realm
 * export and import; the user profile does not manage them (with unmanaged attributes disabled, the default, they
 * are invisible in the consoles and cannot be edited there).
 */
public final class InternalAttributes {

    /** The IdP's {@code externalId} when no user-profile attribute is annotated {@code externalId}. */
    public static final String EXTERNAL_ID = "dirsync.externalId";
    /** {@code userName} as the IdP spelled it; Keycloak stores usernames lower-cased. */
    public static final String USER_NAME = "dirsync.userName";
    /**
     * The organizations whose SCIM endpoint created the user ({@code org:<id>}): an organization's DELETE removes
     * the user only when no other tenant owns it, and only an owner may revive a kept user. The realm owns every user
     * implicitly (its endpoint sees them all), so users it creates carry no value, which spares every realm create
     * an attribute row.
     */
    public static final String TENANTS = "dirsync.tenants";

    /**
     * Set when SCIM deleted the user under the "disable and keep" setting: SCIM no longer shows the user, and a later
     * create of the same userName revives it.
     */
    public static final String DELETED = "dirsync.deleted";

    /**
     * The last {@code meta.version} served for a user of a federation provider, whose imports fire no events: when
     * it differs from the current one, the user changed outside SCIM and {@code lastModified} moves.
     */
    public static final String VERSION = "dirsync.version";

    /**
     * The identity-provider user id of the link SCIM made ({@code <alias>:<id>}): only a link SCIM made is followed
     * when the value it came from changes; links made by a login or an administrator are never touched.
     */
    public static final String IDP_LINK = "dirsync.idpLink";

    private InternalAttributes() {
    }

    public static boolean isInternal(String attribute) {
        return attribute.startsWith("dirsync.");
    }
}
