package dev.dirsync.it.harness;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A realm created for one test class, with a confidential provisioning client whose service account holds
 * {@code view-users}, {@code manage-users} and {@code query-groups} of realm-management, as an IdP's SCIM client
 * would. Admin events with representations are stored, so tests can read the audit trail.
 */
public final class TestRealm {

    public static final String PROVISIONER = "scim-provisioner";

    private final KeycloakServer server;
    private final String name;
    private final String secret = KeycloakServer.randomSecret();

    private TestRealm(KeycloakServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Creates realm {@code prefix-<random>}. */
    public static TestRealm create(KeycloakServer server, String prefix) {
        TestRealm realm = new TestRealm(server, prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        ObjectNode rep = HttpResult.JSON.createObjectNode();
        rep.put("realm", realm.name).put("enabled", true).put("eventsEnabled", true)
                .put("adminEventsEnabled", true).put("adminEventsDetailsEnabled", true);
        ArrayNode clients = rep.putArray("clients");
        clients.addObject().put("clientId", PROVISIONER).put("enabled", true).put("publicClient", false)
                .put("secret", realm.secret).put("serviceAccountsEnabled", true).put("standardFlowEnabled", false);
        ObjectNode sa = rep.putArray("users").addObject();
        sa.put("username", "service-account-" + PROVISIONER).put("enabled", true)
                .put("serviceAccountClientId", PROVISIONER);
        sa.putObject("clientRoles").putArray("realm-management").add("view-users").add("manage-users")
                .add("query-groups");
        server.admin().createRealm(rep);
        return realm;
    }

    public String name() {
        return name;
    }

    public String scimBaseUrl() {
        return server.baseUrl() + "/realms/" + name + "/directory-sync/scim/v2";
    }

    /** A SCIM client with a fresh client-credentials token of the provisioning client. */
    public ScimClient scim() {
        return new ScimClient(server, scimBaseUrl(), clientToken(PROVISIONER, secret));
    }

    public ScimClient scimWithoutToken() {
        return new ScimClient(server, scimBaseUrl(), null);
    }

    public String clientToken(String clientId, String clientSecret) {
        return server.admin().clientCredentialsToken(name, clientId, clientSecret).json().path("access_token").asText();
    }

    /**
     * Adds a confidential client with a service account holding {@code roles} of realm-management; returns its
     * secret.
     */
    public String addServiceClient(String clientId, List<String> realmManagementRoles) {
        String clientSecret = KeycloakServer.randomSecret();
        ObjectNode client = HttpResult.JSON.createObjectNode().put("clientId", clientId).put("enabled", true)
                .put("publicClient", false).put("secret", clientSecret).put("serviceAccountsEnabled", true)
                .put("standardFlowEnabled", false);
        admin().post("realms/" + name + "/clients", client);
        String id = admin().get("realms/" + name + "/clients?clientId=" + clientId).json().get(0).path("id").asText();
        String saId = admin().get("realms/" + name + "/clients/" + id + "/service-account-user").json().path("id").asText();
        grantRealmManagement(saId, realmManagementRoles);
        return clientSecret;
    }

    /** Grants client roles of realm-management to a user. */
    public void grantRealmManagement(String userId, List<String> roles) {
        if (roles.isEmpty()) {
            return;
        }
        String rm = admin().get("realms/" + name + "/clients?clientId=realm-management").json().get(0).path("id").asText();
        ArrayNode mappings = HttpResult.JSON.createArrayNode();
        for (String role : roles) {
            mappings.add(admin().get("realms/" + name + "/clients/" + rm + "/roles/" + role).json());
        }
        HttpResult r = admin().post("realms/" + name + "/users/" + userId + "/role-mappings/clients/" + rm, mappings);
        if (r.status() != 204) {
            throw new AssertionError("grant roles: " + r);
        }
    }

    /** Admin REST path below {@code /admin/realms/{name}/}. */
    public String path(String relative) {
        return "realms/" + name + "/" + relative;
    }

    public AdminClient admin() {
        return server.admin();
    }

    /** Provider type of Realm settings tabs (the "Directory sync" tab). */
    public static final String UI_TAB = "org.keycloak.services.ui.extend.UiTabProvider";
    /** Provider type of admin console pages ("Organization directories", "Provisioning tokens"). */
    public static final String UI_PAGE = "org.keycloak.services.ui.extend.UiPageProvider";

    /** The realm's internal id. */
    public String id() {
        return admin().get(path("")).json().path("id").asText();
    }

    /**
     * Saves a new component of this realm the way the admin console's declarative-UI forms do ({@code POST
     * …/components}, every config value a one-element list).
     */
    public HttpResult addComponent(String providerType, String providerId, String name, Map<String, String> config) {
        ObjectNode component = HttpResult.JSON.createObjectNode().put("name", name).put("providerId", providerId)
                .put("providerType", providerType).put("parentId", id());
        ObjectNode values = component.putObject("config");
        config.forEach((k, v) -> values.putArray(k).add(v));
        return admin().post(path("components"), component);
    }

    /** Admin events of this realm, newest first. */
    public JsonNode adminEvents(String query) {
        return admin().get(path("admin-events?max=500" + (query.isEmpty() ? "" : "&" + query))).json();
    }

    /** Adds attributes with annotations to the realm's user profile (declarative UP, Keycloak 24+). */
    public void addProfileAttributes(List<Map<String, Object>> attributes) {
        ObjectNode config = (ObjectNode) admin().get(path("users/profile")).json();
        ArrayNode list = (ArrayNode) config.get("attributes");
        for (Map<String, Object> attribute : attributes) {
            list.add(HttpResult.JSON.valueToTree(attribute));
        }
        HttpResult r = admin().put(path("users/profile"), config);
        if (r.status() != 200) {
            throw new AssertionError("update user profile: " + r);
        }
    }

    public void delete() {
        admin().delete("realms/" + name);
    }
}
