package dev.dirsync.scim.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.scim.protocol.ScimException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every filter example of RFC 7644 §3.4.2.2 (Figure 2 and the text), plus what IdPs send, parsed to a tree. */
class FiltersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            userName Eq "john"                                    | userName eq "john"
            userName eq "bjensen"                                 | userName eq "bjensen"
            name.familyName co "O'Malley"                         | name.familyName co "O'Malley"
            userName sw "J"                                       | userName sw "J"
            urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J" | urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"
            title pr                                              | title pr
            meta.lastModified gt "2011-05-13T04:42:34Z"           | meta.lastModified gt "2011-05-13T04:42:34Z"
            meta.lastModified ge "2011-05-13T04:42:34Z"           | meta.lastModified ge "2011-05-13T04:42:34Z"
            meta.lastModified lt "2011-05-13T04:42:34Z"           | meta.lastModified lt "2011-05-13T04:42:34Z"
            meta.lastModified le "2011-05-13T04:42:34Z"           | meta.lastModified le "2011-05-13T04:42:34Z"
            title pr and userType eq "Employee"                   | (title pr and userType eq "Employee")
            title pr or userType eq "Intern"                      | (title pr or userType eq "Intern")
            schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" | schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
            userType eq "Employee" and (emails co "example.com" or emails.value co "example.org") | (userType eq "Employee" and (emails co "example.com" or emails.value co "example.org"))
            userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org") | (userType ne "Employee" and not ((emails co "example.com" or emails.value co "example.org")))
            userType eq "Employee" and (emails.type eq "work")    | (userType eq "Employee" and emails.type eq "work")
            userType eq "Employee" and emails[type eq "work" and value co "@example.com"] | (userType eq "Employee" and emails[(type eq "work" and value co "@example.com")])
            emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"] | (emails[(type eq "work" and value co "@example.com")] or ims[(type eq "xmpp" and value co "@foo.com")])
            a eq 1 or b eq 2 and c eq 3                           | (a eq 1 or (b eq 2 and c eq 3))
            a eq 1 and b eq 2 or c eq 3                           | ((a eq 1 and b eq 2) or c eq 3)
            not(a eq true) AND b eq null                          | (not (a eq true) and b eq null)
            active eq FALSE                                       | active eq false
            x gt -1.5e3                                           | x gt -1500.0
            members[value eq "2819c223"]                          | members[value eq "2819c223"]
            emails[type eq "work"].value eq "a@b.c"               | emails[(type eq "work" and value eq "a@b.c")]
            externalId eq "\\u00e9t\\"e"                          | externalId eq "ét\\"e"
            members.$ref pr                                       | members.$ref pr
            """)
    void rfcAndIdpFilters_parseToTheExpectedTree(String filter, String tree) {
        assertThat(Filters.parse(filter)).hasToString(tree);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "", " ", "userName", "userName eq", "userName eq john", "userName sw O", "eq \"x\"", "userName == \"x\"",
            "(userName eq \"x\"", "userName eq \"x\")", "not userName eq \"x\"", "a eq \"x\" and", "a eq \"x\" xor b pr",
            "emails[type eq \"work\"", "emails[type[value eq 1] eq 2]", "emails[a[b pr]]", "name.givenName[x eq 1]",
            "urn:x", "a:b eq 1", "a.b.c eq 1", "a eq 'single'", "a eq \"unterminated", "a eq 01x", "a eq \"x\" # b",
            "a eq \"\u0001\"", "a pr pr"
    })
    void malformedFilters_areInvalidFilter(String filter) {
        assertThatThrownBy(() -> Filters.parse(filter))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).isEqualTo("invalidFilter");
                    assertThat(e.detail()).isNotBlank();
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            members                                                          | members
            name.familyName                                                  | name.familyName
            addresses[type eq "work"]                                        | addresses[type eq "work"]
            members[value eq "2819c223-7f76-453a-919d-413861904646"]         | members[value eq "2819c223-7f76-453a-919d-413861904646"]
            emails[type eq "work"].value                                     | emails[type eq "work"].value
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value
            """)
    void patchPaths_parse(String path, String expected) {
        assertThat(Filters.parsePath(path)).hasToString(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "members[", "members]", "a.b.c", "name.givenName[type eq 1]", "emails[type eq \"w\"].a.b",
            "emails[x[y pr]]", "urn:", "members eq 1"})
    void malformedPaths_areInvalidPath(String path) {
        assertThatThrownBy(() -> Filters.parsePath(path))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidPath"));
    }

    @org.junit.jupiter.api.Test
    void deepNesting_isRejectedBeforeParsing() {
        String deep = "(".repeat(Filters.MAX_DEPTH + 1) + "a pr" + ")".repeat(Filters.MAX_DEPTH + 1);
        assertThatThrownBy(() -> Filters.parse(deep)).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.detail()).contains("nests deeper"));
        String ok = "(".repeat(Filters.MAX_DEPTH) + "a pr" + ")".repeat(Filters.MAX_DEPTH);
        assertThat(Filters.parse(ok)).isEqualTo(new Filter.Present(AttributePath.of("a")));
    }

    @org.junit.jupiter.api.Test
    void attributePath_splitsUrnAttributeAndSubAttribute() {
        AttributePath path = AttributePath.parse(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value");
        assertThat(path.schema()).isEqualTo("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertThat(path.attribute()).isEqualTo("manager");
        assertThat(path.subAttribute()).isEqualTo("value");
        assertThat(path.key()).isEqualTo("manager.value");
    }
}
