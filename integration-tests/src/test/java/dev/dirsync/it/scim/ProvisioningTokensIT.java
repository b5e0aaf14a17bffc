package dev.dirsync.it.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.it.harness.Digests;
import dev.dirsync.it.harness.HttpResult;
import dev.dirsync.it.harness.KeycloakIT;
import dev.dirsync.it.harness.KeycloakServer;
import dev.dirsync.it.harness.ScimClient;
import dev.dirsync.it.harness.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Provisioning tokens: long-lived bearer secrets for IdPs that can only send a static token. */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvisioningTokensIT {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";

    private final KeycloakServer server;
    private final TestRealm realm;

    ProvisioningTokensIT(KeycloakServer server) {
        this.server = server;
        realm = TestRealm.create(server, "tokens");
    }

    @AfterAll
    void dropRealm() {
        realm.delete();
    }

    private JsonNode create(Map<String, Object> body) {
        HttpResult r = realm.admin().post(realm.path("directory-sync/tokens"), body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    @Test
    void tokenIsShownOnce_worksForScim_andIsRevokedAtOnce() {
        JsonNode created = create(Map.of("name", "Entra ID"));
        String secret = created.path("token").asText();
        String id = created.path("id").asText();
        assertThat(secret).startsWith("dsp_").hasSizeGreaterThanOrEqualTo(4 + 43);
        assertThat(created.path("name").asText()).isEqualTo("Entra ID");
        assertThat(created.path("organization").isNull() || created.path("organization").isMissingNode()).isTrue();
        assertThat(created.path("createdAt").asText()).isNotBlank();

        ScimClient scim = realm.scim().withToken(secret);
        assertThat(scim.get("/Users").status()).isEqualTo(200);
        HttpResult user = scim.post("/Users", Map.of("schemas", List.of(USER), "userName", "via-token"));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);

        JsonNode listed = realm.admin().get(realm.path("directory-sync/tokens")).json();
        JsonNode mine = null;
        for (JsonNode t : listed) {
            assertThat(t.has("token")).as("secrets are never listed").isFalse();
            if (t.path("id").asText().equals(id)) {
                mine = t;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("name").asText()).isEqualTo("Entra ID");
        assertThat(mine.path("lastUsedAt").asText()).isNotBlank();
        assertThat(mine.path("createdBy").asText()).isNotBlank();
        assertThat(listed.toString()).doesNotContain(secret);

        JsonNode events = realm.adminEvents("resourceTypes=USER&operationTypes=CREATE&resourcePath=users/"
                + user.json().path("id").asText());
        assertThat(events.get(0).path("details").path("provisioningToken").asText()).isEqualTo(id);

        assertThat(realm.admin().delete(realm.path("directory-sync/tokens/" + id)).status()).isEqualTo(204);
        HttpResult revoked = scim.get("/Users");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(server.logText()).doesNotContain(secret);
    }

    /** Saves an entry of the "Provisioning tokens" page as the admin console's form does. */
    private HttpResult consoleEntry(Map<String, String> values) {
        return realm.addComponent(TestRealm.UI_PAGE, "directory-sync-tokens", values.getOrDefault("name", "entry"),
                values);
    }

    @Test
    void consoleEntries_storeOnlyADigest_authenticate_andAreRevokedByDeletingTheEntry() {
        String pasted = "q3J8vZ+0mWl4s/9XhTnR2cYk7pLfE1aDuG6oB5iKxN0=";
        assertThat(consoleEntry(Map.of("name", "weak", "secret", "password123")).status()).isEqualTo(400);
        assertThat(consoleEntry(Map.of("name", "pattern", "secret", "abcdefghijkl".repeat(4))).status())
                .as("a repeated pattern is long but not random").isEqualTo(400);
        assertThat(consoleEntry(Map.of("name", "jwt-shaped", "secret",
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"))
                .status()).as("a JWT-shaped secret would be read as an OAuth token").isEqualTo(400);
        assertThat(consoleEntry(Map.of("name", "bad expiry", "secret", pasted, "expiresAt", "soon")).status())
                .isEqualTo(400);
        HttpResult created = consoleEntry(Map.of("name", "Okta (console)", "secret", pasted,
                "expiresAt", "2099-12-31"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.header("Location").orElseThrow().replaceAll(".*/", "");
        assertThat(consoleEntry(Map.of("name", "copy", "secret", pasted)).status())
                .as("a secret in use cannot be reused").isEqualTo(400);

        JsonNode entry = realm.admin().get(realm.path("components/" + id)).json();
        assertThat(entry.toString()).doesNotContain(pasted).doesNotContain(Digests.sha256Hex(pasted));
        assertThat(entry.path("config").path("expiresAt").get(0).asText()).isEqualTo("2099-12-31T00:00:00Z");

        assertThat(realm.adminEvents("resourceTypes=COMPONENT").toString())
                .as("the admin event of the console's save carries no secret").contains(id).doesNotContain(pasted);

        ScimClient scim = realm.scim().withToken(pasted);
        assertThat(scim.get("/Users").status()).isEqualTo(200);
        JsonNode listed = realm.admin().get(realm.path("directory-sync/tokens")).json();
        assertThat(listed.toString()).contains("Okta (console)").doesNotContain(pasted);

        // Tokens made through Admin REST are entries of the page too, and deleting either way revokes.
        String restId = create(Map.of("name", "rest-made")).path("id").asText();
        JsonNode entries = realm.admin().get(realm.path("components?type=org.keycloak.services.ui.extend.UiPageProvider"))
                .json();
        assertThat(entries.findValuesAsText("id")).contains(id, restId);
        assertThat(realm.admin().delete(realm.path("directory-sync/tokens/" + restId)).status()).isEqualTo(204);
        assertThat(realm.admin().get(realm.path("components/" + restId)).status()).isEqualTo(404);

        assertThat(realm.admin().delete(realm.path("components/" + id)).status()).isEqualTo(204);
        assertThat(scim.get("/Users").status()).isEqualTo(401);
        assertThat(server.logText()).doesNotContain(pasted);
    }

    @Test
    void theProvisioningClient_cannotBeUsedDirectly() {
        create(Map.of("name", "creates the client"));
        JsonNode clients = realm.admin().get(realm.path("clients?clientId=directory-sync-provisioning")).json();
        assertThat(clients).hasSize(1);
        JsonNode client = clients.get(0);
        assertThat(client.path("clientAuthenticatorType").asText()).isEqualTo("client-jwt");
        String clientUuid = client.path("id").asText();
        HttpResult secret = realm.admin().get(realm.path("clients/" + clientUuid + "/client-secret"));
        assertThat(secret.json().path("value").asText("")).as("no secret to steal").isEmpty();
        for (String form : List.of("grant_type=client_credentials&client_id=directory-sync-provisioning"
                + "&client_secret=anything", "grant_type=client_credentials&client_id=directory-sync-provisioning")) {
            HttpResult token = postForm("/realms/" + realm.name() + "/protocol/openid-connect/token", form);
            assertThat(token.status()).as("no client-credentials token for it: %s", token).isIn(400, 401);
            assertThat(token.body()).contains("invalid_client").doesNotContain("access_token");
        }
    }

    private HttpResult postForm(String path, String form) {
        try {
            var response = server.http().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(server.baseUrl() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new HttpResult(response.statusCode(), response.headers(), response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void expiredToken_isRefused() {
        String secret = create(Map.of("name", "short-lived", "expiresAt", Instant.now().plusSeconds(3).toString()))
                .path("token").asText();
        ScimClient scim = realm.scim().withToken(secret);
        assertThat(scim.get("/Users").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> scim.get("/Users").status() == 401);
    }

    @Test
    void unknownOrForeignTokens_are401() {
        ScimClient scim = realm.scim();
        assertThat(scim.withToken("dsp_" + "A".repeat(43)).get("/Users").status()).isEqualTo(401);
        TestRealm other = TestRealm.create(server, "tokens-other");
        try {
            HttpResult r = other.admin().post(other.path("directory-sync/tokens"), Map.of("name", "other"));
            String foreign = r.json().path("token").asText();
            assertThat(scim.withToken(foreign).get("/Users").status()).isEqualTo(401);
        } finally {
            other.delete();
        }
    }

    @Test
    void tokensActAsTheProvisioningClient_whoseRolesDecide() {
        String secret = create(Map.of("name", "roles")).path("token").asText();
        String clientId = realm.admin().get(realm.path("clients?clientId=directory-sync-provisioning")).json().get(0)
                .path("id").asText();
        String serviceAccount = realm.admin().get(realm.path("clients/" + clientId + "/service-account-user")).json()
                .path("id").asText();
        String rm = realm.admin().get(realm.path("clients?clientId=realm-management")).json().get(0).path("id").asText();
        JsonNode manage = realm.admin().get(realm.path("clients/" + rm + "/roles/manage-users")).json();
        assertThat(realm.admin().send("DELETE", realm.path("users/" + serviceAccount + "/role-mappings/clients/" + rm),
                List.of(manage)).status()).isEqualTo(204);
        try {
            ScimClient scim = realm.scim().withToken(secret);
            assertThat(scim.get("/Users").status()).isEqualTo(200);
            assertThat(scim.post("/Users", Map.of("schemas", List.of(USER), "userName", "denied")).status())
                    .isEqualTo(403);
        } finally {
            realm.admin().post(realm.path("users/" + serviceAccount + "/role-mappings/clients/" + rm), List.of(manage));
        }
    }

    @Test
    void invalidRequests_are400_andNonAdmins_403() {
        assertThat(realm.admin().post(realm.path("directory-sync/tokens"), Map.of()).status()).isEqualTo(400);
        assertThat(realm.admin().post(realm.path("directory-sync/tokens"), Map.of("name", "x",
                "expiresAt", "2001-01-01T00:00:00Z")).status()).isEqualTo(400);
        assertThat(realm.admin().post(realm.path("directory-sync/tokens"), Map.of("name", "x",
                "expiresAt", "tomorrow")).status()).isEqualTo(400);
        assertThat(realm.admin().post(realm.path("directory-sync/tokens"), Map.of("name", "x",
                "organization", "no-such-org")).status()).isEqualTo(400);
        assertThat(realm.admin().post(realm.path("directory-sync/tokens"), Map.of("name", "x",
                "organization", " ")).status()).as("a blank organization never widens to the realm").isEqualTo(400);
        assertThat(realm.admin().delete(realm.path("directory-sync/tokens/no-such-token")).status()).isEqualTo(404);

        // The SCIM client's own token (view/manage users, no manage-realm) cannot mint provisioning tokens.
        HttpResult denied = realm.admin().withToken(realm.scim().token()).post(realm.path("directory-sync/tokens"),
                Map.of("name", "escalation"));
        assertThat(denied.status()).isEqualTo(403);
    }

    @Test
    void organizationTokens_doNotWorkAtTheRealmEndpoint() {
        realm.admin().put(realm.path(""), Map.of("organizationsEnabled", true));
        HttpResult org = realm.admin().post(realm.path("organizations"), Map.of("name", "Acme", "alias", "acme",
                "domains", List.of(Map.of("name", "acme.example"))));
        assertThat(org.status()).as(org.toString()).isEqualTo(201);
        JsonNode created = create(Map.of("name", "Acme directory", "organization", "acme"));
        assertThat(created.path("organization").asText()).isEqualTo("acme");
        HttpResult r = realm.scim().withToken(created.path("token").asText()).get("/Users");
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
    }
}
