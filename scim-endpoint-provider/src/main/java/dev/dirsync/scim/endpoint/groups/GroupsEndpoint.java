package dev.dirsync.scim.endpoint.groups;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.model.GroupScimMapper;
import dev.dirsync.model.GroupSnapshot;
import dev.dirsync.model.InternalAttributes;
import dev.dirsync.scim.endpoint.ETags;
import dev.dirsync.scim.endpoint.ListResponses;
import dev.dirsync.scim.endpoint.ScimContext;
import dev.dirsync.scim.endpoint.ScimRequest;
import dev.dirsync.scim.endpoint.ScimResponses;
import dev.dirsync.scim.endpoint.auth.AdminAccounts;
import dev.dirsync.scim.endpoint.query.GroupFilterTranslator;
import dev.dirsync.scim.endpoint.query.GroupSort;
import dev.dirsync.scim.endpoint.query.IdPage;
import dev.dirsync.scim.endpoint.query.Jpql;
import dev.dirsync.scim.endpoint.query.SearchRequest;
import dev.dirsync.scim.filter.Filter;
import dev.dirsync.scim.filter.FilterEvaluator;
import dev.dirsync.scim.patch.PatchEngine;
import dev.dirsync.scim.patch.PatchOperation;
import dev.dirsync.scim.patch.PatchRequest;
import dev.dirsync.scim.protocol.AttributeProjection;
import dev.dirsync.scim.protocol.ScimJson;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.protocol.Schemas;
import dev.dirsync.scim.schema.AttributeDefinition;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * {@code /Groups}: every realm group the caller may see, sub-groups included; members are users. Membership
 * changes are applied member by member (O(1) each), never by rewriting the list.
 */
public final class GroupsEndpoint {

    private final ScimContext context;

    public GroupsEndpoint(ScimContext context) {
        this.context = context;
    }

    // --- reads ---------------------------------------------------------------------------------------------------

    public Response list(SearchRequest search) {
        return ScimResponses.ok(search(search));
    }

    public ObjectNode search(SearchRequest search) {
        boolean viewAll = context.caller().permissions().groups().canView();
        if (!viewAll && !context.caller().permissions().groups().canList()) {
            throw ScimException.forbidden("The caller may not list groups");
        }
        AttributeProjection projection = AttributeProjection.of(search.attributes(), search.excludedAttributes());
        Jpql jpql = new Jpql();
        String where = "g.realm = " + jpql.bind(context.realm().getId());
        if (context.tenant().isRealm()) {
            where += " and g.type = " + jpql.bind(GroupModel.Type.REALM.intValue());
        } else {
            where += " and g.type = " + jpql.bind(GroupModel.Type.ORGANIZATION.intValue())
                    + " and g.organization.id = " + jpql.bind(context.tenant().organizationId())
                    + " and g.id <> " + jpql.bind(context.tenant().membershipGroupId());
        }
        if (search.filter() != null) {
            where += " and " + search.filter().accept(new GroupFilterTranslator(jpql));
        }
        IdPage page = IdPage.query(entityManager(), "GroupEntity g", "g", where,
                GroupSort.orderBy(search.sortBy(), search.descending()), jpql, search.startIndex(), search.count());
        List<JsonNode> resources = new ArrayList<>();
        for (String id : page.ids()) {
            GroupModel group = context.session().groups().getGroupById(context.realm(), id);
            if (group == null || (!viewAll && !context.caller().permissions().groups().canView(group))) {
                continue;
            }
            resources.add(projection.apply(represent(group, projection.includes(null, "members"))));
        }
        return ListResponses.of(page.total(), search.startIndex(), resources);
    }

    public Response get(String id, ScimRequest request) {
        GroupModel group = find(id);
        context.caller().permissions().groups().requireView(group);
        return respond(200, group, request);
    }

    private Response respond(int status, GroupModel group, ScimRequest request) {
        SearchRequest params = SearchRequest.fromQuery(request, context.limits());
        AttributeProjection projection = AttributeProjection.of(params.attributes(), params.excludedAttributes());
        ObjectNode resource = represent(group, projection.includes(null, "members"));
        String version = resource.path("meta").path("version").asText();
        if ("GET".equals(request.method()) && ETags.notModified(request, version)) {
            return ScimResponses.notModified(version);
        }
        return ScimResponses.resource(status, projection.apply(resource));
    }

    // --- writes --------------------------------------------------------------------------------------------------

    public Response create(ScimRequest request) {
        context.caller().permissions().groups().requireManage();
        JsonNode body = request.requireBody();
        String name = GroupScimMapper.displayName(body);
        GroupModel group;
        if (context.tenant().isRealm()) {
            GroupModel parent = settingsParent();
            requireUniqueName(null, parent, name);
            group = context.session().groups().createGroup(context.realm(), name, parent);
        } else {
            requireUniqueName(null, context.session().groups().getGroupById(context.realm(),
                    context.tenant().membershipGroupId()), name);
            group = context.session().getProvider(OrganizationProvider.class)
                    .createGroup(context.tenant().organization(), name, null);
        }
        setExternalId(group, GroupScimMapper.externalId(body));
        context.audit().group(OperationType.CREATE, group);
        Set<String> members = GroupScimMapper.memberIds(ScimJson.get(body, "members"));
        if (!members.isEmpty()) {
            context.caller().permissions().groups().requireManageMembership(group);
            new GroupMembers(context, group).add(members);
        }
        stamp(group);
        return respond(201, group, request);
    }

    public Response replace(String id, ScimRequest request) {
        GroupModel group = writable(id, request);
        JsonNode body = request.requireBody();
        rename(group, GroupScimMapper.displayName(body));
        setExternalId(group, GroupScimMapper.externalId(body));
        context.caller().permissions().groups().requireManageMembership(group);
        new GroupMembers(context, group).replace(GroupScimMapper.memberIds(ScimJson.get(body, "members")));
        stamp(group);
        context.audit().group(OperationType.UPDATE, group);
        return respond(200, group, request);
    }

    public Response patch(String id, ScimRequest request) {
        GroupModel group = writable(id, request);
        List<PatchOperation> operations = PatchRequest.parse(request.requireBody(),
                context.limits().maxPatchOperations());
        GroupMembers members = new GroupMembers(context, group);
        ObjectNode current = GroupScimMapper.toScim(snapshot(group, false), context.baseUrl());
        ObjectNode patched = current;
        PatchEngine engine = new PatchEngine(context.model().groupType());
        for (PatchOperation operation : operations) {
            ObjectNode rest = applyMembers(operation, group, members);
            if (rest != null) {
                patched = engine.apply(patched, List.of(rest == NO_REST ? operation : withValue(operation, rest)));
            }
        }
        rename(group, GroupScimMapper.displayName(patched));
        setExternalId(group, GroupScimMapper.externalId(patched));
        stamp(group);
        context.audit().group(OperationType.UPDATE, group);
        return respond(200, group, request);
    }

    public Response delete(String id, ScimRequest request) {
        GroupModel group = writable(id, request);
        context.audit().group(OperationType.DELETE, group);
        context.session().groups().removeGroup(context.realm(), group);
        return ScimResponses.noContent();
    }

    /** Marker: the operation does not touch members; apply it unchanged. */
    private static final ObjectNode NO_REST = JsonNodeFactory.instance.objectNode();

    /**
     * Applies the member part of an operation directly. Returns {@link #NO_REST} when the operation has nothing to
     * do with members, {@code null} when it was only about members, or the value left for the patch engine.
     */
    private ObjectNode applyMembers(PatchOperation operation, GroupModel group, GroupMembers members) {
        if (operation.path() == null) {
            JsonNode value = operation.value();
            String key = value == null ? null : ScimJson.findKey(value, "members");
            if (key == null || operation.op() == PatchOperation.Op.REMOVE) {
                return NO_REST;
            }
            context.caller().permissions().groups().requireManageMembership(group);
            Set<String> ids = GroupScimMapper.memberIds(value.get(key));
            if (operation.op() == PatchOperation.Op.ADD) {
                members.add(ids);
            } else {
                members.replace(ids);
            }
            ObjectNode rest = ((ObjectNode) value).deepCopy();
            rest.remove(key);
            return rest.isEmpty() ? null : rest;
        }
        if (!"members".equalsIgnoreCase(operation.path().attribute().attribute())
                || (operation.path().attribute().schema() != null
                && !Schemas.GROUP.equalsIgnoreCase(operation.path().attribute().schema()))) {
            return NO_REST;
        }
        context.caller().permissions().groups().requireManageMembership(group);
        if (operation.path().attribute().subAttribute() != null || operation.path().subAttribute() != null) {
            throw ScimException.invalidPath("Members are added, removed or replaced whole: '" + operation.path()
                    + "' cannot be changed");
        }
        Filter filter = operation.path().valueFilter();
        switch (operation.op()) {
            case ADD:
                members.add(GroupScimMapper.memberIds(operation.value()));
                break;
            case REPLACE:
                if (filter != null) {
                    throw ScimException.invalidPath("Replace members without a filter, or remove and add them");
                }
                members.replace(GroupScimMapper.memberIds(operation.value()));
                break;
            default:
                if (filter != null) {
                    members.remove(matching(filter, members));
                } else if (operation.value() != null && !operation.value().isNull()) {
                    // Microsoft Entra ID: remove with path "members" and a value removes exactly those members.
                    members.remove(GroupScimMapper.memberIds(operation.value()));
                } else {
                    members.removeAll();
                }
        }
        return null;
    }

    private Set<String> matching(Filter filter, GroupMembers members) {
        AttributeDefinition definition = context.model().groupType().schema().attribute("members").orElseThrow();
        Set<String> ids = new LinkedHashSet<>();
        for (GroupSnapshot.Member member : members.list()) {
            ObjectNode element = JsonNodeFactory.instance.objectNode().put("value", member.id())
                    .put("display", member.display()).put("type", "User");
            if (FilterEvaluator.matchesElement(filter, element, definition)) {
                ids.add(member.id());
            }
        }
        return ids;
    }

    private static PatchOperation withValue(PatchOperation operation, ObjectNode value) {
        return new PatchOperation(operation.op(), operation.path(), value);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private GroupModel writable(String id, ScimRequest request) {
        GroupModel group = find(id);
        context.caller().permissions().groups().requireManage(group);
        AdminAccounts.requireWritable(context.realm(), group);
        ETags.checkIfMatch(request, GroupScimMapper.version(snapshot(group, false)));
        return group;
    }

    /** The tenant's group {@code id}; other tenants' groups are "not found", exactly like missing ones. */
    GroupModel find(String id) {
        GroupModel group = id == null ? null : context.session().groups().getGroupById(context.realm(), id);
        if (group == null || !context.tenant().contains(group)) {
            throw ScimException.notFound("Group " + id + " not found");
        }
        return group;
    }

    /** The group the realm's settings put SCIM-created groups under, or {@code null} for the top level. */
    private GroupModel settingsParent() {
        String path = context.settings().groupParent();
        if (path == null) {
            return null;
        }
        String id = context.settings().groupParentId();
        GroupModel parent = id == null ? null : context.session().groups().getGroupById(context.realm(), id);
        if (parent == null) {
            parent = KeycloakModelUtils.findGroupByPath(context.session(), context.realm(), path);
        }
        if (parent == null) {
            throw ScimException.internal("The Directory sync setting 'parent group' names '" + path
                    + "', which no longer exists; fix it in Realm settings > Directory sync", null);
        }
        return parent;
    }

    private void rename(GroupModel group, String name) {
        if (!name.equals(group.getName())) {
            requireUniqueName(group, group.getParent(), name);
            group.setName(name);
            // Keycloak's model fires no event for this rename (Admin REST fires its own): stamp the members here.
            dev.dirsync.model.MemberStamps.groupRenamed(context.session(), context.realm(), group);
        }
    }

    /** Keycloak requires sibling groups to have distinct names ({@code parent} null: top-level realm groups). */
    private void requireUniqueName(GroupModel group, GroupModel parent, String name) {
        boolean taken = (parent == null ? context.session().groups().getTopLevelGroupsStream(context.realm(), name,
                true, 0, 10) : parent.getSubGroupsStream(name, true, 0, 10))
                .anyMatch(g -> g.getName().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
                        && (group == null || !g.getId().equals(group.getId())));
        if (taken) {
            throw ScimException.uniqueness("A group named '" + name + "' already exists here");
        }
    }

    private static void setExternalId(GroupModel group, String externalId) {
        if (externalId == null) {
            group.removeAttribute(InternalAttributes.EXTERNAL_ID);
        } else if (!externalId.equals(group.getFirstAttribute(InternalAttributes.EXTERNAL_ID))) {
            group.setSingleAttribute(InternalAttributes.EXTERNAL_ID, externalId);
        }
    }

    private static void stamp(GroupModel group) {
        group.setLastModifiedTimestamp(Time.currentTimeMillis());
    }

    /**
     * The group's resource. Its version covers name, externalId and {@code lastModified}, which SCIM writes, Keycloak's
     * membership events and admin updates stamp, so it changes whenever the group does, without any write on read.
     */
    ObjectNode represent(GroupModel group, boolean withMembers) {
        return GroupScimMapper.toScim(snapshot(group, withMembers), context.baseUrl());
    }

    private GroupSnapshot snapshot(GroupModel group, boolean withMembers) {
        return new GroupSnapshot(group.getId(), group.getName(), group.getFirstAttribute(InternalAttributes.EXTERNAL_ID),
                group.getCreatedTimestamp(), group.getLastModifiedTimestamp(),
                withMembers ? new GroupMembers(context, group).list() : null);
    }

    private EntityManager entityManager() {
        return context.session().getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
