package dev.dirsync.scim.endpoint.tokens;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.keycloak.common.util.Time;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * What a token entry of the "Provisioning tokens" page (or Admin REST) asks for, validated: a name, an optional
 * organization scope and an optional expiry. Immutable; built once from the component's config.
 *
 * @param name         what the admin calls the token (e.g. "Entra ID production")
 * @param organization the organization the token is limited to, or {@code null} for the realm
 * @param expiresAt    epoch milliseconds after which the token is refused, or {@code null}
 */
public record TokenSpec(String name, OrganizationModel organization, Long expiresAt) {

    public static final String NAME = "name";
    public static final String ORGANIZATION = "organization";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String SECRET = "secret";
    static final int MAX_NAME = 255;

    /** @throws ComponentValidationException naming the value that is wrong */
    public static TokenSpec from(KeycloakSession session, RealmModel realm, ComponentModel component) {
        String name = component.get(NAME);
        if (name == null || name.isBlank() || name.trim().length() > MAX_NAME) {
            throw new ComponentValidationException("A token needs a name of at most " + MAX_NAME + " characters");
        }
        return new TokenSpec(name.trim(), organization(session, realm, component.get(ORGANIZATION)),
                expiresAt(component.get(EXPIRES_AT)));
    }

    /** Writes the canonical form of every value back (organization alias, RFC 3339 expiry). */
    void normalise(ComponentModel component) {
        component.getConfig().putSingle(NAME, name);
        if (organization == null) {
            component.getConfig().remove(ORGANIZATION);
        } else {
            component.getConfig().putSingle(ORGANIZATION, organization.getAlias());
        }
        if (expiresAt == null) {
            component.getConfig().remove(EXPIRES_AT);
        } else {
            component.getConfig().putSingle(EXPIRES_AT, Instant.ofEpochMilli(expiresAt).toString());
        }
    }

    public String organizationId() {
        return organization == null ? null : organization.getId();
    }

    private static OrganizationModel organization(KeycloakSession session, RealmModel realm, String alias) {
        if (alias == null || alias.isBlank()) {
            return null;
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationModel organization = organizations == null || !realm.isOrganizationsEnabled() ? null
                : organizations.getByAlias(alias.trim());
        if (organization == null) {
            throw new ComponentValidationException("No organization with alias \"" + alias.trim()
                    + "\" in this realm (are organizations enabled?)");
        }
        return organization;
    }

    private static Long expiresAt(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        long millis;
        try {
            String v = value.trim();
            millis = v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
                    : Instant.parse(v).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new ComponentValidationException("The expiry must be a date such as 2027-01-31 or an RFC 3339 "
                    + "date-time such as 2027-01-31T00:00:00Z");
        }
        if (millis <= Time.currentTimeMillis()) {
            throw new ComponentValidationException("The expiry must be in the future");
        }
        return millis;
    }
}
