package dev.dirsync.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.scim.dialect.IdpDialects;
import dev.dirsync.scim.protocol.ScimJson;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.protocol.Schemas;
import dev.dirsync.scim.schema.AttributeDefinition;
import dev.dirsync.scim.schema.AttributeType;
import dev.dirsync.scim.schema.CoreSchemas;
import org.keycloak.models.UserModel;

/**
 * Turns Keycloak users into SCIM User resources and SCIM User bodies into what Keycloak stores, following one
 * realm's {@link IdentityModel}. The response is what was stored: only mapped values appear; {@code password} is
 * write-only.
 */
public final class UserScimMapper {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Top-level keys of a User body that are not mapped values but are not "unmapped" either. */
    private static final Set<String> NOT_VALUES = Set.of("schemas", "id", "meta", "groups", "password", "username",
            "active", "externalid");
    /** Sub-attributes that only label or rank a multi-valued value. */
    private static final Set<String> LABELS = Set.of("type", "primary", "display");

    private final IdentityModel model;

    public UserScimMapper(IdentityModel model) {
        this.model = model;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Keycloak -> SCIM
    // ------------------------------------------------------------------------------------------------------------

    /**
     * The SCIM resource of {@code user}, including {@code meta}; {@code baseUrl} is the SCIM base URL without
     * trailing slash.
     */
    public ObjectNode toScim(UserSnapshot user, String baseUrl) {
        ObjectNode out = JSON.objectNode();
        ArrayNode schemas = out.putArray("schemas").add(Schemas.USER);
        out.put("id", user.id());
        model.userMappings().stream().filter(UserScimMapper::isExternalId).findFirst()
                .map(mapping -> storedValues(user, mapping)).filter(values -> !values.isEmpty())
                .ifPresent(values -> out.put("externalId", values.get(0)));
        out.put("userName", userName(user));
        for (AttributeMapping mapping : model.userMappings()) {
            if (mapping.storage() == Storage.USERNAME || isExternalId(mapping)) {
                continue;
            }
            List<String> values = storedValues(user, mapping);
            if (values.isEmpty()) {
                continue;
            }
            ObjectNode container = out;
            if (!mapping.path().isCore()) {
                String urn = canonicalSchema(mapping);
                if (!out.has(urn)) {
                    schemas.add(urn);
                }
                container = out.with(urn);
            }
            place(container, mapping, values);
        }
        if (!user.groups().isEmpty()) {
            ArrayNode groups = out.putArray("groups");
            for (GroupRef group : user.groups()) {
                groups.addObject().put("value", group.id()).put("$ref", baseUrl + "/Groups/" + group.id())
                        .put("display", group.name()).put("type", "direct");
            }
        }
        ObjectNode meta = out.putObject("meta");
        meta.put("resourceType", "User");
        Long created = user.created();
        Long modified = user.lastModified() != null ? user.lastModified() : created;
        if (created != null) {
            meta.put("created", Instant.ofEpochMilli(created).toString());
        }
        if (modified != null) {
            meta.put("lastModified", Instant.ofEpochMilli(modified).toString());
        }
        meta.put("location", baseUrl + "/Users/" + user.id());
        meta.put("version", version(user));
        return out;
    }

    /**
     * The weak entity tag of {@code user}'s representation: a digest of every stored value SCIM shows, so it
     * changes whenever the user changes by any path (SCIM, consoles, federation), and only then.
     */
    public String version(UserSnapshot user) {
        StringBuilder canonical = new StringBuilder();
        canonical.append(user.id()).append('\n').append(userName(user)).append('\n');
        for (AttributeMapping mapping : model.userMappings()) {
            List<String> values = new ArrayList<>(storedValues(user, mapping));
            values.sort(null);
            canonical.append(mapping.path().key()).append('=').append(values).append('\n');
        }
        // groups[].display is part of the representation: a renamed group changes its members' versions too
        java.util.TreeMap<String, String> groups = new java.util.TreeMap<>();
        user.groups().forEach(g -> groups.putIfAbsent(g.id(), g.name()));
        groups.forEach((id, name) -> canonical.append("g=").append(id).append('\t').append(name).append('\n'));
        return "W/\"" + digest(canonical.toString()) + "\"";
    }

    /**
     * The stored values of a SCIM attribute path, e.g. {@code userName}, {@code emails} (every stored address,
     * the primary first) or {@code urn:…:enterprise:2.0:User:department}: what protocol mappers emit so that an
     * assertion carries exactly what provisioning stored.
     */
    public List<String> values(UserSnapshot user, dev.dirsync.scim.filter.AttributePath path) {
        if (path.schema() == null && "username".equalsIgnoreCase(path.attribute()) && path.subAttribute() == null) {
            return List.of(userName(user));
        }
        List<String> values = new ArrayList<>();
        for (AttributeMapping mapping : model.userMappingsFor(path)) {
            values.addAll(storedValues(user, mapping));
        }
        return values;
    }

    private static String userName(UserSnapshot user) {
        String spelled = user.firstAttribute(InternalAttributes.USER_NAME);
        return spelled != null && spelled.equalsIgnoreCase(user.username()) ? spelled : user.username();
    }

    private static List<String> storedValues(UserSnapshot user, AttributeMapping mapping) {
        String value;
        switch (mapping.storage()) {
            case USERNAME:
                value = user.username();
                break;
            case EMAIL:
                value = user.email();
                break;
            case FIRST_NAME:
                value = user.firstName();
                break;
            case LAST_NAME:
                value = user.lastName();
                break;
            case ENABLED:
                value = Boolean.toString(user.enabled());
                break;
            default:
                List<String> values = user.attribute(mapping.userAttribute()).stream()
                        .filter(v -> v != null && !v.isEmpty()).toList();
                return mapping.multivalued() || values.size() <= 1 ? values : values.subList(0, 1);
        }
        return value == null || value.isEmpty() ? List.of() : List.of(value);
    }

    private static void place(ObjectNode container, AttributeMapping mapping, List<String> values) {
        ScimPath path = mapping.path();
        String attribute = mapping.attribute().name();
        if (mapping.isPrimaryEmail()) {
            container.withArray(attribute).insertObject(0).put("value", values.get(0)).put("type", "work")
                    .put("primary", true);
            return;
        }
        if (path.subAttribute() == null) {
            if (mapping.multivalued() || mapping.attribute().multiValued()) {
                ArrayNode array = container.withArray(attribute);
                values.forEach(v -> array.add(typed(v, mapping.leaf())));
            } else {
                container.set(attribute, typed(values.get(0), mapping.leaf()));
            }
            return;
        }
        String sub = mapping.leaf().name();
        if (!mapping.attribute().multiValued()) {
            container.with(attribute).set(sub, typed(values.get(0), mapping.leaf()));
            return;
        }
        ArrayNode array = container.withArray(attribute);
        if (path.type() == null) {
            values.forEach(v -> array.addObject().set(sub, typed(v, mapping.leaf())));
            return;
        }
        ObjectNode element = null;
        for (JsonNode existing : array) {
            if (existing.isObject() && path.type().equals(existing.path("type").asText(null))) {
                element = (ObjectNode) existing;
            }
        }
        if (element == null) {
            element = array.addObject();
            element.put("type", path.type());
        }
        element.set(sub, typed(values.get(0), mapping.leaf()));
    }

    private static JsonNode typed(String value, AttributeDefinition leaf) {
        try {
            if (leaf.type() == AttributeType.BOOLEAN) {
                // Boolean.parseBoolean would turn any other text (" true", "yes") into false.
                String trimmed = value.trim();
                if ("true".equalsIgnoreCase(trimmed) || "false".equalsIgnoreCase(trimmed)) {
                    return JSON.booleanNode(Boolean.parseBoolean(trimmed));
                }
                return JSON.textNode(value);
            }
            if (leaf.type() == AttributeType.INTEGER) {
                return JSON.numberNode(Long.parseLong(value.trim()));
            }
            if (leaf.type() == AttributeType.DECIMAL) {
                return JSON.numberNode(new BigDecimal(value.trim()));
            }
        } catch (NumberFormatException storedByAnotherPath) {
            // A value typed in through the admin console may not parse; show it as stored rather than hide it.
        }
        return JSON.textNode(value);
    }

    private String canonicalSchema(AttributeMapping mapping) {
        return model.userType().schemaById(mapping.path().schema()).map(s -> s.id()).orElse(mapping.path().schema());
    }

    private static boolean isExternalId(AttributeMapping mapping) {
        return mapping.path().isCore() && "externalId".equals(mapping.path().attribute());
    }

    // ------------------------------------------------------------------------------------------------------------
    // SCIM -> Keycloak
    // ------------------------------------------------------------------------------------------------------------

    /**
     * What a POST/PUT body (or the result of a PATCH) asks to store. Every mapped attribute is in the result; an
     * omitted one maps to an empty list.
     *
     * @throws ScimException {@code invalidValue} when a value has the wrong shape, {@code userName} is missing
     */
    public UserInput fromScim(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("The request body must be a JSON object");
        }
        Consumed consumed = new Consumed();
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        JsonNode userNameNode = ScimJson.get(body, "userName");
        if (ScimJson.isAbsent(userNameNode) || !userNameNode.isValueNode() || userNameNode.asText().isBlank()) {
            throw ScimException.invalidValue("Attribute 'userName' is required");
        }
        String userName = userNameNode.asText().trim();
        attributes.put(UserModel.USERNAME, List.of(userName));
        attributes.put(InternalAttributes.USER_NAME,
                userName.equals(userName.toLowerCase(Locale.ROOT)) ? List.of() : List.of(userName));
        Boolean active = null;
        for (AttributeMapping mapping : model.userMappings()) {
            switch (mapping.storage()) {
                case USERNAME:
                    break;
                case ENABLED:
                    active = active(body);
                    break;
                case EMAIL:
                    attributes.put(mapping.userAttribute(), primaryEmail(body, consumed));
                    break;
                default:
                    attributes.put(mapping.userAttribute(), extract(body, mapping, consumed));
            }
        }
        JsonNode password = ScimJson.get(body, "password");
        String newPassword = null;
        if (!ScimJson.isAbsent(password)) {
            if (!password.isTextual() || password.asText().isEmpty()) {
                throw ScimException.invalidValue("Attribute 'password' must be a non-empty string");
            }
            newPassword = password.asText();
        }
        return new UserInput(userName, attributes, active, newPassword, unmapped(body, consumed));
    }

    private static Boolean active(JsonNode body) {
        JsonNode node = ScimJson.get(body, "active");
        if (ScimJson.isAbsent(node)) {
            return null;
        }
        Boolean value = booleanValue(node);
        if (value == null) {
            throw ScimException.invalidValue("Attribute 'active' must be a boolean");
        }
        return value;
    }

    /**
     * The address Keycloak's single e-mail stores: the one marked primary, else the one typed "work", else the
     * first one no other mapping claims.
     */
    private List<String> primaryEmail(JsonNode body, Consumed consumed) {
        JsonNode emails = ScimJson.get(body, "emails");
        if (ScimJson.isAbsent(emails)) {
            return List.of();
        }
        List<JsonNode> elements = elements(emails, "emails");
        JsonNode chosen = null;
        for (JsonNode e : elements) {
            if (e.isObject() && Boolean.TRUE.equals(booleanValue(ScimJson.get(e, "primary")))) {
                chosen = e;
                break;
            }
        }
        if (chosen == null) {
            chosen = elements.stream().filter(e -> e.isObject() && "work".equalsIgnoreCase(typeOf(e))).findFirst()
                    .orElse(null);
        }
        if (chosen == null) {
            chosen = elements.stream().filter(e -> !e.isObject() || !isTypeMapped("emails", typeOf(e))).findFirst()
                    .orElse(null);
        }
        if (chosen == null) {
            return List.of();
        }
        JsonNode value = chosen.isObject() ? ScimJson.get(chosen, "value") : chosen;
        consumed.element(chosen, "value");
        if (ScimJson.isAbsent(value)) {
            return List.of();
        }
        if (!value.isTextual()) {
            throw ScimException.invalidValue("Attribute 'emails.value' must be a string");
        }
        return value.asText().isBlank() ? List.of() : List.of(value.asText().trim());
    }

    private boolean isTypeMapped(String attribute, String type) {
        return type != null && model.userMappings().stream().anyMatch(m -> m.path().isCore()
                && m.path().attribute().equalsIgnoreCase(attribute) && type.equalsIgnoreCase(m.path().type()));
    }

    private List<String> extract(JsonNode body, AttributeMapping mapping, Consumed consumed) {
        ScimPath path = mapping.path();
        JsonNode container = path.isCore() ? body : ScimJson.get(body, canonicalSchema(mapping));
        JsonNode top = ScimJson.get(container, path.attribute());
        if (ScimJson.isAbsent(top)) {
            return List.of();
        }
        String schemaKey = path.isCore() ? "" : path.schema().toLowerCase(Locale.ROOT) + ":";
        String display = path.toString();
        if (path.subAttribute() == null) {
            consumed.top(schemaKey + path.attribute());
            if (top.isArray()) {
                List<String> values = new ArrayList<>();
                for (JsonNode v : top) {
                    addScalar(values, v, mapping.leaf(), display);
                }
                if (!mapping.multivalued() && values.size() > 1) {
                    throw ScimException.invalidValue("Attribute '" + display + "' takes a single value");
                }
                return values;
            }
            List<String> values = new ArrayList<>();
            addScalar(values, top, mapping.leaf(), display);
            return values;
        }
        String sub = path.subAttribute();
        if (top.isObject() && path.type() == null && !mapping.attribute().multiValued()) {
            consumed.top(schemaKey + path.attribute() + "." + sub.toLowerCase(Locale.ROOT));
            List<String> values = new ArrayList<>();
            addScalar(values, ScimJson.get(top, sub), mapping.leaf(), display);
            return values;
        }
        if (!mapping.attribute().multiValued()) {
            boolean bare = !top.isObject();
            top = complexValue(top, mapping.attribute());
            if (!top.isObject()) {
                throw ScimException.invalidValue("Attribute '" + path.attribute() + "' must be an object");
            }
            consumed.top(schemaKey + path.attribute() + "." + sub.toLowerCase(Locale.ROOT));
            if (bare && "value".equalsIgnoreCase(sub)) {
                // The bare string was the whole value: it is stored, not unmapped.
                consumed.top(schemaKey + path.attribute());
            }
            List<String> values = new ArrayList<>();
            addScalar(values, ScimJson.get(top, sub), mapping.leaf(), display);
            return values;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : elements(top, path.attribute())) {
            if (!element.isObject()) {
                throw ScimException.invalidValue("Values of '" + path.attribute() + "' must be objects");
            }
            if (path.type() != null && !path.type().equalsIgnoreCase(typeOf(element))) {
                continue;
            }
            if (path.type() == null && typeOf(element) != null && isTypeMapped(path.attribute(), typeOf(element))) {
                continue;
            }
            consumed.element(element, sub);
            addScalar(values, ScimJson.get(element, sub), mapping.leaf(), display);
            if (path.type() != null || !mapping.multivalued()) {
                break;
            }
        }
        return values;
    }

    private static List<JsonNode> elements(JsonNode node, String attribute) {
        if (node.isArray()) {
            List<JsonNode> list = new ArrayList<>();
            node.forEach(list::add);
            return list;
        }
        if (node.isObject()) {
            return List.of(node);
        }
        throw ScimException.invalidValue("Attribute '" + attribute + "' must be an array");
    }

    private static String typeOf(JsonNode element) {
        JsonNode type = ScimJson.get(element, "type");
        return type == null || !type.isTextual() ? null : type.asText();
    }

    private static void addScalar(List<String> values, JsonNode node, AttributeDefinition leaf, String path) {
        if (ScimJson.isAbsent(node)) {
            return;
        }
        if (!node.isValueNode()) {
            throw ScimException.invalidValue("Attribute '" + path + "' must be a single " + leaf.type().scimName()
                    + " value");
        }
        if (leaf.type() == AttributeType.BOOLEAN) {
            Boolean b = booleanValue(node);
            if (b == null) {
                throw ScimException.invalidValue("Attribute '" + path + "' must be a boolean");
            }
            values.add(b.toString());
            return;
        }
        if ((leaf.type() == AttributeType.INTEGER || leaf.type() == AttributeType.DECIMAL) && !node.isNumber()) {
            try {
                new BigDecimal(node.asText().trim());
            } catch (NumberFormatException e) {
                throw ScimException.invalidValue("Attribute '" + path + "' must be a number");
            }
        }
        String text = node.asText();
        if (!text.isBlank()) {
            values.add(text);
        }
    }

    // --- what the body carried that the realm does not store -----------------------------------------------------

    private List<String> unmapped(JsonNode body, Consumed consumed) {
        Set<String> result = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (NOT_VALUES.contains(key.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (key.regionMatches(true, 0, "urn:", 0, 4) && field.getValue().isObject()) {
                if (!model.isUserSchema(key) && !model.userType().schemaById(key).isPresent()) {
                    result.add(key);
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> ext = field.getValue().fields(); ext.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = ext.next();
                    collect(result, key, key + ":", key.toLowerCase(Locale.ROOT) + ":", e.getKey(), e.getValue(),
                            consumed);
                }
                continue;
            }
            collect(result, Schemas.USER, "", "", key, field.getValue(), consumed);
        }
        return new ArrayList<>(result);
    }

    private void collect(Set<String> result, String schema, String prefix, String consumedPrefix, String name,
            JsonNode value, Consumed consumed) {
        String top = consumedPrefix + name.toLowerCase(Locale.ROOT);
        if (ScimJson.isAbsent(value) || consumed.hasTop(top)) {
            return;
        }
        boolean multiValued = isMultiValued(schema, name);
        if (value.isObject() && !multiValued) {
            for (Iterator<String> subs = value.fieldNames(); subs.hasNext(); ) {
                String sub = subs.next();
                if (!consumed.hasTop(top + "." + sub.toLowerCase(Locale.ROOT)) && !ScimJson.isAbsent(value.get(sub))) {
                    result.add(prefix + name + "." + sub);
                }
            }
            return;
        }
        if (value.isArray() || value.isObject()) {
            // A single object for a multi-valued attribute is read as its only value (see elements()).
            for (JsonNode element : value.isArray() ? value : List.of(value)) {
                if (!element.isObject()) {
                    if (!consumed.hasElement(element, "value")) {
                        result.add(prefix + name);
                    }
                    continue;
                }
                String type = typeOf(element);
                for (Iterator<String> subs = element.fieldNames(); subs.hasNext(); ) {
                    String sub = subs.next();
                    if (LABELS.contains(sub.toLowerCase(Locale.ROOT)) || consumed.hasElement(element, sub)
                            || ScimJson.isAbsent(element.get(sub))) {
                        continue;
                    }
                    result.add(prefix + name + (type == null ? "" : "[type eq \"" + type + "\"]") + "." + sub);
                }
            }
            return;
        }
        result.add(prefix + name);
    }

    /** Whether {@code name} is multi-valued in schema {@code urn} (RFC 7643 schemas, then the realm's own). */
    private boolean isMultiValued(String urn, String name) {
        return CoreSchemas.byId(urn).or(() -> model.userType().schemaById(urn)).flatMap(s -> s.attribute(name))
                .map(AttributeDefinition::multiValued).orElse(false);
    }

    /** Which parts of the body a mapping has read. */
    private static final class Consumed {
        private final Set<String> tops = new java.util.HashSet<>();
        private final Map<JsonNode, Set<String>> elements = new IdentityHashMap<>();

        void top(String key) {
            tops.add(key.toLowerCase(Locale.ROOT));
        }

        boolean hasTop(String key) {
            return tops.contains(key);
        }

        void element(JsonNode element, String sub) {
            elements.computeIfAbsent(element, e -> new java.util.HashSet<>()).add(sub.toLowerCase(Locale.ROOT));
        }

        boolean hasElement(JsonNode element, String sub) {
            Set<String> subs = elements.get(element);
            return subs != null && subs.contains(sub.toLowerCase(Locale.ROOT));
        }
    }

    /** A JSON boolean, or a string "true"/"false" in any case (Microsoft Entra ID); {@code null} otherwise. */
    private static Boolean booleanValue(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return IdpDialects.booleanFromString(node).filter(JsonNode::isBoolean).map(JsonNode::booleanValue)
                .orElse(null);
    }

    /** A complex value, or a bare value wrapped as {@code {"value": …}} (Entra's enterprise manager). */
    private static JsonNode complexValue(JsonNode node, AttributeDefinition attribute) {
        if (node.isObject()) {
            return node;
        }
        return IdpDialects.bareValueAsComplex(node, attribute).map(n -> (JsonNode) n).orElse(node);
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
