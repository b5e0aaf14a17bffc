package dev.dirsync.scim.filter;

import static dev.dirsync.scim.TestSchemas.bjensen;
import static dev.dirsync.scim.TestSchemas.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dirsync.scim.TestSchemas;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.schema.AttributeDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7644 §3.4.2.2 filter semantics, evaluated in memory against Babs Jensen (RFC 7643 §8.2, abridged). */
class FilterEvaluatorTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            userName eq "bjensen@example.com"                                          | true
            USERNAME Eq "BJENSEN@Example.COM"                                          | true
            userName eq "bjensen"                                                      | false
            externalId eq "EXT-701984"                                                 | true
            externalId eq "ext-701984"                                                 | false
            name.familyName co "ens"                                                   | true
            name.FAMILYNAME co "ENS"                                                   | true
            userName sw "BJ"                                                           | true
            userName ew "example.com"                                                  | true
            userName ew "example"                                                      | false
            userName gt "a"                                                            | true
            userName lt "B"                                                            | false
            title pr                                                                   | true
            preferredLanguage pr                                                       | false
            locale pr                                                                  | false
            name pr                                                                    | true
            ims pr                                                                     | false
            groups pr                                                                  | false
            phoneNumbers pr                                                            | true
            meta.lastModified gt "2011-05-13T04:42:33Z"                                | true
            meta.lastModified gt "2011-05-13T04:42:34Z"                                | false
            meta.lastModified ge "2011-05-13T04:42:34Z"                                | true
            meta.lastModified lt "2011-05-13T06:42:34+02:00"                           | false
            meta.lastModified le "2011-05-13T06:42:34+02:00"                           | true
            meta.lastModified eq "2011-05-13T06:42:34+02:00"                           | true
            meta.created lt "2011-01-01T00:00:00"                                      | true
            title pr and userType eq "Employee"                                        | true
            title pr or userType eq "Intern"                                           | true
            userType eq "Intern"                                                       | false
            schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"    | true
            userType eq "Employee" and (emails co "example.com" or emails.value co "example.org") | true
            userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org") | false
            userType eq "Employee" and (emails.type eq "work")                         | true
            userType eq "Employee" and emails[type eq "work" and value co "@example.com"] | true
            emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"] | true
            emails[type eq "home" and primary eq true]                                 | false
            emails[type eq "work" and primary eq true]                                 | true
            emails[type eq "work"].value eq "bjensen@example.com"                      | true
            emails[type eq "home"].value eq "bjensen@example.com"                      | false
            emails ne "bjensen@example.com"                                            | true
            emails eq "BABS@JENSEN.ORG"                                                | true
            addresses[type eq "work" and postalCode sw "916"]                          | true
            phoneNumbers[type eq "mobile"]                                             | true
            ims[type ne "aim"]                                                         | false
            active eq true                                                             | true
            active ne false                                                            | true
            active eq false                                                            | false
            nickName ne "x"                                                            | true
            preferredLanguage ne "en"                                                  | true
            preferredLanguage eq null                                                  | true
            title eq null                                                              | false
            title ne null                                                              | true
            not (userName eq "x")                                                      | true
            urn:ietf:params:scim:schemas:core:2.0:User:userName sw "b"                 | true
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "Tour Operations" | true
            department eq "tour operations"                                            | true
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "26118915-6090-4610-87e4-49d8ca9f808d" | true
            manager.displayName sw "John"                                              | true
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User pr              | true
            loginCount gt 41                                                           | true
            loginCount gt 42                                                           | false
            loginCount ge 42.0                                                         | true
            score lt 5                                                                 | true
            score eq 4.50                                                              | true
            score eq 4.51                                                              | false
            hiredAt lt "2011-01-01T00:00:00Z"                                          | true
            tags eq "green"                                                            | true
            tags[value eq "BLUE"]                                                      | true
            tags[value sw "r"]                                                         | false
            code eq "abc"                                                              | false
            code eq "AbC"                                                              | true
            code gt "AbB"                                                              | true
            badge eq "QUJD"                                                            | true
            badge eq "qujd"                                                            | false
            x509Certificates pr                                                        | false
            """)
    void filter_matchesPerRfcSemantics(String filter, boolean expected) {
        assertThat(FilterEvaluator.matches(Filters.parse(filter), bjensen(), TestSchemas.USER)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            nope eq "x"                                                | nope
            name.nope eq "x"                                           | nope
            emails[nope eq "x"]                                        | nope
            emails[value.x eq "y"]                                     | value.x
            urn:example:unknown:2.0:User:userName eq "x"               | urn:example:unknown:2.0:User
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:userName eq "x" | userName
            active eq "x"                                              | active
            active gt true                                             | active
            emails[primary lt true]                                    | primary
            ims[primary gt false]                                      | primary
            loginCount eq "42"                                         | loginCount
            loginCount co 4                                            | loginCount
            hiredAt co "2010"                                          | hiredAt
            hiredAt gt "yesterday"                                     | hiredAt
            meta.created sw "2010"                                     | meta.created
            name eq "x"                                                | name
            manager eq "x"                                             | manager
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User eq "x" | enterprise
            userName eq 1                                              | userName
            userName eq true                                           | userName
            userName gt null                                           | null
            badge gt "A"                                               | badge
            badge sw "Q"                                               | badge
            tags[type eq "x"]                                          | value
            userName[value eq "x"]                                     | userName
            userName eq "bjensen@example.com" or bogus pr              | bogus
            """)
    void invalidFilter_failsWithInvalidFilterNamingTheCulprit(String filter, String named) {
        assertThatThrownBy(() -> FilterEvaluator.matches(Filters.parse(filter), bjensen(), TestSchemas.USER))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo("invalidFilter");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.detail()).contains(named);
                });
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            type eq "work"                         | {'type': 'Work', 'value': 'a@b.c'}     | true
            type eq "work" and primary eq true     | {'type': 'work', 'value': 'a@b.c'}     | false
            not (primary eq true)                  | {'type': 'work'}                       | true
            value ew "@B.C"                        | {'type': 'work', 'value': 'a@b.c'}     | true
            display pr                             | {'type': 'work', 'display': ''}        | false
            type eq "work"                         | 'not an object'                        | false
            """)
    void valueFilter_matchesOneElementBySubAttributes(String filter, String element, boolean expected) {
        AttributeDefinition emails = TestSchemas.USER_SCHEMA.attribute("emails").orElseThrow();
        assertThat(FilterEvaluator.matchesElement(Filters.parse(filter), json(element), emails)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            value eq "BLUE"      | 'blue'   | true
            value co "lu"        | 'blue'   | true
            value eq "blue"      | 'green'  | false
            """)
    void valueFilterOnSimpleValues_valueIsTheElementItself(String filter, String element, boolean expected) {
        AttributeDefinition tags = TestSchemas.PROBE_SCHEMA.attribute("tags").orElseThrow();
        assertThat(FilterEvaluator.matchesElement(Filters.parse(filter), json(element), tags)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            userName pr
            userName ne "x"
            emails[type eq "work"]
            """)
    void resourceWithoutAttributes_matchesOnlyAbsenceTests(String filter) {
        boolean matches = FilterEvaluator.matches(Filters.parse(filter), JsonNodeFactory.instance.objectNode(),
                TestSchemas.USER);
        assertThat(matches).isEqualTo(filter.contains(" ne "));
    }
}
