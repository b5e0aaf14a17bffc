package dev.dirsync.model;

import static dev.dirsync.model.Profiles.ACME;
import static dev.dirsync.model.Profiles.ENTERPRISE;
import static dev.dirsync.model.Profiles.annotated;
import static dev.dirsync.model.Profiles.model;
import static dev.dirsync.model.Profiles.multivalued;
import static dev.dirsync.model.Profiles.plain;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.dirsync.scim.filter.AttributePath;
import dev.dirsync.scim.protocol.Schemas;
import dev.dirsync.scim.schema.AttributeDefinition;
import dev.dirsync.scim.schema.AttributeType;
import dev.dirsync.scim.schema.SchemaDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.userprofile.config.UPConfig;

/** How the user-profile annotations become the realm's SCIM mappings, problems and {@code /Schemas}. */
class IdentityModelBuilderTest {

    private static final String CORE = Schemas.USER;
    private static final String CANDIDATE = "candidate";

    // --- built-ins ---------------------------------------------------------------------------------------------

    @Test
    void profileWithoutAttributes_hasTheBuiltInMappingsAndNoProblem() {
        IdentityModel model = IdentityModelBuilder.fromUserProfile(new UPConfig());

        assertThat(model.userMappings()).extracting(m -> m.path().toString())
                .containsExactly("userName", "name.givenName", "name.familyName", "emails.value", "active",
                        "externalId");
        assertThat(model.problems()).isEmpty();
    }

    @Test
    void profileWithoutAnnotations_hasOnlyTheBuiltInMappings() {
        IdentityModel model = model(plain("phone"), plain("department"));

        assertThat(model.userMappings()).extracting(m -> m.path().toString())
                .containsExactly("userName", "name.givenName", "name.familyName", "emails.value", "active",
                        "externalId");
        assertThat(model.userMappings()).extracting(AttributeMapping::userAttribute)
                .doesNotContain("phone", "department");
        assertThat(model.problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            userName        | USERNAME   | username           | userName   | userName   | string
            name.givenName  | FIRST_NAME | firstName          | name       | givenName  | string
            name.familyName | LAST_NAME  | lastName           | name       | familyName | string
            emails.value    | EMAIL      | email              | emails     | value      | string
            active          | ENABLED    | enabled            | active     | active     | boolean
            externalId      | ATTRIBUTE  | dirsync.externalId | externalId | externalId | string
            """)
    void builtIn_isMappedWithoutAnnotation(String path, Storage storage, String userAttribute, String attribute,
            String leaf, String leafType) {
        AttributeMapping mapping = mappingOf(model(), path).orElseThrow();

        assertThat(mapping.storage()).isEqualTo(storage);
        assertThat(mapping.userAttribute()).isEqualTo(userAttribute);
        assertThat(mapping.path().isCore()).isTrue();
        assertThat(mapping.attribute().name()).isEqualTo(attribute);
        assertThat(mapping.leaf().name()).isEqualTo(leaf);
        assertThat(mapping.leaf().type().scimName()).isEqualTo(leafType);
        assertThat(mapping.multivalued()).isFalse();
        assertThat(mapping.isPrimaryEmail()).isEqualTo(storage == Storage.EMAIL);
    }

    // --- supported annotation forms ----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            title                                             | CORE       | title         | -      | -             | title         | string    | title
            urn:ietf:params:scim:schemas:core:2.0:User:title  | CORE       | title         | -      | -             | title         | string    | title
            TITLE                                             | CORE       | title         | -      | -             | title         | string    | title
            nickName                                          | CORE       | nickName      | -      | -             | nickName      | string    | nickName
            profileUrl                                        | CORE       | profileUrl    | -      | -             | profileUrl    | reference | profileUrl
            name.middleName                                   | CORE       | name          | -      | middleName    | middleName    | string    | name.middleName
            Name.MiddleName                                   | CORE       | name          | -      | middleName    | middleName    | string    | name.middleName
            name.formatted                                    | CORE       | name          | -      | formatted     | formatted     | string    | name.formatted
            phoneNumbers[type eq "work"].value                | CORE       | phoneNumbers  | work   | value         | value         | string    | phoneNumbers[type eq "work"].value
            phoneNumbers[type eq "work"].primary              | CORE       | phoneNumbers  | work   | primary       | primary       | boolean   | phoneNumbers[type eq "work"].primary
            addresses[type eq "work"].locality                | CORE       | addresses     | work   | locality      | locality      | string    | addresses[type eq "work"].locality
            emails[type eq "home"].value                      | CORE       | emails        | home   | value         | value         | string    | emails[type eq "home"].value
            roles                                             | CORE       | roles         | -      | value         | value         | string    | roles.value
            roles.value                                       | CORE       | roles         | -      | value         | value         | string    | roles.value
            phoneNumbers                                      | CORE       | phoneNumbers  | -      | value         | value         | string    | phoneNumbers.value
            x509Certificates                                  | CORE       | x509Certificates | -   | value         | value         | binary    | x509Certificates.value
            ENTERPRISE:department                             | ENTERPRISE | department    | -      | -             | department    | string    | ENTERPRISE:department
            ENTERPRISE:employeeNumber                         | ENTERPRISE | employeeNumber | -     | -             | employeeNumber | string   | ENTERPRISE:employeeNumber
            ENTERPRISE:manager.value                          | ENTERPRISE | manager       | -      | value         | value         | string    | ENTERPRISE:manager.value
            ENTERPRISE:manager                                | ENTERPRISE | manager       | -      | value         | value         | string    | ENTERPRISE:manager.value
            urn:acme:x:User:costCode                          | ACME       | costCode      | -      | -             | costCode      | string    | urn:acme:x:User:costCode
            urn:acme:x:User:badge.number                      | ACME       | badge         | -      | number        | number        | string    | urn:acme:x:User:badge.number
            urn:acme:x:User:site[type eq "home"].city         | ACME       | site          | home   | city          | city          | string    | urn:acme:x:User:site[type eq "home"].city
            """)
    void supportedAnnotation_mapsToItsSchemaAttributeAndLeaf(String annotation, String schema, String attribute,
            String type, String subAttribute, String leaf, String leafType, String canonical) {
        IdentityModel model = model(annotated(CANDIDATE, expand(annotation)));

        assertThat(model.problems()).isEmpty();
        assertThat(candidateMappings(model)).hasSize(1);
        AttributeMapping mapping = candidateMappings(model).get(0);
        assertThat(mapping.storage()).isEqualTo(Storage.ATTRIBUTE);
        assertThat(mapping.path().schema()).isEqualToIgnoringCase(schemaOf(schema));
        assertThat(mapping.path().attribute()).isEqualTo(attribute);
        assertThat(mapping.path().type()).isEqualTo(type);
        assertThat(mapping.path().subAttribute()).isEqualTo(subAttribute);
        assertThat(mapping.path().toString()).isEqualTo(expand(canonical));
        assertThat(mapping.attribute().name()).isEqualTo(attribute);
        assertThat(mapping.leaf().name()).isEqualTo(leaf);
        assertThat(mapping.leaf().type().scimName()).isEqualTo(leafType);
        assertThat(mapping.isPrimaryEmail()).isFalse();
    }

    @Test
    void annotationWithSurroundingBlanks_isTrimmed() {
        IdentityModel model = model(annotated(CANDIDATE, "  title \t"));

        assertThat(candidateMappings(model)).extracting(m -> m.path().toString()).containsExactly("title");
        assertThat(model.problems()).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "   "})
    void blankAnnotation_isIgnoredWithoutProblem(String annotation) {
        IdentityModel model = model(annotated(CANDIDATE, annotation));

        assertThat(candidateMappings(model)).isEmpty();
        assertThat(model.problems()).isEmpty();
    }

    @Test
    void annotationOfAnotherType_isIgnoredWithoutProblem() {
        IdentityModel model = model(annotated(CANDIDATE, 42));

        assertThat(candidateMappings(model)).isEmpty();
        assertThat(model.problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0} multivalued={1}")
    @CsvSource(delimiter = '|', textBlock = """
            roles                              | true  | true
            roles                              | false | false
            phoneNumbers.value                 | true  | true
            title                              | true  | false
            name.middleName                    | true  | false
            phoneNumbers[type eq "work"].value | true  | false
            ENTERPRISE:department              | true  | false
            urn:acme:x:User:tags               | true  | true
            urn:acme:x:User:tags               | false | false
            urn:acme:x:User:badge.number       | true  | false
            """)
    void multivaluedProfileAttribute_isMultivaluedOnlyWhereScimHoldsSeveralValues(String annotation,
            boolean profileMultivalued, boolean expected) {
        var attribute = annotated(CANDIDATE, expand(annotation));
        attribute.setMultivalued(profileMultivalued);

        IdentityModel model = model(attribute);

        assertThat(candidateMappings(model)).singleElement()
                .satisfies(m -> assertThat(m.multivalued()).isEqualTo(expected));
    }

    @Test
    void annotationList_mapsEveryPathToTheSameAttribute() {
        IdentityModel model = model(annotated(CANDIDATE, List.of("title", ENTERPRISE + "department", " nickName ")));

        assertThat(candidateMappings(model)).extracting(m -> m.path().toString())
                .containsExactly("title", ENTERPRISE + "department", "nickName");
        assertThat(model.problems()).isEmpty();
    }

    @Test
    void annotationList_skipsBlankAndNonTextEntries() {
        IdentityModel model = model(annotated(CANDIDATE, Arrays.asList("", 7, "title", null)));

        assertThat(candidateMappings(model)).extracting(m -> m.path().toString()).containsExactly("title");
        assertThat(model.problems()).isEmpty();
    }

    @Test
    void annotationList_withOneInvalidPath_keepsTheValidOnesAndReportsTheOther() {
        IdentityModel model = model(annotated(CANDIDATE, List.of("title", "userName", "nickName")));

        assertThat(candidateMappings(model)).extracting(m -> m.path().toString()).containsExactly("title", "nickName");
        assertThat(model.problems()).singleElement().asString().contains("'userName'");
    }

    // --- externalId ----------------------------------------------------------------------------------------------

    @Test
    void noExternalIdAnnotation_storesExternalIdInTheInternalAttribute() {
        IdentityModel model = model(annotated("employeeId", "title"));

        assertThat(model.externalIdAttribute()).isEqualTo(InternalAttributes.EXTERNAL_ID);
        assertThat(mappingOf(model, "externalId")).get().extracting(AttributeMapping::userAttribute)
                .isEqualTo("dirsync.externalId");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"externalId", "EXTERNALID", "urn:ietf:params:scim:schemas:core:2.0:User:externalId",
            "URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:EXTERNALID"})
    void externalIdAnnotation_claimsExternalId(String annotation) {
        IdentityModel model = model(annotated("employeeId", annotation));

        assertThat(model.externalIdAttribute()).isEqualTo("employeeId");
        assertThat(model.userMappings()).filteredOn(m -> m.path().attribute().equals("externalId")).singleElement()
                .satisfies(m -> {
                    assertThat(m.userAttribute()).isEqualTo("employeeId");
                    assertThat(m.storage()).isEqualTo(Storage.ATTRIBUTE);
                    assertThat(m.path().isCore()).isTrue();
                });
        assertThat(model.userMappings()).extracting(AttributeMapping::userAttribute)
                .doesNotContain(InternalAttributes.EXTERNAL_ID);
        assertThat(model.problems()).isEmpty();
    }

    @Test
    void externalIdInAnnotationList_claimsExternalIdAndMapsTheOtherPaths() {
        IdentityModel model = model(annotated("employeeId", List.of("externalId", ENTERPRISE + "employeeNumber")));

        assertThat(model.externalIdAttribute()).isEqualTo("employeeId");
        assertThat(mappingOf(model, ENTERPRISE + "employeeNumber")).get().extracting(AttributeMapping::userAttribute)
                .isEqualTo("employeeId");
    }

    @Test
    void externalIdClaimedTwice_firstClaimWinsAndTheSecondIsReported() {
        IdentityModel model = model(annotated("first", "externalId"), annotated("second", "externalId"));

        assertThat(model.externalIdAttribute()).isEqualTo("first");
        assertThat(model.userMappings()).filteredOn(m -> m.path().attribute().equals("externalId")).hasSize(1);
        assertThat(model.problems()).singleElement().asString().contains("'first'", "'second'", "externalId");
    }

    // --- rejected annotations ----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nonsense                                              | is not an attribute of schema
            manager                                               | is not an attribute of schema
            name.bogus                                            | has no sub-attribute bogus
            ENTERPRISE:bogus                                      | is not an attribute of schema
            urn:ietf:params:scim:schemas:core:2.0:Group:displayName | is not an attribute of schema
            urn:ietf:params:scim:schemas:core:2.0:Group:members   | is not an attribute of schema
            not a path                                            | is not a SCIM attribute path
            title.                                                | is not a SCIM attribute path
            userName                                              | is managed by the server
            USERNAME                                              | is managed by the server
            urn:ietf:params:scim:schemas:core:2.0:User:userName   | is managed by the server
            active                                                | is managed by the server
            password                                              | is managed by the server
            groups                                                | is managed by the server
            groups.value                                          | is managed by the server
            urn:ietf:params:scim:schemas:core:2.0:User:groups     | is managed by the server
            id                                                    | is managed by the server
            schemas                                               | is managed by the server
            meta                                                  | is managed by the server
            meta.created                                          | is managed by the server
            meta.lastModified                                     | is managed by the server
            name                                                  | is complex
            addresses                                             | is complex
            title[type eq "x"].value                              | needs a multi-valued attribute
            name[type eq "x"].givenName                           | needs a multi-valued attribute
            ENTERPRISE:manager[type eq "x"].value                 | needs a multi-valued attribute
            phoneNumbers[type eq "work"]                          | only value filters of the form
            phoneNumbers[value eq "1"].value                      | only value filters of the form
            phoneNumbers[type ne "work"].value                    | only value filters of the form
            phoneNumbers[type sw "w"].value                       | only value filters of the form
            phoneNumbers[type eq "work" and primary eq true].value | only value filters of the form
            phoneNumbers[primary eq true].value                   | only value filters of the form
            phoneNumbers[type eq true].value                      | only value filters of the form
            phoneNumbers[type.x eq "work"].value                  | only value filters of the form
            emails[type eq "work"].value                          | is the primary e-mail
            emails[type eq "WORK"].value                          | is the primary e-mail
            emails.value                                          | is the primary e-mail
            emails                                                | is the primary e-mail
            phoneNumbers[type eq "work"].bogus                    | has no sub-attribute bogus
            """)
    void rejectedAnnotation_isReportedAndNotMapped(String annotation, String reason) {
        IdentityModel model = model(annotated(CANDIDATE, expand(annotation)));

        assertThat(candidateMappings(model)).isEmpty();
        assertThat(model.problems()).singleElement().asString()
                .startsWith("Attribute '" + CANDIDATE + "': ")
                .contains(reason);
        assertThat(model.userMappings()).hasSize(6);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"username", "email", "firstName", "lastName"})
    void annotationOnBuiltInProfileAttribute_isIgnoredAndReported(String builtIn) {
        IdentityModel model = model(annotated(builtIn, "title"));

        assertThat(mappingOf(model, "title")).isEmpty();
        assertThat(model.userMappings()).hasSize(6);
        assertThat(model.problems()).singleElement().asString()
                .contains("'" + builtIn + "'", "fixed SCIM mapping");
    }

    @Test
    void annotationOnBuiltInProfileAttribute_keepsItsBuiltInMapping() {
        IdentityModel model = model(annotated("email", List.of("title", "externalId")));

        assertThat(mappingOf(model, "emails.value")).get().extracting(AttributeMapping::storage)
                .isEqualTo(Storage.EMAIL);
        assertThat(model.externalIdAttribute()).isEqualTo(InternalAttributes.EXTERNAL_ID);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = '|', textBlock = """
            title                              | title
            title                              | TITLE
            title                              | urn:ietf:params:scim:schemas:core:2.0:User:title
            ENTERPRISE:department              | urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:DEPARTMENT
            phoneNumbers[type eq "work"].value | phoneNumbers[type eq "Work"].value
            roles                              | roles.value
            ENTERPRISE:manager                 | ENTERPRISE:manager.value
            urn:acme:x:User:costCode           | urn:ACME:X:user:costcode
            """)
    void samePathOnTwoAttributes_keepsTheFirstAndReportsTheSecond(String first, String second) {
        IdentityModel model = model(annotated("first", expand(first)), annotated("second", expand(second)));

        assertThat(model.userMappings()).extracting(AttributeMapping::userAttribute).contains("first")
                .doesNotContain("second");
        assertThat(model.problems()).singleElement().asString()
                .startsWith("Attribute 'second': ")
                .contains("is already mapped to 'first'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            name.givenName  | firstName
            name.familyName | lastName
            """)
    void builtInPathOnACustomAttribute_isReportedAsAlreadyMapped(String path, String builtIn) {
        IdentityModel model = model(annotated(CANDIDATE, path));

        assertThat(candidateMappings(model)).isEmpty();
        assertThat(model.problems()).singleElement().asString().contains("already mapped to '" + builtIn + "'");
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = '|', textBlock = """
            urn:acme:x:User:site                      | urn:acme:x:User:site.city
            urn:acme:x:User:site.city                 | urn:acme:x:User:site
            urn:acme:x:User:site.city                 | urn:acme:x:User:site[type eq "home"].city
            urn:acme:x:User:site[type eq "home"].city | urn:acme:x:User:SITE.zip
            """)
    void customAttributeMappedWithTwoShapes_keepsTheFirstAndReportsTheSecond(String first, String second) {
        IdentityModel model = model(annotated("first", first), annotated("second", second));

        assertThat(model.userMappings()).extracting(AttributeMapping::userAttribute).contains("first")
                .doesNotContain("second");
        assertThat(model.problems()).singleElement().asString()
                .startsWith("Attribute 'second': ")
                .contains("conflicts with", "'first'");
    }

    @Test
    void customAttributeMappedWithOneShape_acceptsSeveralSubAttributesAndTypes() {
        IdentityModel model = model(annotated("homeCity", ACME + ":site[type eq \"home\"].city"),
                annotated("workCity", ACME + ":site[type eq \"work\"].city"),
                annotated("homeZip", ACME + ":site[type eq \"home\"].zip"));

        assertThat(model.problems()).isEmpty();
        assertThat(model.userMappings()).extracting(AttributeMapping::userAttribute)
                .contains("homeCity", "workCity", "homeZip");
    }

    @Test
    void readOnlySubAttribute_managerDisplayName_isMapped() {
        // RFC 7643 marks manager.displayName readOnly, but the "standard SCIM attributes" admin action maps it so
        // that the manager's name an IdP sends is kept: only read-only top-level attributes are refused.
        IdentityModel model = model(annotated("managerName", ENTERPRISE + "manager.displayName"));

        assertThat(model.problems()).isEmpty();
        assertThat(mappingOf(model, ENTERPRISE + "manager.displayName")).isPresent();
    }

    @Test
    void problems_areIndependentPerAttribute() {
        IdentityModel model = model(annotated("a", "userName"), annotated("b", "title"), annotated("c", "nonsense"));

        assertThat(model.problems()).hasSize(2);
        assertThat(model.problems().get(0)).startsWith("Attribute 'a': ");
        assertThat(model.problems().get(1)).startsWith("Attribute 'c': ");
        assertThat(mappingOf(model, "title")).isPresent();
    }

    // --- /Schemas and /ResourceTypes ---------------------------------------------------------------------------

    @Test
    void builtInsOnly_userSchemaKeepsBuiltInsPasswordAndGroups() {
        SchemaDefinition user = model().userType().schema();

        assertThat(user.id()).isEqualTo(CORE);
        assertThat(user.attributes()).extracting(AttributeDefinition::name)
                .containsExactly("userName", "name", "active", "password", "emails", "groups");
        assertThat(subNames(user, "name")).containsExactly("familyName", "givenName");
        assertThat(subNames(user, "emails")).containsExactly("value", "type", "primary");
        assertThat(subNames(user, "groups")).containsExactly("value", "$ref", "display", "type");
        assertThat(model().userType().extensions()).isEmpty();
    }

    @Test
    void mappedCoreAttributes_areAddedToTheUserSchemaWithOnlyTheirMappedSubAttributes() {
        SchemaDefinition user = Profiles.realistic().userType().schema();

        assertThat(user.attributes()).extracting(AttributeDefinition::name)
                .containsExactly("userName", "name", "title", "active", "password", "emails", "phoneNumbers",
                        "addresses", "groups", "roles");
        assertThat(subNames(user, "name")).containsExactly("familyName", "givenName", "middleName");
        assertThat(subNames(user, "emails")).containsExactly("value", "type", "primary");
        assertThat(subNames(user, "phoneNumbers")).containsExactly("value", "type", "primary");
        assertThat(subNames(user, "addresses")).as("addresses has no primary in RFC 7643")
                .containsExactly("locality", "type");
        assertThat(subNames(user, "roles")).as("untyped: no type/primary").containsExactly("value");
        assertThat(user.attribute("roles").orElseThrow().multiValued()).isTrue();
        assertThat(user.attribute("title").orElseThrow().multiValued()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nickName", "displayName", "ims", "photos", "entitlements", "x509Certificates",
            "timezone", "locale"})
    void unmappedCoreAttribute_isNotInTheUserSchema(String attribute) {
        assertThat(Profiles.realistic().userType().schema().attribute(attribute)).isEmpty();
    }

    @Test
    void rejectedAnnotation_addsNothingToTheSchema() {
        IdentityModel model = model(annotated(CANDIDATE, "nickName[type eq \"x\"].value"));

        assertThat(model.userType().schema().attribute("nickName")).isEmpty();
    }

    @Test
    void typedSubAttributeMapped_keepsThatSubAttributeAndTheLabels() {
        SchemaDefinition user = model(annotated("workPhonePrimary", "phoneNumbers[type eq \"work\"].primary"))
                .userType().schema();

        assertThat(subNames(user, "phoneNumbers")).containsExactly("type", "primary");
    }

    @Test
    void nothingOfTheEnterpriseExtensionMapped_hasNoEnterpriseExtension() {
        IdentityModel model = model(annotated("costCode", ACME + ":costCode"));

        assertThat(model.userType().schemaById(Schemas.ENTERPRISE_USER)).isEmpty();
        assertThat(model.isUserSchema(Schemas.ENTERPRISE_USER)).isFalse();
    }

    @Test
    void enterpriseAttributesMapped_enterpriseExtensionKeepsOnlyThem() {
        IdentityModel model = Profiles.realistic();

        SchemaDefinition enterprise = model.userType().schemaById(Schemas.ENTERPRISE_USER).orElseThrow();
        assertThat(enterprise.id()).isEqualTo(Schemas.ENTERPRISE_USER);
        assertThat(enterprise.attributes()).extracting(AttributeDefinition::name)
                .containsExactly("department", "manager");
        assertThat(subNames(enterprise, "manager")).containsExactly("value");
        assertThat(model.userType().extensions()).allSatisfy(e -> assertThat(e.required()).isFalse());
    }

    @Test
    void enterpriseMappedWithLowerCaseUrn_extensionHasTheCanonicalUrn() {
        IdentityModel model = model(annotated("dept", Schemas.ENTERPRISE_USER.toLowerCase() + ":department"));

        assertThat(model.userType().extensions()).singleElement()
                .satisfies(e -> assertThat(e.schema().id()).isEqualTo(Schemas.ENTERPRISE_USER));
    }

    @Test
    void customUrn_generatesASchemaOfItsMappedAttributes() {
        IdentityModel model = model(annotated("costCode", ACME + ":costCode"),
                multivalued(annotated("tags", ACME + ":tags")),
                annotated("homeCity", ACME + ":site[type eq \"home\"].city"),
                annotated("workZip", ACME + ":site[type eq \"work\"].zip"),
                annotated("badge", ACME + ":badge.number"));

        assertThat(model.problems()).isEmpty();
        SchemaDefinition acme = model.userType().schemaById(ACME).orElseThrow();
        assertThat(acme.id()).isEqualTo(ACME);
        assertThat(acme.name()).isEqualTo("User");
        assertThat(acme.attributes()).extracting(AttributeDefinition::name)
                .containsExactly("costCode", "tags", "site", "badge");
        assertThat(acme.attribute("costCode").orElseThrow())
                .satisfies(a -> {
                    assertThat(a.type()).isEqualTo(AttributeType.STRING);
                    assertThat(a.multiValued()).isFalse();
                });
        assertThat(acme.attribute("tags").orElseThrow())
                .satisfies(a -> {
                    assertThat(a.type()).isEqualTo(AttributeType.STRING);
                    assertThat(a.multiValued()).isTrue();
                });
        assertThat(acme.attribute("site").orElseThrow())
                .satisfies(a -> {
                    assertThat(a.type()).isEqualTo(AttributeType.COMPLEX);
                    assertThat(a.multiValued()).isTrue();
                    assertThat(a.subAttributes()).extracting(AttributeDefinition::name)
                            .containsExactly("city", "zip", "type");
                });
        assertThat(acme.attribute("badge").orElseThrow())
                .satisfies(a -> {
                    assertThat(a.type()).isEqualTo(AttributeType.COMPLEX);
                    assertThat(a.multiValued()).isFalse();
                    assertThat(a.subAttributes()).extracting(AttributeDefinition::name).containsExactly("number");
                });
    }

    @Test
    void customUrnsDifferingInCase_shareOneSchema() {
        IdentityModel model = model(annotated("a", "urn:acme:x:User:one"), annotated("b", "urn:ACME:X:USER:two"));

        assertThat(model.userType().extensions()).singleElement().satisfies(e -> {
            assertThat(e.schema().id()).isEqualTo("urn:acme:x:User");
            assertThat(e.schema().attributes()).extracting(AttributeDefinition::name).containsExactly("one", "two");
        });
    }

    @Test
    void twoCustomUrns_generateTwoSchemasInMappingOrder() {
        IdentityModel model = model(annotated("a", "urn:acme:y:User:one"), annotated("dept",
                ENTERPRISE + "department"), annotated("b", "urn:acme:x:User:two"));

        assertThat(model.userType().extensions()).extracting(e -> e.schema().id())
                .containsExactly("urn:acme:y:User", Schemas.ENTERPRISE_USER, "urn:acme:x:User");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            urn:ietf:params:scim:schemas:core:2.0:User                  | true
            URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER                  | true
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User  | true
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:user  | true
            urn:acme:x:User                                             | true
            urn:Acme:X:user                                             | true
            urn:acme:y:User                                             | false
            urn:ietf:params:scim:schemas:core:2.0:Group                 | false
            """)
    void isUserSchema_knowsTheCoreSchemaAndTheRealmsExtensions(String urn, boolean expected) {
        assertThat(Profiles.realistic().isUserSchema(urn)).isEqualTo(expected);
    }

    @Test
    void resourceTypes_areUserAndGroupWithTheirEndpoints() {
        IdentityModel model = model();

        assertThat(model.userType()).satisfies(t -> {
            assertThat(t.id()).isEqualTo("User");
            assertThat(t.endpoint()).isEqualTo("/Users");
            assertThat(t.schema().id()).isEqualTo(Schemas.USER);
        });
        assertThat(model.groupType()).satisfies(t -> {
            assertThat(t.id()).isEqualTo("Group");
            assertThat(t.endpoint()).isEqualTo("/Groups");
            assertThat(t.schema().id()).isEqualTo(Schemas.GROUP);
            assertThat(t.extensions()).isEmpty();
        });
    }

    @Test
    void groupSchema_requiresDisplayNameAndKeepsMemberReferences() {
        SchemaDefinition group = model().groupType().schema();

        assertThat(group.attributes()).extracting(AttributeDefinition::name).containsExactly("displayName", "members");
        assertThat(group.attribute("displayName").orElseThrow().required()).isTrue();
        assertThat(subNames(group, "members")).containsExactly("value", "$ref", "type");
    }

    // --- lookups -----------------------------------------------------------------------------------------------

    static Stream<Arguments> filterPaths() {
        return Stream.of(
                Arguments.of("emails", List.of("email", "homeEmail")),
                Arguments.of("emails.value", List.of("email", "homeEmail")),
                Arguments.of("EMAILS.VALUE", List.of("email", "homeEmail")),
                Arguments.of(CORE + ":emails", List.of("email", "homeEmail")),
                Arguments.of("emails.type", List.of()),
                Arguments.of("phoneNumbers", List.of("workPhone", "mobilePhone")),
                Arguments.of("name.givenName", List.of("firstName")),
                Arguments.of("name", List.of()),
                Arguments.of("userName", List.of("username")),
                Arguments.of("externalId", List.of(InternalAttributes.EXTERNAL_ID)),
                Arguments.of("active", List.of("enabled")),
                Arguments.of("title", List.of("jobTitle")),
                Arguments.of(CORE + ":title", List.of("jobTitle")),
                Arguments.of(ACME + ":title", List.of("acmeTitle")),
                Arguments.of("department", List.of("department")),
                Arguments.of(ENTERPRISE + "department", List.of("department")),
                Arguments.of(ACME + ":department", List.of()),
                Arguments.of("manager", List.of("managerId")),
                Arguments.of("manager.value", List.of("managerId")),
                Arguments.of("costCode", List.of("costCode")),
                Arguments.of("roles", List.of("roles")),
                Arguments.of("nickName", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterPaths")
    void userMappingsFor_findsEveryMappingAPathCanReferTo(String path, List<String> userAttributes) {
        IdentityModel model = model(
                annotated("jobTitle", "title"),
                annotated("acmeTitle", ACME + ":title"),
                annotated("homeEmail", "emails[type eq \"home\"].value"),
                annotated("workPhone", "phoneNumbers[type eq \"work\"].value"),
                annotated("mobilePhone", "phoneNumbers[type eq \"mobile\"].value"),
                annotated("department", ENTERPRISE + "department"),
                annotated("managerId", ENTERPRISE + "manager.value"),
                annotated("costCode", ACME + ":costCode"),
                multivalued(annotated("roles", "roles")));

        assertThat(model.userMappingsFor(AttributePath.parse(path))).extracting(AttributeMapping::userAttribute)
                .containsExactlyElementsOf(userAttributes);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            phoneNumbers[type eq "work"].value   | workPhone
            PHONENUMBERS[type eq "WORK"].VALUE   | workPhone
            title                                | jobTitle
            Title                                | jobTitle
            """)
    void userMapping_findsTheExactPathIgnoringCase(String path, String userAttribute) {
        IdentityModel model = model(annotated("jobTitle", "title"),
                annotated("workPhone", "phoneNumbers[type eq \"work\"].value"));

        assertThat(model.userMapping(ScimPath.parse(path))).get().extracting(AttributeMapping::userAttribute)
                .isEqualTo(userAttribute);
    }

    @Test
    void userMapping_ofAnUnmappedPath_isEmpty() {
        IdentityModel model = model(annotated("workPhone", "phoneNumbers[type eq \"work\"].value"));

        assertThat(model.userMapping(ScimPath.parse("phoneNumbers[type eq \"home\"].value"))).isEmpty();
        assertThat(model.userMapping(ScimPath.parse("phoneNumbers.value"))).isEmpty();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** Replaces the {@code ENTERPRISE:} shorthand of the tables by the enterprise URN. */
    private static String expand(String text) {
        return text.startsWith("ENTERPRISE:") ? ENTERPRISE + text.substring("ENTERPRISE:".length()) : text;
    }

    private static String schemaOf(String shorthand) {
        switch (shorthand) {
            case "CORE":
                return Schemas.USER;
            case "ENTERPRISE":
                return Schemas.ENTERPRISE_USER;
            default:
                return ACME;
        }
    }

    private static List<AttributeMapping> candidateMappings(IdentityModel model) {
        return model.userMappings().stream().filter(m -> m.userAttribute().equals(CANDIDATE)).toList();
    }

    private static Optional<AttributeMapping> mappingOf(IdentityModel model, String path) {
        return model.userMapping(ScimPath.parse(path));
    }

    private static List<String> subNames(SchemaDefinition schema, String attribute) {
        return schema.attribute(attribute).orElseThrow().subAttributes().stream().map(AttributeDefinition::name)
                .toList();
    }
}
