package dev.dirsync.it.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.dirsync.it.harness.HttpResult;
import dev.dirsync.it.harness.KeycloakIT;
import dev.dirsync.it.harness.KeycloakServer;
import dev.dirsync.it.harness.ScimClient;
import dev.dirsync.it.harness.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Writes go through Keycloak's user-profile validation and password policy; a refused write leaves nothing behind. */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScimValidationIT {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private final TestRealm realm;
    private final ScimClient scim;

    ScimValidationIT(KeycloakServer server) {
        realm = TestRealm.create(server, "validation");
        realm.admin().put(realm.path(""), Map.of("passwordPolicy", "length(12) and digits(1)"));
        realm.addProfileAttributes(List.of(Map.of("name", "costCenter", "displayName", "Cost center",
                "required", Map.of("roles", List.of("admin", "user")),
                "validations", Map.of("length", Map.of("max", 8)),
                "permissions", Map.of("view", List.of("admin"), "edit", List.of("admin")),
                "annotations", Map.of("kc.scim.schema.attribute", ENTERPRISE + ":costCenter"))));
        scim = realm.scim();
    }

    @AfterAll
    void dropRealm() {
        realm.delete();
    }

    @Test
    void missingRequiredProfileAttribute_is400NamingIt() {
        HttpResult r = scim.post("/Users", Map.of("schemas", List.of(USER), "userName", "no-cost-center"));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(r.json().path("detail").asText()).contains(ENTERPRISE + ":costCenter").contains("costCenter");
        assertThat(realm.admin().get(realm.path("users?username=no-cost-center&exact=true")).json()).isEmpty();
    }

    @Test
    void profileValidation_is400() {
        HttpResult r = scim.post("/Users", Map.of("schemas", List.of(USER, ENTERPRISE), "userName", "long-cost-center",
                ENTERPRISE, Map.of("costCenter", "123456789")));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path("detail").asText()).contains("costCenter");
    }

    @Test
    void passwordPolicyViolation_is400WithThePolicyMessage_andNoUserIsCreated() {
        HttpResult r = scim.post("/Users", Map.of("schemas", List.of(USER, ENTERPRISE), "userName", "weak-password",
                ENTERPRISE, Map.of("costCenter", "CC1"), "password", "short"));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(r.json().path("detail").asText()).contains("password").contains("12").doesNotContain("short");
        assertThat(realm.admin().get(realm.path("users?username=weak-password&exact=true")).json())
                .as("the create was rolled back").isEmpty();

        HttpResult ok = scim.post("/Users", Map.of("schemas", List.of(USER, ENTERPRISE), "userName", "strong-password",
                ENTERPRISE, Map.of("costCenter", "CC1"), "password", "long-enough-passw0rd"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
    }
}
