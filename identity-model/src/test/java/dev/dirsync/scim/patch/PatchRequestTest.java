package dev.dirsync.scim.patch;

import static dev.dirsync.scim.TestSchemas.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.dirsync.scim.protocol.ScimException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading PATCH bodies (RFC 7644 §3.5.2). */
class PatchRequestTest {

    private static final String PATCH_OP = "'schemas': ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], ";

    @Test
    void rfcBody_parsesIntoOperations() {
        List<PatchOperation> operations = PatchRequest.parse(json("{" + PATCH_OP + """
                'Operations': [
                  {'op': 'add', 'path': 'members', 'value': [{'value': '2819c223'}]},
                  {'op': 'remove', 'path': 'emails[type eq "work" and value ew "example.com"]'},
                  {'op': 'replace', 'value': {'nickName': 'Babs'}}
                ]}
                """), 10);

        assertThat(operations).extracting(PatchOperation::op)
                .containsExactly(PatchOperation.Op.ADD, PatchOperation.Op.REMOVE, PatchOperation.Op.REPLACE);
        assertThat(operations.get(0).path()).hasToString("members");
        assertThat(operations.get(0).value()).isEqualTo(json("[{'value': '2819c223'}]"));
        assertThat(operations.get(1).path()).hasToString("emails[(type eq \"work\" and value ew \"example.com\")]");
        assertThat(operations.get(1).value()).isNull();
        assertThat(operations.get(2).path()).isNull();
    }

    @Test
    void memberNames_areCaseInsensitive() {
        List<PatchOperation> operations = PatchRequest.parse(json("""
                {'SCHEMAS': ['urn:ietf:params:scim:api:messages:2.0:patchop'],
                 'operations': [{'OP': 'add', 'Path': 'nickName', 'VALUE': 'Babs'}]}
                """), 1);

        assertThat(operations).containsExactly(
                new PatchOperation(PatchOperation.Op.ADD, dev.dirsync.scim.filter.Filters.parsePath("nickName"),
                        json("'Babs'")));
    }

    @Test
    void replaceWithExplicitNull_keepsTheNullToUnassign() {
        List<PatchOperation> operations = PatchRequest.parse(json("{" + PATCH_OP
                + "'Operations': [{'op': 'replace', 'path': 'title', 'value': null}]}"), 1);

        assertThat(operations.get(0).value()).isEqualTo(NullNode.instance);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            body is an array                | []                                                                   | invalidSyntax | object
            body is a string                | 'x'                                                                  | invalidSyntax | object
            schemas missing                 | {'Operations': [{'op': 'add', 'path': 'x', 'value': 1}]}             | invalidSyntax | PatchOp
            schemas names another message   | {'schemas': ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], 'Operations': [{'op': 'add', 'path': 'x', 'value': 1}]} | invalidSyntax | PatchOp
            schemas is a string             | {'schemas': 'urn:ietf:params:scim:api:messages:2.0:PatchOp', 'Operations': [{'op': 'add', 'path': 'x', 'value': 1}]} | invalidSyntax | PatchOp
            Operations missing              | {#}                                                                  | invalidSyntax | Operations
            Operations is an object         | {# 'Operations': {'op': 'add'}}                                      | invalidSyntax | Operations
            Operations is empty             | {# 'Operations': []}                                                 | invalidSyntax | Operations
            operation is a string           | {# 'Operations': ['add']}                                            | invalidSyntax | Operation 1
            op missing                      | {# 'Operations': [{'path': 'nickName', 'value': 'x'}]}               | invalidSyntax | op
            op is a number                  | {# 'Operations': [{'op': 1, 'path': 'nickName', 'value': 'x'}]}      | invalidSyntax | op
            op is unknown                   | {# 'Operations': [{'op': 'move', 'path': 'nickName', 'value': 'x'}]} | invalidSyntax | 'move'
            op of JSON Patch                | {# 'Operations': [{'op': 'add', 'value': {}}, {'op': 'copy', 'from': 'a', 'path': 'b'}]} | invalidSyntax | Operation 2
            path is a number                | {# 'Operations': [{'op': 'add', 'path': 5, 'value': 'x'}]}           | invalidPath   | path
            path is empty                   | {# 'Operations': [{'op': 'add', 'path': '', 'value': 'x'}]}          | invalidPath   | path
            path is malformed               | {# 'Operations': [{'op': 'add', 'path': 'emails[type eq', 'value': 'x'}]} | invalidPath | emails[type eq
            add without value               | {# 'Operations': [{'op': 'add', 'path': 'nickName'}]}                | invalidSyntax | value
            add with null value             | {# 'Operations': [{'op': 'add', 'path': 'nickName', 'value': null}]} | invalidSyntax | value
            replace without value           | {# 'Operations': [{'op': 'replace', 'path': 'nickName'}]}            | invalidSyntax | value
            remove without path             | {# 'Operations': [{'op': 'remove'}]}                                 | noTarget      | path
            more operations than allowed    | {# 'Operations': [{'op': 'remove', 'path': 'a'}, {'op': 'remove', 'path': 'b'}, {'op': 'remove', 'path': 'c'}]} | tooMany | 2
            """)
    void malformedBody_isRejectedWithTheRfcScimType(String scenario, String body, String scimType, String named) {
        String withSchemas = body.replace("{#", "{" + PATCH_OP).replace(", }", "}");
        assertThatThrownBy(() -> PatchRequest.parse(json(withSchemas), 2))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).isEqualTo(scimType);
                    assertThat(e.detail()).contains(named);
                });
    }
}
