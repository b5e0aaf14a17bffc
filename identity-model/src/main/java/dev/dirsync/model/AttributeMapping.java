package dev.dirsync.model;

import dev.dirsync.scim.schema.AttributeDefinition;

/**
 * One SCIM value and where Keycloak stores it.
 *
 * @param path          the SCIM path
 * @param storage       the kind of storage
 * @param userAttribute the user attribute name when {@code storage} is {@link Storage#ATTRIBUTE}, else the
 *                      Keycloak attribute name of the built-in property ({@code username}, {@code email} ...)
 * @param multivalued   whether the user attribute holds several values (only for paths without a type filter)
 * @param attribute     definition of the top-level SCIM attribute
 * @param leaf          definition of the value itself (the sub-attribute, or {@code attribute})
 */
public record AttributeMapping(ScimPath path, Storage storage, String userAttribute, boolean multivalued,
        AttributeDefinition attribute, AttributeDefinition leaf) {

    /** Whether this is the built-in mapping of the primary e-mail address. */
    public boolean isPrimaryEmail() {
        return storage == Storage.EMAIL;
    }
}
