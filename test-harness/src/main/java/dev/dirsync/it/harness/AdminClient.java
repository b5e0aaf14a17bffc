package dev.dirsync.it.harness;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Keycloak's Admin REST API, called as the master realm's bootstrap admin client. */
public final class AdminClient {

    private final KeycloakServer server;
    private final String clientId;
    private final String clientSecret;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    AdminClient(KeycloakServer server, String clientId, String clientSecret) {
        this.server = server;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** A valid admin access token, renewed shortly before it expires. */
    public synchronized String token() {
        if (Instant.now().isAfter(tokenExpires)) {
            JsonNode response = clientCredentialsToken("master", clientId, clientSecret).json();
            token = response.path("access_token").asText();
            tokenExpires = Instant.now().plusSeconds(response.path("expires_in").asLong(60) - 15);
        }
        return token;
    }

    /** Raw token endpoint call for the client-credentials grant of {@code clientId} in {@code realm}. */
    public HttpResult clientCredentialsToken(String realm, String clientId, String secret) {
        String form = form(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
        HttpResult result = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/realms/" + realm
                + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (result.status() != 200) {
            throw new AssertionError("client-credentials token for " + clientId + " in " + realm + " failed: " + result);
        }
        return result;
    }

    /** An access token of {@code username} through the password grant of {@code clientId} (a public client). */
    public String passwordToken(String realm, String clientId, String username, String password) {
        return passwordToken(realm, clientId, null, username, password);
    }

    /** Same, for a confidential client ({@code clientSecret} non-null). */
    public String passwordToken(String realm, String clientId, String clientSecret, String username, String password) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", password));
        if (clientSecret != null) {
            fields.put("client_secret", clientSecret);
        }
        String form = form(fields);
        HttpResult result = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/realms/" + realm
                + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (result.status() != 200) {
            throw new AssertionError("password token for " + username + " in " + realm + " failed: " + result);
        }
        return result.json().path("access_token").asText();
    }

    public HttpResult get(String adminPath) {
        return send(request(adminPath).GET());
    }

    /** Any method with a JSON body (e.g. DELETE of role mappings). */
    public HttpResult send(String method, String adminPath, Object body) {
        return send(request(adminPath).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    /** The same Admin REST API called with another bearer token. */
    public AdminClient withToken(String otherToken) {
        AdminClient other = new AdminClient(server, clientId, clientSecret);
        other.token = otherToken;
        other.tokenExpires = Instant.MAX;
        return other;
    }

    public HttpResult delete(String adminPath) {
        return send(request(adminPath).DELETE());
    }

    public HttpResult post(String adminPath, Object body) {
        return send(request(adminPath).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    public HttpResult put(String adminPath, Object body) {
        return send(request(adminPath).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    /** {@code GET /admin/serverinfo}. */
    public JsonNode serverInfo() {
        HttpResult result = get("serverinfo");
        if (result.status() != 200) {
            throw new AssertionError("serverinfo: " + result);
        }
        return result.json();
    }

    /** Creates a realm from its representation and fails the test unless Keycloak answers 201. */
    public void createRealm(Object representation) {
        HttpResult result = post("realms", representation);
        if (result.status() != 201) {
            throw new AssertionError("create realm: " + result);
        }
    }

    private HttpRequest.Builder request(String adminPath) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/" + adminPath))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token())
                .header("Accept", "application/json");
    }

    private HttpResult send(HttpRequest.Builder request) {
        try {
            return HttpResult.of(server.http().send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new AssertionError("HTTP call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static String toJson(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return HttpResult.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
