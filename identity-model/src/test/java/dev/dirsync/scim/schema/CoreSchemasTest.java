package dev.dirsync.scim.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.scim.protocol.Schemas;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The core schemas against the schema representation of RFC 7643 §8.7.1 and the common attributes of §3.1. */
class CoreSchemasTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            USER       | userName               | string    | false | true  | false | readWrite | default | server
            USER       | name                   | complex   | false | false | false | readWrite | default | none
            USER       | name.givenName         | string    | false | false | false | readWrite | default | none
            USER       | name.honorificSuffix   | string    | false | false | false | readWrite | default | none
            USER       | displayName            | string    | false | false | false | readWrite | default | none
            USER       | profileUrl             | reference | false | false | false | readWrite | default | none
            USER       | timezone               | string    | false | false | false | readWrite | default | none
            USER       | active                 | boolean   | false | false | false | readWrite | default | none
            USER       | password               | string    | false | false | false | writeOnly | never   | none
            USER       | emails                 | complex   | true  | false | false | readWrite | default | none
            USER       | emails.value           | string    | false | false | false | readWrite | default | none
            USER       | emails.display         | string    | false | false | false | readWrite | default | none
            USER       | emails.type            | string    | false | false | false | readWrite | default | none
            USER       | emails.primary         | boolean   | false | false | false | readWrite | default | none
            USER       | phoneNumbers           | complex   | true  | false | false | readWrite | default | none
            USER       | ims.type               | string    | false | false | false | readWrite | default | none
            USER       | photos.value           | reference | false | false | false | readWrite | default | none
            USER       | addresses              | complex   | true  | false | false | readWrite | default | none
            USER       | addresses.postalCode   | string    | false | false | false | readWrite | default | none
            USER       | groups                 | complex   | true  | false | false | readOnly  | default | none
            USER       | groups.value           | string    | false | false | false | readOnly  | default | none
            USER       | groups.$ref            | reference | false | false | false | readOnly  | default | none
            USER       | groups.display         | string    | false | false | false | readOnly  | default | none
            USER       | groups.type            | string    | false | false | false | readOnly  | default | none
            USER       | entitlements           | complex   | true  | false | false | readWrite | default | none
            USER       | roles.primary          | boolean   | false | false | false | readWrite | default | none
            USER       | x509Certificates       | complex   | true  | false | false | readWrite | default | none
            USER       | x509Certificates.value | binary    | false | false | false | readWrite | default | none
            ENTERPRISE | employeeNumber         | string    | false | false | false | readWrite | default | none
            ENTERPRISE | department             | string    | false | false | false | readWrite | default | none
            ENTERPRISE | manager                | complex   | false | false | false | readWrite | default | none
            ENTERPRISE | manager.value          | string    | false | false | false | readWrite | default | none
            ENTERPRISE | manager.$ref           | reference | false | false | false | readWrite | default | none
            ENTERPRISE | manager.displayName    | string    | false | false | false | readOnly  | default | none
            GROUP      | displayName            | string    | false | false | false | readWrite | default | none
            GROUP      | members                | complex   | true  | false | false | readWrite | default | none
            GROUP      | members.value          | string    | false | false | false | immutable | default | none
            GROUP      | members.$ref           | reference | false | false | false | immutable | default | none
            GROUP      | members.type           | string    | false | false | false | immutable | default | none
            COMMON     | id                     | string    | false | false | true  | readOnly  | always  | server
            COMMON     | externalId             | string    | false | false | true  | readWrite | default | none
            COMMON     | meta                   | complex   | false | false | false | readOnly  | default | none
            COMMON     | meta.resourceType      | string    | false | false | true  | readOnly  | default | none
            COMMON     | meta.created           | dateTime  | false | false | false | readOnly  | default | none
            COMMON     | meta.lastModified      | dateTime  | false | false | false | readOnly  | default | none
            COMMON     | meta.location          | reference | false | false | false | readOnly  | default | none
            COMMON     | meta.version           | string    | false | false | true  | readOnly  | default | none
            """)
    void attribute_hasTheCharacteristicsOfTheRfc(String schema, String path, String type, boolean multiValued,
            boolean required, boolean caseExact, String mutability, String returned, String uniqueness) {
        AttributeDefinition attribute = resolve(schema, path);

        assertThat(attribute.type().scimName()).as("type").isEqualTo(type);
        assertThat(attribute.multiValued()).as("multiValued").isEqualTo(multiValued);
        assertThat(attribute.required()).as("required").isEqualTo(required);
        assertThat(attribute.caseExact()).as("caseExact").isEqualTo(caseExact);
        assertThat(attribute.mutability().scimName()).as("mutability").isEqualTo(mutability);
        assertThat(attribute.returned().scimName()).as("returned").isEqualTo(returned);
        assertThat(attribute.uniqueness().scimName()).as("uniqueness").isEqualTo(uniqueness);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            USER       | emails.type            | work home other
            USER       | phoneNumbers.type      | work home mobile fax pager other
            USER       | ims.type               | aim gtalk icq xmpp msn skype qq yahoo
            USER       | photos.type            | photo thumbnail
            USER       | addresses.type         | work home other
            USER       | groups.type            | direct indirect
            USER       | entitlements.type      | ''
            USER       | roles.type             | ''
            USER       | x509Certificates.type  | ''
            USER       | userType               | ''
            GROUP      | members.type           | User Group
            """)
    void typeAttribute_hasTheRfcCanonicalValues(String schema, String path, String values) {
        assertThat(resolve(schema, path).canonicalValues()).containsExactlyElementsOf(words(values));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            USER       | profileUrl    | external
            USER       | photos.value  | external
            USER       | groups.$ref   | User Group
            ENTERPRISE | manager.$ref  | User
            GROUP      | members.$ref  | User Group
            COMMON     | meta.location | uri
            USER       | emails.value  | ''
            """)
    void attribute_hasTheRfcReferenceTypes(String schema, String path, String types) {
        assertThat(resolve(schema, path).referenceTypes()).containsExactlyElementsOf(words(types));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            USER       | name             | formatted familyName givenName middleName honorificPrefix honorificSuffix
            USER       | emails           | value display type primary
            USER       | phoneNumbers     | value display type primary
            USER       | ims              | value display type primary
            USER       | photos           | value display type primary
            USER       | addresses        | formatted streetAddress locality region postalCode country type
            USER       | groups           | value $ref display type
            USER       | entitlements     | value display type primary
            USER       | roles            | value display type primary
            USER       | x509Certificates | value display type primary
            ENTERPRISE | manager          | value $ref displayName
            GROUP      | members          | value $ref type
            COMMON     | meta             | resourceType created lastModified location version
            """)
    void complexAttribute_hasTheRfcSubAttributesInOrder(String schema, String path, String names) {
        assertThat(resolve(schema, path).subAttributes()).extracting(AttributeDefinition::name)
                .containsExactlyElementsOf(words(names));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            USER       | userName name displayName nickName profileUrl title userType preferredLanguage locale timezone active password emails phoneNumbers ims photos addresses groups entitlements roles x509Certificates
            ENTERPRISE | employeeNumber costCenter organization division department manager
            GROUP      | displayName members
            COMMON     | id externalId meta
            """)
    void schema_hasTheRfcTopLevelAttributesInOrder(String schema, String names) {
        assertThat(topLevel(schema)).extracting(AttributeDefinition::name).containsExactlyElementsOf(words(names));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            USER       | urn:ietf:params:scim:schemas:core:2.0:User                | User           | User Account
            ENTERPRISE | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User | EnterpriseUser | Enterprise User
            GROUP      | urn:ietf:params:scim:schemas:core:2.0:Group               | Group          | Group
            """)
    void schema_hasTheRfcIdNameAndDescription(String alias, String id, String name, String description) {
        SchemaDefinition schema = schema(alias);

        assertThat(schema.id()).isEqualTo(id);
        assertThat(schema.name()).isEqualTo(name);
        assertThat(schema.description()).isEqualTo(description);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            USER       | userName         | Unique identifier for the User, typically used by the user to directly authenticate to the service provider. Each User MUST include a non-empty userName value. This identifier MUST be unique across the service provider's entire set of Users. REQUIRED.
            USER       | name.middleName  | The middle name(s) of the User (e.g., 'Jane' given the full name 'Ms. Barbara J Jensen, III').
            USER       | title            | The user's title, such as "Vice President."
            USER       | emails.primary   | A Boolean value indicating the 'primary' or preferred attribute value for this attribute, e.g., the preferred mailing address or primary email address. The primary attribute value 'true' MUST appear no more than once.
            USER       | roles.primary    | A Boolean value indicating the 'primary' or preferred attribute value for this attribute. The primary attribute value 'true' MUST appear no more than once.
            USER       | groups.display   | A human-readable name, primarily used for display purposes. READ-ONLY.
            ENTERPRISE | manager.value    | The id of the SCIM resource representing the User's manager. REQUIRED.
            GROUP      | displayName      | A human-readable name for the Group. REQUIRED.
            """)
    void attribute_hasTheRfcDescription(String schema, String path, String description) {
        assertThat(resolve(schema, path).description()).isEqualTo(description);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyAttribute")
    void everyAttribute_isWellFormed(String path, AttributeDefinition attribute, boolean isSubAttribute) {
        assertThat(attribute.description()).as("description").isNotBlank();
        assertThat(attribute.isComplex()).as("complex exactly when it has sub-attributes")
                .isEqualTo(!attribute.subAttributes().isEmpty());
        assertThat(attribute.type() == AttributeType.REFERENCE).as("reference exactly when it has referenceTypes")
                .isEqualTo(!attribute.referenceTypes().isEmpty());
        if (!attribute.canonicalValues().isEmpty()) {
            assertThat(attribute.type()).as("canonical values only on strings").isEqualTo(AttributeType.STRING);
        }
        if (isSubAttribute) {
            // RFC 7643 §2.3.8: a complex attribute's sub-attributes have no sub-attributes of their own.
            assertThat(attribute.isComplex()).as("nested complex").isFalse();
            assertThat(attribute.multiValued()).as("multi-valued sub-attribute").isFalse();
        }
        Set<String> seen = new HashSet<>();
        for (AttributeDefinition sub : attribute.subAttributes()) {
            assertThat(seen.add(sub.lowerName())).as("duplicate sub-attribute %s", sub.name()).isTrue();
        }
    }

    @Test
    void coreSchemas_haveNoDuplicateTopLevelNamesAndNoCommonAttribute() {
        for (SchemaDefinition schema : CoreSchemas.all()) {
            List<String> names = schema.attributes().stream().map(AttributeDefinition::lowerName).toList();
            assertThat(names).as(schema.name()).doesNotHaveDuplicates().doesNotContain("id", "externalid", "meta");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "urn:ietf:params:scim:schemas:core:2.0:User", "URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER",
            "urn:ietf:params:scim:schemas:core:2.0:user", "Urn:Ietf:Params:Scim:Schemas:Core:2.0:User"})
    void byId_anyCaseOfTheUserUrn_findsUser(String urn) {
        assertThat(CoreSchemas.byId(urn)).containsSame(CoreSchemas.USER);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:user | ENTERPRISE
            URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER | ENTERPRISE
            urn:ietf:params:scim:schemas:core:2.0:GROUP                | GROUP
            urn:ietf:params:scim:schemas:core:2.0:Group                | GROUP
            """)
    void byId_otherSchemasInAnyCase_areFound(String urn, String alias) {
        assertThat(CoreSchemas.byId(urn)).containsSame(schema(alias));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @NullSource
    @ValueSource(strings = {"", "User", "urn:ietf:params:scim:schemas:core:2.0:Schema",
            "urn:ietf:params:scim:schemas:core:2.0:User ", "urn:ietf:params:scim:schemas:core:2.0:Users",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:Group"})
    void byId_unknownOrNullUrn_isEmpty(String urn) {
        assertThat(CoreSchemas.byId(urn)).isEmpty();
    }

    @Test
    void all_listsUserEnterpriseUserAndGroup() {
        assertThat(CoreSchemas.all()).containsExactly(CoreSchemas.USER, CoreSchemas.ENTERPRISE_USER,
                CoreSchemas.GROUP);
        assertThat(CoreSchemas.all()).extracting(SchemaDefinition::id)
                .containsExactly(Schemas.USER, Schemas.ENTERPRISE_USER, Schemas.GROUP);
    }

    @Test
    void constants_cannotBeModified() {
        AttributeDefinition extra = AttributeDefinition.builder("extra").build();

        assertThatThrownBy(() -> CoreSchemas.USER.attributes().add(extra))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> CoreSchemas.COMMON_ATTRIBUTES.remove(0))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> resolve("GROUP", "members").subAttributes().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> resolve("USER", "emails.type").canonicalValues().add("spam"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> CoreSchemas.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    static Stream<Arguments> everyAttribute() {
        List<Arguments> all = new ArrayList<>();
        for (String alias : List.of("USER", "ENTERPRISE", "GROUP", "COMMON")) {
            for (AttributeDefinition attribute : topLevel(alias)) {
                String path = alias + " " + attribute.name();
                all.add(Arguments.of(path, attribute, false));
                for (AttributeDefinition sub : attribute.subAttributes()) {
                    all.add(Arguments.of(path + "." + sub.name(), sub, true));
                }
            }
        }
        return all.stream();
    }

    private static SchemaDefinition schema(String alias) {
        return switch (alias) {
            case "USER" -> CoreSchemas.USER;
            case "ENTERPRISE" -> CoreSchemas.ENTERPRISE_USER;
            case "GROUP" -> CoreSchemas.GROUP;
            default -> throw new IllegalArgumentException(alias);
        };
    }

    private static List<AttributeDefinition> topLevel(String alias) {
        return alias.equals("COMMON") ? CoreSchemas.COMMON_ATTRIBUTES : schema(alias).attributes();
    }

    /** {@code attribute} or {@code attribute.subAttribute}, with names as written (case-sensitive on purpose). */
    private static AttributeDefinition resolve(String alias, String path) {
        String[] parts = path.split("\\.");
        AttributeDefinition attribute = find(topLevel(alias), parts[0], alias);
        if (parts.length == 2) {
            attribute = find(attribute.subAttributes(), parts[1], path);
        }
        return attribute;
    }

    private static AttributeDefinition find(List<AttributeDefinition> attributes, String name, String where) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + where));
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }
}
