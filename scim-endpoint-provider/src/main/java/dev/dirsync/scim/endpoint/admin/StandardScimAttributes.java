package dev.dirsync.scim.endpoint.admin;

import java.util.List;

/**
 * The SCIM attributes the one-step "add standard SCIM attributes" action puts into a realm's user profile: the
 * RFC 7643 core User attributes IdPs send beyond the built-in ones, a work and a mobile phone, the work address, and
 * the enterprise extension (RFC 7643 §4.3).
 *
 * @param attribute   user-profile attribute name
 * @param displayName label shown in the consoles
 * @param scimPath    the {@code kc.scim.schema.attribute} annotation
 */
record StandardScimAttributes(String attribute, String displayName, String scimPath) {

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
}
