package dev.dirsync.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.scim.filter.Filter;
import dev.dirsync.scim.filter.FilterEvaluator;
import dev.dirsync.scim.filter.Filters;
import dev.dirsync.scim.filter.PatchPath;
import dev.dirsync.scim.patch.PatchEngine;
import dev.dirsync.scim.patch.PatchOperation;
import dev.dirsync.scim.patch.PatchRequest;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.protocol.Schemas;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a client sends, filter parsing and evaluation, PATCH parsing and PATCH application either succeed or
 * throw {@link ScimException} (rendered as a 400 by the protocol layer) — never a NullPointerException,
 * ClassCastException, StackOverflowError or any other failure that would turn into a 500. PATCH never changes its
 * input.
 */
class ScimRobustnessPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Read-only use only: evaluation never changes a resource. */
    private static final ObjectNode BJENSEN = TestSchemas.bjensen();
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String PROBE = "urn:example:params:scim:schemas:extension:probe:2.0:User";

    private static final List<String> NAMES = List.of("userName", "name", "givenName", "familyName", "emails",
            "value", "type", "primary", "display", "members", "$ref", "active", "manager", "department",
            "employeeNumber", "loginCount", "score", "hiredAt", "badge", "badgeId", "tags", "code", "lastSeen", "id",
            "meta", "created", "schemas", "externalId", "groups", "addresses", "locality", "nickName", "NICKNAME",
            "title", "displayName", ENTERPRISE, PROBE, "urn:ietf:params:scim:schemas:core:2.0:User",
            "name.givenName", ENTERPRISE + ":employeeNumber", "emails[type eq \"work\"].value", "meta.created",
            "zz", "a.b.c", "urn:", "", "emails[");

    private static final List<String> PATHS = List.of("userName", "name", "name.givenName", "name.nope", "emails",
            "emails.value", "emails.primary", "emails[type eq \"work\"]", "emails[type eq \"work\"].value",
            "emails[type eq \"work\" and primary eq true].display", "emails[value co \"x\"]",
            "emails[type ne \"work\"]", "emails[not (type eq \"home\")].type", "members", "members[value eq \"u1\"]",
            "members[value eq \"u1\"].display", "members[value eq \"u1\"].value", "members.value",
            "addresses[type eq \"home\"].locality", "tags", "tags[value eq \"a\"]", "tags[value sw \"b\"]", "active",
            "loginCount", "score", "hiredAt", "badge", "badgeId", "code", "lastSeen", "id", "meta", "meta.created",
            "schemas", "groups", "externalId", "displayName", ENTERPRISE, ENTERPRISE + ":manager",
            ENTERPRISE + ":manager.value", ENTERPRISE + ":manager.displayName",
            "urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:core:2.0:User:userName",
            PROBE + ":tags", PROBE, "urn:x:y:z", "nope", "emails[", "a.b.c", "", "name[givenName eq \"x\"]",
            ENTERPRISE + "[department eq \"x\"]", "emails[primary gt true]", "emails[type eq 1]");

    private static final List<String> FILTER_TOKENS = List.of("userName", "emails", "emails.value",
            "name.givenName", "members", "meta.lastModified", "active", "loginCount", "score", "hiredAt", "tags",
            "badge", "manager", "manager.value", ENTERPRISE, ENTERPRISE + ":department", "urn:x:y", "type", "value",
            "primary", "nope", "$ref", "eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr", "and", "or", "not",
            "(", ")", "[", "]", ".value", "\"x\"", "\"work\"", "\"2011-05-13T04:42:34Z\"", "\"\"", "1", "-1.5e3",
            "1e999", "true", "false", "null", "\"\\u00e9\"", "\"", "\\", ":", ".", "@", "#");

    private static final List<String> STRINGS = List.of("x", "work", "home", "2011-05-13T04:42:34Z", "bjensen",
            "", "u1", "902c246b-6245-4190-8e05-00816be7344a", "True", "false", "QUJD", "a", "B-1",
            "urn:ietf:params:scim:api:messages:2.0:PatchOp");

    private static final List<String> OPS = List.of("add", "remove", "replace", "add", "remove", "replace", "Add",
            "Replace", "Remove", "ADD", "move", "");

    // --- properties -----------------------------------------------------------------------------------------

    @Property(tries = 1000)
    void filterText_parsesAndEvaluatesOrFailsWithScimException(@ForAll("filterTexts") String text,
            @ForAll("resources") ObjectNode resource) {
        Filter filter;
        try {
            filter = Filters.parse(text);
        } catch (ScimException invalid) {
            onlyScimExceptions(() -> {
                throw invalid;
            });
            return;
        }
        onlyScimExceptions(() -> FilterEvaluator.matches(filter, resource, TestSchemas.USER));
        onlyScimExceptions(() -> FilterEvaluator.matches(filter, BJENSEN, TestSchemas.USER));
        onlyScimExceptions(() -> FilterEvaluator.matches(filter, resource, TestSchemas.GROUP));
    }

    @Property(tries = 1000)
    void patchBody_parsesAndAppliesOrFailsWithScimException(@ForAll("patchBodies") JsonNode body,
            @ForAll("resources") ObjectNode resource) {
        ObjectNode copy = resource.deepCopy();
        List<PatchOperation> operations;
        try {
            operations = PatchRequest.parse(body, 5);
        } catch (ScimException invalid) {
            onlyScimExceptions(() -> {
                throw invalid;
            });
            return;
        }
        onlyScimExceptions(() -> new PatchEngine(TestSchemas.USER).apply(resource, operations));
        onlyScimExceptions(() -> new PatchEngine(TestSchemas.GROUP).apply(resource, operations));
        assertThat(resource).isEqualTo(copy);
    }

    @Property(tries = 1000)
    void operationsBuiltInCode_applyOrFailWithScimException(@ForAll("operations") List<PatchOperation> operations,
            @ForAll("resources") ObjectNode resource) {
        ObjectNode copy = resource.deepCopy();
        onlyScimExceptions(() -> new PatchEngine(TestSchemas.USER).apply(resource, operations));
        assertThat(resource).isEqualTo(copy);
    }

    private static void onlyScimExceptions(Runnable action) {
        try {
            action.run();
        } catch (ScimException expected) {
            assertThat(expected.status()).isEqualTo(400);
            assertThat(expected.detail()).isNotBlank();
        }
    }

    // --- generators -----------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> filterTexts() {
        Arbitrary<List<String>> tokens = Arbitraries.of(FILTER_TOKENS).list().ofMaxSize(10);
        Arbitrary<String> wellFormed = Combinators.combine(Arbitraries.of(FILTER_TOKENS.subList(0, 22)),
                Arbitraries.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"),
                Arbitraries.of(FILTER_TOKENS.subList(40, 51))).as((path, op, literal) -> path + " " + op + " " + literal);
        return Arbitraries.oneOf(
                tokens.map(list -> String.join(" ", list)),
                tokens.map(list -> String.join("", list)),
                Arbitraries.strings().withChars("aeqnrpt ()[]\".:$-_01&|!\\\u0000é").ofMaxLength(30),
                wellFormed,
                Combinators.combine(wellFormed, Arbitraries.of(" and ", " or ", " and not "), wellFormed)
                        .as((a, join, b) -> join.endsWith("not ") ? a + join + "(" + b + ")" : a + join + b),
                wellFormed.map(f -> "emails[" + f + "]"));
    }

    @Provide
    Arbitrary<ObjectNode> resources() {
        return Arbitraries.oneOf(
                Arbitraries.just(1).map(i -> TestSchemas.bjensen()),
                Arbitraries.just(1).map(i -> TestSchemas.tourGuides()),
                Arbitraries.just(1).map(i -> NODES.objectNode()),
                Arbitraries.randomValue(random -> randomObject(random, 3)));
    }

    @Provide
    Arbitrary<JsonNode> patchBodies() {
        return Arbitraries.randomValue(ScimRobustnessPropertiesTest::randomBody);
    }

    @Provide
    Arbitrary<List<PatchOperation>> operations() {
        return Arbitraries.randomValue(random -> {
            List<PatchOperation> operations = new ArrayList<>();
            for (int i = random.nextInt(4); i >= 0; i--) {
                PatchOperation.Op op = random.nextInt(8) == 0 ? null
                        : PatchOperation.Op.values()[random.nextInt(PatchOperation.Op.values().length)];
                PatchPath path = null;
                if (random.nextInt(4) > 0) {
                    try {
                        path = Filters.parsePath(pick(random, PATHS));
                    } catch (ScimException unparsable) {
                        path = null;
                    }
                }
                JsonNode value = random.nextInt(5) == 0 ? null : randomJson(random, 3);
                operations.add(new PatchOperation(op, path, value));
            }
            return operations;
        });
    }

    private static JsonNode randomBody(Random random) {
        if (random.nextInt(30) == 0) {
            return randomJson(random, 3);
        }
        ObjectNode body = NODES.objectNode();
        if (random.nextInt(30) > 0) {
            body.putArray(random.nextBoolean() ? "schemas" : "SCHEMAS").add(Schemas.PATCH_OP);
        }
        if (random.nextInt(30) == 0) {
            body.set("Operations", randomJson(random, 2));
            return body;
        }
        ArrayNode operations = body.putArray(random.nextBoolean() ? "Operations" : "operations");
        for (int i = random.nextInt(30) == 0 ? 0 : 1 + random.nextInt(3); i > 0; i--) {
            if (random.nextInt(50) == 0) {
                operations.add(randomJson(random, 1));
                continue;
            }
            ObjectNode operation = operations.addObject();
            if (random.nextInt(50) > 0) {
                operation.set("op", random.nextInt(50) > 0 ? NODES.textNode(pick(random, OPS)) : randomJson(random, 1));
            }
            if (random.nextInt(4) > 0) {
                operation.set("path", random.nextInt(50) > 0 ? NODES.textNode(pick(random, PATHS))
                        : randomJson(random, 1));
            }
            if (random.nextInt(20) > 0) {
                operation.set("value", randomJson(random, 3));
            }
        }
        return body;
    }

    private static JsonNode randomJson(Random random, int depth) {
        switch (random.nextInt(depth > 0 ? 10 : 7)) {
            case 0:
                return NODES.nullNode();
            case 1:
                return NODES.booleanNode(random.nextBoolean());
            case 2:
            case 3:
                return NODES.textNode(pick(random, STRINGS));
            case 4:
                return random.nextInt(10) == 0 ? NODES.numberNode(BigInteger.TEN.pow(40))
                        : NODES.numberNode(random.nextInt(200) - 100);
            case 5:
                return random.nextInt(10) == 0 ? NODES.numberNode(Double.NaN) : NODES.numberNode(random.nextDouble() * 10);
            case 6:
                return NODES.textNode(pick(random, NAMES));
            case 7:
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomJson(random, depth - 1));
                }
                return array;
            default:
                return randomObject(random, depth - 1);
        }
    }

    private static ObjectNode randomObject(Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(5); i > 0; i--) {
            object.set(pick(random, NAMES), randomJson(random, depth));
        }
        return object;
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
