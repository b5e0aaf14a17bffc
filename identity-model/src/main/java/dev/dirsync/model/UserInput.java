package dev.dirsync.model;

import java.util.List;
import java.util.Map;

/**
 * What a SCIM User body asks Keycloak to store.
 *
 * @param userName   userName as the IdP spelled it
 * @param attributes every mapped user attribute by Keycloak attribute name ({@code username}, {@code email},
 *                   {@code firstName}, {@code lastName}, user-profile and internal attributes); an empty list means
 *                   "no value" (cleared on a full replace)
 * @param active     {@code active}, or {@code null} when the body does not say
 * @param password   the new password, or {@code null}; never logged or echoed
 * @param unmapped   SCIM paths in the body that the realm does not store, for the audit trail
 */
public record UserInput(String userName, Map<String, List<String>> attributes, Boolean active, String password,
        List<String> unmapped) {

    public UserInput {
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        unmapped = List.copyOf(unmapped);
    }

    @Override
    public String toString() {
        // The password must never reach a log line through toString().
        return "UserInput[userName=" + userName + ", attributes=" + attributes.keySet() + ", active=" + active
                + ", password=" + (password == null ? "none" : "***") + ", unmapped=" + unmapped + "]";
    }
}
