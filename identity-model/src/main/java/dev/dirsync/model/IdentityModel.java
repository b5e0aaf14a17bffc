package dev.dirsync.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.dirsync.scim.filter.AttributePath;
import dev.dirsync.scim.protocol.Schemas;
import dev.dirsync.scim.schema.ResourceTypeDefinition;

/**
 * The SCIM view of one realm: for every SCIM value a user can carry, where Keycloak stores it, and the User and
 * Group resource types restricted to what is stored (what {@code /Schemas} and {@code /ResourceTypes} serve).
 * Immutable; built by {@link IdentityModelBuilder} from the realm's user-profile configuration.
 */
public final class IdentityModel {

    /** The user-profile annotation that maps an attribute to SCIM paths; the key Keycloak's own SCIM reads. */
    public static final String SCIM_ANNOTATION = "kc.scim.schema.attribute";

    private final List<AttributeMapping> userMappings;
    private final ResourceTypeDefinition userType;
    private final ResourceTypeDefinition groupType;
    private final List<String> problems;

    IdentityModel(List<AttributeMapping> userMappings, ResourceTypeDefinition userType, ResourceTypeDefinition groupType,
            List<String> problems) {
        this.userMappings = List.copyOf(userMappings);
        this.userType = userType;
        this.groupType = groupType;
        this.problems = List.copyOf(problems);
    }

    /** Every mapped user value, built-ins first. */
    public List<AttributeMapping> userMappings() {
        return userMappings;
    }

    public ResourceTypeDefinition userType() {
        return userType;
    }

    public ResourceTypeDefinition groupType() {
        return groupType;
    }

    /** Annotations the model could not use, one readable sentence each (shown to administrators). */
    public List<String> problems() {
        return problems;
    }

    /** The user attribute that stores {@code externalId}. */
    public String externalIdAttribute() {
        return userMappings.stream().filter(m -> m.path().isCore() && "externalId".equals(m.path().attribute()))
                .map(AttributeMapping::userAttribute).findFirst().orElse(InternalAttributes.EXTERNAL_ID);
    }

    /** The mapping of exactly {@code path} (case-insensitive), if the realm maps it. */
    public Optional<AttributeMapping> userMapping(ScimPath path) {
        String key = path.key();
        return userMappings.stream().filter(m -> m.path().key().equals(key)).findFirst();
    }

    /**
     * All mappings a filter's attribute path can refer to: {@code emails} (or {@code emails.value}) means every
     * stored e-mail; {@code name.givenName} exactly one. A path without schema prefix searches the core schema
     * first, then the extensions.
     */
    public List<AttributeMapping> userMappingsFor(AttributePath path) {
        List<AttributeMapping> found = new ArrayList<>();
        for (AttributeMapping m : userMappings) {
            if (!m.path().attribute().equalsIgnoreCase(path.attribute())) {
                continue;
            }
            if (path.schema() != null && !m.path().schema().equalsIgnoreCase(path.schema())) {
                continue;
            }
            String sub = path.subAttribute();
            String mappedSub = m.path().subAttribute();
            boolean subMatches = sub == null
                    ? mappedSub == null || "value".equalsIgnoreCase(mappedSub)
                    : sub.equalsIgnoreCase(mappedSub);
            if (subMatches) {
                found.add(m);
            }
        }
        if (path.schema() == null && found.stream().anyMatch(m -> m.path().isCore())) {
            found.removeIf(m -> !m.path().isCore());
        }
        return found;
    }

    /** Whether {@code urn} is the core User schema or one of the realm's User extensions. */
    public boolean isUserSchema(String urn) {
        return Schemas.USER.equalsIgnoreCase(urn) || userType.schemaById(urn).isPresent();
    }
}
