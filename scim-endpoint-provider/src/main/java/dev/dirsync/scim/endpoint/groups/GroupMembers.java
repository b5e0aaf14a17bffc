package dev.dirsync.scim.endpoint.groups;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

import dev.dirsync.model.GroupSnapshot;
import dev.dirsync.scim.endpoint.ScimContext;
import dev.dirsync.scim.endpoint.auth.AdminAccounts;
import dev.dirsync.scim.protocol.ScimException;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/**
 * Membership of one group. Each change costs O(1) per member added or removed (one join or leave, one admin event);
 * the member list is read with one query of ids and usernames and is never rewritten as a whole.
 */
final class GroupMembers {

    private final ScimContext context;
    private final GroupModel group;

    GroupMembers(ScimContext context, GroupModel group) {
        this.context = context;
        this.group = group;
    }

    /** Current user members, ordered by username. */
    List<GroupSnapshot.Member> list() {
        List<Object[]> rows = entityManager().createQuery("select m.user.id, m.user.username "
                        + "from UserGroupMembershipEntity m where m.groupId = :group "
                        + "and m.user.serviceAccountClientLink is null order by m.user.username", Object[].class)
                .setParameter("group", group.getId()).getResultList();
        List<GroupSnapshot.Member> members = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            members.add(new GroupSnapshot.Member((String) row[0], (String) row[1]));
        }
        return members;
    }

    Set<String> ids() {
        return new LinkedHashSet<>(entityManager().createQuery("select m.user.id from UserGroupMembershipEntity m "
                        + "where m.groupId = :group and m.user.serviceAccountClientLink is null", String.class)
                .setParameter("group", group.getId()).getResultList());
    }

    /** Adds users; members already present are left alone. Unknown ids are a 400: nothing is silently dropped. */
    void add(Set<String> userIds) {
        for (String id : userIds) {
            UserModel user = user(id, true);
            if (!isDirectMember(user)) {
                requireManage(user);
                user.joinGroup(group);
                context.audit().membership(OperationType.CREATE, user, group);
                touched();
            }
        }
    }

    /** Removes users; ids that are not members (or no longer exist) are ignored, as removal is idempotent. */
    void remove(Set<String> userIds) {
        for (String id : userIds) {
            UserModel user = user(id, false);
            if (user != null && isDirectMember(user)) {
                requireManage(user);
                user.leaveGroup(group);
                context.audit().membership(OperationType.DELETE, user, group);
                touched();
            }
        }
    }

    /** Makes the members exactly {@code userIds}: only the difference is applied. */
    void replace(Set<String> userIds) {
        Set<String> current = ids();
        Set<String> toRemove = new LinkedHashSet<>(current);
        toRemove.removeAll(userIds);
        Set<String> toAdd = new LinkedHashSet<>(userIds);
        toAdd.removeAll(current);
        remove(toRemove);
        add(toAdd);
    }

    void removeAll() {
        remove(ids());
    }

    private boolean isDirectMember(UserModel user) {
        return user.getGroupsStream().anyMatch(g -> g.getId().equals(group.getId()));
    }

    private UserModel user(String id, boolean required) {
        UserModel user = context.session().users().getUserById(context.realm(), id);
        if (user == null || user.getServiceAccountClientLink() != null
                || !context.tenant().contains(context.session(), user)) {
            if (required) {
                // The same answer for missing users and other tenants' users: nothing about them leaks.
                throw ScimException.invalidValue("Member " + id + " is not a user of this directory");
            }
            return null;
        }
        return user;
    }

    private void requireManage(UserModel user) {
        context.caller().permissions().users().requireManageGroupMembership(user);
        AdminAccounts.requireWritable(context.realm(), user);
    }

    private void touched() {
        group.setLastModifiedTimestamp(Time.currentTimeMillis());
    }

    private EntityManager entityManager() {
        return context.session().getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
