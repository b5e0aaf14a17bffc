package dev.dirsync.scim.endpoint;

import dev.dirsync.model.IdentityModel;
import dev.dirsync.model.IdentityModelProvider;
import dev.dirsync.model.UserScimMapper;
import dev.dirsync.scim.endpoint.auth.ScimCaller;
import dev.dirsync.scim.endpoint.settings.ScimSettings;
import org.keycloak.common.ClientConnection;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Everything one SCIM request works with: the session, the realm, the authenticated caller, the realm's identity
 * model, the limits and the base URL. Built once per request by the router.
 */
public final class ScimContext {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ScimCaller caller;
    private final ScimLimits limits;
    private final String baseUrl;
    private final ClientConnection connection;
    private final ScimTenant tenant;
    private final ScimSettings settings;
    private IdentityModel model;
    private ScimAudit audit;

    public ScimContext(KeycloakSession session, RealmModel realm, ScimTenant tenant, ScimSettings settings,
            ScimCaller caller, ScimLimits limits, String baseUrl, ClientConnection connection) {
        this.session = session;
        this.tenant = tenant;
        this.settings = settings;
        this.realm = realm;
        this.caller = caller;
        this.limits = limits;
        this.baseUrl = baseUrl;
        this.connection = connection;
    }

    /**
     * The same request in another session (a Bulk operation runs in a transaction of its own): realm and caller
     * are re-read there; the settings, read once per request, carry over.
     */
    public ScimContext in(KeycloakSession other) {
        RealmModel otherRealm = other.realms().getRealm(realm.getId());
        other.getContext().setRealm(otherRealm);
        ScimTenant otherTenant = tenant.in(other);
        if (!otherTenant.isRealm()) {
            other.getContext().setOrganization(otherTenant.organization());
        }
        return new ScimContext(other, otherRealm, otherTenant, settings, caller.in(other, otherRealm), limits,
                baseUrl, connection);
    }

    /** The HTTP client's connection, for the audit trail. */
    public ClientConnection connection() {
        return connection;
    }

    public KeycloakSession session() {
        return session;
    }

    public RealmModel realm() {
        return realm;
    }

    /** The SCIM settings of this endpoint (the realm's, or the organization's). */
    public ScimSettings settings() {
        return settings;
    }

    /** The realm, or the organization whose endpoint this is. */
    public ScimTenant tenant() {
        return tenant;
    }

    public ScimCaller caller() {
        return caller;
    }

    public ScimLimits limits() {
        return limits;
    }

    /** The SCIM base URL of this realm, without trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public IdentityModel model() {
        if (model == null) {
            model = session.getProvider(IdentityModelProvider.class).getModel(realm);
        }
        return model;
    }

    public UserScimMapper userMapper() {
        return new UserScimMapper(model());
    }

    public ScimAudit audit() {
        if (audit == null) {
            audit = new ScimAudit(session, realm, caller, connection);
        }
        return audit;
    }
}
