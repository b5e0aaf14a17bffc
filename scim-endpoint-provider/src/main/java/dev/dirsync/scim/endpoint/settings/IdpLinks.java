package dev.dirsync.scim.endpoint.settings;

import java.util.Optional;

import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;

/** Checks that the identity provider a setting links provisioned users to can be used there. */
public final class IdpLinks {

    private IdpLinks() {
    }

    /**
     * @param alias        the configured alias, or {@code null} for no link
     * @param organization the organization whose settings these are, or {@code null} for the realm's
     * @param anyOwner     skip the ownership check (a realm import, before organizations claim their providers;
     *                     {@link #usable} checks again on every request)
     * @throws ComponentValidationException when there is no such identity provider, or it belongs to another tenant
     */
    static void validate(KeycloakSession session, String alias, OrganizationModel organization, boolean anyOwner) {
        if (alias == null) {
            return;
        }
        IdentityProviderModel idp = session.identityProviders().getByAlias(alias);
        if (idp == null) {
            throw new ComponentValidationException("No identity provider \"" + alias + "\" in this realm");
        }
        if (!anyOwner && !ownedBy(idp, organization)) {
            throw new ComponentValidationException(organization == null
                    ? "Identity provider \"" + alias + "\" belongs to an organization; link it in the entry of that "
                    + "organization on the Organization directories page"
                    : "Identity provider \"" + alias + "\" is not an identity provider of this organization");
        }
    }

    /**
     * The identity provider users of {@code organization} (or of the realm, for {@code null}) may be linked to right
     * now: it exists, is enabled and belongs to that tenant (an organization's own provider, or for the realm one no
     * organization owns). A provider shared by every tenant is never linked from an organization's endpoint: an
     * organization could otherwise claim ids of people who are not its members.
     */
    public static Optional<IdentityProviderModel> usable(KeycloakSession session, String alias,
            OrganizationModel organization) {
        IdentityProviderModel idp = alias == null ? null : session.identityProviders().getByAlias(alias);
        return idp != null && idp.isEnabled() && ownedBy(idp, organization) ? Optional.of(idp) : Optional.empty();
    }

    private static boolean ownedBy(IdentityProviderModel idp, OrganizationModel organization) {
        String owner = idp.getOrganizationId();
        return organization == null ? owner == null : organization.getId().equals(owner);
    }
}
