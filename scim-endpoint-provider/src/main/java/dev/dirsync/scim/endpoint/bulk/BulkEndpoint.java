package dev.dirsync.scim.endpoint.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dirsync.scim.endpoint.ScimBoundary;
import dev.dirsync.scim.endpoint.ScimContext;
import dev.dirsync.scim.endpoint.ScimRequest;
import dev.dirsync.scim.endpoint.ScimResponses;
import dev.dirsync.scim.endpoint.ScimRouter;
import dev.dirsync.scim.protocol.ScimJson;
import dev.dirsync.scim.protocol.ScimError;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.protocol.Schemas;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * {@code /Bulk} (RFC 7644 §3.7). Each operation runs in a transaction of its own, so one failing operation leaves
 * nothing half-done and does not undo the others. {@code bulkId:} references are resolved in data and paths; an
 * operation whose reference is not created yet waits for it, and operations left waiting on each other (a circular
 * reference) fail with 409. {@code failOnErrors} stops processing after that many errors.
 */
public final class BulkEndpoint {

    private static final Pattern BULK_ID = Pattern.compile("bulkId:([^/\"\\s]+)");

    private final ScimContext context;

    public BulkEndpoint(ScimContext context) {
        this.context = context;
    }

    public Response handle(ScimRequest request) {
        JsonNode body = request.requireBody();
        if (!declares(body, Schemas.BULK_REQUEST)) {
            throw ScimException.invalidSyntax("The body's schemas must contain " + Schemas.BULK_REQUEST);
        }
        JsonNode operations = ScimJson.get(body, "Operations");
        if (operations == null || !operations.isArray()) {
            throw ScimException.invalidSyntax("A BulkRequest needs an 'Operations' array");
        }
        if (operations.size() > context.limits().maxBulkOperations()) {
            throw ScimException.payloadTooLarge("The request has " + operations.size()
                    + " operations; maxOperations is " + context.limits().maxBulkOperations());
        }
        JsonNode failOn = ScimJson.get(body, "failOnErrors");
        int failOnErrors = failOn != null && failOn.canConvertToInt() && failOn.asInt() > 0 ? failOn.asInt()
                : Integer.MAX_VALUE;

        List<BulkOperation> pending = new ArrayList<>();
        for (JsonNode op : operations) {
            pending.add(BulkOperation.parse(op));
        }
        Set<String> declared = new LinkedHashSet<>();
        for (BulkOperation op : pending) {
            if (op.bulkId() != null && !declared.add(op.bulkId())) {
                throw ScimException.invalidSyntax("bulkId '" + op.bulkId() + "' is used by more than one operation");
            }
        }

        Map<String, String> created = new HashMap<>();
        Set<String> failedIds = new LinkedHashSet<>();
        ObjectNode[] results = new ObjectNode[pending.size()];
        int errors = 0;
        boolean progress = true;
        while (progress && errors < failOnErrors) {
            progress = false;
            for (int i = 0; i < pending.size() && errors < failOnErrors; i++) {
                BulkOperation op = pending.get(i);
                if (results[i] != null) {
                    continue;
                }
                Set<String> references = references(op);
                references.retainAll(declared);
                if (references.stream().anyMatch(failedIds::contains)) {
                    results[i] = failure(op, ScimException.conflict("bulkId reference to a failed operation"));
                    remember(op, failedIds);
                    errors++;
                    progress = true;
                    continue;
                }
                if (!created.keySet().containsAll(references)) {
                    continue;
                }
                results[i] = execute(op, created, request);
                if (!results[i].path("status").asText().startsWith("2")) {
                    remember(op, failedIds);
                    errors++;
                } else if (op.bulkId() != null && results[i].has("location")) {
                    String location = results[i].get("location").asText();
                    created.put(op.bulkId(), location.substring(location.lastIndexOf('/') + 1));
                }
                progress = true;
            }
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < pending.size(); i++) {
            if (results[i] != null) {
                out.add(results[i]);
            } else if (errors < failOnErrors) {
                out.add(failure(pending.get(i), ScimException.conflict(
                        "Unresolvable bulkId reference (circular, or to an unknown bulkId)")));
            }
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.putArray("schemas").add(Schemas.BULK_RESPONSE);
        response.set("Operations", out);
        return ScimResponses.ok(response);
    }

    private static void remember(BulkOperation op, Set<String> failedIds) {
        if (op.bulkId() != null) {
            failedIds.add(op.bulkId());
        }
    }

    /** Runs one operation in its own transaction and reports it as a BulkResponse operation. */
    private ObjectNode execute(BulkOperation op, Map<String, String> created, ScimRequest outer) {
        String path = resolve(op.path(), created);
        JsonNode data = op.data() == null ? null : resolve(op.data().deepCopy(), created);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("method", op.method());
        if (op.bulkId() != null) {
            result.put("bulkId", op.bulkId());
        }
        List<String> segments = java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        if (segments.isEmpty() || !List.of("users", "groups").contains(segments.get(0).toLowerCase(Locale.ROOT))) {
            return failure(op, ScimException.invalidValue("Bulk operations target /Users or /Groups, not '" + path + "'"));
        }
        Response response;
        try {
            response = KeycloakModelUtils.runJobInTransactionWithResult(context.session().getKeycloakSessionFactory(),
                    context.session().getContext(), session -> {
                        ScimContext inner = context.in(session);
                        ScimRequest request = outer.with(op.method(), segments, op.version(), data);
                        return ScimBoundary.run(session, () -> ScimRouter.route(request, inner));
                    }, "SCIM bulk operation");
        } catch (RuntimeException e) {
            return failure(op, ScimBoundary.toScim(e));
        }
        result.put("status", Integer.toString(response.getStatus()));
        Object entity = response.getEntity();
        if (response.getStatus() >= 400) {
            result.set("response", parse(entity));
            return result;
        }
        if (response.getHeaderString("Location") != null) {
            result.put("location", response.getHeaderString("Location"));
        }
        if (response.getHeaderString("ETag") != null) {
            result.put("version", response.getHeaderString("ETag"));
        }
        return result;
    }

    private static ObjectNode failure(BulkOperation op, ScimException e) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("method", op.method());
        if (op.bulkId() != null) {
            result.put("bulkId", op.bulkId());
        }
        result.put("status", Integer.toString(e.status()));
        result.set("response", ScimError.body(e));
        return result;
    }

    private static JsonNode parse(Object entity) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(String.valueOf(entity));
        } catch (Exception e) {
            return TextNode.valueOf(String.valueOf(entity));
        }
    }

    private static Set<String> references(BulkOperation op) {
        Set<String> ids = new LinkedHashSet<>();
        collect(op.path(), ids);
        if (op.data() != null) {
            collectAll(op.data(), ids);
        }
        return ids;
    }

    private static void collectAll(JsonNode node, Set<String> ids) {
        if (node.isTextual()) {
            collect(node.asText(), ids);
        } else {
            node.forEach(child -> collectAll(child, ids));
        }
    }

    private static void collect(String text, Set<String> ids) {
        Matcher m = BULK_ID.matcher(text);
        while (m.find()) {
            ids.add(m.group(1));
        }
    }

    private static String resolve(String text, Map<String, String> created) {
        Matcher m = BULK_ID.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String id = created.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(id == null ? m.group() : id));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static JsonNode resolve(JsonNode node, Map<String, String> created) {
        if (node.isTextual()) {
            return TextNode.valueOf(resolve(node.asText(), created));
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, resolve(object.get(name), created));
            }
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, resolve(array.get(i), created));
            }
        }
        return node;
    }

    private static boolean declares(JsonNode body, String urn) {
        JsonNode schemas = ScimJson.get(body, "schemas");
        if (schemas == null || !schemas.isArray()) {
            return false;
        }
        for (JsonNode s : schemas) {
            if (urn.equals(s.asText())) {
                return true;
            }
        }
        return false;
    }
}
