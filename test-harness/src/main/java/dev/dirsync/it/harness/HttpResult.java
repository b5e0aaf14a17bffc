package dev.dirsync.it.harness;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A finished HTTP exchange: status, headers and body text, with the body parsed as JSON on demand. */
public record HttpResult(int status, HttpHeaders headers, String body) {

    public static final ObjectMapper JSON = new ObjectMapper();

    static HttpResult of(HttpResponse<String> response) {
        return new HttpResult(response.statusCode(), response.headers(), response.body());
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Body is not JSON (status " + status + "): " + body, e);
        }
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + body;
    }
}
