package dev.dirsync.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.dirsync.scim.protocol.Schemas;
import dev.dirsync.scim.schema.AttributeDefinition;
import dev.dirsync.scim.schema.AttributeType;
import dev.dirsync.scim.schema.CoreSchemas;
import dev.dirsync.scim.schema.Mutability;
import dev.dirsync.scim.schema.ResourceTypeDefinition;
import dev.dirsync.scim.schema.SchemaDefinition;
import org.keycloak.models.UserModel;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;

/**
 * Builds a realm's {@link IdentityModel} from its declarative user-profile configuration. Pure: no session, no I/O.
 *
 * <p>The built-in mappings need no configuration: {@code userName}, {@code name.givenName},
 * {@code name.familyName}, the primary e-mail, {@code active} and {@code externalId}. Every other SCIM value is
 * stored in the user-profile attribute annotated with its path ({@value IdentityModel#SCIM_ANNOTATION}). An
 * annotation that cannot be honoured is skipped and reported in {@link IdentityModel#problems()}; it never breaks
 * the realm.
 */
public final class IdentityModelBuilder {

    /** User-profile attributes whose SCIM place is fixed; annotations on them are ignored. */
    private static final Set<String> BUILT_IN_PROFILE_ATTRIBUTES = Set.of(UserModel.USERNAME, UserModel.EMAIL,
            UserModel.FIRST_NAME, UserModel.LAST_NAME);

    /** SCIM paths the server owns; a user-profile attribute cannot claim them. */
    private static final Set<String> RESERVED_CORE_ATTRIBUTES = Set.of("id", "meta", "schemas", "username", "active",
            "password", "groups");

    private final List<AttributeMapping> mappings = new ArrayList<>();
    private final Map<String, AttributeMapping> byKey = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private IdentityModelBuilder() {
    }

    public static IdentityModel fromUserProfile(UPConfig config) {
        IdentityModelBuilder builder = new IdentityModelBuilder();
        builder.addBuiltIns();
        String externalIdAttribute = null;
        // A configuration that was never given attributes answers null rather than an empty list.
        List<UPAttribute> attributes = config.getAttributes() == null ? List.of() : config.getAttributes();
        for (UPAttribute attribute : attributes) {
            List<String> paths = annotatedPaths(attribute);
            if (paths.isEmpty()) {
                continue;
            }
            if (BUILT_IN_PROFILE_ATTRIBUTES.contains(attribute.getName())) {
                builder.problems.add("Attribute '" + attribute.getName() + "' has a fixed SCIM mapping; its "
                        + IdentityModel.SCIM_ANNOTATION + " annotation is ignored");
                continue;
            }
            for (String path : paths) {
                if ("externalid".equalsIgnoreCase(path) || ("urn:ietf:params:scim:schemas:core:2.0:user:externalid")
                        .equalsIgnoreCase(path)) {
                    if (externalIdAttribute == null) {
                        externalIdAttribute = attribute.getName();
                    } else {
                        builder.problems.add("externalId is claimed by '" + externalIdAttribute + "' and '"
                                + attribute.getName() + "'; '" + attribute.getName() + "' is ignored");
                    }
                    continue;
                }
                builder.addCustom(attribute, path);
            }
        }
        builder.addExternalId(externalIdAttribute);
        return builder.build();
    }

    static List<String> annotatedPaths(UPAttribute attribute) {
        Map<String, Object> annotations = attribute.getAnnotations();
        Object value = annotations == null ? null : annotations.get(IdentityModel.SCIM_ANNOTATION);
        if (value instanceof String path) {
            return path.isBlank() ? List.of() : List.of(path.trim());
        }
        if (value instanceof Collection<?> paths) {
            return paths.stream().filter(String.class::isInstance).map(p -> ((String) p).trim())
                    .filter(p -> !p.isEmpty()).toList();
        }
        return List.of();
    }

    private void addBuiltIns() {
        SchemaDefinition user = CoreSchemas.USER;
        AttributeDefinition name = user.attribute("name").orElseThrow();
        AttributeDefinition emails = user.attribute("emails").orElseThrow();
        add(new AttributeMapping(ScimPath.core("userName", null), Storage.USERNAME, UserModel.USERNAME, false,
                user.attribute("userName").orElseThrow(), user.attribute("userName").orElseThrow()));
        add(new AttributeMapping(ScimPath.core("name", "givenName"), Storage.FIRST_NAME, UserModel.FIRST_NAME, false,
                name, name.subAttribute("givenName").orElseThrow()));
        add(new AttributeMapping(ScimPath.core("name", "familyName"), Storage.LAST_NAME, UserModel.LAST_NAME, false,
                name, name.subAttribute("familyName").orElseThrow()));
        add(new AttributeMapping(ScimPath.core("emails", "value"), Storage.EMAIL, UserModel.EMAIL, false, emails,
                emails.subAttribute("value").orElseThrow()));
        add(new AttributeMapping(ScimPath.core("active", null), Storage.ENABLED, UserModel.ENABLED, false,
                user.attribute("active").orElseThrow(), user.attribute("active").orElseThrow()));
    }

    private void addExternalId(String profileAttribute) {
        AttributeDefinition externalId = CoreSchemas.COMMON_ATTRIBUTES.stream().filter(a -> a.named("externalId"))
                .findFirst().orElseThrow();
        add(new AttributeMapping(ScimPath.core("externalId", null), Storage.ATTRIBUTE,
                profileAttribute == null ? InternalAttributes.EXTERNAL_ID : profileAttribute, false, externalId,
                externalId));
    }

    private void addCustom(UPAttribute profileAttribute, String text) {
        String owner = "Attribute '" + profileAttribute.getName() + "': ";
        ScimPath path;
        try {
            path = ScimPath.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(owner + e.getMessage());
            return;
        }
        if (path.isCore() && RESERVED_CORE_ATTRIBUTES.contains(path.attribute().toLowerCase(Locale.ROOT))) {
            problems.add(owner + "'" + text + "' is managed by the server and cannot be mapped");
            return;
        }
        Optional<AttributeDefinition> definition = definitionOf(path, profileAttribute.isMultivalued());
        if (definition.isEmpty()) {
            problems.add(owner + "'" + text + "' is not an attribute of schema " + path.schema());
            return;
        }
        AttributeDefinition top = definition.get();
        if (top.mutability() == Mutability.READ_ONLY) {
            problems.add(owner + "'" + text + "' is read-only in SCIM and cannot be mapped");
            return;
        }
        if (top.isComplex() && path.subAttribute() == null) {
            if (top.subAttribute("value").isPresent() && path.type() == null) {
                path = new ScimPath(path.schema(), path.attribute(), null, "value");
            } else {
                problems.add(owner + "'" + text + "' is complex: name a sub-attribute, e.g. " + text + ".value");
                return;
            }
        }
        if (path.type() != null && !top.multiValued()) {
            problems.add(owner + "'" + text + "': a [type eq …] filter needs a multi-valued attribute");
            return;
        }
        AttributeDefinition leaf = top;
        if (path.subAttribute() != null) {
            Optional<AttributeDefinition> sub = top.subAttribute(path.subAttribute());
            if (sub.isEmpty()) {
                problems.add(owner + "'" + text + "': " + path.attribute() + " has no sub-attribute "
                        + path.subAttribute());
                return;
            }
            leaf = sub.get();
            path = new ScimPath(path.schema(), top.name(), path.type(), leaf.name());
        } else {
            path = new ScimPath(path.schema(), top.name(), path.type(), null);
        }
        if (path.isCore() && "emails".equalsIgnoreCase(path.attribute())
                && (path.type() == null || "work".equalsIgnoreCase(path.type()))) {
            problems.add(owner + "'" + text + "' is the primary e-mail, which Keycloak's e-mail stores");
            return;
        }
        Optional<AttributeMapping> clash = shapeConflict(path);
        if (clash.isPresent()) {
            problems.add(owner + "'" + text + "' conflicts with '" + clash.get().path() + "' of '"
                    + clash.get().userAttribute() + "': a custom attribute is either simple, complex, or "
                    + "multi-valued complex ([type eq …]), not several of these");
            return;
        }
        boolean multivalued = profileAttribute.isMultivalued() && path.type() == null
                && (top.multiValued() || leaf.multiValued());
        add(new AttributeMapping(path, Storage.ATTRIBUTE, profileAttribute.getName(), multivalued, top, leaf), owner);
    }

    /**
     * A mapping of the same custom-schema attribute with another shape. Each mapping of a custom URN defines the
     * attribute from its own path (simple, complex, or multi-valued complex when typed), so two shapes would make
     * one resource need two JSON forms of one attribute.
     */
    private Optional<AttributeMapping> shapeConflict(ScimPath path) {
        if (CoreSchemas.byId(path.schema()).isPresent()) {
            return Optional.empty();
        }
        return mappings.stream().filter(m -> m.path().schema().equalsIgnoreCase(path.schema())
                && m.path().attribute().equalsIgnoreCase(path.attribute())
                && ((m.path().subAttribute() == null) != (path.subAttribute() == null)
                        || (m.path().type() == null) != (path.type() == null)))
                .findFirst();
    }

    /** The definition of the top-level attribute of {@code path}; custom schema URNs get a string attribute. */
    private static Optional<AttributeDefinition> definitionOf(ScimPath path, boolean multivalued) {
        Optional<SchemaDefinition> known = CoreSchemas.byId(path.schema());
        if (known.isPresent()) {
            if (known.get() == CoreSchemas.GROUP) {
                return Optional.empty();
            }
            return known.get().attribute(path.attribute());
        }
        if (!path.schema().regionMatches(true, 0, "urn:", 0, 4)) {
            return Optional.empty();
        }
        AttributeDefinition.Builder custom = AttributeDefinition.builder(path.attribute())
                .description("Custom attribute mapped from the user profile");
        if (path.subAttribute() != null) {
            AttributeDefinition.Builder sub = AttributeDefinition.builder(path.subAttribute());
            custom.subAttributes(sub.build());
            if (path.type() != null) {
                custom.multiValued();
            }
        } else if (multivalued) {
            custom.multiValued();
        }
        return Optional.of(custom.build());
    }

    private void add(AttributeMapping mapping) {
        add(mapping, "");
    }

    private void add(AttributeMapping mapping, String owner) {
        AttributeMapping previous = byKey.putIfAbsent(mapping.path().key(), mapping);
        if (previous != null) {
            problems.add(owner + "'" + mapping.path() + "' is already mapped to '" + previous.userAttribute() + "'");
            return;
        }
        mappings.add(mapping);
    }

    private IdentityModel build() {
        SchemaDefinition core = restrict(CoreSchemas.USER, Schemas.USER);
        List<ResourceTypeDefinition.Extension> extensions = new ArrayList<>();
        Map<String, SchemaDefinition> customs = new LinkedHashMap<>();
        for (AttributeMapping m : mappings) {
            if (m.path().isCore()) {
                continue;
            }
            Optional<SchemaDefinition> known = CoreSchemas.byId(m.path().schema());
            if (known.isPresent()) {
                customs.computeIfAbsent(known.get().id(), id -> restrict(known.get(), id));
            } else {
                customs.computeIfAbsent(m.path().schema().toLowerCase(Locale.ROOT), id -> customSchema(m.path().schema()));
            }
        }
        customs.values().forEach(s -> extensions.add(new ResourceTypeDefinition.Extension(s, false)));
        ResourceTypeDefinition user = new ResourceTypeDefinition("User", "User", "/Users", "User Account", core,
                extensions);
        ResourceTypeDefinition group = new ResourceTypeDefinition("Group", "Group", "/Groups", "Group",
                groupSchema(), List.of());
        return new IdentityModel(mappings, user, group, problems);
    }

    /** The schema {@code id} keeping only what is mapped (plus the server-managed User attributes). */
    private SchemaDefinition restrict(SchemaDefinition schema, String id) {
        List<AttributeDefinition> kept = new ArrayList<>();
        for (AttributeDefinition attribute : schema.attributes()) {
            boolean serverManaged = Schemas.USER.equals(id)
                    && Set.of("password", "groups").contains(attribute.lowerName());
            List<AttributeMapping> mapped = mappings.stream()
                    .filter(m -> m.path().schema().equalsIgnoreCase(id) && attribute.named(m.path().attribute()))
                    .toList();
            if (mapped.isEmpty() && !serverManaged) {
                continue;
            }
            if (!attribute.isComplex() || serverManaged) {
                kept.add(withMultiValuedFromProfile(attribute, mapped));
                continue;
            }
            List<AttributeDefinition> subs = new ArrayList<>();
            for (AttributeDefinition sub : attribute.subAttributes()) {
                boolean subMapped = mapped.stream().anyMatch(m -> sub.named(m.path().subAttribute()));
                boolean structural = attribute.multiValued() && (sub.named("type") || sub.named("primary"))
                        && mapped.stream().anyMatch(m -> m.path().type() != null || m.isPrimaryEmail());
                if (subMapped || structural) {
                    subs.add(sub);
                }
            }
            kept.add(attribute.withSubAttributes(subs));
        }
        return schema.withAttributes(kept);
    }

    private static AttributeDefinition withMultiValuedFromProfile(AttributeDefinition attribute,
            List<AttributeMapping> mapped) {
        return mapped.stream().anyMatch(AttributeMapping::multivalued) && !attribute.multiValued()
                ? attribute.withMultiValued(true) : attribute;
    }

    private SchemaDefinition customSchema(String urn) {
        Map<String, List<AttributeMapping>> byAttribute = new LinkedHashMap<>();
        mappings.stream().filter(m -> m.path().schema().equalsIgnoreCase(urn))
                .forEach(m -> byAttribute.computeIfAbsent(m.path().attribute().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(m));
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (List<AttributeMapping> group : byAttribute.values()) {
            AttributeMapping first = group.get(0);
            if (first.path().subAttribute() == null) {
                attributes.add(first.multivalued() ? first.attribute().withMultiValued(true) : first.attribute());
                continue;
            }
            List<AttributeDefinition> subs = new ArrayList<>();
            group.forEach(m -> {
                if (subs.stream().noneMatch(s -> s.named(m.leaf().name()))) {
                    subs.add(m.leaf());
                }
            });
            boolean typed = group.stream().anyMatch(m -> m.path().type() != null);
            if (typed) {
                subs.add(AttributeDefinition.builder("type").description("A label for this value").build());
            }
            AttributeDefinition.Builder b = AttributeDefinition.builder(first.attribute().name())
                    .description(first.attribute().description()).subAttributes(subs.toArray(AttributeDefinition[]::new));
            if (typed || first.attribute().multiValued()) {
                b.multiValued();
            }
            attributes.add(b.type(AttributeType.COMPLEX).build());
        }
        String name = urn.substring(urn.lastIndexOf(':') + 1);
        return new SchemaDefinition(urn, name, "Attributes mapped from the realm's user profile", attributes);
    }

    private static SchemaDefinition groupSchema() {
        SchemaDefinition group = CoreSchemas.GROUP;
        List<AttributeDefinition> kept = new ArrayList<>();
        for (AttributeDefinition attribute : group.attributes()) {
            if (attribute.named("members")) {
                kept.add(attribute.withSubAttributes(attribute.subAttributes().stream()
                        .filter(s -> s.named("value") || s.named("$ref") || s.named("type") || s.named("display"))
                        .toList()));
            } else if (attribute.named("displayName")) {
                // Keycloak needs a name for every group (RFC 7643 §4.2 calls it REQUIRED too).
                kept.add(attribute.withRequired(true));
            } else {
                kept.add(attribute);
            }
        }
        return group.withAttributes(kept);
    }
}
