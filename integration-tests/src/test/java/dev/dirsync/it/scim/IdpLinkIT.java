package dev.dirsync.it.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.it.harness.BrowserSession;
import dev.dirsync.it.harness.HttpResult;
import dev.dirsync.it.harness.KeycloakIT;
import dev.dirsync.it.harness.KeycloakServer;
import dev.dirsync.it.harness.ScimClient;
import dev.dirsync.it.harness.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * "One identity for SSO and provisioning": users provisioned over SCIM are linked to the identity provider the
 * settings name, so their first brokered login lands on the provisioned account. A second realm of the same server
 * plays the corporate OIDC identity provider.
 */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdpLinkIT {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String APP_REDIRECT = "http://localhost/cb";
    private static final String PASSWORD = "Corp-Passw0rd!";

    private final KeycloakServer server;
    private final TestRealm corp;
    private final TestRealm sso;
    private final ScimClient scim;

    IdpLinkIT(KeycloakServer server) {
        this.server = server;
        corp = TestRealm.create(server, "corp");
        sso = TestRealm.create(server, "sso");
        scim = sso.scim();
        identityProvider("corp");
        assertThat(sso.admin().post(sso.path("clients"), Map.of("clientId", "app", "publicClient", true,
                "standardFlowEnabled", true, "redirectUris", List.of(APP_REDIRECT))).status()).isEqualTo(201);
    }

    @AfterAll
    void dropRealms() {
        sso.delete();
        corp.delete();
    }

    /** An OIDC identity provider {@code alias} in the sso realm, backed by a client of the corp realm. */
    private void identityProvider(String alias) {
        String secret = KeycloakServer.randomSecret();
        HttpResult client = corp.admin().post(corp.path("clients"), Map.of("clientId", "broker-" + alias,
                "publicClient", false, "secret", secret, "standardFlowEnabled", true,
                "redirectUris", List.of(server.baseUrl() + "/realms/" + sso.name() + "/broker/" + alias + "/endpoint")));
        assertThat(client.status()).as(client.toString()).isEqualTo(201);
        String issuer = server.baseUrl() + "/realms/" + corp.name();
        Map<String, String> config = Map.ofEntries(Map.entry("clientId", "broker-" + alias),
                Map.entry("clientSecret", secret), Map.entry("clientAuthMethod", "client_secret_post"),
                Map.entry("authorizationUrl", issuer + "/protocol/openid-connect/auth"),
                Map.entry("tokenUrl", issuer + "/protocol/openid-connect/token"),
                Map.entry("jwksUrl", issuer + "/protocol/openid-connect/certs"), Map.entry("useJwksUrl", "true"),
                Map.entry("validateSignature", "true"), Map.entry("issuer", issuer),
                Map.entry("defaultScope", "openid profile email"), Map.entry("syncMode", "IMPORT"));
        HttpResult idp = sso.admin().post(sso.path("identity-provider/instances"), Map.of("alias", alias,
                "providerId", "oidc", "enabled", true, "config", config));
        assertThat(idp.status()).as(idp.toString()).isEqualTo(201);
    }

    /** A user of the corporate identity provider; returns its id there (the OIDC {@code sub}). */
    private String corpUser(String username) {
        HttpResult r = corp.admin().post(corp.path("users"), Map.of("username", username, "enabled", true,
                "email", username + "@corp.example", "emailVerified", true, "firstName", username,
                "lastName", "Corp", "credentials", List.of(Map.of("type", "password", "value", PASSWORD,
                        "temporary", false))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String location = r.header("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private String provision(ScimClient client, String userName, String externalId) {
        HttpResult r = client.post("/Users", Map.of("schemas", List.of(USER), "userName", userName,
                "externalId", externalId, "name", Map.of("givenName", userName, "familyName", "Corp"),
                "emails", List.of(Map.of("value", userName + "@corp.example", "primary", true))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    private void settings(TestRealm realm, Map<String, String> values) {
        HttpResult r = realm.addComponent(TestRealm.UI_TAB, "directory-sync", "directory-sync", values);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    /** Logs in to the sso realm's app through identity provider {@code alias} as a corp user. */
    private BrowserSession.Step brokeredLogin(String alias, String username) {
        BrowserSession browser = new BrowserSession(server);
        BrowserSession.Step corpLogin = browser.open(server.baseUrl() + "/realms/" + sso.name()
                + "/protocol/openid-connect/auth?client_id=app&response_type=code&scope=openid&redirect_uri="
                + URLEncoder.encode(APP_REDIRECT, StandardCharsets.UTF_8) + "&kc_idp_hint=" + alias);
        assertThat(corpLogin.url()).as("kc_idp_hint leads to the corporate login page").contains("/realms/" + corp.name() + "/");
        return browser.login(corpLogin, username, PASSWORD);
    }

    /** The {@code sub} of the access token the app gets for {@code code}. */
    private String subjectOf(String code) throws Exception {
        String form = "grant_type=authorization_code&client_id=app&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(APP_REDIRECT, StandardCharsets.UTF_8);
        HttpResponse<String> r = server.http().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/realms/"
                        + sso.name() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String accessToken = HttpResult.JSON.readTree(r.body()).path("access_token").asText();
        JsonNode claims = HttpResult.JSON.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
        return claims.path("sub").asText();
    }

    @Test
    void aLinkedUser_firstBrokeredLogin_landsOnTheProvisionedAccount_andAnUnlinkedOneDetours() throws Exception {
        corpUser("bob");
        String bob = provision(scim, "bob", "bob-object-id");
        settings(sso, Map.of("scimIdpLink", "corp", "scimIdpUserId", "externalId"));
        String aliceSub = corpUser("alice");
        String alice = provision(scim, "alice", aliceSub);

        JsonNode links = sso.admin().get(sso.path("users/" + alice + "/federated-identity")).json();
        assertThat(links).hasSize(1);
        assertThat(links.get(0).path("identityProvider").asText()).isEqualTo("corp");
        assertThat(links.get(0).path("userId").asText()).isEqualTo(aliceSub);
        assertThat(sso.admin().get(sso.path("users/" + bob + "/federated-identity")).json())
                .as("users provisioned before the setting are not linked").isEmpty();

        BrowserSession.Step linked = brokeredLogin("corp", "alice");
        assertThat(linked.leftServer()).as("alice's login returns to the app: %s", linked.body()).isTrue();
        assertThat(linked.leftTo()).startsWith(APP_REDIRECT);
        assertThat(subjectOf(linked.leftToParameter("code"))).as("the provisioned account").isEqualTo(alice);
        assertThat(sso.admin().get(sso.path("users?username=alice&exact=true")).json()).hasSize(1);

        BrowserSession.Step unlinked = brokeredLogin("corp", "bob");
        assertThat(unlinked.leftServer()).as("without the link Keycloak stops at its account-exists page").isFalse();
        assertThat(unlinked.body()).contains("already exists");

        HttpResult taken = scim.post("/Users", Map.of("schemas", List.of(USER), "userName", "alice.again",
                "externalId", aliceSub));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        assertThat(taken.json().path("scimType").asText()).isEqualTo("uniqueness");
        assertThat(sso.admin().get(sso.path("users?username=alice.again&exact=true")).json())
                .as("a refused create leaves nothing behind").isEmpty();

        // The link SCIM made follows its value; a link an administrator made is never touched.
        assertThat(patchExternalId(alice, "alice-rotated-id").status()).isEqualTo(200);
        JsonNode moved = sso.admin().get(sso.path("users/" + alice + "/federated-identity")).json();
        assertThat(moved).hasSize(1);
        assertThat(moved.get(0).path("userId").asText()).isEqualTo("alice-rotated-id");
        assertThat(sso.admin().post(sso.path("users/" + bob + "/federated-identity/corp"),
                Map.of("identityProvider", "corp", "userId", "bob-set-by-admin", "userName", "bob")).status())
                .isIn(200, 204);
        assertThat(patchExternalId(bob, "bob-new-id").status()).isEqualTo(200);
        assertThat(sso.admin().get(sso.path("users/" + bob + "/federated-identity")).json().get(0).path("userId")
                .asText()).isEqualTo("bob-set-by-admin");
    }

    private HttpResult patchExternalId(String id, String externalId) {
        return scim.patch("/Users/" + id, Map.of("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                "Operations", List.of(Map.of("op", "replace", "path", "externalId", "value", externalId))));
    }

    @Test
    void anOrganizationsEndpoint_linksToTheOrganizationsIdentityProvider() {
        TestRealm realm = TestRealm.create(server, "org-sso");
        try {
            assertThat(realm.admin().put(realm.path(""), Map.of("organizationsEnabled", true)).status()).isEqualTo(204);
            HttpResult org = realm.admin().post(realm.path("organizations"), Map.of("name", "Umbrella",
                    "alias", "umbrella", "domains", List.of(Map.of("name", "umbrella.example"))));
            assertThat(org.status()).as(org.toString()).isEqualTo(201);
            String orgId = org.header("Location").orElseThrow().replaceAll(".*/", "");
            for (String alias : List.of("umbrella-idp", "other-idp")) {
                assertThat(realm.admin().post(realm.path("identity-provider/instances"), Map.of("alias", alias,
                        "providerId", "oidc", "enabled", true, "config", Map.of("clientId", "x", "clientSecret", "y",
                                "authorizationUrl", "https://idp.example/auth", "tokenUrl", "https://idp.example/token")))
                        .status()).isEqualTo(201);
            }
            assertThat(realm.admin().post(realm.path("organizations/" + orgId + "/identity-providers"),
                    "\"umbrella-idp\"").status()).isIn(201, 204);
            HttpResult refused = realm.addComponent(TestRealm.UI_PAGE, "directory-sync-organizations", "umbrella",
                    Map.of("organization", "umbrella", "scimIdpLink", "other-idp", "scimIdpUserId", "email"));
            assertThat(refused.status()).as("an organization may not link a provider every tenant shares: %s", refused)
                    .isEqualTo(400);
            assertThat(refused.body()).contains("is not an identity provider of this organization");
            assertThat(realm.addComponent(TestRealm.UI_PAGE, "directory-sync-organizations", "umbrella",
                    Map.of("organization", "umbrella", "scimIdpLink", "umbrella-idp", "scimIdpUserId", "email"))
                    .status()).isEqualTo(201);
            settingsRefusesForeignIdp(realm);

            HttpResult token = realm.admin().post(realm.path("directory-sync/tokens"),
                    Map.of("name", "umbrella", "organization", "umbrella"));
            ScimClient umbrella = new ScimClient(server, server.baseUrl() + "/realms/" + realm.name()
                    + "/directory-sync/organizations/umbrella/scim/v2", token.json().path("token").asText());
            String id = provision(umbrella, "wesker", "wesker-oid");
            JsonNode links = realm.admin().get(realm.path("users/" + id + "/federated-identity")).json();
            assertThat(links).hasSize(1);
            assertThat(links.get(0).path("identityProvider").asText()).isEqualTo("umbrella-idp");
            assertThat(links.get(0).path("userId").asText()).isEqualTo("wesker@corp.example");

            String realmUser = provision(realm.scim(), "realm.user", "realm-oid");
            assertThat(realm.admin().get(realm.path("users/" + realmUser + "/federated-identity")).json())
                    .as("the realm's endpoint has no link configured").isEmpty();
        } finally {
            realm.delete();
        }
    }

    /** The realm's own settings may not link an organization's identity provider. */
    private void settingsRefusesForeignIdp(TestRealm realm) {
        HttpResult r = realm.addComponent(TestRealm.UI_TAB, "directory-sync", "directory-sync",
                Map.of("scimIdpLink", "umbrella-idp"));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("belongs to an organization");
    }
}
