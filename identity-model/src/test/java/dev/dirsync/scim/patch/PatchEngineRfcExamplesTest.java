package dev.dirsync.scim.patch;

import static dev.dirsync.scim.TestSchemas.GROUP;
import static dev.dirsync.scim.TestSchemas.USER;
import static dev.dirsync.scim.TestSchemas.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import dev.dirsync.scim.schema.ResourceTypeDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every PATCH example of RFC 7644 §3.5.2 (Figures of §3.5.2.1 to §3.5.2.3), applied and checked whole. */
class PatchEngineRfcExamplesTest {

    private static final String GROUP_ONE_MEMBER = """
            {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group'], 'id': 'acbf3ae7', 'displayName': 'Tour Guides',
             'members': [{'display': 'Mandy Pepperidge', 'value': '902c246b-6245-4190-8e05-00816be7344a',
                          '$ref': 'https://example.com/v2/Users/902c246b-6245-4190-8e05-00816be7344a'}]}
            """;
    private static final String GROUP_TWO_MEMBERS = """
            {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group'], 'id': 'acbf3ae7', 'displayName': 'Tour Guides',
             'members': [{'display': 'Mandy Pepperidge', 'value': '902c246b-6245-4190-8e05-00816be7344a',
                          '$ref': 'https://example.com/v2/Users/902c246b-6245-4190-8e05-00816be7344a'},
                         {'display': 'Babs Jensen', 'value': '2819c223-7f76-453a-919d-413861904646',
                          '$ref': 'https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646'}]}
            """;
    private static final String GROUP_NO_MEMBERS = """
            {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group'], 'id': 'acbf3ae7', 'displayName': 'Tour Guides'}
            """;
    private static final String USER_TWO_EMAILS = """
            {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'id': '2819c223', 'userName': 'bjensen',
             'name': {'givenName': 'Barbara', 'familyName': 'Jensen'},
             'emails': [{'value': 'bjensen@example.com', 'type': 'work', 'primary': true},
                        {'value': 'babs@jensen.org', 'type': 'home'}]}
            """;
    private static final String USER_TWO_ADDRESSES = """
            {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'id': '2819c223', 'userName': 'bjensen',
             'addresses': [{'type': 'work', 'streetAddress': '100 Universal City Plaza', 'locality': 'Hollywood',
                            'region': 'CA', 'postalCode': '91608', 'country': 'USA', 'primary': true},
                           {'type': 'home', 'streetAddress': '456 Hollywood Blvd', 'locality': 'Hollywood'}]}
            """;

    static Stream<Arguments> rfcExamples() {
        return Stream.of(
                arguments("3.5.2.1 add a member to a group", GROUP, GROUP_ONE_MEMBER, """
                        [{'op': 'add', 'path': 'members',
                          'value': [{'display': 'Babs Jensen',
                                     '$ref': 'https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646',
                                     'value': '2819c223-7f76-453a-919d-413861904646'}]}]
                        """, GROUP_TWO_MEMBERS),
                arguments("3.5.2.1 add a member already there changes nothing", GROUP, GROUP_TWO_MEMBERS, """
                        [{'op': 'add', 'path': 'members', 'value': [{'value': '2819c223-7f76-453a-919d-413861904646'}]}]
                        """, GROUP_TWO_MEMBERS),
                arguments("3.5.2.1 add without path (nickname in lower case)", USER, """
                        {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'id': '2819c223', 'userName': 'bjensen',
                         'emails': [{'value': 'bjensen@example.com', 'type': 'work'}]}
                        """, """
                        [{'op': 'add', 'value': {'emails': [{'value': 'babs@jensen.org', 'type': 'home'}],
                                                 'nickname': 'Babs'}}]
                        """, """
                        {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'id': '2819c223', 'userName': 'bjensen',
                         'emails': [{'value': 'bjensen@example.com', 'type': 'work'},
                                    {'value': 'babs@jensen.org', 'type': 'home'}],
                         'nickName': 'Babs'}
                        """),
                arguments("3.5.2.2 remove a single member", GROUP, GROUP_TWO_MEMBERS, """
                        [{'op': 'remove', 'path': 'members[value eq "2819c223-7f76-453a-919d-413861904646"]'}]
                        """, GROUP_ONE_MEMBER),
                arguments("3.5.2.2 remove all members", GROUP, GROUP_TWO_MEMBERS, """
                        [{'op': 'remove', 'path': 'members'}]
                        """, GROUP_NO_MEMBERS),
                arguments("3.5.2.2 remove values matching a complex filter", USER, USER_TWO_EMAILS, """
                        [{'op': 'remove', 'path': 'emails[type eq "work" and value ew "example.com"]'}]
                        """, """
                        {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'id': '2819c223', 'userName': 'bjensen',
                         'name': {'givenName': 'Barbara', 'familyName': 'Jensen'},
                         'emails': [{'value': 'babs@jensen.org', 'type': 'home'}]}
                        """),
                arguments("3.5.2.2 remove then add replaces all members", GROUP, GROUP_TWO_MEMBERS, """
                        [{'op': 'remove', 'path': 'members'},
                         {'op': 'add', 'path': 'members',
                          'value': [{'display': 'James Smith',
                                     '$ref': 'https://example.com/v2/Users/08e1d05d-121c-4561-8b96-473d93df9210',
                                     'value': '08e1d05d-121c-4561-8b96-473d93df9210'}]}]
                        """, """
                        {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group'], 'id': 'acbf3ae7',
                         'displayName': 'Tour Guides',
                         'members': [{'display': 'James Smith', 'value': '08e1d05d-121c-4561-8b96-473d93df9210',
                                      '$ref': 'https://example.com/v2/Users/08e1d05d-121c-4561-8b96-473d93df9210'}]}
                        """),
                arguments("3.5.2.3 replace all members", GROUP, GROUP_ONE_MEMBER, """
                        [{'op': 'replace', 'path': 'members',
                          'value': [{'display': 'Babs Jensen',
                                     '$ref': 'https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646',
                                     'value': '2819c223-7f76-453a-919d-413861904646'},
                                    {'display': 'James Smith',
                                     '$ref': 'https://example.com/v2/Users/08e1d05d-121c-4561-8b96-473d93df9210',
                                     'value': '08e1d05d-121c-4561-8b96-473d93df9210'}]}]
                        """, """
                        {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group'], 'id': 'acbf3ae7',
                         'displayName': 'Tour Guides',
                         'members': [{'display': 'Babs Jensen', 'value': '2819c223-7f76-453a-919d-413861904646',
                                      '$ref': 'https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646'},
                                     {'display': 'James Smith', 'value': '08e1d05d-121c-4561-8b96-473d93df9210',
                                      '$ref': 'https://example.com/v2/Users/08e1d05d-121c-4561-8b96-473d93df9210'}]}
                        """),
                arguments("3.5.2.3 replace the work address", USER, USER_TWO_ADDRESSES, """
                        [{'op': 'replace', 'path': 'addresses[type eq "work"]',
                          'value': {'type': 'work', 'streetAddress': '911 Universal City Plaza',
                                    'locality': 'Hollywood', 'region': 'CA', 'postalCode': '91608', 'country': 'US',
                                    'formatted': '911 Universal City Plaza\\nHollywood, CA 91608 US', 'primary': true}}]
                        """, """
                        {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'id': '2819c223', 'userName': 'bjensen',
                         'addresses': [{'type': 'work', 'streetAddress': '911 Universal City Plaza',
                                        'locality': 'Hollywood', 'region': 'CA', 'postalCode': '91608', 'country': 'US',
                                        'formatted': '911 Universal City Plaza\\nHollywood, CA 91608 US', 'primary': true},
                                       {'type': 'home', 'streetAddress': '456 Hollywood Blvd', 'locality': 'Hollywood'}]}
                        """),
                arguments("3.5.2.3 replace the street of the work address", USER, USER_TWO_ADDRESSES, """
                        [{'op': 'replace', 'path': 'addresses[type eq "work"].streetAddress',
                          'value': '1010 Broadway Ave'}]
                        """, """
                        {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'id': '2819c223', 'userName': 'bjensen',
                         'addresses': [{'type': 'work', 'streetAddress': '1010 Broadway Ave', 'locality': 'Hollywood',
                                        'region': 'CA', 'postalCode': '91608', 'country': 'USA', 'primary': true},
                                       {'type': 'home', 'streetAddress': '456 Hollywood Blvd', 'locality': 'Hollywood'}]}
                        """),
                arguments("3.5.2.3 replace without path", USER, USER_TWO_EMAILS, """
                        [{'op': 'replace',
                          'value': {'emails': [{'value': 'bjensen@example.com', 'type': 'work', 'primary': true},
                                               {'value': 'babs@jensen.org', 'type': 'home'}],
                                    'nickname': 'Babs'}}]
                        """, """
                        {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'id': '2819c223', 'userName': 'bjensen',
                         'name': {'givenName': 'Barbara', 'familyName': 'Jensen'},
                         'emails': [{'value': 'bjensen@example.com', 'type': 'work', 'primary': true},
                                    {'value': 'babs@jensen.org', 'type': 'home'}],
                         'nickName': 'Babs'}
                        """),
                arguments("3.5.2 path name.familyName", USER, USER_TWO_EMAILS, """
                        [{'op': 'replace', 'path': 'name.familyName', 'value': 'Jensen-Smith'}]
                        """, USER_TWO_EMAILS.replace("'familyName': 'Jensen'", "'familyName': 'Jensen-Smith'")),
                arguments("3.5.2 path members[value eq ...].display", GROUP, GROUP_TWO_MEMBERS, """
                        [{'op': 'replace', 'path': 'members[value eq "2819c223-7f76-453a-919d-413861904646"].display',
                          'value': 'Barbara Jensen'}]
                        """, GROUP_TWO_MEMBERS.replace("'Babs Jensen'", "'Barbara Jensen'")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfcExamples")
    void rfcPatchExample_producesTheDocumentedResource(String scenario, ResourceTypeDefinition type, String before,
            String operations, String after) {
        assertThat(Patches.apply(type, object(before), operations)).isEqualTo(object(after));
    }
}
