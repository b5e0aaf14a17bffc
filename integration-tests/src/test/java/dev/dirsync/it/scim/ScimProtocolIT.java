package dev.dirsync.it.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

/** ETags, errors, discovery and /Me (RFC 7644 §3.11, §3.12, §3.14, §4). */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScimProtocolIT {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    private final KeycloakServer server;
    private final TestRealm realm;
    private final ScimClient scim;

    ScimProtocolIT(KeycloakServer server) {
        this.server = server;
        realm = TestRealm.create(server, "protocol");
        realm.addProfileAttributes(List.of(ScimUsersIT.attribute("costCode", "urn:acme:scim:schemas:1.0:User:costCode"),
                ScimUsersIT.attribute("jobTitle", "title")));
        scim = realm.scim();
    }

    @AfterAll
    void dropRealm() {
        realm.delete();
    }

    private String user(String userName) {
        HttpResult r = scim.post("/Users", Map.of("schemas", List.of(USER), "userName", userName));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    // --- ETags ---------------------------------------------------------------------------------------------------

    @Test
    void etags_conditionalReadsAndWrites() {
        String id = user("etag-user");
        HttpResult first = scim.get("/Users/" + id);
        String etag = first.header("ETag").orElseThrow();
        assertThat(etag).isEqualTo(first.json().path("meta").path("version").asText());

        HttpResult notModified = scim.get("/Users/" + id, Map.of("If-None-Match", etag));
        assertThat(notModified.status()).isEqualTo(304);

        HttpResult patched = scim.send("PATCH", "/Users/" + id, Map.of("schemas", List.of(PATCH), "Operations",
                List.of(Map.of("op", "replace", "path", "title", "value", "One"))), Map.of("If-Match", etag));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        String newer = patched.header("ETag").orElseThrow();
        assertThat(newer).isNotEqualTo(etag);

        HttpResult stale = scim.send("PATCH", "/Users/" + id, Map.of("schemas", List.of(PATCH), "Operations",
                List.of(Map.of("op", "replace", "path", "title", "value", "Two"))), Map.of("If-Match", etag));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().path("schemas").get(0).asText()).isEqualTo(ERROR);
        assertThat(scim.send("DELETE", "/Users/" + id, null, Map.of("If-Match", etag)).status()).isEqualTo(412);
        assertThat(scim.get("/Users/" + id, Map.of("If-None-Match", etag)).status()).isEqualTo(200);
        assertThat(scim.send("DELETE", "/Users/" + id, null, Map.of("If-Match", newer)).status()).isEqualTo(204);
    }

    @Test
    void versionAndLastModified_followChangesMadeOutsideScim() {
        String id = user("outside-user");
        JsonNode before = scim.get("/Users/" + id).json();
        ObjectNode update = (ObjectNode) realm.admin().get(realm.path("users/" + id)).json();
        update.put("firstName", "Changed");
        update.put("email", "changed@example.com");
        assertThat(realm.admin().put(realm.path("users/" + id), update).status()).isEqualTo(204);

        JsonNode after = scim.get("/Users/" + id).json();
        assertThat(after.path("name").path("givenName").asText()).isEqualTo("Changed");
        assertThat(after.path("meta").path("version").asText()).isNotEqualTo(before.path("meta").path("version").asText());
        assertThat(Instant.parse(after.path("meta").path("lastModified").asText()))
                .isAfter(Instant.parse(before.path("meta").path("lastModified").asText()));
        assertThat(scim.get("/Users/" + id).json().path("meta")).as("stable once observed").isEqualTo(after.path("meta"));
    }

    @Test
    void versionAndLastModified_followChangesMadeInTheAccountConsole() throws Exception {
        ObjectNode client = HttpResult.JSON.createObjectNode().put("clientId", "account-app").put("publicClient", false)
                .put("secret", "account-app-secret-0123456789").put("directAccessGrantsEnabled", true)
                .put("standardFlowEnabled", false);
        assertThat(realm.admin().post(realm.path("clients"), client).status()).isEqualTo(201);
        String id = scim.post("/Users", Map.of("schemas", List.of(USER), "userName", "self-service",
                "name", Map.of("givenName", "Self", "familyName", "Service"),
                "emails", List.of(Map.of("value", "self@example.com", "primary", true)),
                "password", "Self-Service-Pass-1")).json().path("id").asText();
        JsonNode before = scim.get("/Users/" + id).json();
        String token = server.admin().passwordToken(realm.name(), "account-app", "account-app-secret-0123456789",
                "self-service", "Self-Service-Pass-1");
        java.net.http.HttpResponse<String> update = server.http().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.baseUrl() + "/realms/" + realm.name() + "/account/"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"self-service\","
                        + "\"email\":\"self@example.com\",\"firstName\":\"Renamed\",\"lastName\":\"Service\"}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(update.statusCode()).as(update.body()).isEqualTo(204);

        JsonNode after = scim.get("/Users/" + id).json();
        assertThat(after.path("name").path("givenName").asText()).isEqualTo("Renamed");
        assertThat(after.path("meta").path("version").asText()).isNotEqualTo(before.path("meta").path("version").asText());
        assertThat(Instant.parse(after.path("meta").path("lastModified").asText()))
                .isAfter(Instant.parse(before.path("meta").path("lastModified").asText()));
    }

    @Test
    void groupVersion_changesWhenMembershipChangesThroughAdminRest() {
        String member = user("group-version-member");
        HttpResult created = scim.post("/Groups", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Group"),
                "displayName", "Versioned"));
        String group = created.json().path("id").asText();
        String before = created.json().path("meta").path("version").asText();
        assertThat(realm.admin().put(realm.path("users/" + member + "/groups/" + group), "").status()).isEqualTo(204);
        JsonNode after = scim.get("/Groups/" + group).json();
        assertThat(after.path("meta").path("version").asText()).isNotEqualTo(before);
        assertThat(after.path("members").get(0).path("value").asText()).isEqualTo(member);
    }

    @Test
    void membersVersionAndLastModified_followAGroupRename_byAdminRestAndByScim() {
        String member = user("rename-member");
        HttpResult created = scim.post("/Groups", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Group"),
                "displayName", "Before Rename", "members", List.of(Map.of("value", member))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String group = created.json().path("id").asText();

        JsonNode before = scim.get("/Users/" + member).json();
        assertThat(realm.admin().put(realm.path("groups/" + group), Map.of("name", "Renamed In Console")).status())
                .isEqualTo(204);
        JsonNode afterConsole = scim.get("/Users/" + member).json();
        assertThat(afterConsole.path("groups").get(0).path("display").asText()).isEqualTo("Renamed In Console");
        assertThat(afterConsole.path("meta").path("version").asText())
                .isNotEqualTo(before.path("meta").path("version").asText());
        assertThat(Instant.parse(afterConsole.path("meta").path("lastModified").asText()))
                .isAfter(Instant.parse(before.path("meta").path("lastModified").asText()));

        HttpResult renamed = scim.patch("/Groups/" + group, Map.of("schemas", List.of(PATCH), "Operations",
                List.of(Map.of("op", "replace", "path", "displayName", "value", "Renamed By SCIM"))));
        assertThat(renamed.status()).as(renamed.toString()).isIn(200, 204);
        JsonNode afterScim = scim.get("/Users/" + member).json();
        assertThat(afterScim.path("groups").get(0).path("display").asText()).isEqualTo("Renamed By SCIM");
        assertThat(afterScim.path("meta").path("version").asText())
                .isNotEqualTo(afterConsole.path("meta").path("version").asText());
        assertThat(Instant.parse(afterScim.path("meta").path("lastModified").asText()))
                .isAfter(Instant.parse(afterConsole.path("meta").path("lastModified").asText()));
    }

    // --- errors ----------------------------------------------------------------------------------------------------

    @Test
    void everyErrorIsAScimError() {
        assertScimError(scim.get("/NoSuchThing"), 404, null);
        assertScimError(scim.get("/Users/does-not-exist"), 404, null);
        assertScimError(scim.delete("/Users"), 405, null);
        assertScimError(scim.send("PUT", "/ServiceProviderConfig", Map.of(), Map.of()), 405, null);
        assertScimError(scim.send("POST", "/Users", "userName=x", Map.of("Content-Type", "text/plain")), 415, null);
        assertScimError(scim.send("POST", "/Users", "{\"userName\": ", Map.of()), 400, "invalidSyntax");
        assertScimError(scim.send("POST", "/Users", "[1,2]", Map.of()), 400, "invalidSyntax");
        String id = user("error-user");
        assertScimError(scim.patch("/Users/" + id, Map.of("Operations", List.of(Map.of("op", "add", "path", "title",
                "value", "x")))), 400, "invalidSyntax");
        assertScimError(scim.patch("/Users/" + id, Map.of("schemas", List.of(PATCH), "Operations", List.of(
                Map.of("op", "merge", "path", "title", "value", "x")))), 400, "invalidSyntax");
        assertScimError(scim.patch("/Users/" + id, Map.of("schemas", List.of(PATCH), "Operations", List.of(
                Map.of("op", "replace", "path", "noSuchAttribute", "value", "x")))), 400, "invalidPath");
        assertScimError(scim.patch("/Users/" + id, Map.of("schemas", List.of(PATCH), "Operations", List.of(
                Map.of("op", "replace", "path", "id", "value", "x")))), 400, "mutability");
        assertScimError(scim.get("/Users?sortOrder=sideways"), 400, "invalidValue");
        assertScimError(scim.get("/Users?count=many"), 400, "invalidValue");
    }

    @Test
    void oversizedBody_is413() {
        String big = "x".repeat(4 * 1024 * 1024 + 10);
        assertScimError(scim.send("POST", "/Users", "{\"userName\":\"" + big + "\"}", Map.of()), 413, null);
    }

    private static void assertScimError(HttpResult r, int status, String scimType) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/scim+json"));
        JsonNode body = r.json();
        assertThat(body.path("schemas").get(0).asText()).isEqualTo(ERROR);
        assertThat(body.path("status").isTextual()).isTrue();
        assertThat(body.path("status").asText()).isEqualTo(Integer.toString(status));
        assertThat(body.path("detail").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("at org.");
        if (scimType != null) {
            assertThat(body.path("scimType").asText()).isEqualTo(scimType);
        }
    }

    // --- discovery ---------------------------------------------------------------------------------------------

    @Test
    void serviceProviderConfig_advertisesWhatIsEnforced() {
        JsonNode config = scim.get("/ServiceProviderConfig").json();
        assertThat(config.path("patch").path("supported").asBoolean()).isTrue();
        assertThat(config.path("bulk").path("supported").asBoolean()).isTrue();
        assertThat(config.path("bulk").path("maxOperations").asInt()).isPositive();
        assertThat(config.path("filter").path("maxResults").asInt()).isGreaterThanOrEqualTo(200);
        assertThat(config.path("etag").path("supported").asBoolean()).isTrue();
        assertThat(config.path("sort").path("supported").asBoolean()).isTrue();
        assertThat(config.path("authenticationSchemes").get(0).path("type").asText()).isEqualTo("oauthbearertoken");
    }

    @Test
    void resourceTypesAndSchemas_agreeAndReflectTheUserProfile() {
        JsonNode types = scim.get("/ResourceTypes").json();
        assertThat(types.path("totalResults").asInt()).isEqualTo(2);
        Set<String> referenced = new HashSet<>();
        for (JsonNode type : types.path("Resources")) {
            referenced.add(type.path("schema").asText());
            type.path("schemaExtensions").forEach(e -> referenced.add(e.path("schema").asText()));
        }
        JsonNode schemas = scim.get("/Schemas").json();
        Set<String> served = new HashSet<>();
        schemas.path("Resources").forEach(s -> served.add(s.path("id").asText()));
        assertThat(served).isEqualTo(referenced);
        assertThat(served).contains("urn:acme:scim:schemas:1.0:User");

        JsonNode userSchema = scim.get("/Schemas/" + USER).json();
        List<String> attributes = new ArrayList<>();
        userSchema.path("attributes").forEach(a -> attributes.add(a.path("name").asText()));
        assertThat(attributes).contains("userName", "name", "emails", "active", "title", "password", "groups")
                .doesNotContain("nickName", "addresses", "x509Certificates");
        JsonNode custom = scim.get("/Schemas/urn:acme:scim:schemas:1.0:User").json();
        assertThat(custom.path("attributes").get(0).path("name").asText()).isEqualTo("costCode");
        JsonNode userType = scim.get("/ResourceTypes/User").json();
        assertThat(userType.path("endpoint").asText()).isEqualTo("/Users");

        String id = scim.post("/Users", Map.of("schemas", List.of(USER, "urn:acme:scim:schemas:1.0:User"),
                "userName", "custom-ext-user", "urn:acme:scim:schemas:1.0:User", Map.of("costCode", "CC-42")))
                .json().path("id").asText();
        JsonNode read = scim.get("/Users/" + id).json();
        assertThat(read.path("urn:acme:scim:schemas:1.0:User").path("costCode").asText()).isEqualTo("CC-42");
        assertThat(read.path("schemas").toString()).contains("urn:acme:scim:schemas:1.0:User");
        assertThat(scim.get("/Users?filter=" + java.net.URLEncoder.encode(
                "urn:acme:scim:schemas:1.0:User:costCode eq \"CC-42\"", java.nio.charset.StandardCharsets.UTF_8))
                .json().path("totalResults").asInt()).isEqualTo(1);
    }

    // --- /Me -------------------------------------------------------------------------------------------------------

    @Test
    void me_isTheTokensUser_or501ForServiceAccounts() {
        HttpResult serviceAccount = scim.get("/Me");
        assertScimError(serviceAccount, 501, null);

        ObjectNode client = HttpResult.JSON.createObjectNode().put("clientId", "me-app").put("publicClient", false)
                .put("secret", "me-app-secret-0123456789").put("directAccessGrantsEnabled", true)
                .put("standardFlowEnabled", false);
        assertThat(realm.admin().post(realm.path("clients"), client).status()).isEqualTo(201);
        ObjectNode person = HttpResult.JSON.createObjectNode().put("username", "me-person").put("enabled", true)
                .put("email", "me@example.com").put("firstName", "Me").put("lastName", "Person");
        person.putArray("credentials").addObject().put("type", "password").put("value", "Me-Pass-123!")
                .put("temporary", false);
        assertThat(realm.admin().post(realm.path("users"), person).status()).isEqualTo(201);
        String token = server.admin().passwordToken(realm.name(), "me-app", "me-app-secret-0123456789", "me-person",
                "Me-Pass-123!");
        HttpResult me = scim.withToken(token).get("/Me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().path("userName").asText()).isEqualTo("me-person");
        assertThat(me.json().path("meta").path("location").asText()).contains("/Users/");
    }
}
