package dev.dirsync.scim.patch;

import static dev.dirsync.scim.TestSchemas.GROUP;
import static dev.dirsync.scim.TestSchemas.USER;
import static dev.dirsync.scim.TestSchemas.USER_REQUIRING_ENTERPRISE;
import static dev.dirsync.scim.TestSchemas.bjensen;
import static dev.dirsync.scim.TestSchemas.json;
import static dev.dirsync.scim.TestSchemas.object;
import static dev.dirsync.scim.TestSchemas.tourGuides;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.scim.filter.Filters;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.schema.ResourceTypeDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PATCH semantics beyond the RFC's own examples (RFC 7644 §3.5.2), and every error the engine reports. */
class PatchEngineTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String PROBE = "urn:example:params:scim:schemas:extension:probe:2.0:User";

    /** A small user; {@code %s} is replaced by extra members (with a leading comma) or nothing. */
    private static final String BASE = """
            {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'id': 'u1', 'userName': 'bjensen',
             'name': {'givenName': 'Barbara', 'familyName': 'Jensen'},
             'emails': [{'value': 'a@example.com', 'type': 'work', 'primary': true}]%s}
            """;

    private static String user(String extra) {
        return BASE.formatted(extra.isEmpty() ? "" : ", " + extra);
    }

    private static String user() {
        return user("");
    }

    static Stream<Arguments> semantics() {
        return Stream.of(
                arguments("add simple attribute sets it", USER, user(),
                        "[{'op': 'add', 'path': 'nickName', 'value': 'Babs'}]",
                        user("'nickName': 'Babs'")),
                arguments("add simple attribute replaces the value", USER, user(),
                        "[{'op': 'add', 'path': 'userName', 'value': 'babs'}]",
                        user().replace("'bjensen'", "'babs'")),
                arguments("add complex attribute merges sub-attributes", USER, user(),
                        "[{'op': 'add', 'path': 'name', 'value': {'middleName': 'Jane'}}]",
                        user().replace("'familyName': 'Jensen'", "'familyName': 'Jensen', 'middleName': 'Jane'")),
                arguments("replace complex attribute keeps unnamed sub-attributes", USER, user(),
                        "[{'op': 'replace', 'path': 'name', 'value': {'givenName': 'Babs'}}]",
                        user().replace("'Barbara'", "'Babs'")),
                arguments("replace complex attribute with null sub-attribute unassigns it", USER, user(),
                        "[{'op': 'replace', 'path': 'name', 'value': {'familyName': null}}]",
                        user().replace(", 'familyName': 'Jensen'", "")),
                arguments("replace with null unassigns the attribute", USER, user("'nickName': 'Babs'"),
                        "[{'op': 'replace', 'path': 'nickName', 'value': null}]",
                        user()),
                arguments("replace multi-valued attribute with null unassigns it", USER, user(),
                        "[{'op': 'replace', 'path': 'emails', 'value': null}]",
                        user().replace(",\n 'emails': [{'value': 'a@example.com', 'type': 'work', 'primary': true}]", "")),
                arguments("add sub-attribute creates the complex attribute", USER, "{'userName': 'bjensen'}",
                        "[{'op': 'add', 'path': 'name.middleName', 'value': 'Jane'}]",
                        "{'userName': 'bjensen', 'name': {'middleName': 'Jane'}}"),
                arguments("remove sub-attribute", USER, user(),
                        "[{'op': 'remove', 'path': 'name.givenName'}]",
                        user().replace("'givenName': 'Barbara', ", "")),
                arguments("remove last sub-attributes unassigns the complex attribute", USER, "{'userName': 'b', 'name': {'givenName': 'B'}}",
                        "[{'op': 'remove', 'path': 'name.givenName'}]",
                        "{'userName': 'b'}"),
                arguments("add to multi-valued attribute appends", USER, user(),
                        "[{'op': 'add', 'path': 'emails', 'value': [{'value': 'b@example.com', 'type': 'home'}]}]",
                        user().replace("'primary': true}]", "'primary': true}, {'value': 'b@example.com', 'type': 'home'}]")),
                arguments("add an equal value (case-insensitive) adds nothing", USER, user(),
                        "[{'op': 'add', 'path': 'emails', 'value': [{'value': 'A@EXAMPLE.COM', 'type': 'work'}]}]",
                        user()),
                arguments("add a primary value demotes the former primary", USER, user(),
                        "[{'op': 'add', 'path': 'emails', 'value': [{'value': 'b@example.com', 'type': 'home', 'primary': true}]}]",
                        user().replace("'primary': true}]",
                                "'primary': false}, {'value': 'b@example.com', 'type': 'home', 'primary': true}]")),
                arguments("set primary through a value filter demotes the former primary", USER,
                        user().replace("'primary': true}]", "'primary': true}, {'value': 'b@example.com', 'type': 'home'}]"),
                        "[{'op': 'replace', 'path': 'emails[type eq \"home\"].primary', 'value': true}]",
                        user().replace("'primary': true}]",
                                "'primary': false}, {'value': 'b@example.com', 'type': 'home', 'primary': true}]")),
                arguments("add with value filter merges into the selected values", USER, user(),
                        "[{'op': 'add', 'path': 'emails[type eq \"work\"]', 'value': {'display': 'Work'}}]",
                        user().replace("'primary': true}]", "'primary': true, 'display': 'Work'}]")),
                arguments("remove sub-attribute of every value", USER, user(),
                        "[{'op': 'remove', 'path': 'emails.primary'}]",
                        user().replace(", 'primary': true", "")),
                arguments("remove an absent attribute changes nothing", USER, user(),
                        "[{'op': 'remove', 'path': 'title'}]",
                        user()),
                arguments("remove with a filter selecting nothing changes nothing", USER, user(),
                        "[{'op': 'remove', 'path': 'emails[type eq \"other\"]'}]",
                        user()),
                arguments("sub-attribute of a multi-valued attribute without values creates one", USER, "{'userName': 'b'}",
                        "[{'op': 'add', 'path': 'emails.value', 'value': 'x@example.com'}]",
                        "{'userName': 'b', 'emails': [{'value': 'x@example.com'}]}"),
                arguments("extension attribute by URN path creates the extension and lists its schema", USER, user(),
                        "[{'op': 'add', 'path': '" + ENTERPRISE + ":department', 'value': 'Tour Operations'}]",
                        user("'" + ENTERPRISE + "': {'department': 'Tour Operations'}").replace(
                                "'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User']",
                                "'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User', '" + ENTERPRISE + "']")),
                arguments("extension attribute without prefix resolves into the extension", USER, user(),
                        "[{'op': 'replace', 'path': 'costCenter', 'value': '4130'}]",
                        user("'" + ENTERPRISE + "': {'costCenter': '4130'}").replace(
                                "'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User']",
                                "'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User', '" + ENTERPRISE + "']")),
                arguments("extension sub-attribute by URN path", USER, "{'userName': 'b'}",
                        "[{'op': 'replace', 'path': '" + ENTERPRISE + ":manager.value', 'value': 'm1'}]",
                        "{'userName': 'b', '" + ENTERPRISE + "': {'manager': {'value': 'm1'}}}"),
                arguments("path naming the extension adds inside it", USER, "{'userName': 'b'}",
                        "[{'op': 'add', 'path': '" + ENTERPRISE + "', 'value': {'department': 'X', 'manager': {'value': 'm1'}}}]",
                        "{'userName': 'b', '" + ENTERPRISE + "': {'department': 'X', 'manager': {'value': 'm1'}}}"),
                arguments("remove the extension by its URN, dropping it from schemas", USER,
                        "{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User', '" + ENTERPRISE + "'], 'userName': 'b', '"
                                + ENTERPRISE + "': {'department': 'X'}}",
                        "[{'op': 'remove', 'path': '" + ENTERPRISE + "'}]",
                        "{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': 'b'}"),
                arguments("path-less value with an extension URN member", USER, "{'userName': 'b'}",
                        "[{'op': 'replace', 'value': {'" + ENTERPRISE + "': {'costCenter': '42'}, 'title': 'Boss'}}]",
                        "{'userName': 'b', 'title': 'Boss', '" + ENTERPRISE + "': {'costCenter': '42'}}"),
                arguments("path naming the core schema acts on its attributes", USER, "{'userName': 'b'}",
                        "[{'op': 'replace', 'path': 'urn:ietf:params:scim:schemas:core:2.0:User', 'value': {'title': 'Boss'}}]",
                        "{'userName': 'b', 'title': 'Boss'}"),
                arguments("attribute names are matched ignoring case and written canonically", USER, "{'userName': 'b', 'NICKNAME': 'x'}",
                        "[{'op': 'replace', 'path': 'NickName', 'value': 'y'}, {'op': 'add', 'value': {'TITLE': 'Boss'}}]",
                        "{'userName': 'b', 'nickName': 'y', 'title': 'Boss'}"),
                arguments("values of every type are checked and kept", USER, "{'userName': 'b'}",
                        "[{'op': 'replace', 'value': {'" + PROBE + "': {'loginCount': 7, 'score': 1.25, "
                                + "'hiredAt': '2020-02-02T10:00:00+01:00', 'badge': 'QUJD', 'code': 'Xy'}}}]",
                        "{'userName': 'b', '" + PROBE + "': {'loginCount': 7, 'score': 1.25, "
                                + "'hiredAt': '2020-02-02T10:00:00+01:00', 'badge': 'QUJD', 'code': 'Xy'}}"),
                arguments("immutable attribute may be set while unassigned", USER, "{'userName': 'b'}",
                        "[{'op': 'add', 'path': 'badgeId', 'value': 'B-1'}]",
                        "{'userName': 'b', '" + PROBE + "': {'badgeId': 'B-1'}}"),
                arguments("immutable attribute may be given its own value again", USER, "{'userName': 'b', '" + PROBE + "': {'badgeId': 'B-1'}}",
                        "[{'op': 'replace', 'path': 'badgeId', 'value': 'B-1'}]",
                        "{'userName': 'b', '" + PROBE + "': {'badgeId': 'B-1'}}"),
                arguments("required attribute removed and added back in one request", USER, user(),
                        "[{'op': 'remove', 'path': 'userName'}, {'op': 'add', 'path': 'userName', 'value': 'babs'}]",
                        user().replace("'bjensen'", "'babs'")),
                arguments("simple multi-valued add skips equal values", USER, "{'userName': 'b', '" + PROBE + "': {'tags': ['a']}}",
                        "[{'op': 'add', 'path': 'tags', 'value': ['A', 'b', 'b']}]",
                        "{'userName': 'b', '" + PROBE + "': {'tags': ['a', 'b']}}"),
                arguments("simple multi-valued replace through value filter", USER, "{'userName': 'b', '" + PROBE + "': {'tags': ['a', 'c']}}",
                        "[{'op': 'replace', 'path': 'tags[value eq \"A\"]', 'value': 'b'}]",
                        "{'userName': 'b', '" + PROBE + "': {'tags': ['b', 'c']}}"),
                arguments("simple multi-valued remove through value filter", USER, "{'userName': 'b', '" + PROBE + "': {'tags': ['a', 'c']}}",
                        "[{'op': 'remove', 'path': 'tags[value eq \"A\"]'}]",
                        "{'userName': 'b', '" + PROBE + "': {'tags': ['c']}}"),
                arguments("readOnly sub-attributes inside a value are dropped", USER, "{'userName': 'b'}",
                        "[{'op': 'add', 'path': 'manager', 'value': {'value': 'm1', 'displayName': 'John Smith'}}]",
                        "{'userName': 'b', '" + ENTERPRISE + "': {'manager': {'value': 'm1'}}}"),
                arguments("group member added while the immutable member values stay", GROUP, "{'displayName': 'G'}",
                        "[{'op': 'add', 'path': 'members', 'value': {'value': 'u1', 'type': 'User'}}]",
                        "{'displayName': 'G', 'members': [{'value': 'u1', 'type': 'User'}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("semantics")
    void patch_producesTheExpectedResource(String scenario, ResourceTypeDefinition type, String before,
            String operations, String after) {
        assertThat(Patches.apply(type, object(before), operations)).isEqualTo(object(after));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                error("unknown attribute", USER, "[{'op': 'replace', 'path': 'nope', 'value': 1}]", "invalidPath", "nope"),
                error("unknown sub-attribute", USER, "[{'op': 'replace', 'path': 'name.nope', 'value': 'x'}]", "invalidPath", "nope"),
                error("unknown schema prefix", USER, "[{'op': 'replace', 'path': 'urn:example:nope:2.0:User:title', 'value': 'x'}]",
                        "invalidPath", "urn:example:nope"),
                error("attribute under the wrong schema", USER, "[{'op': 'replace', 'path': '" + ENTERPRISE + ":title', 'value': 'x'}]",
                        "invalidPath", "title"),
                error("value filter on a single-valued attribute", USER,
                        "[{'op': 'replace', 'path': 'name[givenName eq \"x\"]', 'value': {}}]", "invalidPath", "name"),
                error("value filter on a schema", USER,
                        "[{'op': 'remove', 'path': '" + ENTERPRISE + "[department eq \"x\"]'}]", "invalidPath", ENTERPRISE),
                error("value filter naming an unknown sub-attribute", USER,
                        "[{'op': 'remove', 'path': 'emails[nope eq \"x\"]'}]", "invalidPath", "nope"),
                error("value filter comparing with the wrong type", USER,
                        "[{'op': 'remove', 'path': 'emails[primary eq \"yes\"]'}]", "invalidPath", "primary"),
                error("unknown sub-attribute after a value filter", USER,
                        "[{'op': 'replace', 'path': 'emails[type eq \"work\"].nope', 'value': 'x'}]", "invalidPath", "nope"),
                error("sub-attribute of simple values", USER,
                        "[{'op': 'replace', 'path': 'tags[value eq \"a\"].x', 'value': 'x'}]", "invalidPath", "x"),
                error("removing the core schema", USER,
                        "[{'op': 'remove', 'path': 'urn:ietf:params:scim:schemas:core:2.0:User'}]", "invalidPath", "core"),
                error("readOnly id", USER, "[{'op': 'replace', 'path': 'id', 'value': 'x'}]", "mutability", "id"),
                error("readOnly meta sub-attribute", USER,
                        "[{'op': 'replace', 'path': 'meta.lastModified', 'value': '2020-01-01T00:00:00Z'}]", "mutability", "meta"),
                error("readOnly multi-valued attribute", USER,
                        "[{'op': 'add', 'path': 'groups', 'value': [{'value': 'g1'}]}]", "mutability", "groups"),
                error("readOnly sub-attribute", USER,
                        "[{'op': 'replace', 'path': '" + ENTERPRISE + ":manager.displayName', 'value': 'x'}]", "mutability", "displayName"),
                error("removing a readOnly attribute", USER, "[{'op': 'remove', 'path': 'lastSeen'}]", "mutability", "lastSeen"),
                error("removing schemas", USER, "[{'op': 'remove', 'path': 'schemas'}]", "mutability", "schemas"),
                error("removing a required attribute", USER, "[{'op': 'remove', 'path': 'userName'}]", "mutability", "userName"),
                error("unassigning a required attribute with replace", USER,
                        "[{'op': 'replace', 'path': 'userName', 'value': null}]", "mutability", "userName"),
                error("removing a required extension", USER_REQUIRING_ENTERPRISE,
                        "[{'op': 'remove', 'path': '" + ENTERPRISE + "'}]", "mutability", ENTERPRISE),
                error("changing an immutable attribute", USER, "[{'op': 'replace', 'path': 'badgeId', 'value': 'B-2'}]",
                        "mutability", "badgeId"),
                error("removing an immutable attribute", USER, "[{'op': 'remove', 'path': 'badgeId'}]", "mutability", "badgeId"),
                error("changing an immutable sub-attribute of a value", GROUP,
                        "[{'op': 'replace', 'path': 'members[value eq \"902c246b-6245-4190-8e05-00816be7344a\"].value', 'value': 'x'}]",
                        "mutability", "value"),
                error("replace with a filter selecting nothing", USER,
                        "[{'op': 'replace', 'path': 'emails[value co \"nowhere\"].type', 'value': 'x'}]", "noTarget", "emails"),
                error("add with a non-equality filter selecting nothing", USER,
                        "[{'op': 'add', 'path': 'ims[type ne \"aim\"].value', 'value': 'x'}]", "noTarget", "ims"),
                error("string for a boolean", USER, "[{'op': 'replace', 'path': 'active', 'value': 'yes'}]", "invalidValue", "active"),
                error("string for an integer", USER, "[{'op': 'replace', 'path': 'loginCount', 'value': '7'}]", "invalidValue", "loginCount"),
                error("fraction for an integer", USER, "[{'op': 'replace', 'path': 'loginCount', 'value': 7.5}]", "invalidValue", "loginCount"),
                error("string for a decimal", USER, "[{'op': 'replace', 'path': 'score', 'value': 'high'}]", "invalidValue", "score"),
                error("malformed dateTime", USER, "[{'op': 'replace', 'path': 'hiredAt', 'value': 'tomorrow'}]", "invalidValue", "hiredAt"),
                error("number for binary", USER, "[{'op': 'replace', 'path': 'badge', 'value': 5}]", "invalidValue", "badge"),
                error("number for a complex multi-valued attribute", USER, "[{'op': 'add', 'path': 'emails', 'value': 5}]",
                        "invalidValue", "emails"),
                error("array for a complex attribute", USER, "[{'op': 'replace', 'path': 'name', 'value': ['x']}]", "invalidValue", "name"),
                error("object for a string", USER, "[{'op': 'add', 'path': 'nickName', 'value': {'a': 1}}]", "invalidValue", "nickName"),
                error("path-less value that is not an object", USER, "[{'op': 'add', 'value': 'x'}]", "invalidValue", "object"),
                error("path-less value with an unknown attribute", USER, "[{'op': 'add', 'value': {'favouriteColour': 'red'}}]",
                        "invalidValue", "favouriteColour"),
                error("unknown sub-attribute inside a value", USER, "[{'op': 'add', 'path': 'emails', 'value': [{'colour': 'red'}]}]",
                        "invalidValue", "colour"),
                error("non-object for an extension", USER, "[{'op': 'replace', 'path': '" + ENTERPRISE + "', 'value': 'x'}]",
                        "invalidValue", ENTERPRISE),
                error("two primary values", USER, "[{'op': 'replace', 'path': 'emails', 'value': [{'value': 'a', 'primary': true}, "
                        + "{'value': 'b', 'primary': true}]}]", "invalidValue", "primary"));
    }

    private static Arguments error(String scenario, ResourceTypeDefinition type, String operations, String scimType,
            String named) {
        return arguments(scenario, type, operations, scimType, named);
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("errors")
    void invalidOperation_failsWithTheRfcScimTypeAndLeavesTheInputAlone(String scenario, ResourceTypeDefinition type,
            String operations, String scimType, String named) {
        ObjectNode before = type == GROUP ? tourGuides() : bjensen();
        ObjectNode copy = before.deepCopy();
        assertThatThrownBy(() -> Patches.apply(type, before, operations))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).isEqualTo(scimType);
                    assertThat(e.detail()).contains(named);
                });
        assertThat(before).isEqualTo(copy);
    }

    @Test
    void failingThirdOperation_leavesTheInputUnchanged() {
        ObjectNode before = bjensen();
        ObjectNode copy = before.deepCopy();

        assertThatThrownBy(() -> Patches.apply(USER, before, """
                [{'op': 'add', 'path': 'nickName', 'value': 'Barbie'},
                 {'op': 'remove', 'path': 'emails[type eq "home"]'},
                 {'op': 'replace', 'path': 'active', 'value': 'maybe'}]
                """)).isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo("invalidValue");
                    assertThat(e.detail()).startsWith("Operation 3: ");
                });
        assertThat(before).isEqualTo(copy);
    }

    @Test
    void successfulPatch_returnsACopyAndLeavesTheInputUnchanged() {
        ObjectNode before = bjensen();
        ObjectNode copy = before.deepCopy();

        ObjectNode after = Patches.apply(USER, before, "[{'op': 'replace', 'path': 'title', 'value': 'Boss'}]");

        assertThat(before).isEqualTo(copy);
        assertThat(after).isNotSameAs(before);
        assertThat(after.get("title").asText()).isEqualTo("Boss");
    }

    @Test
    void operationsBuiltInCode_areCheckedLikeParsedOnes() {
        PatchEngine engine = new PatchEngine(USER);
        assertThatThrownBy(() -> engine.apply(bjensen(), List.of(
                new PatchOperation(PatchOperation.Op.ADD, Filters.parsePath("title"), null))))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidSyntax"));
        assertThatThrownBy(() -> engine.apply(bjensen(), List.of(
                new PatchOperation(PatchOperation.Op.REMOVE, null, null))))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("noTarget"));
        assertThatThrownBy(() -> engine.apply(bjensen(), List.of(new PatchOperation(null, null, json("{}")))))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidSyntax"));
    }
}
