package dev.dirsync.scim.endpoint.settings;

import java.util.Arrays;
import java.util.List;

/** The values an admin may pick for {@link ScimSettings#IDP_USER_ID}. */
final class IdpUserIdOptions {

    static final List<String> ALL = Arrays.stream(ScimSettings.IdpUserId.values())
            .map(ScimSettings.IdpUserId::value).toList();

    private IdpUserIdOptions() {
    }
}
