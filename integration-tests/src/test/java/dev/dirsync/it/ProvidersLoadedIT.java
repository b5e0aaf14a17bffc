package dev.dirsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.it.harness.KeycloakIT;
import dev.dirsync.it.harness.KeycloakServer;
import org.junit.jupiter.api.Test;

/** Every module of the pack is loaded by the real server, as {@code GET /admin/serverinfo} reports it. */
@KeycloakIT
class ProvidersLoadedIT {

    private final KeycloakServer server;
    private final JsonNode serverInfo;

    ProvidersLoadedIT(KeycloakServer server) {
        this.server = server;
        this.serverInfo = server.admin().serverInfo();
    }

    @Test
    void runsTheConfiguredDistribution() {
        assertThat(serverInfo.path("systemInfo").path("version").asText()).isEqualTo(server.config().distVersion());
    }

    @Test
    void identityModel_registersItsSpiAndDefaultProvider() {
        assertThat(providerIds("directory-sync-identity-model")).containsExactly("user-profile");
    }

    @Test
    void scimEndpoint_isMountedAsRealmResource() throws Exception {
        assertThat(providerIds("realm-restapi-extension")).contains("directory-sync");

        HttpResponse<String> status = server.http().send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/realms/master/directory-sync/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"realm\":\"master\"");
    }

    @Test
    void outboundSync_registersItsEventListener() {
        assertThat(providerIds("eventsListener")).contains("directory-sync-outbound");
    }

    @Test
    void samlMappers_registerTheScimAttributeMapper() {
        List<String> samlMappers = new ArrayList<>();
        serverInfo.path("protocolMapperTypes").path("saml").forEach(m -> samlMappers.add(m.path("id").asText()));
        assertThat(samlMappers).contains("directory-sync-saml-scim-attribute-mapper");
    }

    @Test
    void themes_registerTheEmailTheme() {
        List<String> emailThemes = new ArrayList<>();
        serverInfo.path("themes").path("email").forEach(t -> emailThemes.add(t.path("name").asText()));
        assertThat(emailThemes).contains("directory-sync");
    }

    private List<String> providerIds(String spi) {
        List<String> ids = new ArrayList<>();
        serverInfo.path("providers").path(spi).path("providers").fieldNames().forEachRemaining(ids::add);
        return ids;
    }
}
