package dev.dirsync.scim.endpoint.settings;

import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;

/** Checks that the identity provider a setting links provisioned users to can be used there. */
final class IdpLinks {

    private IdpLinks() {
    }

    /**
     * @param alias        the configured alias, or {@code null} for no link
     * @param organization the organization whose settings these are, or {@code null} for the realm's
     * @param anyOwner     accept an identity provider of any organization (an import, before organizations exist)
     * @throws ComponentValidationException when there is no such identity provider, or it belongs to another
     *                                      organization
     */
    static void validate(KeycloakSession session, String alias, OrganizationModel organization, boolean anyOwner) {
        if (alias == null) {
            return;
        }
        IdentityProviderModel idp = session.identityProviders().getByAlias(alias);
        if (idp == null) {
            throw new ComponentValidationException("No identity provider \"" + alias + "\" in this realm");
        }
        String owner = idp.getOrganizationId();
        if (!anyOwner && owner != null && (organization == null || !owner.equals(organization.getId()))) {
            throw new ComponentValidationException("Identity provider \"" + alias + "\" belongs to another "
                    + "organization" + (organization == null ? "; link it in the settings of that organization" : ""));
        }
    }
}
