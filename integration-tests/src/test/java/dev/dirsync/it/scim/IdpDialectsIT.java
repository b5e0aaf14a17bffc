package dev.dirsync.it.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

/** What Microsoft Entra ID and Okta actually send, request by request, against the real server. */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdpDialectsIT {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private final TestRealm realm;
    private final ScimClient scim;

    IdpDialectsIT(KeycloakServer server) {
        realm = TestRealm.create(server, "dialects");
        realm.admin().put(realm.path(""), Map.of("editUsernameAllowed", true));
        HttpResult added = realm.admin().post(realm.path("directory-sync/user-profile/scim-attributes"), "");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        scim = realm.scim();
    }

    @AfterAll
    void dropRealm() {
        realm.delete();
    }

    // --- Microsoft Entra ID ------------------------------------------------------------------------------------

    @Test
    void entraId_provisioningCycle() {
        // Entra looks the user up first, then creates it.
        JsonNode lookup = scim.get("/Users?filter=" + enc("userName eq \"Adele.Vance@Contoso.com\"")).json();
        assertThat(lookup.path("totalResults").asInt()).isZero();

        HttpResult created = scim.post("/Users", Map.of(
                "schemas", List.of(USER, ENTERPRISE),
                "externalId", "e8b0a0b6-entra",
                "userName", "Adele.Vance@Contoso.com",
                "active", true,
                "displayName", "Adele Vance",
                "emails", List.of(Map.of("primary", true, "type", "work", "value", "Adele.Vance@contoso.com")),
                "meta", Map.of("resourceType", "User"),
                "name", Map.of("formatted", "Adele Vance", "familyName", "Vance", "givenName", "Adele"),
                "title", "Retail Manager",
                ENTERPRISE, Map.of("department", "Retail", "employeeNumber", "1001")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(created.json().path("displayName").asText()).isEqualTo("Adele Vance");

        JsonNode found = scim.get("/Users?filter=" + enc("userName eq \"Adele.Vance@Contoso.com\"")).json();
        assertThat(found.path("Resources").get(0).path("id").asText()).isEqualTo(id);
        JsonNode byExternalId = scim.get("/Users?filter=" + enc("externalId eq \"e8b0a0b6-entra\"")).json();
        assertThat(byExternalId.path("totalResults").asInt()).isEqualTo(1);

        // Capitalised ops, string booleans, filtered e-mail path, manager as {"value": id}.
        String managerId = scim.post("/Users", Map.of("schemas", List.of(USER), "userName", "megan.bowen@contoso.com"))
                .json().path("id").asText();
        HttpResult patched = scim.patch("/Users/" + id, Map.of("schemas", List.of(PATCH), "Operations", List.of(
                Map.of("op", "Replace", "path", "emails[type eq \"work\"].value", "value", "adele@contoso.com"),
                Map.of("op", "Replace", "path", "title", "value", "Store Manager"),
                Map.of("op", "Add", "path", ENTERPRISE + ":manager", "value", Map.of("value", managerId)),
                Map.of("op", "Replace", "path", "active", "value", "False"))));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode user = scim.get("/Users/" + id).json();
        assertThat(user.path("emails").get(0).path("value").asText()).isEqualTo("adele@contoso.com");
        assertThat(user.path("title").asText()).isEqualTo("Store Manager");
        assertThat(user.path(ENTERPRISE).path("manager").path("value").asText()).isEqualTo(managerId);
        assertThat(user.path("active").asBoolean()).isFalse();
        assertThat(realm.admin().get(realm.path("users/" + id)).json().path("enabled").asBoolean()).isFalse();

        // Entra also sends the manager as a bare string.
        HttpResult bare = scim.patch("/Users/" + id, Map.of("schemas", List.of(PATCH), "Operations", List.of(
                Map.of("op", "Add", "path", ENTERPRISE + ":manager", "value", "someone-else"))));
        assertThat(bare.status()).as(bare.toString()).isEqualTo(200);
        assertThat(bare.json().path(ENTERPRISE).path("manager").path("value").asText()).isEqualTo("someone-else");

        // Rename (UPN change).
        HttpResult renamed = scim.patch("/Users/" + id, Map.of("schemas", List.of(PATCH), "Operations", List.of(
                Map.of("op", "Replace", "path", "userName", "value", "Adele.Smith@Contoso.com"))));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().path("userName").asText()).isEqualTo("Adele.Smith@Contoso.com");
    }

    @Test
    void entraId_removeMembersWithValue_removesExactlyThose() {
        String a = user("entra-a");
        String b = user("entra-b");
        String c = user("entra-c");
        String group = scim.post("/Groups", Map.of("schemas", List.of(GROUP), "displayName", "Entra Group",
                "externalId", "entra-group-1")).json().path("id").asText();
        HttpResult add = scim.patch("/Groups/" + group, Map.of("schemas", List.of(PATCH), "Operations", List.of(
                Map.of("op", "Add", "path", "members", "value", List.of(Map.of("value", a), Map.of("value", b),
                        Map.of("value", c))))));
        assertThat(add.status()).as(add.toString()).isEqualTo(200);
        HttpResult remove = scim.patch("/Groups/" + group, Map.of("schemas", List.of(PATCH), "Operations", List.of(
                Map.of("op", "Remove", "path", "members", "value", List.of(Map.of("value", a), Map.of("value", c))))));
        assertThat(remove.status()).as(remove.toString()).isEqualTo(200);
        assertThat(members(group)).containsExactly(b);
    }

    @Test
    void entraId_groupRename_withCapitalisedReplace() {
        String group = scim.post("/Groups", Map.of("schemas", List.of(GROUP), "displayName", "Old Name"))
                .json().path("id").asText();
        HttpResult r = scim.patch("/Groups/" + group, Map.of("schemas", List.of(PATCH), "Operations", List.of(
                Map.of("op", "Replace", "path", "displayName", "value", "New Name"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(scim.get("/Groups/" + group).json().path("displayName").asText()).isEqualTo("New Name");
    }

    // --- Okta ----------------------------------------------------------------------------------------------------

    @Test
    void okta_provisioningCycle() {
        JsonNode lookup = scim.send("GET", "/Users?filter=" + enc("userName eq \"jane.doe@okta.example\"")
                + "&startIndex=1&count=100", null, Map.of("Accept", "application/scim+json")).json();
        assertThat(lookup.path("totalResults").asInt()).isZero();

        HttpResult created = scim.send("POST", "/Users", Map.of("schemas", List.of(USER),
                "userName", "jane.doe@okta.example", "name", Map.of("givenName", "Jane", "familyName", "Doe"),
                "emails", List.of(Map.of("primary", true, "value", "jane.doe@okta.example", "type", "work")),
                "displayName", "Jane Doe", "locale", "en-US", "externalId", "00u1okta", "groups", List.of(),
                "password", "Okta-Pa55word!", "active", true),
                Map.of("Content-Type", "application/scim+json; charset=utf-8"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();

        // Okta deactivates with a PUT of the full user, active false.
        JsonNode full = created.json().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) full).put("active", false);
        HttpResult put = scim.send("PUT", "/Users/" + id, full, Map.of("Content-Type", "application/scim+json; charset=utf-8"));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().path("active").asBoolean()).isFalse();
        assertThat(put.json().path("name").path("givenName").asText()).isEqualTo("Jane");
    }

    @Test
    void okta_groupPush_membersOnPost_thenReplaceMembersAndRename() {
        String a = user("okta-a");
        String b = user("okta-b");
        String c = user("okta-c");
        HttpResult created = scim.post("/Groups", Map.of("schemas", List.of(GROUP), "displayName", "Okta Push",
                "members", List.of(Map.of("value", a, "display", "okta-a"), Map.of("value", b, "display", "okta-b"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String group = created.json().path("id").asText();
        assertThat(members(group)).containsExactlyInAnyOrder(a, b);

        HttpResult replace = scim.patch("/Groups/" + group, Map.of("schemas", List.of(PATCH), "Operations", List.of(
                Map.of("op", "replace", "path", "members", "value", List.of(Map.of("value", b), Map.of("value", c))))));
        assertThat(replace.status()).as(replace.toString()).isEqualTo(200);
        assertThat(members(group)).containsExactlyInAnyOrder(b, c);

        HttpResult rename = scim.patch("/Groups/" + group, Map.of("schemas", List.of(PATCH), "Operations", List.of(
                Map.of("op", "replace", "value", Map.of("id", group, "displayName", "Okta Push Renamed")))));
        assertThat(rename.status()).as(rename.toString()).isEqualTo(200);
        assertThat(rename.json().path("displayName").asText()).isEqualTo("Okta Push Renamed");
        assertThat(members(group)).containsExactlyInAnyOrder(b, c);
    }

    private String user(String userName) {
        HttpResult r = scim.post("/Users", Map.of("schemas", List.of(USER), "userName", userName));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    private List<String> members(String groupId) {
        List<String> ids = new ArrayList<>();
        realm.admin().get(realm.path("groups/" + groupId + "/members?max=1000")).json()
                .forEach(m -> ids.add(m.path("id").asText()));
        return ids;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
