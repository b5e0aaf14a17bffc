package dev.dirsync.scim.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code attributes} and {@code excludedAttributes} parameters (RFC 7644 §3.4.2.5) applied to resources. */
class AttributeProjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENT = Schemas.ENTERPRISE_USER;

    private static final String USER = """
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
              "id": "u-1",
              "externalId": "ext-1",
              "userName": "bob",
              "name": {"givenName": "Bob", "familyName": "Smith"},
              "title": "Engineer",
              "emails": [{"value": "w@x", "type": "work", "primary": true}, {"value": "h@x", "type": "home"}],
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                "department": "R&D",
                "manager": {"value": "m-9", "displayName": "Boss"}
              },
              "meta": {"resourceType": "User", "location": "https://h/Users/u-1", "version": "W/\\"1\\""}
            }
            """;

    /**
     * Each row: attributes | excludedAttributes (comma-separated, '-' for none) | the top-level keys kept (in
     * resource order, extension objects by their URN) | an expected fragment of the result.
     */
    @ParameterizedTest(name = "attributes={0} excludedAttributes={1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            userName                          | -    | schemas,id,userName             | {"userName": "bob"}
            USERNAME                          | -    | schemas,id,userName             | {"userName": "bob"}
            urn:ietf:params:scim:schemas:core:2.0:User:userName | - | schemas,id,userName | {"userName": "bob"}
            userName,title                    | -    | schemas,id,userName,title       | {"title": "Engineer"}
            name                              | -    | schemas,id,name                 | {"name": {"givenName": "Bob", "familyName": "Smith"}}
            name.givenName                    | -    | schemas,id,name                 | {"name": {"givenName": "Bob"}}
            Name.GivenName                    | -    | schemas,id,name                 | {"name": {"givenName": "Bob"}}
            name,name.givenName               | -    | schemas,id,name                 | {"name": {"givenName": "Bob", "familyName": "Smith"}}
            emails.value                      | -    | schemas,id,emails               | {"emails": [{"value": "w@x"}, {"value": "h@x"}]}
            emails[type eq "work"]            | -    | schemas,id,emails               | {"emails": [{"value": "w@x", "type": "work", "primary": true}, {"value": "h@x", "type": "home"}]}
            emails[type eq "work"].value      | -    | schemas,id,emails               | {"emails": [{"value": "w@x"}, {"value": "h@x"}]}
            department                        | -    | schemas,id,ENT                  | {"ENT": {"department": "R&D"}}
            ENT:department                    | -    | schemas,id,ENT                  | {"ENT": {"department": "R&D"}}
            ENT:manager.value                 | -    | schemas,id,ENT                  | {"ENT": {"manager": {"value": "m-9"}}}
            ENT:department,userName           | -    | schemas,id,userName,ENT         | {"ENT": {"department": "R&D"}}
            urn:acme:x:User:department        | -    | schemas,id                      | {}
            meta.location                     | -    | schemas,id,meta                 | {"meta": {"location": "https://h/Users/u-1"}}
            id                                | -    | schemas,id                      | {"id": "u-1"}
            schemas                           | -    | schemas,id                      | {"id": "u-1"}
            nickName                          | -    | schemas,id                      | {}
            name.middleName                   | -    | schemas,id                      | {}
            emails.display                    | -    | schemas,id                      | {}
            ENT:manager.foo                   | -    | schemas,id                      | {}
            -                                 | name | schemas,id,externalId,userName,title,emails,ENT,meta | {"title": "Engineer"}
            -                                 | name.givenName | schemas,id,externalId,userName,name,title,emails,ENT,meta | {"name": {"familyName": "Smith"}}
            -                                 | emails.type,emails.primary | schemas,id,externalId,userName,name,title,emails,ENT,meta | {"emails": [{"value": "w@x"}, {"value": "h@x"}]}
            -                                 | emails[type eq "work"] | schemas,id,externalId,userName,name,title,ENT,meta | {}
            -                                 | department | schemas,id,externalId,userName,name,title,emails,ENT,meta | {"ENT": {"manager": {"value": "m-9", "displayName": "Boss"}}}
            -                                 | ENT:manager.displayName | schemas,id,externalId,userName,name,title,emails,ENT,meta | {"ENT": {"department": "R&D", "manager": {"value": "m-9"}}}
            -                                 | ENT:department,ENT:manager | schemas,id,externalId,userName,name,title,emails,meta | {}
            -                                 | id,schemas,meta,EXTERNALID | schemas,id,userName,name,title,emails,ENT | {"id": "u-1"}
            -                                 | nickName | schemas,id,externalId,userName,name,title,emails,ENT,meta | {}
            -                                 | name.givenName,name.familyName | schemas,id,externalId,userName,title,emails,ENT,meta | {}
            -                                 | emails.value,emails.type,emails.primary | schemas,id,externalId,userName,name,title,ENT,meta | {}
            """)
    void projection_keepsExactlyTheRequestedAttributes(String attributes, String excluded, String keys,
            String fragment) {
        ObjectNode resource = (ObjectNode) json(USER);

        ObjectNode projected = AttributeProjection.of(names(attributes), names(excluded)).apply(resource);

        assertThat(projected).isSameAs(resource);
        assertThat(projected.fieldNames()).toIterable()
                .containsExactlyElementsOf(Arrays.stream(keys.split(",")).map(k -> k.equals("ENT") ? ENT : k)
                        .toList());
        JsonNode expected = json(fragment.replace("\"ENT\"", "\"" + ENT + "\""));
        expected.fieldNames().forEachRemaining(key -> assertThat(projected.get(key)).as(key)
                .isEqualTo(expected.get(key)));
        assertThat(projected.get("schemas")).as("schemas is always returned, unchanged")
                .isEqualTo(json(USER).get("schemas"));
        assertThat(projected.get("id").asText()).isEqualTo("u-1");
    }

    @Test
    void noParameters_returnsTheResourceUnchanged() {
        ObjectNode resource = (ObjectNode) json(USER);

        assertThat(AttributeProjection.of(List.of(), List.of()).apply(resource)).isEqualTo(json(USER));
        assertThat(AttributeProjection.ALL.apply(resource)).isEqualTo(json(USER));
    }

    @Test
    void projection_appliesToGroupsToo() {
        ObjectNode group = (ObjectNode) json("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "g-1", "displayName": "Admins",
                 "members": [{"value": "u-1", "$ref": "https://h/Users/u-1", "display": "bob", "type": "User"}]}
                """);

        AttributeProjection.of(List.of("members.value", "urn:ietf:params:scim:schemas:core:2.0:Group:displayName"),
                List.of()).apply(group);

        assertThat(group).isEqualTo(json("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "g-1", "displayName": "Admins",
                 "members": [{"value": "u-1"}]}
                """));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "not a path", "emails[type eq", "emails[type eq \"work\"", "name..givenName",
            "urn:", "a b"})
    void nameThatIsNotAnAttributePath_isInvalidValue(String name) {
        for (List<List<String>> parameters : List.of(List.of(List.of(name), List.<String>of()),
                List.of(List.<String>of(), List.of(name)))) {
            assertThatThrownBy(() -> AttributeProjection.of(parameters.get(0), parameters.get(1)))
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.scimType()).isEqualTo("invalidValue");
                        assertThat(e.detail()).contains("is not an attribute name");
                    });
        }
    }

    @ParameterizedTest(name = "attributes={0} excludedAttributes={1} members -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -                    | -                | true
            displayName          | -                | false
            members              | -                | true
            MEMBERS              | -                | true
            members.value        | -                | true
            displayName,members  | -                | true
            -                    | members          | false
            -                    | members.display  | true
            -                    | displayName      | true
            members              | members          | false
            """)
    void includes_tellsWhetherATopLevelAttributeIsReturned(String attributes, String excluded, boolean expected) {
        assertThat(AttributeProjection.of(names(attributes), names(excluded)).includes(null, "members"))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            department        | ENT | true
            department        | -   | true
            ENT:department    | ENT | true
            ENT:department    | -   | false
            urn:a:b:department | ENT | false
            """)
    void includes_matchesQualifiedNamesOnlyInTheirSchema(String attribute, String schema, boolean expected) {
        AttributeProjection projection = AttributeProjection.of(List.of(attribute.replace("ENT:", ENT + ":")),
                List.of());

        assertThat(projection.includes(schema == null ? null : ENT, "department")).isEqualTo(expected);
    }

    private static List<String> names(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(n -> n.replace("ENT:", ENT + ":")).toList();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
