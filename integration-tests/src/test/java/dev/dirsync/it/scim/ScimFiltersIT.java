package dev.dirsync.it.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.it.harness.HttpResult;
import dev.dirsync.it.harness.KeycloakIT;
import dev.dirsync.it.harness.KeycloakServer;
import dev.dirsync.it.harness.ScimClient;
import dev.dirsync.it.harness.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Filters, sorting, paging and projections (RFC 7644 §3.4.2), evaluated by the database of the real server. */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScimFiltersIT {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private final TestRealm realm;
    private final ScimClient scim;
    private final String engineeringId;

    ScimFiltersIT(KeycloakServer server) {
        realm = TestRealm.create(server, "filters");
        realm.addProfileAttributes(List.of(ScimUsersIT.attribute("jobTitle", "title"),
                ScimUsersIT.attribute("department", ENTERPRISE + ":department"),
                ScimUsersIT.attribute("homeMail", "emails[type eq \"home\"].value")));
        scim = realm.scim();
        user("alice", "Alice", "Anderson", "alice@example.com", "Engineer", "R&D", "ext-a", true, "alice@home.org");
        user("bob", "Bob", "Brown", "bob@example.org", "Manager", "Sales", "ext-b", true, null);
        user("carol", "Carol", "O'Connor", "carol@example.com", null, "R&D", "EXT-C", false, null);
        user("dave", "Dave", null, null, "Engineer", null, null, true, null);
        engineeringId = scim.post("/Groups", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Group"),
                "displayName", "Engineering", "members", List.of(Map.of("value", id("alice")), Map.of("value", id("dave")))))
                .json().path("id").asText();
    }

    @AfterAll
    void dropRealm() {
        realm.delete();
    }

    private void user(String userName, String given, String family, String email, String title, String department,
            String externalId, boolean active, String homeMail) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"));
        body.put("userName", userName);
        Map<String, Object> name = new java.util.HashMap<>();
        if (given != null) {
            name.put("givenName", given);
        }
        if (family != null) {
            name.put("familyName", family);
        }
        body.put("name", name);
        List<Map<String, Object>> emails = new ArrayList<>();
        if (email != null) {
            emails.add(Map.of("value", email, "type", "work", "primary", true));
        }
        if (homeMail != null) {
            emails.add(Map.of("value", homeMail, "type", "home"));
        }
        body.put("emails", emails);
        if (title != null) {
            body.put("title", title);
        }
        if (department != null) {
            body.put(ENTERPRISE, Map.of("department", department));
        }
        if (externalId != null) {
            body.put("externalId", externalId);
        }
        body.put("active", active);
        HttpResult r = scim.post("/Users", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private String id(String userName) {
        return search("userName eq \"" + userName + "\"").path("Resources").get(0).path("id").asText();
    }

    private JsonNode search(String filter) {
        HttpResult r = scim.get("/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
        assertThat(r.status()).as(filter + " -> " + r).isEqualTo(200);
        return r.json();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            userName eq "alice"                                      | alice
            userName eq "ALICE"                                      | alice
            USERNAME Eq "bob"                                        | bob
            userName ne "alice"                                      | bob,carol,dave
            userName sw "c"                                          | carol
            userName ew "ve"                                         | dave
            userName co "o"                                          | bob,carol
            userName gt "bob"                                        | carol,dave
            userName le "bob"                                        | alice,bob
            name.familyName co "O'C"                                 | carol
            name.givenName eq "alice"                                | alice
            name.familyName pr                                       | alice,bob,carol
            not (name.familyName pr)                                 | dave
            title eq "Engineer"                                      | alice,dave
            title pr and not (title eq "Manager")                    | alice,dave
            emails co "example.com"                                  | alice,carol
            emails.value ew ".org"                                   | alice,bob
            emails[type eq "work" and value co "@example.com"]       | alice,carol
            emails[type eq "home"]                                   | alice
            emails.type eq "home"                                    | alice
            emails[type eq "work"].value eq "bob@example.org"        | bob
            active eq false                                          | carol
            active eq true and title eq "Engineer"                   | alice,dave
            externalId eq "ext-a"                                    | alice
            externalId eq "ext-c"                                    | ''
            externalId eq "EXT-C"                                    | carol
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "r&d" | alice,carol
            title eq "Engineer" or urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "Sales" | alice,bob,dave
            (title eq "Manager" or title eq "Engineer") and name.familyName pr | alice,bob
            nickName pr                                              | ''
            nickName ne "x"                                          | alice,bob,carol,dave
            meta.created gt "2000-01-01T00:00:00Z"                   | alice,bob,carol,dave
            meta.lastModified lt "2000-01-01T00:00:00Z"              | ''
            meta.resourceType eq "User"                              | alice,bob,carol,dave
            """)
    void filters_selectExactlyTheMatchingUsers(String filter, String expected) {
        JsonNode result = search(filter);
        List<String> names = new ArrayList<>();
        result.path("Resources").forEach(u -> names.add(u.path("userName").asText()));
        List<String> wanted = expected.isEmpty() ? List.of() : List.of(expected.split(","));
        assertThat(names).as(filter).containsExactlyElementsOf(wanted);
        assertThat(result.path("totalResults").asInt()).isEqualTo(wanted.size());
    }

    @Test
    void groupsFilter_findsMembers() {
        JsonNode result = search("groups eq \"" + engineeringId + "\"");
        assertThat(result.path("totalResults").asInt()).isEqualTo(2);
        JsonNode byName = search("groups.display eq \"engineering\"");
        assertThat(byName.path("totalResults").asInt()).isEqualTo(2);
    }

    private int groups(String filter) {
        HttpResult r = scim.get("/Groups?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
        assertThat(r.status()).as(filter + ": " + r).isEqualTo(200);
        return r.json().path("totalResults").asInt();
    }

    @Test
    void memberValueFilters_needOneMemberToMatchThemWhole() {
        String alice = id("alice");
        assertThat(groups("members[value eq \"" + alice + "\" and display eq \"alice\"]")).isEqualTo(1);
        assertThat(groups("members[value eq \"" + alice + "\" and display eq \"dave\"]"))
                .as("alice and dave are two members, neither is both").isZero();
        assertThat(groups("members[display sw \"da\" and not (value eq \"" + alice + "\")]")).isEqualTo(1);
        assertThat(groups("members[type eq \"Group\"]")).isZero();
        assertThat(groups("members eq \"" + id("bob") + "\"")).isZero();
        assertThat(groups("members[value eq \"" + alice + "\"] and displayName eq \"Engineering\"")).isEqualTo(1);
        assertThat(scim.get("/Groups?filter=" + URLEncoder.encode("members[value.x eq \"1\"]", StandardCharsets.UTF_8))
                .status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"userName eq", "userName sw O", "noSuchAttribute eq \"x\"", "title[value eq 1] eq 2",
            "active gt true", "meta.created gt \"yesterday\"", "((userName eq \"x\")"})
    void badFilters_are400InvalidFilter(String filter) {
        HttpResult r = scim.get("/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path("scimType").asText()).isEqualTo("invalidFilter");
    }

    @Test
    void sortingAndPaging() {
        JsonNode page = scim.get("/Users?sortBy=name.givenName&sortOrder=descending&startIndex=2&count=2").json();
        assertThat(page.path("totalResults").asInt()).isEqualTo(4);
        assertThat(page.path("startIndex").asInt()).isEqualTo(2);
        assertThat(page.path("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(page.path("Resources").get(0).path("userName").asText()).isEqualTo("carol");
        assertThat(page.path("Resources").get(1).path("userName").asText()).isEqualTo("bob");

        JsonNode zero = scim.get("/Users?startIndex=0&count=1").json();
        assertThat(zero.path("startIndex").asInt()).isEqualTo(1);
        assertThat(zero.path("Resources").get(0).path("userName").asText()).isEqualTo("alice");

        JsonNode countOnly = scim.get("/Users?count=0").json();
        assertThat(countOnly.path("totalResults").asInt()).isEqualTo(4);
        assertThat(countOnly.path("Resources")).isEmpty();

        JsonNode byTitle = scim.get("/Users?sortBy=title").json();
        List<String> names = new ArrayList<>();
        byTitle.path("Resources").forEach(u -> names.add(u.path("userName").asText()));
        assertThat(names.subList(0, 3)).containsExactlyInAnyOrder("alice", "dave", "bob");
        assertThat(names.get(3)).as("users without a title sort last").isEqualTo("carol");
    }

    @Test
    void countIsCappedAtTheAdvertisedMaximum() {
        int max = scim.get("/ServiceProviderConfig").json().path("filter").path("maxResults").asInt();
        assertThat(max).isGreaterThanOrEqualTo(200);
        JsonNode page = scim.get("/Users?count=" + (max + 1000)).json();
        assertThat(page.path("itemsPerPage").asInt()).isLessThanOrEqualTo(max);
    }

    @Test
    void attributesAndExcludedAttributes() {
        JsonNode only = search("userName eq \"alice\"");
        JsonNode projected = scim.get("/Users?filter=" + URLEncoder.encode("userName eq \"alice\"", StandardCharsets.UTF_8)
                + "&attributes=userName,name.givenName").json().path("Resources").get(0);
        assertThat(projected.has("id")).isTrue();
        assertThat(projected.path("userName").asText()).isEqualTo("alice");
        assertThat(projected.path("name").path("givenName").asText()).isEqualTo("Alice");
        assertThat(projected.path("name").has("familyName")).isFalse();
        assertThat(projected.has("emails")).isFalse();
        assertThat(only.path("Resources").get(0).has("emails")).isTrue();

        JsonNode excluded = scim.get("/Users/" + id("alice") + "?excludedAttributes=emails,groups").json();
        assertThat(excluded.has("emails")).isFalse();
        assertThat(excluded.has("groups")).isFalse();
        assertThat(excluded.has("userName")).isTrue();
    }

    @Test
    void postSearch_takesASearchRequest() {
        HttpResult r = scim.post("/Users/.search", Map.of(
                "schemas", List.of("urn:ietf:params:scim:api:messages:2.0:SearchRequest"),
                "filter", "title eq \"Engineer\"", "sortBy", "userName", "sortOrder", "descending",
                "attributes", List.of("userName"), "startIndex", 1, "count", 10));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode list = r.json();
        assertThat(list.path("totalResults").asInt()).isEqualTo(2);
        assertThat(list.path("Resources").get(0).path("userName").asText()).isEqualTo("dave");
        assertThat(list.path("Resources").get(0).has("title")).isFalse();

        HttpResult root = scim.post("/.search", Map.of(
                "schemas", List.of("urn:ietf:params:scim:api:messages:2.0:SearchRequest"),
                "filter", "userName eq \"bob\""));
        assertThat(root.status()).as(root.toString()).isEqualTo(200);
        assertThat(root.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(root.json().path("Resources").get(0).path("meta").path("location").asText())
                .isEqualTo(realm.scimBaseUrl() + "/Users/" + id("bob"));
    }
}
