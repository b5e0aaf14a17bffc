package dev.dirsync.it.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.it.harness.Digests;
import dev.dirsync.it.harness.HttpResult;
import dev.dirsync.it.harness.KeycloakIT;
import dev.dirsync.it.harness.KeycloakServer;
import dev.dirsync.it.harness.ScimClient;
import dev.dirsync.it.harness.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The realm's SCIM settings, stored as the component of the "Directory sync" tab: written through Admin REST,
 * validated, obeyed by the endpoint, and carried by realm export and import.
 */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScimSettingsIT {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String TAB = TestRealm.UI_TAB;

    private final KeycloakServer server;
    private final TestRealm realm;
    private final ScimClient scim;
    private final String realmId;
    private String componentId;

    ScimSettingsIT(KeycloakServer server) {
        this.server = server;
        realm = TestRealm.create(server, "settings");
        realmId = realm.admin().get(realm.path("")).json().path("id").asText();
        scim = realm.scim();
    }

    @AfterAll
    void dropRealm() {
        realm.delete();
    }

    /** Saves the settings as the tab's form would. */
    private HttpResult save(Map<String, String> values) {
        ObjectNode component = HttpResult.JSON.createObjectNode().put("name", "directory-sync")
                .put("providerId", "directory-sync").put("providerType", TAB).put("parentId", realmId);
        ObjectNode config = component.putObject("config");
        values.forEach((k, v) -> config.putArray(k).add(v));
        if (componentId == null) {
            HttpResult r = realm.admin().post(realm.path("components"), component);
            if (r.status() == 201) {
                String location = r.header("Location").orElseThrow();
                componentId = location.substring(location.lastIndexOf('/') + 1);
            }
            return r;
        }
        component.put("id", componentId);
        return realm.admin().put(realm.path("components/" + componentId), component);
    }

    private String user(String userName, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("schemas", List.of(USER));
        body.put("userName", userName);
        HttpResult r = scim.post("/Users", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    @Test
    void everySetting_isObeyed_andInvalidOnesAreRefused() {
        assertThat(save(Map.of("scimDeleteAction", "explode")).status()).isEqualTo(400);
        assertThat(save(Map.of("scimGroupParent", "/no/such/group")).status()).isEqualTo(400);
        assertThat(save(Map.of("scimStrictAttributes", "maybe")).status()).isEqualTo(400);
        assertThat(save(Map.of("scimIdpUserId", "phone")).status()).isEqualTo(400);

        // off: the endpoint is gone, with a SCIM error
        assertThat(save(Map.of("scimEnabled", "false")).status()).isIn(201, 204);
        HttpResult off = scim.get("/Users");
        assertThat(off.status()).isEqualTo(404);
        assertThat(off.json().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");

        // one settings component per realm
        assertThat(realm.addComponent(TAB, "directory-sync", "directory-sync", Map.of("scimEnabled", "true"))
                .status()).isEqualTo(400);

        // strict
        assertThat(save(Map.of("scimEnabled", "true", "scimStrictAttributes", "true")).status()).isEqualTo(204);
        HttpResult strict = scim.post("/Users", Map.of("schemas", List.of(USER), "userName", "strict-user",
                "nickName", "Nick"));
        assertThat(strict.status()).as(strict.toString()).isEqualTo(400);
        assertThat(strict.json().path("detail").asText()).contains("nickName");
        user("strict-user", Map.of());

        // parent group
        assertThat(realm.admin().post(realm.path("groups"), Map.of("name", "scim")).status()).isEqualTo(201);
        assertThat(save(Map.of("scimGroupParent", "/scim")).status()).isEqualTo(204);
        HttpResult group = scim.post("/Groups", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Group"),
                "displayName", "Under Parent"));
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        assertThat(realm.admin().get(realm.path("groups/" + group.json().path("id").asText())).json().path("path")
                .asText()).isEqualTo("/scim/Under Parent");
        String parentId = realm.admin().get(realm.path("group-by-path/scim")).json().path("id").asText();
        assertThat(realm.admin().put(realm.path("groups/" + parentId), Map.of("name", "provisioned")).status())
                .isEqualTo(204);
        HttpResult afterRename = scim.post("/Groups", Map.of("schemas",
                List.of("urn:ietf:params:scim:schemas:core:2.0:Group"), "displayName", "After Rename"));
        assertThat(afterRename.status()).as("a renamed parent group is still found: %s", afterRename).isEqualTo(201);
        assertThat(realm.admin().get(realm.path("groups/" + afterRename.json().path("id").asText())).json()
                .path("path").asText()).isEqualTo("/provisioned/After Rename");
        assertThat(save(Map.of("scimStrictAttributes", "true")).status())
                .as("saving the tab again follows the renamed group").isEqualTo(204);
        assertThat(realm.admin().get(realm.path("components/" + componentId)).json().path("config")
                .path("scimGroupParent").get(0).asText()).isEqualTo("/provisioned");

        // disable and keep
        assertThat(save(Map.of("scimDeleteAction", "disable")).status()).isEqualTo(204);
        String id = user("leaver", Map.of("name", Map.of("givenName", "Lee")));
        assertThat(scim.delete("/Users/" + id).status()).isEqualTo(204);
        assertThat(scim.get("/Users/" + id).status()).isEqualTo(404);
        JsonNode kept = realm.admin().get(realm.path("users/" + id)).json();
        assertThat(kept.path("enabled").asBoolean()).isFalse();
        assertThat(scim.get("/Users?filter=" + java.net.URLEncoder.encode("userName eq \"leaver\"",
                java.nio.charset.StandardCharsets.UTF_8)).json().path("totalResults").asInt()).isZero();
        assertThat(scim.get("/Users?count=500").json().path("Resources").toString()).doesNotContain("\"leaver\"");
        HttpResult revived = scim.post("/Users", Map.of("schemas", List.of(USER), "userName", "leaver"));
        assertThat(revived.status()).as(revived.toString()).isEqualTo(201);
        assertThat(revived.json().path("id").asText()).isEqualTo(id);
        assertThat(revived.json().path("active").asBoolean()).isTrue();
    }

    @Test
    void standardAttributesSwitch_addsTheStandardScimAttributesOnSave() {
        TestRealm fresh = TestRealm.create(server, "settings-standard");
        try {
            assertThat(fresh.admin().get(fresh.path("users/profile")).body()).doesNotContain("\"title\"");
            assertThat(fresh.addComponent(TAB, "directory-sync", "directory-sync",
                    Map.of("scimStandardAttributes", "true")).status()).isEqualTo(201);
            JsonNode profile = fresh.admin().get(fresh.path("users/profile")).json();
            assertThat(profile.path("attributes").findValuesAsText("name")).contains("title", "department", "workPhone");
            HttpResult user = fresh.scim().post("/Users", Map.of("schemas", List.of(USER, ENTERPRISE),
                    "userName", "standard", "title", "Engineer", ENTERPRISE, Map.of("department", "R&D")));
            assertThat(user.status()).as(user.toString()).isEqualTo(201);
            assertThat(user.json().path("title").asText()).isEqualTo("Engineer");
            assertThat(user.json().path(ENTERPRISE).path("department").asText()).isEqualTo("R&D");
        } finally {
            fresh.delete();
        }
    }

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String PAGE = TestRealm.UI_PAGE;

    @Test
    void settingsTravelWithRealmExportAndImport_tokensWithoutTheirSecrets() {
        TestRealm source = TestRealm.create(server, "settings-export");
        assertThat(source.admin().put(source.path(""), Map.of("organizationsEnabled", true)).status()).isEqualTo(204);
        assertThat(source.admin().post(source.path("organizations"), Map.of("name", "Acme", "alias", "acme",
                "domains", List.of(Map.of("name", "acme.example")))).status()).isEqualTo(201);
        assertThat(source.addComponent(TAB, "directory-sync", "directory-sync", Map.of("scimStrictAttributes", "true"))
                .status()).isEqualTo(201);
        assertThat(source.addComponent(PAGE, "directory-sync-organizations", "acme", Map.of("organization", "acme",
                "scimDeleteAction", "disable")).status()).isEqualTo(201);
        HttpResult token = source.admin().post(source.path("directory-sync/tokens"),
                Map.of("name", "acme-idp", "organization", "acme"));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        String secret = token.json().path("token").asText();

        HttpResult export = source.admin().post(source.path("partial-export?exportClients=false"
                + "&exportGroupsAndRoles=false"), "");
        assertThat(export.body()).as("exports never carry a token's secret or digest").doesNotContain(secret)
                .doesNotContain(Digests.sha256Hex(secret));
        source.delete();

        ObjectNode copy = (ObjectNode) export.json();
        String name = "settings-import-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        copy.put("realm", name).remove("id");
        HttpResult imported = server.admin().post("realms", copy);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        try {
            JsonNode tab = server.admin().get("realms/" + name + "/components?type=" + TAB).json();
            assertThat(tab.toString()).contains("scimStrictAttributes");
            JsonNode pages = server.admin().get("realms/" + name + "/components?type=" + PAGE).json();
            JsonNode orgEntry = null;
            JsonNode tokenEntry = null;
            for (JsonNode c : pages) {
                if ("directory-sync-organizations".equals(c.path("providerId").asText())) {
                    orgEntry = c;
                } else if ("directory-sync-tokens".equals(c.path("providerId").asText())) {
                    tokenEntry = c;
                }
            }
            assertThat(orgEntry).as("the organization entry came back").isNotNull();
            assertThat(orgEntry.path("config").path("scimDeleteAction").get(0).asText()).isEqualTo("disable");
            assertThat(tokenEntry).as("the token entry came back, without a secret").isNotNull();
            assertThat(tokenEntry.path("config").path("organization").get(0).asText()).isEqualTo("acme");
            assertThat(tokenEntry.path("config").has("secret")).isFalse();
            JsonNode listed = server.admin().get("realms/" + name + "/directory-sync/tokens").json();
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).path("active").asBoolean()).as("no secret yet").isFalse();

            // The old secret does not work in the imported realm; a new one entered on the entry does, in its scope.
            if (server.admin().get("realms/" + name + "/organizations?search=acme").json().isEmpty()) {
                assertThat(server.admin().post("realms/" + name + "/organizations", Map.of("name", "Acme",
                        "alias", "acme", "domains", List.of(Map.of("name", "acme.example")))).status()).isEqualTo(201);
            }
            String base = server.baseUrl() + "/realms/" + name + "/directory-sync";
            assertThat(new ScimClient(server, base + "/organizations/acme/scim/v2", secret).get("/Users").status())
                    .isEqualTo(401);
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            String fresh = java.util.Base64.getEncoder().encodeToString(random);
            ObjectNode update = (ObjectNode) tokenEntry.deepCopy();
            ((ObjectNode) update.get("config")).putArray("secret").add(fresh);
            HttpResult updated = server.admin().put("realms/" + name + "/components/" + tokenEntry.path("id").asText(),
                    update);
            assertThat(updated.status()).as(updated.toString()).isEqualTo(204);
            assertThat(new ScimClient(server, base + "/organizations/acme/scim/v2", fresh).get("/Users").status())
                    .isEqualTo(200);
            assertThat(new ScimClient(server, base + "/scim/v2", fresh).get("/Users").status())
                    .as("the organization scope survived the import").isEqualTo(403);
        } finally {
            server.admin().delete("realms/" + name);
        }
    }
}
