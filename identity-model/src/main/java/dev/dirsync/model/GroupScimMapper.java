package dev.dirsync.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.scim.protocol.ScimJson;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.protocol.Schemas;

/**
 * Keycloak groups as SCIM Group resources (RFC 7643 §4.2) and Group bodies as what Keycloak stores: the name is
 * {@code displayName}; members are users (Keycloak sub-groups are not SCIM members).
 */
public final class GroupScimMapper {

    private GroupScimMapper() {
    }

    public static ObjectNode toScim(GroupSnapshot group, String baseUrl) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.putArray("schemas").add(Schemas.GROUP);
        out.put("id", group.id());
        if (group.externalId() != null) {
            out.put("externalId", group.externalId());
        }
        out.put("displayName", group.name());
        if (group.members() != null && !group.members().isEmpty()) {
            ArrayNode members = out.putArray("members");
            for (GroupSnapshot.Member member : group.members()) {
                members.addObject().put("value", member.id()).put("$ref", baseUrl + "/Users/" + member.id())
                        .put("display", member.display()).put("type", "User");
            }
        }
        ObjectNode meta = out.putObject("meta");
        meta.put("resourceType", "Group");
        Long modified = group.lastModified() != null ? group.lastModified() : group.created();
        if (group.created() != null) {
            meta.put("created", Instant.ofEpochMilli(group.created()).toString());
        }
        if (modified != null) {
            meta.put("lastModified", Instant.ofEpochMilli(modified).toString());
        }
        meta.put("location", baseUrl + "/Groups/" + group.id());
        meta.put("version", version(group));
        return out;
    }

    /**
     * The group's weak entity tag. Membership is covered through {@code lastModified}, which every membership
     * change stamps (by SCIM, and by the listener of Keycloak's membership events for every other path), so the
     * tag never needs the member list.
     */
    public static String version(GroupSnapshot group) {
        String canonical = group.id() + '\n' + group.name() + '\n' + group.externalId() + '\n' + group.lastModified();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The name of a Group body. */
    public static String displayName(JsonNode body) {
        JsonNode name = ScimJson.get(body, "displayName");
        if (ScimJson.isAbsent(name) || !name.isValueNode() || name.asText().isBlank()) {
            throw ScimException.invalidValue("Attribute 'displayName' is required");
        }
        return name.asText().trim();
    }

    /** The externalId of a Group body, or {@code null}. */
    public static String externalId(JsonNode body) {
        JsonNode id = ScimJson.get(body, "externalId");
        if (ScimJson.isAbsent(id)) {
            return null;
        }
        if (!id.isValueNode()) {
            throw ScimException.invalidValue("Attribute 'externalId' must be a string");
        }
        return id.asText().isBlank() ? null : id.asText();
    }

    /**
     * The user ids of a {@code members} value: an array of {@code {"value": id}} (a single object is accepted).
     *
     * @throws ScimException {@code invalidValue} for a member without value, or one of type Group
     */
    public static Set<String> memberIds(JsonNode members) {
        Set<String> ids = new LinkedHashSet<>();
        if (ScimJson.isAbsent(members)) {
            return ids;
        }
        List<JsonNode> elements = new ArrayList<>();
        if (members.isArray()) {
            members.forEach(elements::add);
        } else {
            elements.add(members);
        }
        for (JsonNode member : elements) {
            JsonNode value = member.isObject() ? ScimJson.get(member, "value") : member;
            if (ScimJson.isAbsent(value) || !value.isValueNode() || value.asText().isBlank()) {
                throw ScimException.invalidValue("Every member needs a 'value' (the member's id)");
            }
            JsonNode type = member.isObject() ? ScimJson.get(member, "type") : null;
            if (type != null && type.isTextual() && !"user".equals(type.asText().toLowerCase(Locale.ROOT))) {
                throw ScimException.invalidValue("Member " + value.asText() + " is of type '" + type.asText()
                        + "': only users can be members (nested groups are not supported)");
            }
            ids.add(value.asText());
        }
        return ids;
    }
}
