package dev.dirsync.scim.endpoint.users;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.model.GroupRef;
import dev.dirsync.model.InternalAttributes;
import dev.dirsync.model.UserInput;
import dev.dirsync.model.UserScimMapper;
import dev.dirsync.model.UserSnapshot;
import dev.dirsync.scim.endpoint.ETags;
import dev.dirsync.scim.endpoint.ListResponses;
import dev.dirsync.scim.endpoint.ScimContext;
import dev.dirsync.scim.endpoint.ScimRequest;
import dev.dirsync.scim.endpoint.ScimResponses;
import dev.dirsync.scim.endpoint.auth.AdminAccounts;
import dev.dirsync.scim.endpoint.query.IdPage;
import dev.dirsync.scim.endpoint.query.Jpql;
import dev.dirsync.scim.endpoint.query.SearchRequest;
import dev.dirsync.scim.endpoint.query.UserFilterTranslator;
import dev.dirsync.scim.endpoint.query.UserSort;
import dev.dirsync.scim.patch.PatchEngine;
import dev.dirsync.scim.patch.PatchOperation;
import dev.dirsync.scim.patch.PatchRequest;
import dev.dirsync.scim.protocol.AttributeProjection;
import dev.dirsync.scim.protocol.ScimException;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.UserManager;

/** {@code /Users} (RFC 7644 §3.2–3.6): list and search in the database, CRUD through Keycloak's user profile. */
public final class UsersEndpoint {

    private final ScimContext context;
    private final UserScimMapper mapper;

    public UsersEndpoint(ScimContext context) {
        this.context = context;
        this.mapper = context.userMapper();
    }

    // --- reads ---------------------------------------------------------------------------------------------------

    public Response list(SearchRequest search) {
        return ScimResponses.ok(search(search));
    }

    /** The ListResponse body of a search (also used by the root {@code /.search}). */
    public ObjectNode search(SearchRequest search) {
        boolean viewAll = context.caller().permissions().users().canView();
        if (!viewAll && !context.caller().permissions().users().canQuery()) {
            throw ScimException.forbidden("The caller may not list users");
        }
        AttributeProjection projection = AttributeProjection.of(search.attributes(), search.excludedAttributes());
        Jpql jpql = new Jpql();
        String where = "u.realmId = " + jpql.bind(context.realm().getId()) + " and u.serviceAccountClientLink is null";
        if (search.filter() != null) {
            where += " and " + search.filter().accept(new UserFilterTranslator(context.model(), jpql));
        }
        String order = UserSort.orderBy(search.sortBy(), search.descending(), context.model(), jpql);
        IdPage page;
        if (search.filter() == null && "u.username asc".equals(order)) {
            page = RealmUserPages.page(entityManager(), context.realm().getId(), search.startIndex(), search.count());
        } else {
            page = IdPage.query(entityManager(), "UserEntity u", "u", where, order, jpql, search.startIndex(),
                    search.count());
        }
        List<JsonNode> resources = new ArrayList<>();
        if (viewAll) {
            for (UserSnapshot snapshot : UserSnapshots.load(entityManager(), page.ids())) {
                resources.add(projection.apply(mapper.toScim(snapshot, context.baseUrl())));
            }
        } else {
            // Fine-grained permissions: each user is checked through the model, as Admin REST does.
            UserProvider users = context.session().users();
            for (String id : page.ids()) {
                UserModel user = users.getUserById(context.realm(), id);
                if (user != null && context.caller().permissions().users().canView(user)) {
                    resources.add(projection.apply(mapper.toScim(snapshot(user), context.baseUrl())));
                }
            }
        }
        return ListResponses.of(page.total(), search.startIndex(), resources);
    }

    public Response get(String id, ScimRequest request) {
        UserModel user = find(id);
        if (!context.caller().permissions().users().canView(user)) {
            throw ScimException.forbidden("The caller may not view this user");
        }
        return respond(200, user, request);
    }

    /** {@code GET /Me}: the token's own user, which needs no administrative role. */
    public Response self(UserModel user, ScimRequest request) {
        return respond(200, user, request);
    }

    private Response respond(int status, UserModel user, ScimRequest request) {
        ObjectNode resource = represent(user);
        String version = resource.path("meta").path("version").asText();
        if (status == 200 && "GET".equals(request.method()) && ETags.notModified(request, version)) {
            return ScimResponses.notModified(version);
        }
        SearchRequest projection = SearchRequest.fromQuery(request, context.limits());
        return ScimResponses.resource(status,
                AttributeProjection.of(projection.attributes(), projection.excludedAttributes()).apply(resource));
    }

    // --- writes --------------------------------------------------------------------------------------------------

    public Response create(ScimRequest request) {
        context.caller().permissions().users().requireManage();
        UserInput input = mapper.fromScim(request.requireBody());
        UserModel user = new UserWriter(context).create(input);
        UserSnapshot snapshot = UserSnapshot.of(user, List.of());
        context.audit().user(OperationType.CREATE, user, input.unmapped());
        SearchRequest projection = SearchRequest.fromQuery(request, context.limits());
        return ScimResponses.resource(201, AttributeProjection.of(projection.attributes(),
                projection.excludedAttributes()).apply(mapper.toScim(snapshot, context.baseUrl())));
    }

    public Response replace(String id, ScimRequest request) {
        UserModel user = writable(id, request);
        UserInput input = mapper.fromScim(request.requireBody());
        return store(user, input, request);
    }

    public Response patch(String id, ScimRequest request) {
        UserModel user = writable(id, request);
        List<PatchOperation> operations = PatchRequest.parse(request.requireBody(),
                context.limits().maxPatchOperations());
        ObjectNode current = mapper.toScim(snapshot(user), context.baseUrl());
        ObjectNode patched = new PatchEngine(context.model().userType()).apply(current, operations);
        return store(user, mapper.fromScim(patched), request);
    }

    public Response delete(String id, ScimRequest request) {
        UserModel user = writable(id, request);
        context.audit().user(OperationType.DELETE, user, List.of());
        new UserManager(context.session()).removeUser(context.realm(), user);
        return ScimResponses.noContent();
    }

    private Response store(UserModel user, UserInput input, ScimRequest request) {
        new UserWriter(context).replace(user, input);
        stampVersion(user);
        context.audit().user(OperationType.UPDATE, user, input.unmapped());
        return respond(200, user, request);
    }

    /** Finds the user, checks the caller may manage it, that it is no administrator, and {@code If-Match}. */
    private UserModel writable(String id, ScimRequest request) {
        UserModel user = find(id);
        context.caller().permissions().users().requireManage(user);
        AdminAccounts.requireWritable(context.realm(), user);
        ETags.checkIfMatch(request, mapper.version(snapshot(user)));
        return user;
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    UserModel find(String id) {
        UserModel user = id == null ? null : context.session().users().getUserById(context.realm(), id);
        if (user == null || user.getServiceAccountClientLink() != null) {
            throw ScimException.notFound("User " + id + " not found");
        }
        return user;
    }

    /**
     * The user's SCIM resource. Changes made in the consoles stamp {@code lastModified} through Keycloak's events;
     * a federation provider's imports fire none, so for federated users the version last served is kept, and when it
     * differs the user changed outside SCIM: {@code meta.lastModified} moves to now.
     */
    ObjectNode represent(UserModel user) {
        UserSnapshot snapshot = snapshot(user);
        if (user.getFederationLink() != null) {
            String version = mapper.version(snapshot);
            String served = user.getFirstAttribute(InternalAttributes.VERSION);
            if (!version.equals(served)) {
                if (served != null) {
                    user.setLastModifiedTimestamp(Time.currentTimeMillis());
                    snapshot = snapshot(user);
                }
                user.setSingleAttribute(InternalAttributes.VERSION, version);
            }
        }
        return mapper.toScim(snapshot, context.baseUrl());
    }

    private void stampVersion(UserModel user) {
        if (user.getFederationLink() != null) {
            user.setSingleAttribute(InternalAttributes.VERSION, mapper.version(snapshot(user)));
        }
    }

    UserSnapshot snapshot(UserModel user) {
        List<GroupRef> groups = user.getGroupsStream()
                .filter(g -> g.getType() == GroupModel.Type.REALM)
                .map(g -> new GroupRef(g.getId(), g.getName())).toList();
        return UserSnapshot.of(user, groups);
    }

    private EntityManager entityManager() {
        return context.session().getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
