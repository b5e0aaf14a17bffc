package dev.dirsync.scim.dialect;

import static dev.dirsync.scim.TestSchemas.GROUP;
import static dev.dirsync.scim.TestSchemas.GROUP_WITHOUT_MEMBER_DISPLAY;
import static dev.dirsync.scim.TestSchemas.USER;
import static dev.dirsync.scim.TestSchemas.bjensen;
import static dev.dirsync.scim.TestSchemas.json;
import static dev.dirsync.scim.TestSchemas.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.scim.patch.PatchEngine;
import dev.dirsync.scim.patch.PatchRequest;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.schema.ResourceTypeDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each IdP quirk of {@link IdpDialects}, as the IdP sends it, through the PATCH parser and engine. */
class IdpDialectsTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static ObjectNode patch(ResourceTypeDefinition type, ObjectNode resource, String body) {
        return new PatchEngine(type).apply(resource, PatchRequest.parse(json(body), 20));
    }

    private static String body(String operations) {
        return "{'schemas': ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], 'Operations': " + operations + "}";
    }

    private static ObjectNode group(String... memberIds) {
        ObjectNode group = object("{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group'], 'displayName': 'G'}");
        for (String id : memberIds) {
            group.withArray("members").add(object("{'value': '" + id + "', 'display': 'User " + id + "'}"));
        }
        return group;
    }

    @Test
    void entraId_capitalisedOps_areAccepted() {
        ObjectNode after = patch(USER, bjensen(), body("""
                [{'op': 'Replace', 'path': 'displayName', 'value': 'Pvlo'},
                 {'op': 'Add', 'path': 'nickName', 'value': 'Babs'},
                 {'op': 'Remove', 'path': 'title'},
                 {'op': 'ADD', 'path': 'preferredLanguage', 'value': 'en-US'}]
                """));

        assertThat(after.get("displayName").asText()).isEqualTo("Pvlo");
        assertThat(after.get("nickName").asText()).isEqualTo("Babs");
        assertThat(after.has("title")).isFalse();
        assertThat(after.get("preferredLanguage").asText()).isEqualTo("en-US");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({"False, false", "True, true", "false, false", "TRUE, true"})
    void entraId_booleanAsString_isCoercedToBoolean(String sent, boolean stored) {
        ObjectNode after = patch(USER, bjensen(), body(
                "[{'op': 'Replace', 'path': 'active', 'value': '" + sent + "'}]"));

        assertThat(after.get("active").isBoolean()).isTrue();
        assertThat(after.get("active").booleanValue()).isEqualTo(stored);
    }

    @Test
    void entraId_booleanAsStringInsideValues_isCoercedToo() {
        ObjectNode after = patch(USER, bjensen(), body("""
                [{'op': 'Add', 'path': 'emails', 'value': [{'value': 'b@example.com', 'type': 'other', 'primary': 'True'}]}]
                """));

        assertThat(after.get("emails").get(2).get("primary").booleanValue()).isTrue();
        assertThat(after.get("emails").get(0).get("primary").booleanValue()).isFalse();
    }

    @Test
    void entraId_removeMembersWithValue_removesExactlyThose() {
        ObjectNode after = patch(GROUP, group("u1", "u2", "u3"), body("""
                [{'op': 'Remove', 'path': 'members', 'value': [{'value': 'u1'}, {'value': 'u3'}]}]
                """));

        assertThat(after.get("members")).isEqualTo(json("[{'value': 'u2', 'display': 'User u2'}]"));
    }

    @Test
    void entraId_removeMembersWithValueOfAbsentMember_changesNothing() {
        ObjectNode before = group("u1", "u2");

        assertThat(patch(GROUP, before, body("[{'op': 'Remove', 'path': 'members', 'value': [{'value': 'u9'}]}]")))
                .isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[{'display': 'x'}]", "[]", "[[1]]", "{'value': {'id': 1}}"})
    void entraId_removeMembersWithUnreadableValue_isInvalidValue(String value) {
        assertThatThrownBy(() -> patch(GROUP, group("u1"), body(
                "[{'op': 'Remove', 'path': 'members', 'value': " + value + "}]")))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidValue"));
    }

    @Test
    void entraId_removeSimpleValuesWithValue_removesExactlyThose() {
        ObjectNode before = object("{'userName': 'b', 'urn:example:params:scim:schemas:extension:probe:2.0:User': "
                + "{'tags': ['a', 'b', 'c']}}");

        ObjectNode after = patch(USER, before, body("[{'op': 'Remove', 'path': 'tags', 'value': ['A', 'c']}]"));

        assertThat(after.get("urn:example:params:scim:schemas:extension:probe:2.0:User"))
                .isEqualTo(json("{'tags': ['b']}"));
    }

    @Test
    void entraId_managerAsBareString_becomesTheWholeManagerValue() {
        ObjectNode after = patch(USER, bjensen(), body("""
                [{'op': 'Add', 'path': 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
                  'value': '2819c223-7f76-453a-919d-413861904646'}]
                """));

        // The former manager's $ref must not survive: the bare id stands for the whole value. displayName is
        // readOnly, beyond any client's reach; the server derives it.
        ObjectNode manager = (ObjectNode) after.get(ENTERPRISE).get("manager");
        assertThat(manager.get("value").asText()).isEqualTo("2819c223-7f76-453a-919d-413861904646");
        assertThat(manager.has("$ref")).isFalse();
    }

    @Test
    void entraId_filteredPathWithoutMatch_createsTheValueForNewUsers() {
        ObjectNode after = patch(USER, object("{'userName': 'new'}"), body("""
                [{'op': 'replace', 'path': 'emails[type eq "work"].value', 'value': 'TestMhvaes@test.microsoft.com'},
                 {'op': 'Add', 'path': 'phoneNumbers[type eq "mobile"].value', 'value': '555-0100'},
                 {'op': 'Add', 'path': 'addresses[type eq "work" and country eq "US"].locality', 'value': 'Redmond'}]
                """));

        assertThat(after).isEqualTo(object("""
                {'userName': 'new',
                 'emails': [{'type': 'work', 'value': 'TestMhvaes@test.microsoft.com'}],
                 'phoneNumbers': [{'type': 'mobile', 'value': '555-0100'}],
                 'addresses': [{'type': 'work', 'country': 'US', 'locality': 'Redmond'}]}
                """));
    }

    @Test
    void entraId_pathlessReplaceWithPathKeys_setsEachPath() {
        ObjectNode after = patch(USER, bjensen(), body("""
                [{'op': 'replace',
                  'value': {'displayName': 'Bjfe', 'name.givenName': 'Kkom', 'name.familyName': 'Unua',
                            'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber': 'Aklq',
                            'emails[type eq "work"].value': 'TestMhvaes@test.microsoft.com'}}]
                """));

        assertThat(after.get("displayName").asText()).isEqualTo("Bjfe");
        assertThat(after.get("name")).isEqualTo(json(
                "{'formatted': 'Ms. Barbara J Jensen, III', 'familyName': 'Unua', 'givenName': 'Kkom'}"));
        assertThat(after.get(ENTERPRISE).get("employeeNumber").asText()).isEqualTo("Aklq");
        assertThat(after.get("emails").get(0).get("value").asText()).isEqualTo("TestMhvaes@test.microsoft.com");
    }

    @Test
    void entraId_pathKeyToUnknownAttribute_isInvalidPath() {
        assertThatThrownBy(() -> patch(USER, bjensen(), body("[{'op': 'replace', 'value': {'name.nope': 'x'}}]")))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidPath"));
    }

    @Test
    void entraId_singleValueForMultiValuedAttribute_becomesOneElementArray() {
        ObjectNode after = patch(USER, object("{'userName': 'b'}"), body("""
                [{'op': 'Add', 'path': 'emails', 'value': {'value': 'b@example.com', 'type': 'work'}},
                 {'op': 'Add', 'path': 'tags', 'value': 'blue'}]
                """));

        assertThat(after.get("emails")).isEqualTo(json("[{'value': 'b@example.com', 'type': 'work'}]"));
        assertThat(after.get("urn:example:params:scim:schemas:extension:probe:2.0:User"))
                .isEqualTo(json("{'tags': ['blue']}"));
    }

    @Test
    void okta_replaceWithoutPath_ignoresId() {
        ObjectNode before = group("u1");
        before.put("id", "abf4dd94-a4c0-4f67-89c9-76b03340cb9b");

        ObjectNode after = patch(GROUP, before, body("""
                [{'op': 'replace', 'value': {'id': 'abf4dd94-a4c0-4f67-89c9-76b03340cb9b', 'displayName': 'Test SCIMv2'}}]
                """));

        assertThat(after.get("displayName").asText()).isEqualTo("Test SCIMv2");
        assertThat(after.get("id").asText()).isEqualTo("abf4dd94-a4c0-4f67-89c9-76b03340cb9b");
    }

    @Test
    void okta_replaceWithoutPath_ignoresMetaSchemasAndOtherReadOnlyAttributes() {
        ObjectNode before = bjensen();

        ObjectNode after = patch(USER, before, body("""
                [{'op': 'replace', 'value': {'id': 'other', 'schemas': ['urn:x'], 'meta': {'version': 'W/"1"'},
                                             'groups': [{'value': 'g1'}], 'lastSeen': '2030-01-01T00:00:00Z',
                                             'meta.lastModified': '2030-01-01T00:00:00Z', 'title': 'Boss'}}]
                """));

        before.put("title", "Boss");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void okta_memberDisplayUnknownToSchema_isIgnored() {
        ObjectNode after = patch(GROUP_WITHOUT_MEMBER_DISPLAY, object("{'displayName': 'G'}"), body("""
                [{'op': 'add', 'path': 'members',
                  'value': [{'value': '23a35c27-23d3-4c03-b4c5-6443c09e7173', 'display': 'test.user@okta.local'}]}]
                """));

        assertThat(after.get("members")).isEqualTo(json("[{'value': '23a35c27-23d3-4c03-b4c5-6443c09e7173'}]"));
    }

    @Test
    void okta_otherUnknownMemberSubAttribute_isStillInvalidValue() {
        assertThatThrownBy(() -> patch(GROUP_WITHOUT_MEMBER_DISPLAY, object("{'displayName': 'G'}"), body(
                "[{'op': 'add', 'path': 'members', 'value': [{'value': 'u1', 'colour': 'red'}]}]")))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo("invalidValue");
                    assertThat(e.detail()).contains("colour");
                });
    }

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            701984 | 701984
            4.5    | 4.5
            true   | true
            """)
    void okta_numberOrBooleanForStringAttribute_becomesItsText(String sent, String stored) {
        ObjectNode after = patch(USER, bjensen(), body(
                "[{'op': 'replace', 'path': 'employeeNumber', 'value': " + sent + "}]"));

        assertThat(after.get(ENTERPRISE).get("employeeNumber").isTextual()).isTrue();
        assertThat(after.get(ENTERPRISE).get("employeeNumber").asText()).isEqualTo(stored);
    }
}
