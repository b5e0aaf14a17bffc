package dev.dirsync.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SCIM view of one realm's user profile: for each SCIM attribute path, the Keycloak user attribute that stores
 * it. Immutable; built once per user-profile configuration.
 *
 * @param attributeByScimPath user-profile attribute name keyed by the SCIM path it carries (e.g. {@code title},
 *                           {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department})
 */
public record IdentityModel(Map<String, String> attributeByScimPath) {

    /** The user-profile annotation that maps an attribute to a SCIM path; the same key Keycloak's own SCIM reads. */
    public static final String SCIM_ANNOTATION = "kc.scim.schema.attribute";

    public IdentityModel {
        attributeByScimPath = Map.copyOf(attributeByScimPath);
    }

    /** The user attribute that stores {@code scimPath}, if the realm maps it. */
    public Optional<String> attributeFor(String scimPath) {
        return Optional.ofNullable(attributeByScimPath.get(scimPath));
    }

    /** SCIM paths the realm maps, sorted. */
    public List<String> scimPaths() {
        return attributeByScimPath.keySet().stream().sorted().toList();
    }
}
