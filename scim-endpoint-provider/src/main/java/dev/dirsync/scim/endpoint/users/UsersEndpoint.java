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
import dev.dirsync.scim.endpoint.ScimTenant;
import dev.dirsync.scim.endpoint.auth.AdminAccounts;
import dev.dirsync.scim.endpoint.query.IdPage;
import dev.dirsync.scim.endpoint.query.Jpql;
import dev.dirsync.scim.endpoint.query.SearchRequest;
import dev.dirsync.scim.endpoint.query.UserFilterTranslator;
import dev.dirsync.scim.endpoint.query.UserSort;
import dev.dirsync.scim.endpoint.settings.ScimSettings;
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
import org.keycloak.organization.OrganizationProvider;
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
        ScimTenant tenant = context.tenant();
        boolean anyDeleted = hasDeletedUsers();
        if (anyDeleted) {
            where += " and u.id not in (select d.user.id from UserAttributeEntity d where d.name = "
                    + jpql.bind(InternalAttributes.DELETED) + ")";
        }
        if (!tenant.isRealm()) {
            where += " and u.id in (select om.user.id from UserGroupMembershipEntity om where om.groupId = "
                    + jpql.bind(tenant.membershipGroupId()) + ")";
        }
        if (search.filter() != null) {
            where += " and " + search.filter().accept(new UserFilterTranslator(context.model(), jpql,
                    groupScope(jpql)));
        }
        String order = UserSort.orderBy(search.sortBy(), search.descending(), context.model(), jpql);
        IdPage page;
        if (search.filter() == null && tenant.isRealm() && !anyDeleted && "u.username asc".equals(order)) {
            page = RealmUserPages.page(entityManager(), context.realm().getId(), search.startIndex(), search.count());
        } else {
            page = IdPage.query(entityManager(), "UserEntity u", "u", where, order, jpql, search.startIndex(),
                    search.count());
        }
        List<JsonNode> resources = new ArrayList<>();
        if (viewAll) {
            List<UserSnapshot> snapshots = new FederatedVersions(context, mapper).refresh(entityManager(),
                    UserSnapshots.load(entityManager(), page.ids(), tenant));
            for (UserSnapshot snapshot : snapshots) {
                resources.add(projection.apply(mapper.toScim(snapshot, context.baseUrl())));
            }
        } else {
            // Fine-grained permissions: each user is checked through the model, as Admin REST does.
            UserProvider users = context.session().users();
            for (String id : page.ids()) {
                UserModel user = users.getUserById(context.realm(), id);
                if (user != null && context.caller().permissions().users().canView(user)) {
                    resources.add(projection.apply(represent(user)));
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
        requireStored(input);
        UserModel deleted = context.session().users().getUserByUsername(context.realm(), input.userName());
        if (deleted != null && deleted.getFirstAttribute(InternalAttributes.DELETED) != null) {
            if (!revivableHere(deleted)) {
                throw ScimException.uniqueness("A user with this userName already exists");
            }
            return revive(deleted, input, request);
        }
        UserModel user = new UserWriter(context).create(input);
        new IdpLink(context).apply(user, input);
        if (!context.tenant().isRealm()) {
            user.setAttribute(InternalAttributes.TENANTS, List.of(context.tenant().ownerKey()));
            organizations().addMember(context.tenant().organization(), user);
        }
        UserSnapshot snapshot = UserSnapshot.of(user, List.of());
        context.audit().user(OperationType.CREATE, user, input.unmapped());
        SearchRequest projection = SearchRequest.fromQuery(request, context.limits());
        return ScimResponses.resource(201, AttributeProjection.of(projection.attributes(),
                projection.excludedAttributes()).apply(mapper.toScim(snapshot, context.baseUrl())));
    }

    public Response replace(String id, ScimRequest request) {
        UserModel user = writable(id, request);
        UserInput input = mapper.fromScim(request.requireBody());
        requireStored(input);
        return store(user, input, request);
    }

    public Response patch(String id, ScimRequest request) {
        UserModel user = writable(id, request);
        List<PatchOperation> operations = PatchRequest.parse(request.requireBody(),
                context.limits().maxPatchOperations());
        ObjectNode current = mapper.toScim(snapshot(user), context.baseUrl());
        ObjectNode patched = new PatchEngine(context.model().userType()).apply(current, operations);
        UserInput input = mapper.fromScim(patched);
        requireStored(input);
        return store(user, input, request);
    }

    /**
     * Deletes the user. At an organization's endpoint the user leaves the organization, and is deleted only when no
     * other tenant's SCIM endpoint created it (the realm's endpoint sees every user, so it always deletes).
     */
    public Response delete(String id, ScimRequest request) {
        UserModel user = writable(id, request);
        ScimTenant tenant = context.tenant();
        if (!tenant.isRealm()) {
            List<String> owners = new ArrayList<>(user.getAttributeStream(InternalAttributes.TENANTS).toList());
            boolean provisioned = owners.remove(tenant.ownerKey());
            organizations().removeMember(tenant.organization(), user);
            if (!provisioned || !owners.isEmpty()) {
                if (provisioned) {
                    user.setAttribute(InternalAttributes.TENANTS, owners);
                }
                context.audit().user(OperationType.UPDATE, user, List.of());
                return ScimResponses.noContent();
            }
        }
        if (context.settings().deleteAction() == ScimSettings.DeleteAction.DISABLE) {
            user.setEnabled(false);
            user.setSingleAttribute(InternalAttributes.DELETED, java.time.Instant.now().toString());
            user.setLastModifiedTimestamp(Time.currentTimeMillis());
            context.audit().user(OperationType.UPDATE, user, List.of());
            return ScimResponses.noContent();
        }
        context.audit().user(OperationType.DELETE, user, List.of());
        new UserManager(context.session()).removeUser(context.realm(), user);
        return ScimResponses.noContent();
    }

    /**
     * A create of a userName that SCIM deleted under "disable and keep": the kept user comes back, with the body's
     * values and active unless the body says otherwise.
     */
    private Response revive(UserModel user, UserInput input, ScimRequest request) {
        context.caller().permissions().users().requireManage(user);
        AdminAccounts.requireWritable(context.realm(), user);
        user.removeAttribute(InternalAttributes.DELETED);
        UserInput active = input.active() == null ? new UserInput(input.userName(), input.attributes(), true,
                input.password(), input.unmapped()) : input;
        new UserWriter(context).replace(user, active);
        new IdpLink(context).apply(user, active);
        if (!context.tenant().isRealm() && !context.tenant().contains(context.session(), user)) {
            organizations().addMember(context.tenant().organization(), user);
        }
        context.audit().user(OperationType.UPDATE, user, input.unmapped());
        return respond(201, user, request);
    }

    /**
     * Whether this endpoint may bring back a user kept by "disable and keep": the realm's endpoint any (it sees every
     * user), an organization's only one it provisioned itself, so no tenant can take over another's account.
     */
    private boolean revivableHere(UserModel user) {
        return context.tenant().isRealm()
                || user.getAttributeStream(InternalAttributes.TENANTS).anyMatch(context.tenant().ownerKey()::equals);
    }

    /** In strict mode, a body carrying attributes the realm does not store is refused instead of partly ignored. */
    private void requireStored(UserInput input) {
        if (context.settings().strict() && !input.unmapped().isEmpty()) {
            throw ScimException.invalidValue("This realm does not store " + String.join(", ", input.unmapped())
                    + " (strict mode: map them in the user profile, or send only stored attributes)");
        }
    }

    /** Whether any user of the realm was deleted under "disable and keep" (they are hidden from SCIM). */
    private boolean hasDeletedUsers() {
        return entityManager().createQuery("select count(*) from UserAttributeEntity a where a.name = :name "
                        + "and a.user.realmId = :realm", Long.class)
                .setParameter("name", InternalAttributes.DELETED).setParameter("realm", context.realm().getId())
                .getSingleResult() > 0;
    }

    private Response store(UserModel user, UserInput input, ScimRequest request) {
        new UserWriter(context).replace(user, input);
        new IdpLink(context).apply(user, input);
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

    /** The tenant's user {@code id}; users of other tenants are "not found", exactly like missing ones. */
    UserModel find(String id) {
        UserModel user = id == null ? null : context.session().users().getUserById(context.realm(), id);
        if (user == null || user.getServiceAccountClientLink() != null
                || user.getFirstAttribute(InternalAttributes.DELETED) != null
                || !context.tenant().contains(context.session(), user)) {
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
            snapshot = new FederatedVersions(context, mapper).refresh(snapshot);
        }
        return mapper.toScim(snapshot, context.baseUrl());
    }

    private void stampVersion(UserModel user) {
        if (user.getFederationLink() != null) {
            new FederatedVersions(context, mapper).stamp(snapshot(user));
        }
    }

    UserSnapshot snapshot(UserModel user) {
        List<GroupRef> groups = UserSnapshots.groups(entityManager(), List.of(user.getId()), context.tenant())
                .getOrDefault(user.getId(), List.of());
        return UserSnapshot.of(user, groups);
    }

    /** The JPQL condition on {@code GroupEntity g} that keeps the tenant's groups, for filters on {@code groups}. */
    private String groupScope(Jpql jpql) {
        ScimTenant tenant = context.tenant();
        return tenant.isRealm() ? "g.type = " + jpql.bind(GroupModel.Type.REALM.intValue())
                : "g.type = " + jpql.bind(GroupModel.Type.ORGANIZATION.intValue()) + " and g.organization.id = "
                + jpql.bind(tenant.organizationId()) + " and g.id <> " + jpql.bind(tenant.membershipGroupId());
    }

    private OrganizationProvider organizations() {
        return context.session().getProvider(OrganizationProvider.class);
    }

    private EntityManager entityManager() {
        return context.session().getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
