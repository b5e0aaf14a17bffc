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

/**
 * Per-Organization SCIM endpoints and tenant isolation: organization A's token, filters, bulkIds, member
 * references, ETags and errors never reveal or touch anything of organization B or of realm-level users.
 */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationScimIT {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private final KeycloakServer server;
    private final TestRealm realm;
    private final ScimClient realmScim;
    private final ScimClient acme;
    private final ScimClient globex;
    private final String acmeId;
    private final String globexId;

    OrganizationScimIT(KeycloakServer server) {
        this.server = server;
        realm = TestRealm.create(server, "orgs");
        assertThat(realm.admin().put(realm.path(""), Map.of("organizationsEnabled", true)).status()).isEqualTo(204);
        acmeId = organization("Acme", "acme");
        globexId = organization("Globex", "globex");
        realmScim = realm.scim();
        acme = orgClient("acme", token("acme"));
        globex = orgClient("globex", token("globex"));
    }

    @AfterAll
    void dropRealm() {
        realm.delete();
    }

    private String organization(String name, String alias) {
        HttpResult r = realm.admin().post(realm.path("organizations"), Map.of("name", name, "alias", alias,
                "domains", List.of(Map.of("name", alias + ".example"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String location = r.header("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private String token(String organization) {
        HttpResult r = realm.admin().post(realm.path("directory-sync/tokens"), organization == null
                ? Map.of("name", "realm") : Map.of("name", organization, "organization", organization));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("token").asText();
    }

    private ScimClient orgClient(String alias, String token) {
        return new ScimClient(server, server.baseUrl() + "/realms/" + realm.name() + "/directory-sync/organizations/"
                + alias + "/scim/v2", token);
    }

    private String user(ScimClient scim, String userName) {
        HttpResult r = scim.post("/Users", Map.of("schemas", List.of(USER), "userName", userName,
                "emails", List.of(Map.of("value", userName + "@example.com", "primary", true))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    private List<String> members(String organizationId) {
        List<String> ids = new ArrayList<>();
        realm.admin().get(realm.path("organizations/" + organizationId + "/members?max=1000")).json()
                .forEach(m -> ids.add(m.path("id").asText()));
        return ids;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void usersCreatedAtAnOrganization_becomeItsMembers() {
        HttpResult created = acme.post("/Users", Map.of("schemas", List.of(USER), "userName", "wile.coyote"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(created.json().path("meta").path("location").asText())
                .isEqualTo(acme.baseUrl() + "/Users/" + id);
        assertThat(members(acmeId)).contains(id);
        assertThat(members(globexId)).doesNotContain(id);
        assertThat(realmScim.get("/Users/" + id).status()).as("the realm sees every user").isEqualTo(200);
    }

    @Test
    void anOrganizationSeesOnlyItsOwnUsers() {
        String acmeUser = user(acme, "road.runner");
        String realmUser = user(realmScim, "realm.only");
        String globexUser = user(globex, "hank.scorpio");

        JsonNode acmeList = acme.get("/Users?count=500").json();
        List<String> names = new ArrayList<>();
        acmeList.path("Resources").forEach(u -> names.add(u.path("userName").asText()));
        assertThat(names).contains("road.runner").doesNotContain("realm.only", "hank.scorpio");
        assertThat(acmeList.path("totalResults").asInt()).isEqualTo(names.size());

        for (String foreign : List.of(realmUser, globexUser)) {
            HttpResult get = acme.get("/Users/" + foreign);
            HttpResult missing = acme.get("/Users/no-such-user");
            assertThat(get.status()).isEqualTo(404);
            assertThat(get.json().path("detail").asText()).isEqualTo(missing.json().path("detail").asText()
                    .replace("no-such-user", foreign));
            assertThat(acme.patch("/Users/" + foreign, Map.of("schemas", List.of(PATCH), "Operations",
                    List.of(Map.of("op", "replace", "path", "active", "value", false)))).status()).isEqualTo(404);
            assertThat(acme.put("/Users/" + foreign, Map.of("schemas", List.of(USER), "userName", "x")).status())
                    .isEqualTo(404);
            assertThat(acme.delete("/Users/" + foreign).status()).isEqualTo(404);
        }
        assertThat(acme.get("/Users?filter=" + enc("userName eq \"hank.scorpio\"")).json().path("totalResults")
                .asInt()).isZero();
        assertThat(acme.get("/Users?filter=" + enc("id eq \"" + globexUser + "\"")).json().path("totalResults")
                .asInt()).isZero();
        String etag = globex.get("/Users/" + globexUser).header("ETag").orElseThrow();
        assertThat(acme.send("DELETE", "/Users/" + globexUser, null, Map.of("If-Match", etag)).status())
                .as("404, not 412: an ETag reveals nothing either").isEqualTo(404);
        assertThat(globex.get("/Users/" + globexUser).json().path("active").asBoolean()).isTrue();
        assertThat(acme.get("/Users/" + acmeUser).status()).isEqualTo(200);
    }

    @Test
    void groupsBelongToTheirOrganization_andMembersMustBeItsUsers() {
        String acmeUser = user(acme, "acme.member");
        String globexUser = user(globex, "globex.member");
        HttpResult group = acme.post("/Groups", Map.of("schemas", List.of(GROUP), "displayName", "Anvils",
                "members", List.of(Map.of("value", acmeUser))));
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        String groupId = group.json().path("id").asText();
        JsonNode groups = acme.get("/Users/" + acmeUser).json().path("groups");
        assertThat(groups).as("the organization's own groups only, not its internal membership group").hasSize(1);
        assertThat(groups.get(0).path("value").asText()).isEqualTo(groupId);
        assertThat(acme.get("/Groups?count=500").json().path("Resources").toString()).doesNotContain(acmeId);

        assertThat(globex.get("/Groups/" + groupId).status()).isEqualTo(404);
        assertThat(globex.get("/Groups?filter=" + enc("displayName eq \"Anvils\"")).json().path("totalResults").asInt())
                .isZero();
        JsonNode realmGroups = realmScim.get("/Groups?filter=" + enc("displayName eq \"Anvils\"")).json();
        assertThat(realmGroups.path("totalResults").asInt()).as("organization groups are not realm groups").isZero();

        HttpResult foreignMember = acme.patch("/Groups/" + groupId, Map.of("schemas", List.of(PATCH), "Operations",
                List.of(Map.of("op", "add", "path", "members", "value", List.of(Map.of("value", globexUser))))));
        HttpResult missingMember = acme.patch("/Groups/" + groupId, Map.of("schemas", List.of(PATCH), "Operations",
                List.of(Map.of("op", "add", "path", "members", "value", List.of(Map.of("value", "nobody"))))));
        assertThat(foreignMember.status()).isEqualTo(400);
        assertThat(foreignMember.json().path("detail").asText()).isEqualTo(missingMember.json().path("detail").asText()
                .replace("nobody", globexUser));
        assertThat(globex.patch("/Groups/" + groupId, Map.of("schemas", List.of(PATCH), "Operations", List.of(
                Map.of("op", "remove", "path", "members")))).status()).isEqualTo(404);
        assertThat(acme.get("/Groups/" + groupId).json().path("members")).hasSize(1);
    }

    @Test
    void bulkReferencesStayInsideTheOrganization() {
        String globexUser = user(globex, "globex.bulk");
        HttpResult r = acme.post("/Bulk", Map.of("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:BulkRequest"),
                "Operations", List.of(
                        Map.of("method", "POST", "path", "/Users", "bulkId", "u", "data", Map.of("schemas", List.of(USER),
                                "userName", "acme.bulk")),
                        Map.of("method", "POST", "path", "/Groups", "bulkId", "g", "data", Map.of("schemas", List.of(GROUP),
                                "displayName", "Bulk Group", "members", List.of(Map.of("value", "bulkId:u")))),
                        Map.of("method", "PATCH", "path", "/Groups/bulkId:g", "data", Map.of("schemas", List.of(PATCH),
                                "Operations", List.of(Map.of("op", "add", "path", "members", "value",
                                        List.of(Map.of("value", globexUser)))))),
                        Map.of("method", "DELETE", "path", "/Users/" + globexUser))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> statuses = new ArrayList<>();
        r.json().path("Operations").forEach(op -> statuses.add(op.path("status").asText()));
        assertThat(statuses).containsExactly("201", "201", "400", "404");
        assertThat(globex.get("/Users/" + globexUser).status()).isEqualTo(200);
    }

    @Test
    void tokensOnlyWorkAtTheirOwnEndpoint() {
        assertThat(orgClient("globex", acme.token()).get("/Users").status()).isEqualTo(403);
        assertThat(realmScim.withToken(acme.token()).get("/Users").status()).isEqualTo(403);
        assertThat(orgClient("acme", token(null)).get("/Users").status()).isEqualTo(403);
        assertThat(orgClient("acme", realmScim.token()).get("/Users").status())
                .as("OAuth callers with admin rights may use any endpoint").isEqualTo(200);
        HttpResult unknown = orgClient("no-such-org", realmScim.token()).get("/Users");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(orgClient("acme", null).get("/Users").status()).isEqualTo(401);
    }

    /** Posts an entry of the "Organization directories" page, as the admin console's form does. */
    private HttpResult organizationSettings(Map<String, String> values) {
        return realm.addComponent(TestRealm.UI_PAGE, "directory-sync-organizations",
                values.getOrDefault("organization", "entry"), values);
    }

    @Test
    void anOrganizationsSettings_overrideTheRealms_andInvalidOnesAreRefused() {
        organization("Initech", "initech");
        ScimClient initech = orgClient("initech", token("initech"));
        assertThat(initech.get("/Users").status()).isEqualTo(200);

        assertThat(organizationSettings(Map.of("organization", "no-such-org")).status()).isEqualTo(400);
        assertThat(organizationSettings(Map.of("organization", "initech", "scimDeleteAction", "explode")).status())
                .isEqualTo(400);
        HttpResult foreignIdp = organizationSettings(Map.of("organization", "initech", "scimIdpLink", "nope"));
        assertThat(foreignIdp.status()).isEqualTo(400);
        assertThat(foreignIdp.json().path("errorMessage").asText()).isEqualTo("No identity provider \"nope\" in this realm");

        assertThat(organizationSettings(Map.of("organization", "initech", "scimEnabled", "false")).status())
                .isEqualTo(201);
        assertThat(organizationSettings(Map.of("organization", "initech")).status())
                .as("one entry per organization").isEqualTo(400);
        HttpResult off = initech.get("/Users");
        assertThat(off.status()).isEqualTo(404);
        assertThat(off.json().path("detail").asText()).contains("turned off");
        assertThat(acme.get("/Users").status()).as("other organizations are unaffected").isEqualTo(200);

        assertThat(organizationSettings(Map.of("organization", "globex", "scimStrictAttributes", "true")).status())
                .isEqualTo(201);
        HttpResult strict = globex.post("/Users", Map.of("schemas", List.of(USER), "userName", "globex.strict",
                "nickName", "Nick"));
        assertThat(strict.status()).as(strict.toString()).isEqualTo(400);
        assertThat(strict.json().path("detail").asText()).contains("nickName");
        HttpResult lenient = acme.post("/Users", Map.of("schemas", List.of(USER), "userName", "acme.lenient",
                "nickName", "Nick"));
        assertThat(lenient.status()).as("acme keeps the realm's lenient default").isEqualTo(201);
    }

    @Test
    void deletingAtAnOrganization_deletesOnlyWhatNoOtherTenantOwns() {
        String provisioned = user(acme, "acme.leaver");
        assertThat(acme.delete("/Users/" + provisioned).status()).isEqualTo(204);
        assertThat(realmScim.get("/Users/" + provisioned).status()).as("only acme owned it").isEqualTo(404);

        String shared = user(realmScim, "realm.and.acme");
        assertThat(realm.admin().post(realm.path("organizations/" + acmeId + "/members"), "\"" + shared + "\"")
                .status()).isEqualTo(201);
        assertThat(acme.get("/Users/" + shared).status()).isEqualTo(200);
        assertThat(acme.delete("/Users/" + shared).status()).isEqualTo(204);
        assertThat(acme.get("/Users/" + shared).status()).as("gone from acme").isEqualTo(404);
        assertThat(members(acmeId)).doesNotContain(shared);
        assertThat(realmScim.get("/Users/" + shared).status()).as("the realm still owns it").isEqualTo(200);
    }

    @Test
    void anOrganization_cannotReviveAnotherTenantsKeptUser() {
        HttpResult saved = realm.addComponent(TestRealm.UI_TAB, "directory-sync", "directory-sync",
                Map.of("scimDeleteAction", "disable"));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        String tabId = saved.header("Location").orElseThrow().replaceAll(".*/", "");
        try {
            String kept = user(realmScim, "kept.by.realm");
            assertThat(realmScim.delete("/Users/" + kept).status()).isEqualTo(204);
            HttpResult takeover = acme.post("/Users", Map.of("schemas", List.of(USER), "userName", "kept.by.realm"));
            assertThat(takeover.status()).as("acme may not take over the realm's kept account: %s", takeover)
                    .isEqualTo(409);
            assertThat(takeover.json().path("scimType").asText()).isEqualTo("uniqueness");
            assertThat(members(acmeId)).doesNotContain(kept);
            assertThat(realm.admin().get(realm.path("users/" + kept)).json().path("enabled").asBoolean()).isFalse();

            HttpResult revived = realmScim.post("/Users", Map.of("schemas", List.of(USER), "userName", "kept.by.realm"));
            assertThat(revived.status()).as(revived.toString()).isEqualTo(201);
            assertThat(revived.json().path("id").asText()).isEqualTo(kept);
        } finally {
            realm.admin().delete(realm.path("components/" + tabId));
        }
    }

    @Test
    void deletingAnOrganization_removesItsTokensAndSettings() {
        String tempId = organization("Temp", "temp");
        assertThat(organizationSettings(Map.of("organization", "temp", "scimEnabled", "false")).status()).isEqualTo(201);
        String secret = token("temp");
        assertThat(orgClient("temp", secret).get("/Users").status()).as("turned off").isEqualTo(404);
        assertThat(realm.admin().delete(realm.path("organizations/" + tempId)).status()).isEqualTo(204);

        JsonNode entries = realm.admin().get(realm.path("components?type=org.keycloak.services.ui.extend.UiPageProvider"))
                .json();
        assertThat(entries.findValuesAsText("organization")).doesNotContain("temp");
        organization("Temp again", "temp");
        ScimClient successor = orgClient("temp", secret);
        assertThat(successor.get("/Users").status()).as("the old token does not reach the new organization")
                .isEqualTo(401);
        assertThat(orgClient("temp", realmScim.token()).get("/Users").status())
                .as("the new organization starts from the defaults (on)").isEqualTo(200);
    }
}
