package dev.dirsync.scim.endpoint.tokens;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import dev.dirsync.scim.endpoint.settings.ComponentImports;
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
 * @param name              what the admin calls the token (e.g. "Entra ID production")
 * @param organizationAlias alias of the organization the token is limited to, or {@code null} for the realm
 * @param organization      that organization; {@code null} for the realm, or while a realm import has not yet
 *                          brought it (the alias is kept, so the scope never widens to the realm)
 * @param expiresAt         epoch milliseconds after which the token is refused, or {@code null}
 */
public record TokenSpec(String name, String organizationAlias, OrganizationModel organization, Long expiresAt) {

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
        boolean importing = ComponentImports.isImport(realm, component);
        String alias = component.get(ORGANIZATION) == null || component.get(ORGANIZATION).isBlank() ? null
                : component.get(ORGANIZATION).trim();
        OrganizationModel organization = organization(session, realm, alias, importing);
        return new TokenSpec(name.trim(), organization == null ? alias : organization.getAlias(), organization,
                expiresAt(component.get(EXPIRES_AT), importing));
    }

    /** Writes the canonical form of every value back (organization alias, RFC 3339 expiry). */
    void normalise(ComponentModel component) {
        component.getConfig().putSingle(NAME, name);
        if (organizationAlias == null) {
            component.getConfig().remove(ORGANIZATION);
        } else {
            component.getConfig().putSingle(ORGANIZATION, organizationAlias);
        }
        if (expiresAt == null) {
            component.getConfig().remove(EXPIRES_AT);
        } else {
            component.getConfig().putSingle(EXPIRES_AT, Instant.ofEpochMilli(expiresAt).toString());
        }
    }

    /**
     * The id of the organization the token is limited to, or {@code null} for the realm.
     *
     * @throws ComponentValidationException when the token names an organization that does not exist
     */
    public String organizationId() {
        if (organizationAlias != null && organization == null) {
            throw new ComponentValidationException("No organization with alias \"" + organizationAlias
                    + "\" in this realm");
        }
        return organization == null ? null : organization.getId();
    }

    /** The organization with {@code alias}; {@code null} for none, and during an import that precedes it. */
    private static OrganizationModel organization(KeycloakSession session, RealmModel realm, String alias,
            boolean importing) {
        if (alias == null) {
            return null;
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationModel organization = organizations == null || !realm.isOrganizationsEnabled() ? null
                : organizations.getByAlias(alias);
        if (organization == null && importing) {
            return null;
        }
        if (organization == null) {
            throw new ComponentValidationException("No organization with alias \"" + alias
                    + "\" in this realm (are organizations enabled?)");
        }
        return organization;
    }

    /** The expiry; in the past only in an import (an expired token stays expired). */
    private static Long expiresAt(String value, boolean importing) {
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
        if (millis <= Time.currentTimeMillis() && !importing) {
            throw new ComponentValidationException("The expiry must be in the future");
        }
        return millis;
    }
}
