package dev.dirsync.scim.endpoint.tokens;

import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.services.ui.extend.UiPageProviderFactory;

/**
 * The "Provisioning tokens" page of the admin console (declarative UI). Each entry is a component describing one
 * token (name, organization scope, expiry); the secret itself never stays in the component: it is hashed while the
 * entry is validated and the digest goes to the token table ({@link ProvisioningTokens}) when the entry is created.
 *
 * <p>The declarative UI cannot show a server-generated value, so in the console the admin pastes a secret they
 * generated (e.g. {@code openssl rand -base64 32}) into the form and into the IdP. Admin REST
 * ({@code POST …/directory-sync/tokens}) generates one and shows it once; it creates the same kind of entry.
 */
public final class ProvisioningTokensPageFactory implements UiPageProviderFactory<ComponentModel> {

    public static final String PROVIDER_ID = "directory-sync-tokens";
    public static final String PROVIDER_TYPE = "org.keycloak.services.ui.extend.UiPageProvider";
    /** Session attribute carrying the digest from validation to creation within one request. */
    private static final String PENDING_DIGEST = "dev.dirsync.token.pendingDigest";
    private static final int MIN_SECRET = 32;
    private static final int MIN_DISTINCT = 12;

    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(TokenSpec.NAME).type(ProviderConfigProperty.STRING_TYPE).required(true)
            .label("directorySyncTokenName").helpText("directorySyncTokenNameHelp").add()
            .property().name(TokenSpec.ORGANIZATION).type(ProviderConfigProperty.STRING_TYPE)
            .label("directorySyncTokenOrganization").helpText("directorySyncTokenOrganizationHelp").add()
            .property().name(TokenSpec.EXPIRES_AT).type(ProviderConfigProperty.STRING_TYPE)
            .label("directorySyncTokenExpiresAt").helpText("directorySyncTokenExpiresAtHelp").add()
            .property().name(TokenSpec.SECRET).type(ProviderConfigProperty.PASSWORD).secret(true).required(true)
            .label("directorySyncTokenSecret").helpText("directorySyncTokenSecretHelp").add()
            .build();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "directorySyncTokensHelp";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }

    @Override
    public Map<String, Object> getTypeMetadata() {
        return Map.of("displayFields", List.of(TokenSpec.NAME, TokenSpec.ORGANIZATION, TokenSpec.EXPIRES_AT));
    }

    /**
     * Checks the entry and takes the secret out of it: only its digest survives, in the session until
     * {@link #onCreate} / {@link #onUpdate} store it. An entry without a secret (a realm import: exports never carry
     * secrets) is kept but authenticates nothing until a secret is entered.
     */
    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        TokenSpec spec = TokenSpec.from(session, realm, model);
        String secret = model.get(TokenSpec.SECRET);
        model.getConfig().remove(TokenSpec.SECRET);
        spec.normalise(model);
        session.removeAttribute(PENDING_DIGEST);
        if (secret == null || secret.isBlank() || ComponentRepresentation.SECRET_VALUE.equals(secret)) {
            return;
        }
        requireStrong(secret);
        String digest = ProvisioningTokens.digest(secret);
        new ProvisioningTokens(session).byDigest(digest).filter(t -> !t.getId().equals(model.getId()))
                .ifPresent(t -> {
                    throw new ComponentValidationException("This secret is already used by another token");
                });
        session.setAttribute(PENDING_DIGEST, digest);
    }

    private static void requireStrong(String secret) {
        if (secret.length() < MIN_SECRET || secret.chars().distinct().count() < MIN_DISTINCT
                || secret.chars().anyMatch(Character::isWhitespace)) {
            throw new ComponentValidationException("The secret must be at least " + MIN_SECRET + " random "
                    + "characters without spaces; generate one with: openssl rand -base64 32");
        }
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        ProvisioningClient.ensure(session, realm);
        String digest = (String) session.removeAttribute(PENDING_DIGEST);
        if (digest != null) {
            new ProvisioningTokens(session).store(realm, model.getId(), TokenSpec.from(session, realm, model), digest);
        }
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        String digest = (String) session.removeAttribute(PENDING_DIGEST);
        if (digest != null) {
            // An entry imported with its realm gets its first secret here; the realm may lack the client then.
            ProvisioningClient.ensure(session, realm);
        }
        new ProvisioningTokens(session).update(realm, newModel.getId(), TokenSpec.from(session, realm, newModel),
                digest);
    }

    @Override
    public void preRemove(KeycloakSession session, RealmModel realm, ComponentModel model) {
        new ProvisioningTokens(session).remove(realm, model.getId());
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
