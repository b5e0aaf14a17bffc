package dev.dirsync.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.protocol.Schemas;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the user mapping over arbitrary users and bodies: what is served reads back as what is stored,
 * the version ignores order and unmapped attributes, and no body makes {@code fromScim} fail other than with a
 * {@link ScimException}.
 */
class UserScimMapperPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final UserScimMapper MAPPER = new UserScimMapper(Profiles.realistic());
    private static final List<String> SINGLE = List.of("jobTitle", "middleName", "workPhone", "mobilePhone",
            "homeEmail", "workCity", "department", "managerId", "costCode", InternalAttributes.EXTERNAL_ID);
    private static final List<String> MULTI = List.of("roles", "tags");

    @Property(tries = 300)
    void servedResource_readsBackAsTheStoredUser(@ForAll("users") UserSnapshot user) {
        UserInput input = MAPPER.fromScim(MAPPER.toScim(user, "https://h"));
        UserSnapshot stored = store(user, input);

        assertThat(input.unmapped()).isEmpty();
        assertThat(MAPPER.version(stored)).isEqualTo(MAPPER.version(user));
        assertThat(MAPPER.toScim(stored, "https://h")).isEqualTo(MAPPER.toScim(user, "https://h"));
    }

    @Property(tries = 300)
    void version_ignoresMultiValueOrderGroupOrderAndUnmappedAttributes(@ForAll("users") UserSnapshot user, @ForAll long seed) {
        Random random = new Random(seed);
        Map<String, List<String>> attributes = new HashMap<>();
        user.attributes().forEach((name, values) -> {
            // Only multi-valued mappings are unordered: a single-valued one shows its first stored value.
            List<String> shuffled = new ArrayList<>(values);
            if (MULTI.contains(name)) {
                Collections.shuffle(shuffled, random);
            }
            attributes.put(name, shuffled);
        });
        attributes.put("unmanaged" + random.nextInt(5), List.of(Long.toString(random.nextLong())));
        attributes.put(InternalAttributes.VERSION, List.of(Long.toString(random.nextLong())));
        List<GroupRef> groups = new ArrayList<>(user.groups());
        Collections.shuffle(groups, random);
        UserSnapshot reordered = new UserSnapshot(user.id(), user.username(), user.email(), user.firstName(),
                user.lastName(), user.enabled(), user.created(), user.lastModified(), attributes, groups);

        assertThat(MAPPER.version(reordered)).isEqualTo(MAPPER.version(user));
    }

    @Property(tries = 1000)
    void anyBody_isReadOrRejectedWithAScimException(@ForAll("bodies") JsonNode body) {
        try {
            UserInput input = MAPPER.fromScim(body);
            assertThat(input.attributes()).containsKeys("username", "email", "jobTitle", "tags");
        } catch (ScimException e) {
            assertThat(e.status()).isEqualTo(400);
        }
    }

    /** What Keycloak keeps of {@code input} for the user {@code original}: usernames and e-mails lower-cased. */
    private static UserSnapshot store(UserSnapshot original, UserInput input) {
        Map<String, List<String>> attributes = new HashMap<>(input.attributes());
        String username = attributes.remove("username").get(0).toLowerCase(Locale.ROOT);
        String email = first(attributes.remove("email"));
        String firstName = first(attributes.remove("firstName"));
        String lastName = first(attributes.remove("lastName"));
        return new UserSnapshot(original.id(), username, email == null ? null : email.toLowerCase(Locale.ROOT),
                firstName, lastName, input.active() == null || input.active(), original.created(),
                original.lastModified(), attributes, original.groups());
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    // --- generators ----------------------------------------------------------------------------------------------

    private static Arbitrary<String> word() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars('-', '+', '.', '@', 'é').ofMinLength(1).ofMaxLength(10);
    }

    private static Arbitrary<String> optional(Arbitrary<String> values) {
        return values.injectNull(0.3);
    }

    @Provide
    Arbitrary<UserSnapshot> users() {
        Arbitrary<String> username = Arbitraries.strings().withCharRange('a', 'z').withChars('.', '_')
                .ofMinLength(1).ofMaxLength(8);
        Arbitrary<Map<String, List<String>>> attributes = Combinators.combine(
                        Arbitraries.maps(Arbitraries.of(SINGLE), word().list().ofMaxSize(2)).ofMaxSize(6),
                        Arbitraries.maps(Arbitraries.of(MULTI), word().list().ofMaxSize(3)).ofMaxSize(MULTI.size()))
                .as((single, multi) -> {
                    Map<String, List<String>> all = new HashMap<>(single);
                    all.putAll(multi);
                    return all;
                });
        Arbitrary<List<GroupRef>> groups = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3)
                .map(id -> new GroupRef("g-" + id, "Group " + id)).list().uniqueElements(GroupRef::id).ofMaxSize(3);
        return Combinators.combine(username, Arbitraries.of(true, false), optional(word()), optional(word()),
                        optional(word()), Arbitraries.of(true, false), attributes, groups)
                .as((name, respell, mail, first, last, enabled, attrs, refs) -> {
                    Map<String, List<String>> all = new HashMap<>(attrs);
                    if (respell) {
                        all.put(InternalAttributes.USER_NAME, List.of(name.toUpperCase(Locale.ROOT)));
                    }
                    String email = mail == null ? null : mail.toLowerCase(Locale.ROOT) + "@example.com";
                    return new UserSnapshot("u-1", name, email, first, last, enabled, 1L, null, all, refs);
                });
    }

    private static final List<String> KEYS = List.of("userName", "USERNAME", "name", "givenName", "middleName",
            "familyName", "formatted", "title", "nickName", "active", "password", "emails", "phoneNumbers",
            "addresses", "locality", "roles", "value", "type", "primary", "display", "externalId", "id", "meta",
            "schemas", "groups", Schemas.ENTERPRISE_USER, "department", "manager", "displayName",
            Profiles.ACME, "costCode", "tags", "urn:foo:bar", "$ref");

    @Provide
    Arbitrary<JsonNode> bodies() {
        return Arbitraries.longs().map(seed -> {
            Random random = new Random(seed);
            ObjectNode body = object(random, 0);
            if (random.nextInt(4) > 0) {
                body.put("userName", "bob");
            }
            return body;
        });
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        int size = random.nextInt(depth == 0 ? 8 : 4);
        for (int i = 0; i < size; i++) {
            object.set(KEYS.get(random.nextInt(KEYS.size())), value(random, depth + 1));
        }
        return object;
    }

    private static JsonNode value(Random random, int depth) {
        switch (random.nextInt(depth >= 3 ? 6 : 8)) {
            case 0:
                return NODES.textNode(List.of("x", "", " ", "work", "home", "True", "false", "m-9").get(
                        random.nextInt(8)));
            case 1:
                return NODES.booleanNode(random.nextBoolean());
            case 2:
                return NODES.numberNode(random.nextInt(100) - 50);
            case 3:
                return NODES.numberNode(random.nextDouble());
            case 4:
                return NODES.nullNode();
            case 5:
                return NODES.textNode("work");
            case 6:
                return object(random, depth);
            default:
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    array.add(random.nextInt(3) == 0 ? value(random, depth + 1) : object(random, depth));
                }
                return array;
        }
    }
}
