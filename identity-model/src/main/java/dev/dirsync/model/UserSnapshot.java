package dev.dirsync.model;

import java.util.List;
import java.util.Map;

import org.keycloak.models.UserModel;

/**
 * What the identity model reads of a Keycloak user: a plain, immutable copy, so mapping is pure and testable.
 *
 * @param attributes every attribute of the user, by Keycloak attribute name
 * @param groups     the direct group memberships visible to the caller
 */
public record UserSnapshot(String id, String username, String email, String firstName, String lastName,
        boolean enabled, Long created, Long lastModified, Map<String, List<String>> attributes, List<GroupRef> groups) {

    public UserSnapshot {
        attributes = Map.copyOf(attributes);
        groups = List.copyOf(groups);
    }

    public static UserSnapshot of(UserModel user, List<GroupRef> groups) {
        return new UserSnapshot(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(),
                user.getLastName(), user.isEnabled(), user.getCreatedTimestamp(), user.getLastModifiedTimestamp(),
                user.getAttributes(), groups);
    }

    public List<String> attribute(String name) {
        List<String> values = attributes.get(name);
        return values == null ? List.of() : values;
    }

    public String firstAttribute(String name) {
        List<String> values = attribute(name);
        return values.isEmpty() ? null : values.get(0);
    }
}
