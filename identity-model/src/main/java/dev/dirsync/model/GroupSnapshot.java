package dev.dirsync.model;

import java.util.List;

/**
 * What the identity model reads of a Keycloak group.
 *
 * @param members the direct user members, or {@code null} when the caller did not ask for them (they are costly
 *                to list for big groups)
 */
public record GroupSnapshot(String id, String name, String externalId, Long created, Long lastModified,
        List<Member> members) {

    /** A user member: its id and its username (the SCIM {@code display}). */
    public record Member(String id, String display) {
    }
}
