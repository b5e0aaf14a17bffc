package dev.dirsync.it.harness;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does in a login flow, over plain HTTP: keeps cookies per path (Keycloak marks them {@code Secure}
 * on loopback, which {@link java.net.CookieManager} would refuse to send over http), follows redirects until one
 * leaves the Keycloak server, and submits Keycloak's login form. Enough for brokered logins between realms of one
 * test server; no JavaScript.
 */
public final class BrowserSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final int MAX_REDIRECTS = 20;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String serverBase;
    /** Cookie path → name → value. */
    private final Map<String, Map<String, String>> cookies = new LinkedHashMap<>();

    public BrowserSession(KeycloakServer server) {
        this.serverBase = server.baseUrl();
    }

    /** Where a flow ended: the last page of the server, or the first redirect that leaves it. */
    public record Step(int status, String url, String body, String leftTo) {

        /** Whether the flow redirected away from Keycloak (e.g. to the client's redirect URI). */
        public boolean leftServer() {
            return leftTo != null;
        }

        /** The query parameter {@code name} of the redirect that left the server. */
        public String leftToParameter(String name) {
            String query = URI.create(leftTo).getRawQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }

    /** GET {@code url} and follow redirects. */
    public Step open(String url) {
        return follow(send(HttpRequest.newBuilder(URI.create(url)).GET(), url));
    }

    /** Fills Keycloak's login form on {@code page} with the credentials, submits it and follows redirects. */
    public Step login(Step page, String username, String password) {
        Matcher m = FORM_ACTION.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("No Keycloak login form at " + page.url() + " (HTTP " + page.status() + "): "
                    + page.body());
        }
        String action = m.group(1).replace("&amp;", "&");
        String form = form(Map.of("username", username, "password", password, "credentialId", ""));
        return follow(send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), action));
    }

    private Step follow(Response response) {
        for (int i = 0; i < MAX_REDIRECTS; i++) {
            int status = response.raw().statusCode();
            if (status < 300 || status >= 400) {
                return new Step(status, response.url(), response.raw().body(), null);
            }
            String from = response.url();
            String location = URI.create(from).resolve(response.raw().headers().firstValue("Location")
                    .orElseThrow(() -> new AssertionError("Redirect without Location from " + from))).toString();
            if (!location.startsWith(serverBase)) {
                return new Step(status, response.url(), response.raw().body(), location);
            }
            response = send(HttpRequest.newBuilder(URI.create(location)).GET(), location);
        }
        throw new AssertionError("More than " + MAX_REDIRECTS + " redirects, last at " + response.url());
    }

    private record Response(String url, HttpResponse<String> raw) {
    }

    private Response send(HttpRequest.Builder request, String url) {
        String path = URI.create(url).getPath();
        String cookieHeader = cookies.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                .flatMap(e -> e.getValue().entrySet().stream()).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        if (!cookieHeader.isEmpty()) {
            request.header("Cookie", cookieHeader);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            remember(response);
            return new Response(url, response);
        } catch (IOException e) {
            throw new AssertionError("Request to " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    private void remember(HttpResponse<String> response) {
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            List<String> parts = new ArrayList<>(List.of(setCookie.split(";")));
            String[] nameValue = parts.remove(0).trim().split("=", 2);
            String path = "/";
            boolean expired = false;
            for (String part : parts) {
                String p = part.trim();
                String lower = p.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("path=")) {
                    path = p.substring(5);
                } else if (lower.equals("max-age=0") || lower.startsWith("expires=thu, 01 jan 1970")) {
                    expired = true;
                }
            }
            Map<String, String> atPath = cookies.computeIfAbsent(path, p -> new LinkedHashMap<>());
            if (expired || nameValue.length < 2) {
                atPath.remove(nameValue[0]);
            } else {
                atPath.put(nameValue[0], nameValue[1]);
            }
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
