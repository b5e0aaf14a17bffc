package dev.dirsync.model;

import static dev.dirsync.model.Profiles.ACME;
import static dev.dirsync.model.Profiles.ENTERPRISE;
import static dev.dirsync.model.Profiles.annotated;
import static dev.dirsync.model.Profiles.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.scim.filter.AttributePath;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.protocol.Schemas;
import dev.dirsync.scim.schema.AttributeDefinition;
import dev.dirsync.scim.schema.AttributeType;
import dev.dirsync.scim.schema.CoreSchemas;
import dev.dirsync.scim.schema.ResourceTypeDefinition;
import dev.dirsync.scim.schema.SchemaDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Keycloak users to SCIM User resources and SCIM bodies to what Keycloak stores, for one realm's model. */
class UserScimMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://kc.example/realms/acme/directory-sync/v2";
    private static final String ENT = Schemas.ENTERPRISE_USER;
    private static final long CREATED = 1_700_000_000_000L;
    private static final long MODIFIED = 1_700_000_360_000L;

    private final UserScimMapper mapper = new UserScimMapper(Profiles.realistic());

    /** A user holding a value for every mapping of {@link Profiles#realistic()}, plus attributes SCIM ignores. */
    private static UserSnapshot bob() {
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put("jobTitle", List.of("Engineer"));
        attributes.put("middleName", List.of("Q"));
        attributes.put("workPhone", List.of("+1 555 0100"));
        attributes.put("mobilePhone", List.of("+1 555 0199"));
        attributes.put("homeEmail", List.of("bob@home.example"));
        attributes.put("roles", List.of("admin", "dev"));
        attributes.put("workCity", List.of("Paris"));
        attributes.put("department", List.of("R&D"));
        attributes.put("managerId", List.of("m-9"));
        attributes.put("costCode", List.of("CC-1"));
        attributes.put("tags", List.of("a", "b"));
        attributes.put(InternalAttributes.EXTERNAL_ID, List.of("ext-1"));
        attributes.put(InternalAttributes.USER_NAME, List.of("Bob.Smith"));
        attributes.put(InternalAttributes.VERSION, List.of("W/\"previous\""));
        attributes.put("shoeSize", List.of("EU-44-wide"));
        return new UserSnapshot("u-1", "bob.smith", "bob@example.com", "Bob", "Smith", true, CREATED, MODIFIED,
                attributes, List.of(new GroupRef("g-1", "Admins"), new GroupRef("g-2", "Developers")));
    }

    /** A user with nothing but the properties every Keycloak user has. */
    private static UserSnapshot bare() {
        return new UserSnapshot("u-2", "alice", null, null, null, false, CREATED, null, Map.of(), List.of());
    }

    // ------------------------------------------------------------------------------------------------------------
    // toScim
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void realisticSnapshot_isRenderedExactly() {
        UserSnapshot bob = bob();

        ObjectNode resource = mapper.toScim(bob, BASE);

        assertThat(resource).isEqualTo(json("""
                {
                  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "urn:acme:x:User"],
                  "id": "u-1",
                  "externalId": "ext-1",
                  "userName": "Bob.Smith",
                  "name": {"givenName": "Bob", "familyName": "Smith", "middleName": "Q"},
                  "emails": [{"value": "bob@example.com", "type": "work", "primary": true},
                             {"type": "home", "value": "bob@home.example"}],
                  "active": true,
                  "title": "Engineer",
                  "phoneNumbers": [{"type": "work", "value": "+1 555 0100"},
                                   {"type": "mobile", "value": "+1 555 0199"}],
                  "roles": [{"value": "admin"}, {"value": "dev"}],
                  "addresses": [{"type": "work", "locality": "Paris"}],
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                    "department": "R&D",
                    "manager": {"value": "m-9"}
                  },
                  "urn:acme:x:User": {"costCode": "CC-1", "tags": ["a", "b"]},
                  "groups": [
                    {"value": "g-1", "$ref": "BASE/Groups/g-1", "display": "Admins", "type": "direct"},
                    {"value": "g-2", "$ref": "BASE/Groups/g-2", "display": "Developers", "type": "direct"}
                  ],
                  "meta": {
                    "resourceType": "User",
                    "created": "2023-11-14T22:13:20Z",
                    "lastModified": "2023-11-14T22:19:20Z",
                    "location": "BASE/Users/u-1",
                    "version": "VERSION"
                  }
                }
                """.replace("BASE", BASE).replace("\"VERSION\"", JSON.valueToTree(mapper.version(bob)).toString())));
    }

    @Test
    void bareSnapshot_rendersOnlyWhatIsStored() {
        ObjectNode resource = mapper.toScim(bare(), BASE);

        assertThat(resource).isEqualTo(json("""
                {
                  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                  "id": "u-2",
                  "userName": "alice",
                  "active": false,
                  "meta": {
                    "resourceType": "User",
                    "created": "2023-11-14T22:13:20Z",
                    "lastModified": "2023-11-14T22:13:20Z",
                    "location": "BASE/Users/u-2",
                    "version": "VERSION"
                  }
                }
                """.replace("BASE", BASE).replace("\"VERSION\"", JSON.valueToTree(mapper.version(bare())).toString())));
    }

    @Test
    void emptyStoredValues_areAbsent() {
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put("jobTitle", List.of(""));
        attributes.put("roles", List.of());
        attributes.put("department", List.of(""));
        attributes.put(InternalAttributes.EXTERNAL_ID, List.of(""));
        UserSnapshot user = new UserSnapshot("u-3", "carol", "", "", "", true, null, null, attributes, List.of());

        ObjectNode resource = mapper.toScim(user, BASE);

        assertThat(resource.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("schemas", "id", "userName", "active", "meta");
    }

    @Test
    void unmappedAndInternalAttributes_areNotRendered() {
        String rendered = mapper.toScim(bob(), BASE).toString();

        assertThat(rendered).doesNotContain("shoeSize", "EU-44-wide", "previous", "dirsync.");
    }

    @Test
    void singleValuedMapping_withSeveralStoredValues_rendersTheFirst() {
        UserSnapshot user = with(bare(), "jobTitle", List.of("Engineer", "Manager"));

        assertThat(mapper.toScim(user, BASE).get("title")).isEqualTo(JSON.getNodeFactory().textNode("Engineer"));
    }

    @Test
    void typedValueWithoutOtherValuesOfItsType_createsItsOwnElement() {
        UserSnapshot user = with(bare(), "mobilePhone", List.of("+1 555 0199"));

        assertThat(mapper.toScim(user, BASE).get("phoneNumbers"))
                .isEqualTo(json("[{\"type\": \"mobile\", \"value\": \"+1 555 0199\"}]"));
    }

    @Test
    void typedSubAttributesOfOneType_shareOneElement() {
        UserScimMapper typed = new UserScimMapper(model(
                annotated("workPhone", "phoneNumbers[type eq \"work\"].value"),
                annotated("workPhonePrimary", "phoneNumbers[type eq \"work\"].primary"),
                annotated("workStreet", "addresses[type eq \"work\"].streetAddress"),
                annotated("workCity", "addresses[type eq \"work\"].locality"),
                annotated("homeCity", "addresses[type eq \"home\"].locality")));
        UserSnapshot user = with(with(with(with(with(bare(), "workPhone", List.of("+1 555")),
                "workPhonePrimary", List.of("true")), "workStreet", List.of("1 Main St")),
                "workCity", List.of("Paris")), "homeCity", List.of("Lyon"));

        ObjectNode resource = typed.toScim(user, BASE);

        assertThat(resource.get("phoneNumbers"))
                .isEqualTo(json("[{\"type\": \"work\", \"value\": \"+1 555\", \"primary\": true}]"));
        assertThat(resource.get("addresses")).isEqualTo(json("""
                [{"type": "work", "streetAddress": "1 Main St", "locality": "Paris"},
                 {"type": "home", "locality": "Lyon"}]
                """));
    }

    // --- typed leaves --------------------------------------------------------------------------------------------

    private static final String TYPED = "urn:acme:typed:User";

    /**
     * A model with integer, decimal and boolean leaves. The RFC 7643 schemas and the custom schemas built from the
     * user profile hold only strings, booleans and references, so the model is assembled by hand.
     */
    private static IdentityModel typedModel() {
        AttributeDefinition count = AttributeDefinition.builder("count").type(AttributeType.INTEGER).build();
        AttributeDefinition ratio = AttributeDefinition.builder("ratio").type(AttributeType.DECIMAL).build();
        AttributeDefinition flag = AttributeDefinition.builder("flag").type(AttributeType.BOOLEAN).build();
        List<AttributeMapping> mappings = new ArrayList<>(model().userMappings());
        for (AttributeDefinition leaf : List.of(count, ratio, flag)) {
            mappings.add(new AttributeMapping(new ScimPath(TYPED, leaf.name(), null, null), Storage.ATTRIBUTE,
                    leaf.name(), false, leaf, leaf));
        }
        SchemaDefinition schema = new SchemaDefinition(TYPED, "Typed", "Typed leaves", List.of(count, ratio, flag));
        ResourceTypeDefinition user = new ResourceTypeDefinition("User", "User", "/Users", "User Account",
                CoreSchemas.USER, List.of(new ResourceTypeDefinition.Extension(schema, false)));
        return new IdentityModel(mappings, user, model().groupType(), List.of());
    }

    @ParameterizedTest(name = "{0} stored \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            count|42|number:42
            count| 7 |number:7
            count|-3|number:-3
            count|9007199254740993|number:9007199254740993
            count|4.5|text:4.5
            count|forty|text:forty
            ratio|12.50|number:12.50
            ratio|-0.001|number:-0.001
            ratio| 3 |number:3
            ratio|1e3|number:1000
            ratio|n/a|text:n/a
            flag|true|boolean:true
            flag|FALSE|boolean:false
            flag| True |boolean:true
            flag|yes|text:yes
            flag|1|text:1
            """)
    void typedLeaf_isTypedInJsonAndUnparsableTextIsShownAsStored(String leaf, String stored, String expected) {
        UserScimMapper typed = new UserScimMapper(typedModel());
        UserSnapshot user = with(bare(), leaf, List.of(stored));

        JsonNode value = typed.toScim(user, BASE).path(TYPED).get(leaf);

        String kind = expected.substring(0, expected.indexOf(':'));
        String literal = expected.substring(expected.indexOf(':') + 1);
        switch (kind) {
            case "number":
                assertThat(value.isNumber()).as("%s is a JSON number", value).isTrue();
                assertThat(value.decimalValue()).isEqualByComparingTo(new BigDecimal(literal));
                break;
            case "boolean":
                assertThat(value.isBoolean()).as("%s is a JSON boolean", value).isTrue();
                assertThat(value.booleanValue()).isEqualTo(Boolean.parseBoolean(literal));
                break;
            default:
                assertThat(value.isTextual()).as("%s is a JSON string", value).isTrue();
                assertThat(value.textValue()).isEqualTo(stored);
        }
    }

    @Test
    void integerLeaf_keepsEveryDigit() {
        UserScimMapper typed = new UserScimMapper(typedModel());

        JsonNode value = typed.toScim(with(bare(), "count", List.of("9007199254740993")), BASE).path(TYPED)
                .get("count");

        assertThat(value.isIntegralNumber()).isTrue();
        assertThat(value.longValue()).isEqualTo(9_007_199_254_740_993L);
    }

    @Test
    void booleanSubAttribute_fromTheUserProfile_isAJsonBoolean() {
        UserScimMapper typed = new UserScimMapper(
                model(annotated("workPhonePrimary", "phoneNumbers[type eq \"work\"].primary")));

        JsonNode phones = typed.toScim(with(bare(), "workPhonePrimary", List.of("TRUE")), BASE).get("phoneNumbers");

        assertThat(phones).isEqualTo(json("[{\"type\": \"work\", \"primary\": true}]"));
    }

    // --- schemas and extensions ----------------------------------------------------------------------------------

    static Stream<Arguments> extensionValues() {
        return Stream.of(
                Arguments.of(Map.of(), List.of(Schemas.USER)),
                Arguments.of(Map.of("department", List.of("R&D")), List.of(Schemas.USER, ENT)),
                Arguments.of(Map.of("managerId", List.of("m-9")), List.of(Schemas.USER, ENT)),
                Arguments.of(Map.of("costCode", List.of("CC-1")), List.of(Schemas.USER, ACME)),
                Arguments.of(Map.of("tags", List.of("a")), List.of(Schemas.USER, ACME)),
                Arguments.of(Map.of("department", List.of("R&D"), "costCode", List.of("CC-1")),
                        List.of(Schemas.USER, ENT, ACME)),
                Arguments.of(Map.of("department", List.of(""), "tags", List.of()), List.of(Schemas.USER)),
                Arguments.of(Map.of("jobTitle", List.of("Engineer")), List.of(Schemas.USER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extensionValues")
    void extension_isListedInSchemasOnlyWhenItCarriesValues(Map<String, List<String>> attributes,
            List<String> schemas) {
        UserSnapshot user = new UserSnapshot("u-4", "dave", null, null, null, true, null, null, attributes,
                List.of());

        ObjectNode resource = mapper.toScim(user, BASE);

        assertThat(resource.get("schemas")).extracting(JsonNode::asText).containsExactlyElementsOf(schemas);
        assertThat(resource.has(ENT)).isEqualTo(schemas.contains(ENT));
        assertThat(resource.has(ACME)).isEqualTo(schemas.contains(ACME));
    }

    @Test
    void extensionAnnotatedInAnotherCase_isServedUnderItsCanonicalUrn() {
        UserScimMapper lower = new UserScimMapper(model(
                annotated("department", ENT.toLowerCase() + ":department"),
                annotated("division", ENT.toUpperCase() + ":division")));
        UserSnapshot user = with(with(bare(), "department", List.of("R&D")), "division", List.of("Cloud"));

        ObjectNode resource = lower.toScim(user, BASE);

        assertThat(resource.get("schemas")).extracting(JsonNode::asText).containsExactly(Schemas.USER, ENT);
        assertThat(resource.get(ENT)).isEqualTo(json("{\"department\": \"R&D\", \"division\": \"Cloud\"}"));
    }

    // --- groups and meta -----------------------------------------------------------------------------------------

    @Test
    void groups_areDirectReferencesToGroupResources() {
        JsonNode groups = mapper.toScim(bob(), "https://h/scim").get("groups");

        assertThat(groups).isEqualTo(json("""
                [{"value": "g-1", "$ref": "https://h/scim/Groups/g-1", "display": "Admins", "type": "direct"},
                 {"value": "g-2", "$ref": "https://h/scim/Groups/g-2", "display": "Developers", "type": "direct"}]
                """));
    }

    @Test
    void noGroups_hasNoGroupsAttribute() {
        assertThat(mapper.toScim(bare(), BASE).has("groups")).isFalse();
    }

    @ParameterizedTest(name = "created={0} lastModified={1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            1700000000000 | 1700000360000 | 2023-11-14T22:13:20Z     | 2023-11-14T22:19:20Z
            1700000000000 | -             | 2023-11-14T22:13:20Z     | 2023-11-14T22:13:20Z
            1700000000123 | -             | 2023-11-14T22:13:20.123Z | 2023-11-14T22:13:20.123Z
            -             | 1700000360000 | -                        | 2023-11-14T22:19:20Z
            -             | -             | -                        | -
            """)
    void meta_hasTimestampsWithLastModifiedFallingBackToCreated(Long created, Long lastModified,
            String expectedCreated, String expectedLastModified) {
        UserSnapshot user = new UserSnapshot("u-5", "erin", null, null, null, true, created, lastModified, Map.of(),
                List.of());

        JsonNode meta = mapper.toScim(user, BASE).get("meta");

        assertThat(meta.path("resourceType").asText()).isEqualTo("User");
        assertThat(meta.has("created")).isEqualTo(expectedCreated != null);
        assertThat(meta.has("lastModified")).isEqualTo(expectedLastModified != null);
        if (expectedCreated != null) {
            assertThat(meta.get("created").asText()).isEqualTo(expectedCreated);
        }
        if (expectedLastModified != null) {
            assertThat(meta.get("lastModified").asText()).isEqualTo(expectedLastModified);
        }
        assertThat(meta.get("location").asText()).isEqualTo(BASE + "/Users/u-5");
        assertThat(meta.get("version").asText()).isEqualTo(mapper.version(user));
    }

    // --- userName ------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "username={0} spelled={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            bob.smith | Bob.Smith | Bob.Smith
            bob.smith | BOB.SMITH | BOB.SMITH
            bob.smith | bob.smith | bob.smith
            bob.smith | -         | bob.smith
            bob.smith | Alice     | bob.smith
            bob.smith | Bob.Smit  | bob.smith
            bob.smith | ''        | bob.smith
            """)
    void userName_keepsTheIdpsSpellingOnlyWhileItMatchesTheUsername(String username, String spelled,
            String expected) {
        Map<String, List<String>> attributes = spelled == null ? Map.of()
                : Map.of(InternalAttributes.USER_NAME, List.of(spelled));
        UserSnapshot user = new UserSnapshot("u-6", username, null, null, null, true, null, null, attributes,
                List.of());

        assertThat(mapper.toScim(user, BASE).get("userName").asText()).isEqualTo(expected);
        assertThat(mapper.values(user, AttributePath.of("userName"))).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Bob.Smith", "bob.smith", "BOB", "Zoë.Ünal"})
    void userName_roundTripsItsSpellingThroughKeycloaksLowerCasedUsername(String sent) throws Exception {
        UserInput input = mapper.fromScim(json("{\"userName\": " + JSON.writeValueAsString(sent) + "}"));
        // What Keycloak stores: the username lower-cased, and the attributes as given.
        Map<String, List<String>> stored = new HashMap<>(input.attributes());
        String username = stored.remove("username").get(0).toLowerCase(java.util.Locale.ROOT);
        UserSnapshot user = new UserSnapshot("u-7", username, null, null, null, true, null, null, stored, List.of());

        assertThat(mapper.toScim(user, BASE).get("userName").asText()).isEqualTo(sent);
    }

    // --- version -------------------------------------------------------------------------------------------------

    static Stream<Arguments> changes() {
        return Stream.of(
                change("title changed", u -> with(u, "jobTitle", List.of("Architect")), true),
                change("title removed", u -> with(u, "jobTitle", List.of()), true),
                change("middle name changed", u -> with(u, "middleName", List.of("R")), true),
                change("work phone changed", u -> with(u, "workPhone", List.of("+1 555 0101")), true),
                change("home e-mail changed", u -> with(u, "homeEmail", List.of("b@home.example")), true),
                change("role added", u -> with(u, "roles", List.of("admin", "dev", "ops")), true),
                change("role replaced", u -> with(u, "roles", List.of("admin", "qa")), true),
                change("city changed", u -> with(u, "workCity", List.of("Lyon")), true),
                change("department changed", u -> with(u, "department", List.of("Sales")), true),
                change("manager changed", u -> with(u, "managerId", List.of("m-10")), true),
                change("custom value changed", u -> with(u, "costCode", List.of("CC-2")), true),
                change("custom multi-value removed", u -> with(u, "tags", List.of("a")), true),
                change("externalId changed", u -> with(u, InternalAttributes.EXTERNAL_ID, List.of("ext-2")), true),
                change("userName spelling changed", u -> with(u, InternalAttributes.USER_NAME,
                        List.of("BOB.SMITH")), true),
                change("username changed", u -> copy(u, "bobby", u.email(), u.firstName(), u.lastName(),
                        u.enabled(), u.groups()), true),
                change("e-mail changed", u -> copy(u, u.username(), "bob@other.example", u.firstName(),
                        u.lastName(), u.enabled(), u.groups()), true),
                change("first name changed", u -> copy(u, u.username(), u.email(), "Robert", u.lastName(),
                        u.enabled(), u.groups()), true),
                change("last name changed", u -> copy(u, u.username(), u.email(), u.firstName(), "Smyth",
                        u.enabled(), u.groups()), true),
                change("disabled", u -> copy(u, u.username(), u.email(), u.firstName(), u.lastName(), false,
                        u.groups()), true),
                change("group joined", u -> copy(u, u.username(), u.email(), u.firstName(), u.lastName(),
                        u.enabled(), List.of(new GroupRef("g-1", "Admins"), new GroupRef("g-2", "Developers"),
                                new GroupRef("g-3", "Ops"))), true),
                change("group left", u -> copy(u, u.username(), u.email(), u.firstName(), u.lastName(),
                        u.enabled(), List.of(new GroupRef("g-1", "Admins"))), true),
                change("group swapped", u -> copy(u, u.username(), u.email(), u.firstName(), u.lastName(),
                        u.enabled(), List.of(new GroupRef("g-1", "Admins"), new GroupRef("g-3", "Developers"))),
                        true),
                change("group renamed", u -> copy(u, u.username(), u.email(), u.firstName(), u.lastName(),
                        u.enabled(), u.groups().stream().map(g -> new GroupRef(g.id(), g.name() + " (renamed)"))
                                .toList()), true),
                change("unmapped attribute changed", u -> with(u, "shoeSize", List.of("EU-45")), false),
                change("unmapped attribute added", u -> with(u, "favouriteColour", List.of("blue")), false),
                change("internal version changed", u -> with(u, InternalAttributes.VERSION, List.of("W/\"x\"")),
                        false),
                change("userName spelling made stale", u -> with(u, InternalAttributes.USER_NAME,
                        List.of("Alice")), true),
                change("roles reordered", u -> with(u, "roles", List.of("dev", "admin")), false),
                change("custom multi-values reordered", u -> with(u, "tags", List.of("b", "a")), false),
                change("groups reordered", u -> copy(u, u.username(), u.email(), u.firstName(), u.lastName(),
                        u.enabled(), List.of(new GroupRef("g-2", "Developers"), new GroupRef("g-1", "Admins"))),
                        false),
                change("second value of a single-valued mapping changed",
                        u -> with(u, "jobTitle", List.of("Engineer", "ignored")), false),
                change("empty value added to a multi-valued mapping",
                        u -> with(u, "roles", List.of("admin", "", "dev")), false));
    }

    private static Arguments change(String name, UnaryOperator<UserSnapshot> change, boolean changesVersion) {
        return Arguments.of(name, change, changesVersion);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void version_changesExactlyWhenTheRepresentedValuesChange(String name, UnaryOperator<UserSnapshot> change,
            boolean changesVersion) {
        UserSnapshot before = bob();
        UserSnapshot after = change.apply(before);

        if (changesVersion) {
            assertThat(mapper.version(after)).isNotEqualTo(mapper.version(before));
        } else {
            assertThat(mapper.version(after)).isEqualTo(mapper.version(before));
        }
    }

    @Test
    void version_isAWeakEntityTagStableAcrossMappersOfTheSameProfile() {
        String version = mapper.version(bob());

        assertThat(version).matches("W/\"[A-Za-z0-9_-]{22}\"");
        assertThat(new UserScimMapper(Profiles.realistic()).version(bob())).isEqualTo(version);
        assertThat(mapper.version(bare())).isNotEqualTo(version);
    }

    @Test
    void version_ignoresTimestamps() {
        UserSnapshot bob = bob();
        UserSnapshot later = new UserSnapshot(bob.id(), bob.username(), bob.email(), bob.firstName(), bob.lastName(),
                bob.enabled(), CREATED + 1, MODIFIED + 60_000, bob.attributes(), bob.groups());

        // meta.lastModified moves when the version moves (InternalAttributes.VERSION), not the other way round.
        assertThat(mapper.version(later)).isEqualTo(mapper.version(bob));
    }

    // --- values --------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            userName                                    | Bob.Smith
            emails                                      | bob@example.com,bob@home.example
            emails.value                                | bob@example.com,bob@home.example
            phoneNumbers                                | +1 555 0100,+1 555 0199
            roles                                       | admin,dev
            name.givenName                              | Bob
            name.middleName                             | Q
            active                                      | true
            externalId                                  | ext-1
            title                                       | Engineer
            department                                  | R&D
            ENT:department                              | R&D
            ENT:manager.value                           | m-9
            manager                                     | m-9
            urn:acme:x:User:tags                        | a,b
            addresses.locality                          | Paris
            nickName                                    | ''
            urn:acme:x:User:department                  | ''
            """)
    void values_areTheStoredValuesOfAPath(String path, String expected) {
        List<String> values = mapper.values(bob(), AttributePath.parse(path.replace("ENT:", ENTERPRISE)));

        assertThat(values).containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(expected.split(",")));
    }

    // ------------------------------------------------------------------------------------------------------------
    // fromScim
    // ------------------------------------------------------------------------------------------------------------

    private static final String FULL_BODY = """
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "urn:acme:x:User"],
              "externalId": "ext-1",
              "userName": "Bob.Smith",
              "name": {"givenName": "Bob", "familyName": "Smith", "middleName": "Q"},
              "title": "Engineer",
              "active": true,
              "password": "Secr3t!pass",
              "emails": [{"value": "bob@example.com", "type": "work", "primary": true},
                         {"value": "bob@home.example", "type": "home"}],
              "phoneNumbers": [{"value": "+1 555 0100", "type": "work"}, {"value": "+1 555 0199", "type": "mobile"}],
              "roles": [{"value": "admin"}, {"value": "dev"}],
              "addresses": [{"type": "work", "locality": "Paris"}],
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                "department": "R&D",
                "manager": {"value": "m-9"}
              },
              "urn:acme:x:User": {"costCode": "CC-1", "tags": ["a", "b"]}
            }
            """;

    private static Map<String, List<String>> fullAttributes() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("username", List.of("Bob.Smith"));
        expected.put(InternalAttributes.USER_NAME, List.of("Bob.Smith"));
        expected.put("firstName", List.of("Bob"));
        expected.put("lastName", List.of("Smith"));
        expected.put("email", List.of("bob@example.com"));
        expected.put("jobTitle", List.of("Engineer"));
        expected.put("middleName", List.of("Q"));
        expected.put("workPhone", List.of("+1 555 0100"));
        expected.put("mobilePhone", List.of("+1 555 0199"));
        expected.put("homeEmail", List.of("bob@home.example"));
        expected.put("roles", List.of("admin", "dev"));
        expected.put("workCity", List.of("Paris"));
        expected.put("department", List.of("R&D"));
        expected.put("managerId", List.of("m-9"));
        expected.put("costCode", List.of("CC-1"));
        expected.put("tags", List.of("a", "b"));
        expected.put(InternalAttributes.EXTERNAL_ID, List.of("ext-1"));
        return expected;
    }

    @Test
    void fullBody_readsEveryMappedPath() {
        UserInput input = mapper.fromScim(json(FULL_BODY));

        assertThat(input.userName()).isEqualTo("Bob.Smith");
        assertThat(input.attributes()).isEqualTo(fullAttributes());
        assertThat(input.active()).isTrue();
        assertThat(input.password()).isEqualTo("Secr3t!pass");
        assertThat(input.unmapped()).isEmpty();
    }

    @Test
    void fullBodyWithKeysInOtherCases_readsTheSameValues() {
        JsonNode upper = upperCaseKeys(json(FULL_BODY));
        assertThat(upper.has("USERNAME")).isTrue();
        assertThat(upper.has(ENT.toUpperCase())).isTrue();

        UserInput input = mapper.fromScim(upper);

        assertThat(input.attributes()).isEqualTo(fullAttributes());
        assertThat(input.active()).isTrue();
        assertThat(input.password()).isEqualTo("Secr3t!pass");
        assertThat(input.unmapped()).isEmpty();
    }

    @Test
    void renderedResource_readBack_givesTheStoredValues() {
        UserInput input = mapper.fromScim(mapper.toScim(bob(), BASE));

        Map<String, List<String>> expected = fullAttributes();
        assertThat(input.attributes()).isEqualTo(expected);
        assertThat(input.active()).isTrue();
        assertThat(input.password()).isNull();
        assertThat(input.unmapped()).as("id, meta, groups and schemas are not unmapped values").isEmpty();
    }

    @Test
    void omittedAttributes_mapToEmptyLists() {
        UserInput input = mapper.fromScim(json("{\"userName\": \"bob\"}"));

        Map<String, List<String>> expected = new LinkedHashMap<>();
        fullAttributes().keySet().forEach(key -> expected.put(key, List.of()));
        expected.put("username", List.of("bob"));
        assertThat(input.attributes()).isEqualTo(expected);
        assertThat(input.active()).isNull();
        assertThat(input.password()).isNull();
        assertThat(input.unmapped()).isEmpty();
    }

    @Test
    void explicitNulls_mapToEmptyLists() {
        UserInput input = mapper.fromScim(json("""
                {"userName": "bob", "title": null, "name": {"middleName": null, "givenName": null},
                 "emails": null, "active": null, "urn:acme:x:User": {"tags": null}, "externalId": null}
                """));

        assertThat(input.attributes()).containsEntry("jobTitle", List.of()).containsEntry("middleName", List.of())
                .containsEntry("firstName", List.of()).containsEntry("email", List.of())
                .containsEntry("tags", List.of()).containsEntry(InternalAttributes.EXTERNAL_ID, List.of());
        assertThat(input.active()).isNull();
        assertThat(input.unmapped()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            '  Bob.Smith '  | Bob.Smith | Bob.Smith
            bob.smith       | bob.smith | ''
            BOB             | BOB       | BOB
            42              | 42        | ''
            """)
    void userName_isTrimmedAndItsSpellingKeptWhenNotLowerCase(String sent, String userName, String spelled) {
        String value = sent.matches("\\d+") ? sent : "\"" + sent + "\"";

        UserInput input = mapper.fromScim(json("{\"userName\": " + value + "}"));

        assertThat(input.userName()).isEqualTo(userName);
        assertThat(input.attributes().get("username")).containsExactly(userName);
        assertThat(input.attributes().get(InternalAttributes.USER_NAME))
                .containsExactlyElementsOf(spelled.isEmpty() ? List.of() : List.of(spelled));
    }

    // --- primary e-mail ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            [{"value": "h@x", "type": "home"}, {"value": "p@x", "type": "other", "primary": true}] | p@x | h@x
            [{"value": "h@x", "type": "home"}, {"value": "p@x", "primary": "True"}]                | p@x | h@x
            [{"value": "h@x", "type": "home"}, {"value": "w@x", "type": "work"}]                   | w@x | h@x
            [{"value": "o@x", "type": "other"}, {"value": "w@x", "type": "Work"}]                  | w@x | ''
            [{"value": "w1@x", "type": "work"}, {"value": "w2@x", "type": "work"}]                 | w1@x | ''
            [{"value": "h@x", "type": "home"}, {"value": "o@x", "type": "other"}]                  | o@x | h@x
            [{"value": "h@x", "type": "home"}, {"value": "u@x"}]                                   | u@x | h@x
            [{"value": "h@x", "type": "home"}]                                                     | ''  | h@x
            [{"value": "h@x", "type": "HOME"}]                                                     | ''  | h@x
            [{"value": "a@x", "type": "home", "primary": false}, {"value": "b@x"}]                 | b@x | a@x
            [{"value": "h@x", "type": "home", "primary": true}]                                    | h@x | h@x
            {"value": "s@x", "type": "work"}                                                       | s@x | ''
            [{"value": " t@x "}]                                                                   | t@x | ''
            [{"type": "work"}]                                                                     | ''  | ''
            [{"value": "  ", "primary": true}]                                                     | ''  | ''
            []                                                                                     | ''  | ''
            null                                                                                   | ''  | ''
            """)
    void primaryEmail_isTheFlaggedThenTheWorkThenTheFirstUnclaimedAddress(String emails, String email,
            String homeEmail) {
        UserInput input = mapper.fromScim(json("{\"userName\": \"bob\", \"emails\": " + emails + "}"));

        assertThat(input.attributes().get("email")).containsExactlyElementsOf(listOf(email));
        assertThat(input.attributes().get("homeEmail")).containsExactlyElementsOf(listOf(homeEmail));
    }

    @Test
    void bareStringEmail_isThePrimaryEmailWhenNoTypedMappingNeedsObjects() {
        UserInput input = new UserScimMapper(model())
                .fromScim(json("{\"userName\": \"bob\", \"emails\": [\"bare@x\"]}"));

        assertThat(input.attributes().get("email")).containsExactly("bare@x");
        assertThat(input.unmapped()).isEmpty();
    }

    // --- Microsoft Entra ID --------------------------------------------------------------------------------------

    @ParameterizedTest(name = "active: {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            true    | true
            false   | false
            "True"  | true
            "False" | false
            "FALSE" | false
            null    | -
            """)
    void active_acceptsBooleansAndEntrasBooleanStrings(String active, Boolean expected) {
        UserInput input = mapper.fromScim(json("{\"userName\": \"bob\", \"active\": " + active + "}"));

        assertThat(input.active()).isEqualTo(expected);
    }

    @Test
    void managerAsBareString_isTheManagerIdAndNotReportedUnmapped() {
        UserInput input = mapper.fromScim(json("""
                {"userName": "bob",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"manager": "m-9"}}
                """));

        assertThat(input.attributes().get("managerId")).containsExactly("m-9");
        assertThat(input.unmapped()).isEmpty();
    }

    @Test
    void managerAsBareString_withOnlyTheManagerNameMapped_isReportedUnmapped() {
        UserScimMapper names = new UserScimMapper(model(annotated("managerName", ENTERPRISE + "manager.displayName")));

        UserInput input = names.fromScim(json("""
                {"userName": "bob",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"manager": "m-9"}}
                """));

        assertThat(input.attributes().get("managerName")).isEmpty();
        assertThat(input.unmapped()).containsExactly(ENTERPRISE + "manager");
    }

    @Test
    void managerAsObject_readsItsValue() {
        UserInput input = mapper.fromScim(json("""
                {"userName": "bob", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                  {"manager": {"value": "m-9", "$ref": "../Users/m-9", "displayName": "Boss"}}}
                """));

        assertThat(input.attributes().get("managerId")).containsExactly("m-9");
        assertThat(input.unmapped()).containsExactly(ENTERPRISE + "manager.$ref", ENTERPRISE + "manager.displayName");
    }

    // --- password ------------------------------------------------------------------------------------------------

    @Test
    void password_isCapturedButNeverInToString() {
        UserInput input = mapper.fromScim(json("{\"userName\": \"bob\", \"password\": \"Tr0ub4dor&3\"}"));

        assertThat(input.password()).isEqualTo("Tr0ub4dor&3");
        assertThat(input.toString()).doesNotContain("Tr0ub4dor").contains("password=***");
        assertThat(input.attributes()).doesNotContainKey("password");
        assertThat(input.attributes().values()).noneMatch(values -> values.contains("Tr0ub4dor&3"));
    }

    @Test
    void noPassword_isNullAndShownAsNone() {
        UserInput input = mapper.fromScim(json("{\"userName\": \"bob\"}"));

        assertThat(input.password()).isNull();
        assertThat(input.toString()).contains("password=none");
    }

    // --- errors --------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {}                                                      | 'userName' is required
            {"userName": ""}                                        | 'userName' is required
            {"userName": "   "}                                     | 'userName' is required
            {"userName": null}                                      | 'userName' is required
            {"userName": {"value": "bob"}}                          | 'userName' is required
            {"userName": ["bob"]}                                   | 'userName' is required
            {"USERNAME": []}                                        | 'userName' is required
            {"userName": "bob", "title": {"value": "x"}}            | 'title' must be a single string value
            {"userName": "bob", "title": ["a", "b"]}                | 'title' takes a single value
            {"userName": "bob", "title": [["a"]]}                   | 'title' must be a single string value
            {"userName": "bob", "name": {"middleName": ["Q"]}}      | 'name.middleName' must be a single string value
            {"userName": "bob", "name": "Bob Smith"}                | 'name' must be an object
            {"userName": "bob", "name": ["Bob"]}                    | 'name' must be an object
            {"userName": "bob", "active": "yes"}                    | 'active' must be a boolean
            {"userName": "bob", "active": 1}                        | 'active' must be a boolean
            {"userName": "bob", "active": {}}                       | 'active' must be a boolean
            {"userName": "bob", "emails": "bob@x"}                  | 'emails' must be an array
            {"userName": "bob", "emails": [{"value": 5, "primary": true}]} | 'emails.value' must be a string
            {"userName": "bob", "phoneNumbers": ["+1 555"]}         | Values of 'phoneNumbers' must be objects
            {"userName": "bob", "phoneNumbers": 5}                  | 'phoneNumbers' must be an array
            {"userName": "bob", "roles": [{"value": {"id": 1}}]}    | 'roles.value' must be a single string value
            {"userName": "bob", "externalId": {"id": "e"}}          | 'externalId' must be a single string value
            {"userName": "bob", "externalId": ["e1", "e2"]}         | 'externalId' takes a single value
            {"userName": "bob", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": ["a", "b"]}} | takes a single value
            {"userName": "bob", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"manager": 5}}  | 'manager' must be an object
            {"userName": "bob", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"manager": ["m"]}} | 'manager' must be an object
            {"userName": "bob", "urn:acme:x:User": {"costCode": {"a": 1}}} | 'urn:acme:x:User:costCode' must be a single string value
            {"userName": "bob", "password": ""}                     | 'password' must be a non-empty string
            {"userName": "bob", "password": 42}                     | 'password' must be a non-empty string
            {"userName": "bob", "password": {"value": "x"}}         | 'password' must be a non-empty string
            """)
    void invalidBody_isRejectedAsInvalidValue(String body, String message) {
        assertThatThrownBy(() -> mapper.fromScim(json(body)))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).isEqualTo("invalidValue");
                    assertThat(e.detail()).contains(message);
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[]", "[{\"userName\": \"bob\"}]", "\"bob\"", "42", "null"})
    void nonObjectBody_isRejectedAsInvalidSyntax(String body) {
        assertThatThrownBy(() -> mapper.fromScim(json(body)))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidSyntax"));
    }

    @Test
    void nullBody_isRejectedAsInvalidSyntax() {
        assertThatThrownBy(() -> mapper.fromScim(null))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidSyntax"));
    }

    @Test
    void invalidPasswordMessage_doesNotEchoThePassword() {
        assertThatThrownBy(() -> mapper.fromScim(json("{\"userName\": \"bob\", \"password\": [\"hunter2\"]}")))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.detail()).doesNotContain("hunter2"));
    }

    @ParameterizedTest(name = "primary: {0}")
    @ValueSource(strings = {"\"maybe\"", "\"yes\"", "1", "{}"})
    void nonBooleanForABooleanLeaf_isRejected(String primary) {
        UserScimMapper typed = new UserScimMapper(
                model(annotated("workPhonePrimary", "phoneNumbers[type eq \"work\"].primary")));
        JsonNode body = json("{\"userName\": \"bob\", \"phoneNumbers\": [{\"type\": \"work\", \"primary\": "
                + primary + "}]}");

        assertThatThrownBy(() -> typed.fromScim(body))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo("invalidValue");
                    assertThat(e.detail()).contains("'phoneNumbers[type eq \"work\"].primary' must be a");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            true     | true
            "FALSE"  | false
            """)
    void booleanLeaf_isStoredAsTrueOrFalse(String primary, String stored) {
        UserScimMapper typed = new UserScimMapper(
                model(annotated("workPhonePrimary", "phoneNumbers[type eq \"work\"].primary")));

        UserInput input = typed.fromScim(json("{\"userName\": \"bob\", \"phoneNumbers\": [{\"type\": \"work\", "
                + "\"primary\": " + primary + "}]}"));

        assertThat(input.attributes().get("workPhonePrimary")).containsExactly(stored);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            42       | 42
            "12.5"   | 12.5
            -0.25    | -0.25
            """)
    void numericLeaf_acceptsNumbersAndNumericText(String sent, String stored) {
        UserScimMapper typed = new UserScimMapper(typedModel());

        UserInput input = typed.fromScim(json("{\"userName\": \"bob\", \"" + TYPED + "\": {\"ratio\": " + sent
                + "}}"));

        assertThat(input.attributes().get("ratio")).containsExactly(stored);
    }

    @Test
    void nonNumericTextForANumericLeaf_isRejected() {
        UserScimMapper typed = new UserScimMapper(typedModel());

        assertThatThrownBy(() -> typed.fromScim(json("{\"userName\": \"bob\", \"" + TYPED
                + "\": {\"count\": \"many\"}}")))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo("invalidValue");
                    assertThat(e.detail()).contains("must be a number");
                });
    }

    // --- unmapped ------------------------------------------------------------------------------------------------

    static Stream<Arguments> unmappedBodies() {
        String ent = "\"" + ENT + "\"";
        return Stream.of(
                unmapped("{\"nickName\": \"b\"}", "nickName"),
                unmapped("{\"name\": {\"givenName\": \"B\", \"formatted\": \"B S\"}}", "name.formatted"),
                unmapped("{\"name\": {\"givenName\": \"B\"}, \"title\": \"T\"}"),
                unmapped("{\"emails\": [{\"value\": \"w@x\", \"type\": \"work\", \"primary\": true},"
                        + " {\"value\": \"h@x\", \"type\": \"home\"}]}", "emails[type eq \"home\"].value"),
                unmapped("{\"emails\": [{\"value\": \"w@x\", \"type\": \"work\"}, {\"value\": \"u@x\"}]}",
                        "emails.value"),
                unmapped("{\"emails\": [{\"value\": \"w@x\", \"type\": \"work\"}, {\"value\": \"v@x\", "
                        + "\"type\": \"work\"}]}", "emails[type eq \"work\"].value"),
                unmapped("{\"emails\": [{\"value\": \"w@x\", \"type\": \"work\", \"primary\": true, "
                        + "\"display\": \"Work\"}]}"),
                unmapped("{\"emails\": {\"value\": \"w@x\", \"type\": \"work\", \"primary\": true}}"),
                unmapped("{\"emails\": [\"a@x\", \"b@x\"]}", "emails"),
                unmapped("{\"phoneNumbers\": [{\"value\": \"1\", \"type\": \"work\", \"primary\": true, "
                        + "\"display\": \"d\"}]}", "phoneNumbers[type eq \"work\"].value"),
                unmapped("{\"phoneNumbers\": [{\"value\": \"1\"}]}", "phoneNumbers.value"),
                unmapped("{\"ims\": {\"value\": \"bob\", \"type\": \"aim\"}}", "ims[type eq \"aim\"].value"),
                unmapped("{\"entitlements\": [{\"value\": \"e\", \"type\": \"t\"}, {\"value\": \"f\", "
                        + "\"type\": \"t\"}]}", "entitlements[type eq \"t\"].value"),
                unmapped("{\"addresses\": [{\"type\": \"work\", \"locality\": \"Paris\", \"country\": \"FR\"}]}",
                        "addresses[type eq \"work\"].country", "addresses[type eq \"work\"].locality"),
                unmapped("{\"x509Certificates\": [{\"value\": \"MIIB\"}]}", "x509Certificates.value"),
                unmapped("{\"roles\": [\"r\"]}", "roles"),
                unmapped("{\"urn:foo:bar\": {\"a\": 1}}", "urn:foo:bar"),
                unmapped("{\"urn:acme:x:User:costCode\": \"c\"}", "urn:acme:x:User:costCode"),
                unmapped("{" + ent + ": {\"department\": \"d\", \"costCenter\": \"c\"}}", ENTERPRISE + "costCenter"),
                unmapped("{" + ent + ": {\"manager\": {\"value\": \"m\", \"displayName\": \"Boss\"}}}",
                        ENTERPRISE + "manager.displayName", ENTERPRISE + "manager.value"),
                unmapped("{\"" + ENT.toLowerCase() + "\": {\"division\": \"x\"}}", ENT.toLowerCase() + ":division"),
                unmapped("{\"id\": \"1\", \"meta\": {\"created\": \"x\"}, \"groups\": [{\"value\": \"g\"}], "
                        + "\"schemas\": [\"" + Schemas.USER + "\"], \"externalId\": \"e\", \"password\": \"p\", "
                        + "\"active\": true, \"ID\": \"2\", \"Meta\": {}}"),
                unmapped("{\"title\": null, \"nickName\": null, \"name\": {\"formatted\": null}, "
                        + "\"ims\": [{\"value\": null, \"type\": \"aim\"}]}"),
                unmapped("{\"nickName\": \"b\", \"displayName\": \"Bob S\", \"userType\": \"Employee\"}",
                        "displayName", "nickName", "userType"));
    }

    private static Arguments unmapped(String body, String... expected) {
        return Arguments.of(body, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unmappedBodies")
    void unmapped_listsExactlyThePathsTheRealmDoesNotStore(String body, List<String> expected) {
        UserScimMapper small = new UserScimMapper(model(annotated("jobTitle", "title"),
                annotated("department", ENTERPRISE + "department")));
        ObjectNode json = (ObjectNode) json(body);
        json.put("userName", "bob");

        assertThat(small.fromScim(json).unmapped()).containsExactlyElementsOf(expected);
    }

    @Test
    void unmapped_wholeExtensionTheRealmDoesNotHave_isReportedByItsUrn() {
        UserInput input = new UserScimMapper(model()).fromScim(json("""
                {"userName": "bob",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "d", "division": "x"}}
                """));

        assertThat(input.unmapped()).containsExactly(ENT);
    }

    @Test
    void unmapped_unknownAttributeOfACustomSchema_isReportedWithItsUrn() {
        UserInput input = mapper.fromScim(json("""
                {"userName": "bob", "urn:acme:x:User": {"costCode": "c", "tags": ["t"], "other": "z"},
                 "phoneNumbers": [{"type": "fax", "value": "f"}, {"type": "work", "value": "w"}]}
                """));

        assertThat(input.unmapped()).containsExactly("phoneNumbers[type eq \"fax\"].value", ACME + ":other");
        assertThat(input.attributes().get("workPhone")).containsExactly("w");
    }

    @Test
    void unmapped_singleObjectForAMultiValuedMapping_isNotReported() {
        UserInput input = mapper.fromScim(json("{\"userName\": \"bob\", \"roles\": {\"value\": \"admin\", "
                + "\"primary\": true}}"));

        assertThat(input.attributes().get("roles")).containsExactly("admin");
        assertThat(input.unmapped()).isEmpty();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static List<String> listOf(String value) {
        return value.isEmpty() ? List.of() : List.of(value);
    }

    /** Every object key upper-cased, at every depth; values untouched. */
    private static JsonNode upperCaseKeys(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                copy.set(key.toUpperCase(java.util.Locale.ROOT), upperCaseKeys(node.get(key)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(upperCaseKeys(element)));
            return copy;
        }
        return node;
    }

    private static UserSnapshot with(UserSnapshot user, String attribute, List<String> values) {
        Map<String, List<String>> attributes = new HashMap<>(user.attributes());
        attributes.put(attribute, Collections.unmodifiableList(new ArrayList<>(values)));
        return new UserSnapshot(user.id(), user.username(), user.email(), user.firstName(), user.lastName(),
                user.enabled(), user.created(), user.lastModified(), attributes, user.groups());
    }

    private static UserSnapshot copy(UserSnapshot user, String username, String email, String firstName,
            String lastName, boolean enabled, List<GroupRef> groups) {
        return new UserSnapshot(user.id(), username, email, firstName, lastName, enabled, user.created(),
                user.lastModified(), user.attributes(), groups);
    }
}
