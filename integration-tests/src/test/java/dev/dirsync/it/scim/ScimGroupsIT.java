package dev.dirsync.it.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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

/** Groups and membership over SCIM (RFC 7644 §3.3–3.6 on /Groups). */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScimGroupsIT {

    private static final List<String> GROUP = List.of("urn:ietf:params:scim:schemas:core:2.0:Group");
    private static final List<String> PATCH = List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp");

    private final TestRealm realm;
    private final ScimClient scim;

    ScimGroupsIT(KeycloakServer server) {
        realm = TestRealm.create(server, "groups");
        scim = realm.scim();
    }

    @AfterAll
    void dropRealm() {
        realm.delete();
    }

    private String user(String userName) {
        HttpResult r = scim.post("/Users", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                "userName", userName));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    private List<String> memberIds(String groupId) {
        List<String> ids = new ArrayList<>();
        realm.admin().get(realm.path("groups/" + groupId + "/members?max=1000")).json()
                .forEach(m -> ids.add(m.path("id").asText()));
        return ids;
    }

    @Test
    void createWithMembers_thenReadIt() {
        String a = user("g-alice");
        String b = user("g-bob");
        HttpResult created = scim.post("/Groups", Map.of("schemas", GROUP, "displayName", "Sales Team",
                "externalId", "grp-ext-1", "members", List.of(Map.of("value", a), Map.of("value", b, "type", "User"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode group = created.json();
        String id = group.path("id").asText();
        assertThat(created.header("Location")).contains(realm.scimBaseUrl() + "/Groups/" + id);
        assertThat(group.path("displayName").asText()).isEqualTo("Sales Team");
        assertThat(group.path("externalId").asText()).isEqualTo("grp-ext-1");
        assertThat(group.path("members")).hasSize(2);
        assertThat(group.path("members").get(0).path("display").asText()).isEqualTo("g-alice");
        assertThat(memberIds(id)).containsExactlyInAnyOrder(a, b);

        JsonNode userView = scim.get("/Users/" + a).json();
        assertThat(userView.path("groups").get(0).path("value").asText()).isEqualTo(id);
        assertThat(userView.path("groups").get(0).path("display").asText()).isEqualTo("Sales Team");

        JsonNode withoutMembers = scim.get("/Groups/" + id + "?excludedAttributes=members").json();
        assertThat(withoutMembers.has("members")).isFalse();
        assertThat(withoutMembers.path("displayName").asText()).isEqualTo("Sales Team");
    }

    @Test
    void listing_includesSubGroupsAndFiltersByDisplayName() {
        ObjectNode parent = HttpResult.JSON.createObjectNode().put("name", "Parent Group");
        assertThat(realm.admin().post(realm.path("groups"), parent).status()).isEqualTo(201);
        String parentId = realm.admin().get(realm.path("groups?search=Parent%20Group&exact=true")).json().get(0).path("id").asText();
        ObjectNode child = HttpResult.JSON.createObjectNode().put("name", "Child Group");
        assertThat(realm.admin().post(realm.path("groups/" + parentId + "/children"), child).status()).isEqualTo(201);

        JsonNode list = scim.get("/Groups?filter=" + enc("displayName eq \"child group\"")).json();
        assertThat(list.path("totalResults").asInt()).isEqualTo(1);
        assertThat(list.path("Resources").get(0).path("displayName").asText()).isEqualTo("Child Group");
        JsonNode all = scim.get("/Groups?count=500").json();
        List<String> names = new ArrayList<>();
        all.path("Resources").forEach(g -> names.add(g.path("displayName").asText()));
        assertThat(names).contains("Parent Group", "Child Group");
    }

    @Test
    void patchMembers_addRemoveReplace() {
        String a = user("p-a");
        String b = user("p-b");
        String c = user("p-c");
        String id = scim.post("/Groups", Map.of("schemas", GROUP, "displayName", "Patch Team")).json().path("id").asText();

        assertThat(patch(id, Map.of("op", "add", "path", "members", "value", List.of(Map.of("value", a), Map.of("value", b))))
                .status()).isEqualTo(200);
        assertThat(memberIds(id)).containsExactlyInAnyOrder(a, b);

        assertThat(patch(id, Map.of("op", "remove", "path", "members[value eq \"" + a + "\"]")).status()).isEqualTo(200);
        assertThat(memberIds(id)).containsExactly(b);

        assertThat(patch(id, Map.of("op", "replace", "path", "members", "value", List.of(Map.of("value", a), Map.of("value", c))))
                .status()).isEqualTo(200);
        assertThat(memberIds(id)).containsExactlyInAnyOrder(a, c);

        HttpResult renamed = patch(id, Map.of("op", "replace", "value", Map.of("id", id, "displayName", "Renamed Team")));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().path("displayName").asText()).isEqualTo("Renamed Team");

        assertThat(patch(id, Map.of("op", "remove", "path", "members")).status()).isEqualTo(200);
        assertThat(memberIds(id)).isEmpty();
    }

    @Test
    void unknownMember_is400AndNothingChanges() {
        String a = user("u-a");
        String id = scim.post("/Groups", Map.of("schemas", GROUP, "displayName", "Strict Team")).json().path("id").asText();
        HttpResult r = patch(id, Map.of("op", "add", "path", "members",
                "value", List.of(Map.of("value", a), Map.of("value", "00000000-no-such-user"))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(memberIds(id)).isEmpty();
    }

    @Test
    void put_replacesNameAndMembers_deleteRemovesTheGroup() {
        String a = user("put-a");
        String b = user("put-b");
        String id = scim.post("/Groups", Map.of("schemas", GROUP, "displayName", "Put Team",
                "members", List.of(Map.of("value", a)))).json().path("id").asText();
        HttpResult put = scim.put("/Groups/" + id, Map.of("schemas", GROUP, "displayName", "Put Team 2",
                "members", List.of(Map.of("value", b))));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(memberIds(id)).containsExactly(b);
        assertThat(scim.delete("/Groups/" + id).status()).isEqualTo(204);
        assertThat(scim.get("/Groups/" + id).status()).isEqualTo(404);
    }

    @Test
    void duplicateDisplayName_is409() {
        assertThat(scim.post("/Groups", Map.of("schemas", GROUP, "displayName", "Twin")).status()).isEqualTo(201);
        HttpResult twin = scim.post("/Groups", Map.of("schemas", GROUP, "displayName", "Twin"));
        assertThat(twin.status()).as(twin.toString()).isEqualTo(409);
        assertThat(twin.json().path("scimType").asText()).isEqualTo("uniqueness");
    }

    @Test
    void membershipChanges_emitOneAdminEventPerMember() {
        String a = user("ev-a");
        String b = user("ev-b");
        String id = scim.post("/Groups", Map.of("schemas", GROUP, "displayName", "Audited")).json().path("id").asText();
        patch(id, Map.of("op", "add", "path", "members", "value", List.of(Map.of("value", a), Map.of("value", b))));
        JsonNode events = realm.adminEvents("resourceTypes=GROUP_MEMBERSHIP&operationTypes=CREATE");
        List<String> paths = new ArrayList<>();
        events.forEach(e -> paths.add(e.path("resourcePath").asText()));
        assertThat(paths).contains("users/" + a + "/groups/" + id, "users/" + b + "/groups/" + id);
        JsonNode groupEvents = realm.adminEvents("resourceTypes=GROUP&operationTypes=CREATE&resourcePath=groups/" + id);
        assertThat(groupEvents).hasSize(1);
    }

    private HttpResult patch(String id, Map<String, Object> operation) {
        return scim.patch("/Groups/" + id, Map.of("schemas", PATCH, "Operations", List.of(operation)));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
