package dev.dirsync.scim.endpoint.admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.dirsync.model.IdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.userprofile.UserProfileProvider;

/**
 * The SCIM attributes the one-step "add standard SCIM attributes" action puts into a realm's user profile: the
 * RFC 7643 core User attributes IdPs send beyond the built-in ones, a work and a mobile phone, the work address, and
 * the enterprise extension (RFC 7643 §4.3).
 *
 * @param attribute   user-profile attribute name
 * @param displayName label shown in the consoles
 * @param scimPath    the {@code kc.scim.schema.attribute} annotation
 */
public record StandardScimAttributes(String attribute, String displayName, String scimPath) {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:";

    static final List<StandardScimAttributes> ALL = List.of(
            new StandardScimAttributes("displayName", "Display name", "displayName"),
            new StandardScimAttributes("nickName", "Nickname", "nickName"),
            new StandardScimAttributes("title", "Job title", "title"),
            new StandardScimAttributes("userType", "User type", "userType"),
            new StandardScimAttributes("preferredLanguage", "Preferred language", "preferredLanguage"),
            new StandardScimAttributes("timezone", "Time zone", "timezone"),
            new StandardScimAttributes("profileUrl", "Profile URL", "profileUrl"),
            new StandardScimAttributes("middleName", "Middle name", "name.middleName"),
            new StandardScimAttributes("honorificPrefix", "Honorific prefix", "name.honorificPrefix"),
            new StandardScimAttributes("honorificSuffix", "Honorific suffix", "name.honorificSuffix"),
            new StandardScimAttributes("formattedName", "Full name", "name.formatted"),
            new StandardScimAttributes("workPhone", "Work phone", "phoneNumbers[type eq \"work\"].value"),
            new StandardScimAttributes("mobilePhone", "Mobile phone", "phoneNumbers[type eq \"mobile\"].value"),
            new StandardScimAttributes("workStreetAddress", "Street address", "addresses[type eq \"work\"].streetAddress"),
            new StandardScimAttributes("workLocality", "City", "addresses[type eq \"work\"].locality"),
            new StandardScimAttributes("workRegion", "State or region", "addresses[type eq \"work\"].region"),
            new StandardScimAttributes("workPostalCode", "Postal code", "addresses[type eq \"work\"].postalCode"),
            new StandardScimAttributes("workCountry", "Country", "addresses[type eq \"work\"].country"),
            new StandardScimAttributes("workAddress", "Address", "addresses[type eq \"work\"].formatted"),
            new StandardScimAttributes("employeeNumber", "Employee number", ENTERPRISE + "employeeNumber"),
            new StandardScimAttributes("costCenter", "Cost center", ENTERPRISE + "costCenter"),
            new StandardScimAttributes("organization", "Organization", ENTERPRISE + "organization"),
            new StandardScimAttributes("division", "Division", ENTERPRISE + "division"),
            new StandardScimAttributes("department", "Department", ENTERPRISE + "department"),
            new StandardScimAttributes("managerId", "Manager (SCIM id)", ENTERPRISE + "manager.value"),
            new StandardScimAttributes("managerName", "Manager", ENTERPRISE + "manager.displayName"));

    /**
     * What {@link #addTo} did.
     *
     * @param added   SCIM paths now mapped by new user-profile attributes
     * @param skipped SCIM paths left alone: already mapped, or their attribute name is taken
     * @param config  the user-profile configuration afterwards
     */
    public record Result(List<String> added, List<String> skipped, UPConfig config) {

        public Map<String, List<String>> asMap() {
            Map<String, List<String>> map = new LinkedHashMap<>();
            map.put("added", added);
            map.put("skipped", skipped);
            return map;
        }
    }

    /**
     * Adds every standard attribute the realm's user profile lacks (by name or by SCIM path), editable by admins,
     * viewable by users and admins; attributes already there are never changed.
     */
    public static Result addTo(KeycloakSession session) {
        UserProfileProvider profiles = session.getProvider(UserProfileProvider.class);
        UPConfig config = profiles.getConfiguration();
        Set<String> names = config.getAttributes().stream().map(UPAttribute::getName).collect(Collectors.toSet());
        Set<String> mapped = config.getAttributes().stream()
                .flatMap(a -> a.getAnnotations() == null ? Stream.empty()
                        : Stream.of(a.getAnnotations().get(IdentityModel.SCIM_ANNOTATION)))
                .filter(Objects::nonNull)
                .flatMap(v -> v instanceof Collection<?> c ? c.stream().map(String::valueOf) : Stream.of(String.valueOf(v)))
                .collect(Collectors.toSet());
        List<String> added = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (StandardScimAttributes standard : ALL) {
            if (names.contains(standard.attribute()) || mapped.contains(standard.scimPath())) {
                skipped.add(standard.scimPath());
                continue;
            }
            UPAttribute attribute = new UPAttribute(standard.attribute(),
                    new UPAttributePermissions(Set.of("admin", "user"), Set.of("admin")));
            attribute.setDisplayName(standard.displayName());
            attribute.setAnnotations(new LinkedHashMap<>(Map.of(IdentityModel.SCIM_ANNOTATION, standard.scimPath())));
            attribute.addValidation("length", Map.of("max", 255));
            config.addOrReplaceAttribute(attribute);
            added.add(standard.scimPath());
        }
        if (!added.isEmpty()) {
            profiles.setConfiguration(config);
        }
        return new Result(added, skipped, config);
    }
}
