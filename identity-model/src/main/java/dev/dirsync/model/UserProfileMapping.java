package dev.dirsync.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;

/** Reads the SCIM mapping out of a declarative user-profile configuration. Pure: no session, no I/O. */
public final class UserProfileMapping {

    private UserProfileMapping() {
    }

    /**
     * Builds the identity model of a user profile. An attribute's {@value IdentityModel#SCIM_ANNOTATION} annotation
     * is a SCIM path or a list of them (Keycloak's admin console writes either form).
     *
     * @throws IllegalArgumentException when two attributes claim the same SCIM path
     */
    public static IdentityModel fromUserProfile(UPConfig config) {
        Map<String, String> byPath = new LinkedHashMap<>();
        for (UPAttribute attribute : config.getAttributes()) {
            for (String path : scimPaths(attribute)) {
                String previous = byPath.putIfAbsent(path, attribute.getName());
                if (previous != null && !previous.equals(attribute.getName())) {
                    throw new IllegalArgumentException("SCIM path '" + path + "' is mapped by both user-profile attributes '"
                            + previous + "' and '" + attribute.getName() + "'");
                }
            }
        }
        return new IdentityModel(byPath);
    }

    static List<String> scimPaths(UPAttribute attribute) {
        Map<String, Object> annotations = attribute.getAnnotations();
        Object value = annotations == null ? null : annotations.get(IdentityModel.SCIM_ANNOTATION);
        if (value instanceof String path) {
            return path.isBlank() ? List.of() : List.of(path.trim());
        }
        if (value instanceof Collection<?> paths) {
            return paths.stream().filter(String.class::isInstance).map(p -> ((String) p).trim())
                    .filter(p -> !p.isEmpty()).toList();
        }
        return List.of();
    }
}
