package dev.dirsync.it.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.it.harness.HttpResult;
import dev.dirsync.it.harness.KeycloakIT;
import dev.dirsync.it.harness.KeycloakServer;
import dev.dirsync.it.harness.LdapServer;
import dev.dirsync.it.harness.ScimClient;
import dev.dirsync.it.harness.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Users that Keycloak's LDAP federation imports and updates: a change made in the directory and brought in by a
 * federation sync (which fires no Keycloak event) still moves {@code meta.version} and {@code meta.lastModified},
 * so IdPs and caches relying on ETags see it. The directory is a real OpenLDAP ({@link LdapServer}), federated
 * read-only as most corporate directories are.
 */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScimFederationIT {

    private final TestRealm realm;
    private final LdapServer ldap;
    private final ScimClient scim;
    private final String federationId;

    ScimFederationIT(KeycloakServer server) {
        realm = TestRealm.create(server, "ldap");
        ldap = LdapServer.start();
        String realmId = realm.admin().get(realm.path("")).json().path("id").asText();
        ObjectNode component = HttpResult.JSON.createObjectNode().put("name", "corporate-ldap")
                .put("providerId", "ldap").put("providerType", "org.keycloak.storage.UserStorageProvider")
                .put("parentId", realmId);
        ObjectNode config = component.putObject("config");
        Map.ofEntries(Map.entry("enabled", "true"), Map.entry("vendor", "other"),
                Map.entry("connectionUrl", ldap.url()), Map.entry("authType", "simple"),
                Map.entry("bindDn", LdapServer.ADMIN_DN), Map.entry("bindCredential", ldap.adminPassword()),
                Map.entry("usersDn", LdapServer.PEOPLE_DN), Map.entry("usernameLDAPAttribute", "uid"),
                Map.entry("rdnLDAPAttribute", "uid"), Map.entry("uuidLDAPAttribute", "entryUUID"),
                Map.entry("userObjectClasses", "inetOrgPerson, organizationalPerson"),
                Map.entry("searchScope", "1"), Map.entry("editMode", "READ_ONLY"),
                Map.entry("importEnabled", "true"), Map.entry("syncRegistrations", "false"),
                Map.entry("pagination", "false"), Map.entry("fullSyncPeriod", "-1"),
                Map.entry("changedSyncPeriod", "-1"), Map.entry("trustEmail", "true"))
                .forEach((k, v) -> config.putArray(k).add(v));
        HttpResult created = realm.admin().post(realm.path("components"), component);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        federationId = created.header("Location").orElseThrow().replaceAll(".*/", "");
        scim = realm.scim();
    }

    @AfterAll
    void stop() {
        realm.delete();
        ldap.close();
    }

    private void fullSync() {
        HttpResult sync = realm.admin().post(realm.path("user-storage/" + federationId
                + "/sync?action=triggerFullSync"), "");
        assertThat(sync.status()).as(sync.toString()).isEqualTo(200);
        assertThat(sync.json().path("failed").asInt()).as(sync.toString()).isZero();
    }

    private JsonNode byUserName(String userName) {
        HttpResult r = scim.get("/Users?filter=" + URLEncoder.encode("userName eq \"" + userName + "\"",
                StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("totalResults").asInt()).as(r.toString()).isEqualTo(1);
        return r.json().path("Resources").get(0);
    }

    @Test
    void aChangeSyncedFromTheDirectory_movesVersionAndLastModified() {
        ldap.addPerson("alice", "Alice", "Liddell", "alice@example.org");
        fullSync();
        String id = byUserName("alice").path("id").asText();

        HttpResult before = scim.get("/Users/" + id);
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(before.json().path("name").path("familyName").asText()).isEqualTo("Liddell");
        String version = before.json().path("meta").path("version").asText();
        Instant modified = Instant.parse(before.json().path("meta").path("lastModified").asText());
        assertThat(before.header("ETag")).contains(version);
        assertThat(scim.get("/Users/" + id, Map.of("If-None-Match", version)).status())
                .as("unchanged: 304").isEqualTo(304);

        ldap.replace("alice", Map.of("sn", "Hargreaves", "mail", "alice.hargreaves@example.org"));
        fullSync();

        HttpResult after = scim.get("/Users/" + id);
        assertThat(after.status()).as(after.toString()).isEqualTo(200);
        assertThat(after.json().path("name").path("familyName").asText()).isEqualTo("Hargreaves");
        assertThat(after.json().path("emails").get(0).path("value").asText()).isEqualTo("alice.hargreaves@example.org");
        String newVersion = after.json().path("meta").path("version").asText();
        assertThat(newVersion).as("the version follows the directory").isNotEqualTo(version);
        assertThat(Instant.parse(after.json().path("meta").path("lastModified").asText())).isAfter(modified);
        assertThat(scim.get("/Users/" + id, Map.of("If-None-Match", version)).status())
                .as("a stale ETag no longer matches").isEqualTo(200);

        JsonNode listed = byUserName("alice");
        assertThat(listed.path("meta").path("version").asText()).as("lists agree with reads").isEqualTo(newVersion);
        assertThat(listed.path("meta").path("lastModified").asText())
                .isEqualTo(after.json().path("meta").path("lastModified").asText());
    }

    @Test
    void federatedUsers_areReadOnlyThroughScim_whenTheDirectoryIs() {
        ldap.addPerson("bob", "Bob", "Builder", "bob@example.org");
        fullSync();
        String id = byUserName("bob").path("id").asText();
        HttpResult patch = scim.patch("/Users/" + id, Map.of("schemas",
                List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"), "Operations",
                List.of(Map.of("op", "replace", "path", "name.familyName", "value", "Changed"))));
        assertThat(patch.status()).as("a read-only directory refuses with a SCIM error, not a 500: %s", patch)
                .isBetween(400, 499);
        assertThat(patch.json().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(scim.get("/Users/" + id).json().path("name").path("familyName").asText()).isEqualTo("Builder");
    }
}
