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
import org.keycloak.services.ui.extend.UiPageProvider;
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
    public static final String PROVIDER_TYPE = UiPageProvider.class.getName();
    /** Session attribute carrying the digest from validation to creation within one request. */
    private static final String PENDING_DIGEST = "dev.dirsync.token.pendingDigest";
    /** 32 random bytes in base64 are 43 characters. */
    private static final int MIN_SECRET = 43;
    /** Least information content (empirical Shannon entropy × length) a pasted secret must show. */
    private static final double MIN_BITS = 180;

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

    /**
     * Refuses secrets that cannot hold 256 random bits: too short, whitespace, shaped like a JWT (the endpoint would
     * read it as an OAuth token), or with too little variety (e.g. a short pattern repeated).
     */
    static void requireStrong(String secret) {
        boolean jwtShaped = secret.chars().filter(c -> c == '.').count() == 2;
        if (secret.length() < MIN_SECRET || jwtShaped || secret.chars().anyMatch(Character::isWhitespace)
                || informationBits(secret) < MIN_BITS) {
            throw new ComponentValidationException("The secret must be at least " + MIN_SECRET + " random "
                    + "characters without spaces; generate one with: openssl rand -base64 32");
        }
    }

    static double informationBits(String secret) {
        java.util.Map<Integer, Long> counts = secret.chars().boxed()
                .collect(java.util.stream.Collectors.groupingBy(c -> c, java.util.stream.Collectors.counting()));
        double entropy = 0;
        for (long count : counts.values()) {
            double p = (double) count / secret.length();
            entropy -= p * Math.log(p) / Math.log(2);
        }
        return entropy * secret.length();
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
