package dev.dirsync.model;

/** Where Keycloak keeps a mapped SCIM value. */
public enum Storage {
    /** {@code UserModel.getUsername()}, stored lower-cased by Keycloak. */
    USERNAME,
    /** {@code UserModel.getEmail()}, stored lower-cased by Keycloak. */
    EMAIL,
    FIRST_NAME,
    LAST_NAME,
    /** {@code UserModel.isEnabled()}. */
    ENABLED,
    /** A user attribute (user-profile managed, or one of {@link InternalAttributes}). */
    ATTRIBUTE
}
