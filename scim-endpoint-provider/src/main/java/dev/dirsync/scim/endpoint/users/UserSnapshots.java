package dev.dirsync.scim.endpoint.users;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import dev.dirsync.model.GroupRef;
import dev.dirsync.model.UserSnapshot;
import dev.dirsync.scim.endpoint.ScimTenant;
import org.keycloak.models.GroupModel;

/**
 * Reads a page of users for a list response with three queries whatever the page size (users, their attributes,
 * their memberships in the tenant's groups), instead of loading each user and its groups one by one through the model. The
 * database is the source: for users of a federation provider these are the values Keycloak imported.
 */
final class UserSnapshots {

    private UserSnapshots() {
    }

    /** Snapshots of {@code ids}, in the same order; ids that no longer exist are skipped. */
    static List<UserSnapshot> load(EntityManager em, List<String> ids, ScimTenant tenant) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Object[]> users = new HashMap<>();
        for (Object[] row : em.createQuery("select u.id, u.username, u.email, u.firstName, u.lastName, u.enabled, "
                + "u.createdTimestamp, u.lastModifiedTimestamp from UserEntity u where u.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList()) {
            users.put((String) row[0], row);
        }
        Map<String, Map<String, List<String>>> attributes = new HashMap<>();
        for (Object[] row : em.createQuery("select a.user.id, a.name, a.value, a.longValue from UserAttributeEntity a "
                + "where a.user.id in :ids order by a.id", Object[].class).setParameter("ids", ids).getResultList()) {
            String value = row[2] != null ? (String) row[2] : (String) row[3];
            attributes.computeIfAbsent((String) row[0], k -> new LinkedHashMap<>())
                    .computeIfAbsent((String) row[1], k -> new ArrayList<>()).add(value);
        }
        Map<String, List<GroupRef>> groups = groups(em, ids, tenant);
        List<UserSnapshot> snapshots = new ArrayList<>(ids.size());
        for (String id : ids) {
            Object[] u = users.get(id);
            if (u == null) {
                continue;
            }
            snapshots.add(new UserSnapshot(id, (String) u[1], (String) u[2], (String) u[3], (String) u[4],
                    Boolean.TRUE.equals(u[5]), (Long) u[6], (Long) u[7], attributes.getOrDefault(id, Map.of()),
                    groups.getOrDefault(id, List.of())));
        }
        return snapshots;
    }

    /**
     * The tenant's groups each of {@code ids} is a direct member of, by user id, read from the memberships (the model
     * hides organization groups outside an organization's context, and would load each user).
     */
    static Map<String, List<GroupRef>> groups(EntityManager em, List<String> ids, ScimTenant tenant) {
        var query = em.createQuery("select m.user.id, g.id, g.name from UserGroupMembershipEntity m, "
                + "GroupEntity g where g.id = m.groupId and m.user.id in :ids and " + (tenant.isRealm()
                ? "g.type = :type" : "g.type = :type and g.organization.id = :organization and g.id <> :membership")
                + " order by g.name",
                Object[].class).setParameter("ids", ids);
        if (tenant.isRealm()) {
            query.setParameter("type", GroupModel.Type.REALM.intValue());
        } else {
            query.setParameter("type", GroupModel.Type.ORGANIZATION.intValue())
                    .setParameter("organization", tenant.organizationId())
                    .setParameter("membership", tenant.membershipGroupId());
        }
        Map<String, List<GroupRef>> groups = new HashMap<>();
        for (Object[] row : query.getResultList()) {
            groups.computeIfAbsent((String) row[0], k -> new ArrayList<>())
                    .add(new GroupRef((String) row[1], (String) row[2]));
        }
        return groups;
    }
}
