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

/**
 * Paging through a whole realm (a directory's full import) returns every user exactly once, in username order,
 * with service accounts (which are not SCIM users) interleaved among them in username order.
 */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScimPagingIT {

    private static final List<String> USERS = List.of("aaron", "rachel", "sam", "service-account-aa-user",
            "service-zeta", "servicez", "steve", "tom", "zoe");

    private final TestRealm realm;
    private final ScimClient scim;

    ScimPagingIT(KeycloakServer server) {
        realm = TestRealm.create(server, "paging");
        // Service accounts "service-account-<client>" sort among the users above.
        for (String client : List.of("aa", "mm", "zz")) {
            realm.addServiceClient(client, List.of());
        }
        scim = realm.scim();
        for (String userName : USERS) {
            HttpResult r = scim.post("/Users", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                    "userName", userName));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
    }

    @AfterAll
    void dropRealm() {
        realm.delete();
    }

    @Test
    void everyPageSize_walksEveryUserOnceInOrder() {
        for (int count = 1; count <= 4; count++) {
            List<String> seen = new ArrayList<>();
            for (int start = 1; start <= USERS.size() + 1; start += count) {
                JsonNode page = scim.get("/Users?startIndex=" + start + "&count=" + count).json();
                assertThat(page.path("totalResults").asInt()).isEqualTo(USERS.size());
                assertThat(page.path("startIndex").asInt()).isEqualTo(start);
                page.path("Resources").forEach(u -> seen.add(u.path("userName").asText()));
            }
            assertThat(seen).as("count=" + count).containsExactlyElementsOf(USERS);
        }
    }

    @Test
    void startIndexBeyondTheEnd_isAnEmptyPage() {
        JsonNode page = scim.get("/Users?startIndex=" + (USERS.size() + 5) + "&count=10").json();
        assertThat(page.path("totalResults").asInt()).isEqualTo(USERS.size());
        assertThat(page.path("Resources")).isEmpty();
        assertThat(page.path("itemsPerPage").asInt()).isZero();
    }
}
