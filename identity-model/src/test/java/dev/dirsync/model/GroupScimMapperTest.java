package dev.dirsync.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.scim.protocol.ScimException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Keycloak groups to SCIM Group resources, and the parts of Group bodies Keycloak stores. */
class GroupScimMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://kc.example/realms/acme/directory-sync/v2";
    private static final long CREATED = 1_700_000_000_000L;
    private static final long MODIFIED = 1_700_000_360_000L;

    private static GroupSnapshot admins() {
        return new GroupSnapshot("g-1", "Admins", "ext-g1", CREATED, MODIFIED,
                List.of(new GroupSnapshot.Member("u-1", "bob.smith"), new GroupSnapshot.Member("u-2", "alice")));
    }

    // --- toScim --------------------------------------------------------------------------------------------------

    @Test
    void groupWithMembers_isRenderedExactly() {
        GroupSnapshot group = admins();

        ObjectNode resource = GroupScimMapper.toScim(group, BASE);

        assertThat(resource).isEqualTo(json("""
                {
                  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                  "id": "g-1",
                  "externalId": "ext-g1",
                  "displayName": "Admins",
                  "members": [
                    {"value": "u-1", "$ref": "BASE/Users/u-1", "display": "bob.smith", "type": "User"},
                    {"value": "u-2", "$ref": "BASE/Users/u-2", "display": "alice", "type": "User"}
                  ],
                  "meta": {
                    "resourceType": "Group",
                    "created": "2023-11-14T22:13:20Z",
                    "lastModified": "2023-11-14T22:19:20Z",
                    "location": "BASE/Groups/g-1",
                    "version": "VERSION"
                  }
                }
                """.replace("BASE", BASE)
                .replace("\"VERSION\"", JSON.valueToTree(GroupScimMapper.version(group)).toString())));
    }

    static Stream<Arguments> memberLists() {
        return Stream.of(Arguments.of("not listed", null), Arguments.of("empty", List.of()));
    }

    @ParameterizedTest(name = "members {0}")
    @MethodSource("memberLists")
    void groupWithoutMembers_hasNoMembersAttribute(String name, List<GroupSnapshot.Member> members) {
        GroupSnapshot group = new GroupSnapshot("g-2", "Empty", null, CREATED, null, members);

        ObjectNode resource = GroupScimMapper.toScim(group, BASE);

        assertThat(resource.fieldNames()).toIterable().containsExactly("schemas", "id", "displayName", "meta");
    }

    @ParameterizedTest(name = "created={0} lastModified={1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            1700000000000 | 1700000360000 | 2023-11-14T22:13:20Z | 2023-11-14T22:19:20Z
            1700000000000 | -             | 2023-11-14T22:13:20Z | 2023-11-14T22:13:20Z
            -             | 1700000360000 | -                    | 2023-11-14T22:19:20Z
            -             | -             | -                    | -
            """)
    void meta_hasTimestampsWithLastModifiedFallingBackToCreated(Long created, Long lastModified,
            String expectedCreated, String expectedLastModified) {
        GroupSnapshot group = new GroupSnapshot("g-3", "Ops", null, created, lastModified, null);

        JsonNode meta = GroupScimMapper.toScim(group, "https://h").get("meta");

        assertThat(meta.get("resourceType").asText()).isEqualTo("Group");
        assertThat(meta.has("created")).isEqualTo(expectedCreated != null);
        assertThat(meta.has("lastModified")).isEqualTo(expectedLastModified != null);
        if (expectedCreated != null) {
            assertThat(meta.get("created").asText()).isEqualTo(expectedCreated);
        }
        if (expectedLastModified != null) {
            assertThat(meta.get("lastModified").asText()).isEqualTo(expectedLastModified);
        }
        assertThat(meta.get("location").asText()).isEqualTo("https://h/Groups/g-3");
        assertThat(meta.get("version").asText()).isEqualTo(GroupScimMapper.version(group));
    }

    static Stream<Arguments> groupChanges() {
        return Stream.of(
                change("renamed", g -> new GroupSnapshot(g.id(), "Administrators", g.externalId(), g.created(),
                        g.lastModified(), g.members()), true),
                change("externalId changed", g -> new GroupSnapshot(g.id(), g.name(), "ext-g2", g.created(),
                        g.lastModified(), g.members()), true),
                change("externalId removed", g -> new GroupSnapshot(g.id(), g.name(), null, g.created(),
                        g.lastModified(), g.members()), true),
                change("modified again", g -> new GroupSnapshot(g.id(), g.name(), g.externalId(), g.created(),
                        g.lastModified() + 1, g.members()), true),
                change("another id", g -> new GroupSnapshot("g-9", g.name(), g.externalId(), g.created(),
                        g.lastModified(), g.members()), true),
                // Membership changes stamp lastModified; the member list itself is not hashed (it may not be loaded).
                change("members not loaded", g -> new GroupSnapshot(g.id(), g.name(), g.externalId(), g.created(),
                        g.lastModified(), null), false),
                change("members listed in another order", g -> new GroupSnapshot(g.id(), g.name(), g.externalId(),
                        g.created(), g.lastModified(), List.of(g.members().get(1), g.members().get(0))), false));
    }

    private static Arguments change(String name, UnaryOperator<GroupSnapshot> change, boolean changesVersion) {
        return Arguments.of(name, change, changesVersion);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groupChanges")
    void version_followsNameExternalIdAndLastModified(String name, UnaryOperator<GroupSnapshot> change,
            boolean changesVersion) {
        String before = GroupScimMapper.version(admins());
        String after = GroupScimMapper.version(change.apply(admins()));

        assertThat(before).matches("W/\"[A-Za-z0-9_-]{22}\"");
        if (changesVersion) {
            assertThat(after).isNotEqualTo(before);
        } else {
            assertThat(after).isEqualTo(before);
        }
    }

    // --- displayName and externalId ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"displayName": "Admins"}         | Admins
            {"displayName": "  Admins  "}     | Admins
            {"DISPLAYNAME": "Admins"}         | Admins
            {"displayname": "Sales EMEA"}     | Sales EMEA
            {"displayName": 42}               | 42
            """)
    void displayName_isReadTrimmedAndCaseInsensitively(String body, String expected) {
        assertThat(GroupScimMapper.displayName(json(body))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "{\"displayName\": null}", "{\"displayName\": \"\"}", "{\"displayName\": \"  \"}",
            "{\"displayName\": {\"value\": \"Admins\"}}", "{\"displayName\": [\"Admins\"]}",
            "{\"name\": \"Admins\"}"})
    void displayName_missingBlankOrNotAValue_isInvalidValue(String body) {
        assertInvalidValue(() -> GroupScimMapper.displayName(json(body)), "'displayName' is required");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            {"externalId": "ext-1"}    | ext-1
            {"EXTERNALID": "ext-1"}    | ext-1
            {"externalId": 7}          | 7
            {"externalId": ""}         | -
            {"externalId": "   "}      | -
            {"externalId": null}       | -
            {}                         | -
            """)
    void externalId_isOptional(String body, String expected) {
        assertThat(GroupScimMapper.externalId(json(body))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"externalId\": {\"id\": \"e\"}}", "{\"externalId\": [\"e\"]}"})
    void externalId_notAValue_isInvalidValue(String body) {
        assertInvalidValue(() -> GroupScimMapper.externalId(json(body)), "'externalId' must be a string");
    }

    // --- members -------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            [{"value": "u-1"}, {"value": "u-2"}]                                   | u-1,u-2
            [{"value": "u-2"}, {"value": "u-1"}, {"value": "u-2"}]                 | u-2,u-1
            [{"value": "u-1", "type": "User", "display": "bob", "$ref": "x"}]      | u-1
            [{"value": "u-1", "type": "user"}, {"VALUE": "u-2", "TYPE": "USER"}]    | u-1,u-2
            [{"value": "u-1", "type": null}]                                       | u-1
            {"value": "u-1"}                                                       | u-1
            "u-1"                                                                  | u-1
            ["u-1", "u-2"]                                                         | u-1,u-2
            [7]                                                                    | 7
            []                                                                     | ''
            null                                                                   | ''
            """)
    void memberIds_readsArraysSingleObjectsAndBareValues(String members, String expected) {
        assertThat(GroupScimMapper.memberIds(json(members)))
                .containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(expected.split(",")));
    }

    @Test
    void memberIds_ofAnOmittedAttribute_isEmpty() {
        assertThat(GroupScimMapper.memberIds(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            [{"value": "g-2", "type": "Group"}]                     | of type 'Group'
            [{"value": "u-1"}, {"value": "g-2", "type": "GROUP"}]   | of type 'GROUP'
            {"value": "g-2", "type": "group"}                        | of type 'group'
            [{"value": "x", "type": "Device"}]                      | of type 'Device'
            [{"display": "bob"}]                                    | needs a 'value'
            [{"value": null}]                                       | needs a 'value'
            [{"value": ""}]                                         | needs a 'value'
            [{"value": "  "}]                                       | needs a 'value'
            [{"value": {"id": "u-1"}}]                              | needs a 'value'
            [{"value": ["u-1"]}]                                    | needs a 'value'
            [null]                                                  | needs a 'value'
            [[]]                                                    | needs a 'value'
            ""                                                      | needs a 'value'
            {}                                                      | needs a 'value'
            """)
    void memberIds_invalidMember_isInvalidValue(String members, String message) {
        assertInvalidValue(() -> GroupScimMapper.memberIds(json(members)), message);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static void assertInvalidValue(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType()).isEqualTo("invalidValue");
            assertThat(e.detail()).contains(message);
        });
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
