package dev.dirsync.it.scim;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.it.harness.HttpResult;
import dev.dirsync.it.harness.KeycloakIT;
import dev.dirsync.it.harness.KeycloakServer;
import dev.dirsync.it.harness.ScimClient;
import dev.dirsync.it.harness.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Authentication and authorisation of the SCIM endpoint; administrators are out of SCIM's reach. */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScimAuthIT {

    private final KeycloakServer server;
    private final TestRealm realm;
    private final TestRealm otherRealm;
    private final ScimClient scim;

    ScimAuthIT(KeycloakServer server) {
        this.server = server;
        realm = TestRealm.create(server, "auth");
        otherRealm = TestRealm.create(server, "auth-other");
        scim = realm.scim();
    }

    @AfterAll
    void dropRealms() {
        realm.delete();
        otherRealm.delete();
    }

    @Test
    void noToken_is401WithBearerChallengeAndScimError() {
        HttpResult r = realm.scimWithoutToken().get("/Users");
        assertUnauthorized(r);
        assertThat(r.header("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
    }

    @Test
    void garbageToken_is401() {
        assertUnauthorized(scim.withToken("not-a-jwt").get("/Users"));
        assertUnauthorized(scim.send("GET", "/Users", null, Map.of("Authorization", "Basic dXNlcjpwYXNz")));
    }

    @Test
    void tokenOfAnotherRealm_is401() {
        assertUnauthorized(scim.withToken(otherRealm.scim().token()).get("/Users"));
    }

    @Test
    void everyPathNeedsAuthentication() {
        for (String path : List.of("/Users", "/Groups", "/ServiceProviderConfig", "/Schemas", "/ResourceTypes", "/Me",
                "/nowhere", "")) {
            assertUnauthorized(realm.scimWithoutToken().get(path));
        }
        assertUnauthorized(realm.scimWithoutToken().post("/Users", Map.of("userName", "x")));
        assertUnauthorized(realm.scimWithoutToken().post("/Bulk", Map.of()));
    }

    @Test
    void expiredToken_is401() {
        TestRealm shortLived = TestRealm.create(server, "auth-expiry");
        try {
            shortLived.admin().put(shortLived.path(""), Map.of("accessTokenLifespan", 2));
            ScimClient client = shortLived.scim();
            assertThat(client.get("/Users").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> client.get("/Users").status() == 401);
            assertUnauthorized(client.get("/Users"));
        } finally {
            shortLived.delete();
        }
    }

    @Test
    void publicClientToken_is401() {
        ObjectNode client = HttpResult.JSON.createObjectNode().put("clientId", "spa").put("publicClient", true)
                .put("directAccessGrantsEnabled", true);
        realm.admin().post(realm.path("clients"), client);
        ObjectNode user = HttpResult.JSON.createObjectNode().put("username", "spa-user").put("enabled", true)
                .put("email", "spa@example.com").put("firstName", "Spa").put("lastName", "User");
        user.putArray("credentials").addObject().put("type", "password").put("value", "Spa-Pass-1!").put("temporary", false);
        assertThat(realm.admin().post(realm.path("users"), user).status()).isEqualTo(201);
        String userId = realm.admin().get(realm.path("users?exact=true&username=spa-user")).json().get(0).path("id").asText();
        realm.grantRealmManagement(userId, List.of("view-users"));
        String token = server.admin().passwordToken(realm.name(), "spa", "spa-user", "Spa-Pass-1!");
        assertUnauthorized(scim.withToken(token).get("/Users"));
    }

    @Test
    void tokenWithoutRights_is403() {
        String secret = realm.addServiceClient("no-rights", List.of());
        HttpResult r = scim.withToken(realm.clientToken("no-rights", secret)).get("/Users");
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.json().path("status").asText()).isEqualTo("403");
        HttpResult create = scim.withToken(realm.clientToken("no-rights", secret)).post("/Users",
                Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"), "userName", "nope"));
        assertThat(create.status()).isEqualTo(403);
    }

    @Test
    void readOnlyToken_canReadButNotWrite() {
        String secret = realm.addServiceClient("reader", List.of("view-users"));
        ScimClient reader = scim.withToken(realm.clientToken("reader", secret));
        assertThat(reader.get("/Users").status()).isEqualTo(200);
        HttpResult create = reader.post("/Users",
                Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"), "userName", "nope2"));
        assertThat(create.status()).isEqualTo(403);
    }

    @Test
    void administrators_areReadOnlyThroughScim() {
        ObjectNode admin = HttpResult.JSON.createObjectNode().put("username", "realm-admin-user").put("enabled", true);
        assertThat(realm.admin().post(realm.path("users"), admin).status()).isEqualTo(201);
        String id = realm.admin().get(realm.path("users?exact=true&username=realm-admin-user")).json().get(0).path("id").asText();
        realm.grantRealmManagement(id, List.of("realm-admin"));

        assertThat(scim.get("/Users/" + id).status()).isEqualTo(200);
        HttpResult put = scim.put("/Users/" + id, Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                "userName", "realm-admin-user", "active", false));
        assertThat(put.status()).as(put.toString()).isEqualTo(403);
        HttpResult patch = scim.patch("/Users/" + id, Map.of("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                "Operations", List.of(Map.of("op", "replace", "path", "active", "value", false))));
        assertThat(patch.status()).isEqualTo(403);
        assertThat(scim.delete("/Users/" + id).status()).isEqualTo(403);
        assertThat(realm.admin().get(realm.path("users/" + id)).json().path("enabled").asBoolean()).isTrue();
    }

    @Test
    void groupsGrantingAdminRoles_cannotGainMembersThroughScim() {
        ObjectNode group = HttpResult.JSON.createObjectNode().put("name", "admins");
        assertThat(realm.admin().post(realm.path("groups"), group).status()).isEqualTo(201);
        String groupId = realm.admin().get(realm.path("groups?search=admins&exact=true")).json().get(0).path("id").asText();
        String rm = realm.admin().get(realm.path("clients?clientId=realm-management")).json().get(0).path("id").asText();
        JsonNode role = realm.admin().get(realm.path("clients/" + rm + "/roles/manage-users")).json();
        realm.admin().post(realm.path("groups/" + groupId + "/role-mappings/clients/" + rm), List.of(role));

        String userId = scim.post("/Users", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                "userName", "would-be-admin")).json().path("id").asText();
        HttpResult patch = scim.patch("/Groups/" + groupId, Map.of("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                "Operations", List.of(Map.of("op", "add", "path", "members", "value", List.of(Map.of("value", userId))))));
        assertThat(patch.status()).as(patch.toString()).isEqualTo(403);
        assertThat(realm.admin().get(realm.path("groups/" + groupId + "/members")).json()).isEmpty();
    }

    private static void assertUnauthorized(HttpResult r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        assertThat(r.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/scim+json"));
        assertThat(r.json().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(r.json().path("status").asText()).isEqualTo("401");
        assertThat(r.json().path("detail").asText()).isNotBlank();
    }
}
