package dev.dirsync.model;

import java.util.List;

import org.keycloak.common.util.Time;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A user's SCIM resource shows the display names of its groups, so renaming a group changes every member's resource:
 * their {@code meta.lastModified} moves with the rename (their {@code meta.version} follows from the new name).
 */
public final class MemberStamps {

    private MemberStamps() {
    }

    /**
     * Stamps every direct member of {@code group} as modified now. Each member is re-read by id through the user
     * cache, so the cached copy is invalidated with the write (the members stream bypasses the cache).
     */
    public static void groupRenamed(KeycloakSession session, RealmModel realm, GroupModel group) {
        long now = Time.currentTimeMillis();
        List<String> ids = session.users().getGroupMembersStream(realm, group).map(UserModel::getId).toList();
        for (String id : ids) {
            UserModel user = session.users().getUserById(realm, id);
            if (user != null) {
                user.setLastModifiedTimestamp(now);
            }
        }
    }

    /** Whether a path change renamed the group (a move keeps its name, and the members' resources unchanged). */
    public static boolean renamed(String previousPath, String newPath) {
        return previousPath != null && newPath != null && !lastSegment(previousPath).equals(lastSegment(newPath));
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
