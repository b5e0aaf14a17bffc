package dev.dirsync.it.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** An HTTP client for one realm's SCIM endpoint, authenticated with a given bearer token. */
public final class ScimClient {

    public static final String SCIM_JSON = "application/scim+json";

    private final KeycloakServer server;
    private final String baseUrl;
    private final String token;

    public ScimClient(KeycloakServer server, String baseUrl, String token) {
        this.server = server;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** {@code {keycloak}/realms/{realm}/directory-sync/scim/v2}. */
    public String baseUrl() {
        return baseUrl;
    }

    public String token() {
        return token;
    }

    public ScimClient withToken(String other) {
        return new ScimClient(server, baseUrl, other);
    }

    public HttpResult get(String path) {
        return send("GET", path, null, Map.of());
    }

    public HttpResult get(String path, Map<String, String> headers) {
        return send("GET", path, null, headers);
    }

    public HttpResult post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public HttpResult put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    public HttpResult patch(String path, Object body) {
        return send("PATCH", path, body, Map.of());
    }

    public HttpResult delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /**
     * Any request. {@code headers} may override {@code Content-Type} and {@code Authorization} (an empty value
     * removes the header).
     */
    public HttpResult send(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120));
        if (!headers.containsKey("Authorization") && token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", SCIM_JSON);
        }
        headers.forEach((name, value) -> {
            if (!value.isEmpty()) {
                request.header(name, value);
            }
        });
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(AdminClient.toJson(body)));
        try {
            return HttpResult.of(server.http().send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
