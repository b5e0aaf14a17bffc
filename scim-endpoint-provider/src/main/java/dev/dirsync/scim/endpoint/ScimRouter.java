package dev.dirsync.scim.endpoint;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.scim.endpoint.bulk.BulkEndpoint;
import dev.dirsync.scim.endpoint.groups.GroupsEndpoint;
import dev.dirsync.scim.endpoint.query.SearchRequest;
import dev.dirsync.scim.endpoint.users.UsersEndpoint;
import dev.dirsync.scim.protocol.ScimException;

/**
 * Maps a request under the SCIM base URL to its endpoint. Unknown paths are 404 and known paths with another
 * method 405, both as SCIM errors. Endpoint names match case-insensitively.
 */
public final class ScimRouter {

    private ScimRouter() {
    }

    public static Response route(ScimRequest request, ScimContext context) {
        List<String> s = request.segments();
        String method = request.method();
        String first = s.isEmpty() ? "" : s.get(0).toLowerCase(Locale.ROOT);
        int size = s.size();
        switch (first) {
            case "users":
                return users(request, context, size);
            case "groups":
                return groups(request, context, size);
            case "me":
                if (size == 1) {
                    return new MeEndpoint(context).handle(request);
                }
                break;
            case "serviceproviderconfig":
                if (size == 1) {
                    allow(method, "GET");
                    return new DiscoveryEndpoint(context).serviceProviderConfig();
                }
                break;
            case "resourcetypes":
                if (size <= 2) {
                    allow(method, "GET");
                    return new DiscoveryEndpoint(context).resourceTypes(request.segment(1));
                }
                break;
            case "schemas":
                if (size <= 2) {
                    allow(method, "GET");
                    return new DiscoveryEndpoint(context).schemas(request.segment(1));
                }
                break;
            case "bulk":
                if (size == 1) {
                    allow(method, "POST");
                    return new BulkEndpoint(context).handle(request);
                }
                break;
            case ".search":
                if (size == 1) {
                    allow(method, "POST");
                    return ScimResponses.ok(rootSearch(SearchRequest.fromBody(request.requireBody(), context.limits()),
                            context));
                }
                break;
            default:
                break;
        }
        throw ScimException.notFound("No SCIM endpoint at /" + String.join("/", s));
    }

    private static Response users(ScimRequest request, ScimContext context, int size) {
        UsersEndpoint users = new UsersEndpoint(context);
        String method = request.method();
        if (size == 1) {
            allow(method, "GET", "POST");
            return "GET".equals(method) ? users.list(SearchRequest.fromQuery(request, context.limits()))
                    : users.create(request);
        }
        if (size == 2 && ".search".equals(request.segment(1))) {
            allow(method, "POST");
            return users.list(SearchRequest.fromBody(request.requireBody(), context.limits()));
        }
        if (size == 2) {
            String id = request.segment(1);
            allow(method, "GET", "PUT", "PATCH", "DELETE");
            switch (method) {
                case "GET":
                    return users.get(id, request);
                case "PUT":
                    return users.replace(id, request);
                case "PATCH":
                    return users.patch(id, request);
                default:
                    return users.delete(id, request);
            }
        }
        throw ScimException.notFound("No SCIM endpoint at /" + String.join("/", request.segments()));
    }

    private static Response groups(ScimRequest request, ScimContext context, int size) {
        GroupsEndpoint groups = new GroupsEndpoint(context);
        String method = request.method();
        if (size == 1) {
            allow(method, "GET", "POST");
            return "GET".equals(method) ? groups.list(SearchRequest.fromQuery(request, context.limits()))
                    : groups.create(request);
        }
        if (size == 2 && ".search".equals(request.segment(1))) {
            allow(method, "POST");
            return groups.list(SearchRequest.fromBody(request.requireBody(), context.limits()));
        }
        if (size == 2) {
            String id = request.segment(1);
            allow(method, "GET", "PUT", "PATCH", "DELETE");
            switch (method) {
                case "GET":
                    return groups.get(id, request);
                case "PUT":
                    return groups.replace(id, request);
                case "PATCH":
                    return groups.patch(id, request);
                default:
                    return groups.delete(id, request);
            }
        }
        throw ScimException.notFound("No SCIM endpoint at /" + String.join("/", request.segments()));
    }

    /**
     * {@code POST /.search} (RFC 7644 §3.4.3): Users then Groups, paged as one list. A filter naming attributes of
     * only one resource type searches that type.
     */
    private static ObjectNode rootSearch(SearchRequest search, ScimContext context) {
        SearchRequest countOnly = new SearchRequest(search.filter(), search.sortBy(), search.descending(), 1, 0,
                search.attributes(), search.excludedAttributes());
        long userTotal = tryTotal(() -> new UsersEndpoint(context).search(countOnly));
        long groupTotal = tryTotal(() -> new GroupsEndpoint(context).search(countOnly));
        if (userTotal < 0 && groupTotal < 0) {
            // The filter fits neither resource type: answer with the Users error (e.g. invalidFilter).
            new UsersEndpoint(context).search(countOnly);
        }
        List<com.fasterxml.jackson.databind.JsonNode> resources = new java.util.ArrayList<>();
        int start = search.startIndex();
        int wanted = search.count();
        if (userTotal > 0 && start <= userTotal && wanted > 0) {
            ObjectNode page = new UsersEndpoint(context).search(search);
            page.withArray("Resources").forEach(resources::add);
        }
        int remaining = wanted - resources.size();
        if (groupTotal > 0 && remaining > 0) {
            int groupStart = (int) Math.max(1, start - Math.max(0, userTotal));
            SearchRequest groupPage = new SearchRequest(search.filter(), search.sortBy(), search.descending(),
                    groupStart, remaining, search.attributes(), search.excludedAttributes());
            new GroupsEndpoint(context).search(groupPage).withArray("Resources").forEach(resources::add);
        }
        return ListResponses.of(Math.max(0, userTotal) + Math.max(0, groupTotal), start, resources);
    }

    private static long tryTotal(java.util.function.Supplier<ObjectNode> search) {
        try {
            return search.get().path("totalResults").asLong();
        } catch (ScimException e) {
            if ("invalidFilter".equals(e.scimType()) || "invalidValue".equals(e.scimType()) || e.status() == 403) {
                return -1;
            }
            throw e;
        }
    }

    static void allow(String method, String... allowed) {
        for (String a : allowed) {
            if (a.equals(method)) {
                return;
            }
        }
        throw ScimException.methodNotAllowed(method + " is not supported here; allowed: " + String.join(", ", allowed));
    }
}
