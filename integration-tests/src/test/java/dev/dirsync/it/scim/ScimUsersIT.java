package dev.dirsync.it.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.it.harness.HttpResult;
import dev.dirsync.it.harness.KeycloakIT;
import dev.dirsync.it.harness.KeycloakServer;
import dev.dirsync.it.harness.ScimClient;
import dev.dirsync.it.harness.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** User CRUD over SCIM against the real server (RFC 7644 §3.3, §3.4.1, §3.5, §3.6). */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScimUsersIT {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private final TestRealm realm;
    private final ScimClient scim;

    ScimUsersIT(KeycloakServer server) {
        realm = TestRealm.create(server, "users");
        realm.addProfileAttributes(List.of(
                attribute("jobTitle", "title"),
                attribute("department", ENTERPRISE + ":department"),
                attribute("managerId", ENTERPRISE + ":manager.value"),
                attribute("mobile", "phoneNumbers[type eq \"mobile\"].value")));
        scim = realm.scim();
    }

    static Map<String, Object> attribute(String name, String scimPath) {
        return Map.of("name", name, "displayName", name,
                "permissions", Map.of("view", List.of("admin"), "edit", List.of("admin")),
                "annotations", Map.of("kc.scim.schema.attribute", scimPath));
    }

    @AfterAll
    void dropRealm() {
        realm.delete();
    }

    @Test
    void create_returns201WithLocationEtagAndWhatWasStored() {
        HttpResult created = scim.post("/Users", Map.of(
                "schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE),
                "userName", "Barbara.Jensen@Example.com",
                "externalId", "ext-bjensen",
                "name", Map.of("givenName", "Barbara", "familyName", "Jensen", "formatted", "Ms. Barbara J Jensen"),
                "emails", List.of(Map.of("value", "bjensen@example.com", "type", "work", "primary", true)),
                "title", "Tour Guide",
                "phoneNumbers", List.of(Map.of("value", "+1 555 0100", "type", "mobile")),
                ENTERPRISE, Map.of("department", "Tours", "manager", Map.of("value", "boss-1")),
                "nickName", "Babs"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/scim+json"));
        JsonNode user = created.json();
        String id = user.path("id").asText();
        assertThat(created.header("Location")).contains(realm.scimBaseUrl() + "/Users/" + id);
        assertThat(user.path("meta").path("location").asText()).isEqualTo(realm.scimBaseUrl() + "/Users/" + id);
        assertThat(created.header("ETag")).contains(user.path("meta").path("version").asText());
        assertThat(user.path("meta").path("version").asText()).startsWith("W/\"");
        assertThat(user.path("userName").asText()).isEqualTo("Barbara.Jensen@Example.com");
        assertThat(user.path("externalId").asText()).isEqualTo("ext-bjensen");
        assertThat(user.path("active").asBoolean()).isTrue();
        assertThat(user.path("name").path("givenName").asText()).isEqualTo("Barbara");
        assertThat(user.path("name").has("formatted")).as("not stored, so not echoed").isFalse();
        assertThat(user.has("nickName")).as("not stored, so not echoed").isFalse();
        assertThat(user.path("title").asText()).isEqualTo("Tour Guide");
        assertThat(user.path("phoneNumbers").get(0).path("value").asText()).isEqualTo("+1 555 0100");
        assertThat(user.path("phoneNumbers").get(0).path("type").asText()).isEqualTo("mobile");
        assertThat(user.path(ENTERPRISE).path("department").asText()).isEqualTo("Tours");
        assertThat(user.path(ENTERPRISE).path("manager").path("value").asText()).isEqualTo("boss-1");
        assertThat(user.path("schemas").toString()).contains(ENTERPRISE);
        assertThat(user.path("emails").get(0).path("value").asText()).isEqualTo("bjensen@example.com");

        JsonNode kc = realm.admin().get(realm.path("users/" + id)).json();
        assertThat(kc.path("username").asText()).isEqualTo("barbara.jensen@example.com");
        assertThat(kc.path("attributes").path("jobTitle").get(0).asText()).isEqualTo("Tour Guide");
        assertThat(kc.path("enabled").asBoolean()).isTrue();

        HttpResult read = scim.get("/Users/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(user);
    }

    @Test
    void createWithOnlyUserName_isEnough() {
        HttpResult created = scim.post("/Users", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                "userName", "minimal-user"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("active").asBoolean()).isTrue();
    }

    @Test
    void activeFalse_disablesTheUser() {
        String id = createUser("inactive-user", Map.of("active", false));
        assertThat(realm.admin().get(realm.path("users/" + id)).json().path("enabled").asBoolean()).isFalse();
        assertThat(scim.get("/Users/" + id).json().path("active").asBoolean()).isFalse();
    }

    @Test
    void put_replacesEverything_omittedAttributesAreCleared() {
        String id = createUser("put-user", Map.of("title", "Engineer", "name", Map.of("givenName", "Pat", "familyName", "Doe")));
        HttpResult replaced = scim.put("/Users/" + id, Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                "userName", "put-user", "name", Map.of("familyName", "Smith"), "active", false));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        JsonNode user = replaced.json();
        assertThat(user.has("title")).isFalse();
        assertThat(user.path("name").has("givenName")).isFalse();
        assertThat(user.path("name").path("familyName").asText()).isEqualTo("Smith");
        assertThat(user.path("active").asBoolean()).isFalse();
        JsonNode kc = realm.admin().get(realm.path("users/" + id)).json();
        assertThat(kc.path("attributes").has("jobTitle")).isFalse();
        assertThat(kc.has("firstName")).isFalse();
    }

    @Test
    void patch_replacesAddsAndRemoves() {
        String id = createUser("patch-user", Map.of("title", "Engineer"));
        HttpResult patched = scim.patch("/Users/" + id, Map.of(
                "schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                "Operations", List.of(
                        Map.of("op", "replace", "path", "name.givenName", "value", "Patty"),
                        Map.of("op", "add", "path", ENTERPRISE + ":department", "value", "R&D"),
                        Map.of("op", "remove", "path", "title"))));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("name").path("givenName").asText()).isEqualTo("Patty");
        assertThat(patched.json().path(ENTERPRISE).path("department").asText()).isEqualTo("R&D");
        assertThat(patched.json().has("title")).isFalse();
    }

    @Test
    void patchThatFailsHalfway_changesNothing() {
        String id = createUser("atomic-user", Map.of("title", "Engineer"));
        HttpResult patched = scim.patch("/Users/" + id, Map.of(
                "schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                "Operations", List.of(
                        Map.of("op", "replace", "path", "title", "value", "Manager"),
                        Map.of("op", "replace", "path", "noSuchAttribute", "value", "x"))));
        assertThat(patched.status()).isEqualTo(400);
        assertThat(patched.json().path("scimType").asText()).isEqualTo("invalidPath");
        assertThat(scim.get("/Users/" + id).json().path("title").asText()).isEqualTo("Engineer");
    }

    @Test
    void delete_removesTheUser() {
        String id = createUser("delete-user", Map.of());
        assertThat(scim.delete("/Users/" + id).status()).isEqualTo(204);
        HttpResult gone = scim.get("/Users/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(gone.json().path("status").asText()).isEqualTo("404");
    }

    @Test
    void duplicateUserNameOrEmail_is409Uniqueness() {
        createUser("dup-user", Map.of("emails", List.of(Map.of("value", "dup@example.com", "primary", true))));
        HttpResult sameName = scim.post("/Users", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                "userName", "DUP-USER"));
        assertThat(sameName.status()).as(sameName.toString()).isEqualTo(409);
        assertThat(sameName.json().path("scimType").asText()).isEqualTo("uniqueness");
        HttpResult sameEmail = scim.post("/Users", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                "userName", "other-user", "emails", List.of(Map.of("value", "dup@example.com"))));
        assertThat(sameEmail.status()).as(sameEmail.toString()).isEqualTo(409);
        assertThat(sameEmail.json().path("scimType").asText()).isEqualTo("uniqueness");
    }

    @Test
    void password_isStoredButNeverReturned() {
        HttpResult created = scim.post("/Users", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                "userName", "pw-user", "password", "Str0ng-Passw0rd!"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("Str0ng-Passw0rd!").doesNotContain("password");
        String id = created.json().path("id").asText();
        JsonNode credentials = realm.admin().get(realm.path("users/" + id + "/credentials")).json();
        assertThat(credentials.get(0).path("type").asText()).isEqualTo("password");
    }

    @Test
    void missingUserName_is400InvalidValue() {
        HttpResult r = scim.post("/Users", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                "name", Map.of("givenName", "Nobody")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(r.json().path("detail").asText()).contains("userName");
    }

    @Test
    void unmappedAttributes_areIgnoredAndRecordedInTheAdminEvent() {
        String id = createUser("unmapped-user", Map.of("nickName", "Nick", "profileUrl", "https://x"));
        JsonNode events = realm.adminEvents("resourceTypes=USER&operationTypes=CREATE&resourcePath=users/" + id);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("details").path("scimUnmappedAttributes").asText())
                .isEqualTo("nickName,profileUrl");
        assertThat(events.get(0).path("details").path("via").asText()).isEqualTo("scim");
        assertThat(events.get(0).path("representation").asText()).contains("unmapped-user");
        JsonNode auth = events.get(0).path("authDetails");
        String clientUuid = realm.admin().get(realm.path("clients?clientId=" + TestRealm.PROVISIONER)).json().get(0)
                .path("id").asText();
        assertThat(auth.path("clientId").asText()).as("the SCIM client is the event's author").isEqualTo(clientUuid);
        assertThat(auth.path("realmId").asText()).isEqualTo(realm.admin().get(realm.path("")).json().path("id").asText());
    }

    private String createUser(String userName, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"));
        body.put("userName", userName);
        HttpResult created = scim.post("/Users", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }
}
