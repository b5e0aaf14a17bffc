package dev.dirsync.it.scim;

import static org.assertj.core.api.Assertions.assertThat;

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

/** {@code /Bulk} (RFC 7644 §3.7) against the real server. */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScimBulkIT {

    private static final String BULK = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private final TestRealm realm;
    private final ScimClient scim;

    ScimBulkIT(KeycloakServer server) {
        realm = TestRealm.create(server, "bulk");
        scim = realm.scim();
    }

    @AfterAll
    void dropRealm() {
        realm.delete();
    }

    @Test
    void groupReferencesAUserCreatedEarlierInTheSameRequest_evenWhenListedFirst() {
        HttpResult r = scim.post("/Bulk", Map.of("schemas", List.of(BULK), "Operations", List.of(
                Map.of("method", "POST", "path", "/Groups", "bulkId", "g1", "data", Map.of("schemas", List.of(GROUP),
                        "displayName", "Bulk Group", "members", List.of(Map.of("type", "User", "value", "bulkId:u1")))),
                Map.of("method", "POST", "path", "/Users", "bulkId", "u1", "data", Map.of("schemas", List.of(USER),
                        "userName", "bulk-user-1")))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode ops = r.json().path("Operations");
        assertThat(ops).hasSize(2);
        assertThat(ops.get(0).path("status").asText()).isEqualTo("201");
        assertThat(ops.get(1).path("status").asText()).isEqualTo("201");
        String groupLocation = ops.get(0).path("location").asText();
        String userLocation = ops.get(1).path("location").asText();
        assertThat(groupLocation).startsWith(realm.scimBaseUrl() + "/Groups/");
        assertThat(ops.get(1).path("version").asText()).startsWith("W/");
        String userId = userLocation.substring(userLocation.lastIndexOf('/') + 1);
        String groupId = groupLocation.substring(groupLocation.lastIndexOf('/') + 1);
        assertThat(scim.get("/Groups/" + groupId).json().path("members").get(0).path("value").asText()).isEqualTo(userId);
    }

    @Test
    void aFailingOperationLeavesTheOthersAndNothingHalfDone() {
        HttpResult r = scim.post("/Bulk", Map.of("schemas", List.of(BULK), "Operations", List.of(
                Map.of("method", "POST", "path", "/Users", "bulkId", "ok1", "data", Map.of("schemas", List.of(USER),
                        "userName", "bulk-ok-1")),
                Map.of("method", "POST", "path", "/Users", "bulkId", "bad", "data", Map.of("schemas", List.of(USER),
                        "name", Map.of("givenName", "No userName"))),
                Map.of("method", "POST", "path", "/Users", "bulkId", "ok2", "data", Map.of("schemas", List.of(USER),
                        "userName", "bulk-ok-2")))));
        JsonNode ops = r.json().path("Operations");
        assertThat(statuses(ops)).containsExactly("201", "400", "201");
        assertThat(ops.get(1).path("response").path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(realm.admin().get(realm.path("users?username=bulk-ok-&max=10")).json()).hasSize(2);
    }

    @Test
    void failOnErrors_stopsAfterThatManyErrors() {
        HttpResult r = scim.post("/Bulk", Map.of("schemas", List.of(BULK), "failOnErrors", 1, "Operations", List.of(
                Map.of("method", "DELETE", "path", "/Users/no-such-user"),
                Map.of("method", "POST", "path", "/Users", "bulkId", "never", "data", Map.of("schemas", List.of(USER),
                        "userName", "bulk-never")))));
        JsonNode ops = r.json().path("Operations");
        assertThat(statuses(ops)).containsExactly("404");
        assertThat(realm.admin().get(realm.path("users?username=bulk-never&exact=true")).json()).isEmpty();
    }

    @Test
    void circularReferences_are409() {
        HttpResult r = scim.post("/Bulk", Map.of("schemas", List.of(BULK), "Operations", List.of(
                Map.of("method", "POST", "path", "/Groups", "bulkId", "a", "data", Map.of("schemas", List.of(GROUP),
                        "displayName", "Circle A", "members", List.of(Map.of("value", "bulkId:b")))),
                Map.of("method", "POST", "path", "/Groups", "bulkId", "b", "data", Map.of("schemas", List.of(GROUP),
                        "displayName", "Circle B", "members", List.of(Map.of("value", "bulkId:a")))))));
        assertThat(r.status()).isEqualTo(200);
        assertThat(statuses(r.json().path("Operations"))).containsExactly("409", "409");
    }

    @Test
    void tooManyOperations_is413() {
        int max = scim.get("/ServiceProviderConfig").json().path("bulk").path("maxOperations").asInt();
        List<Map<String, Object>> ops = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            ops.add(Map.of("method", "DELETE", "path", "/Users/x" + i));
        }
        HttpResult r = scim.post("/Bulk", Map.of("schemas", List.of(BULK), "Operations", ops));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().path("status").asText()).isEqualTo("413");
    }

    private static List<String> statuses(JsonNode ops) {
        List<String> statuses = new ArrayList<>();
        ops.forEach(op -> statuses.add(op.path("status").asText()));
        return statuses;
    }
}
