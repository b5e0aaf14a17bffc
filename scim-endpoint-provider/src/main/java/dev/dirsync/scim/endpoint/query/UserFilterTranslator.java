package dev.dirsync.scim.endpoint.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.model.AttributeMapping;
import dev.dirsync.model.IdentityModel;
import dev.dirsync.scim.filter.AttributePath;
import dev.dirsync.scim.filter.CompareOp;
import dev.dirsync.scim.filter.Filter;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.protocol.Schemas;
import dev.dirsync.scim.schema.AttributeDefinition;
import dev.dirsync.scim.schema.CoreSchemas;
import dev.dirsync.scim.schema.SchemaDefinition;

/**
 * Translates a SCIM filter on Users into a JPQL predicate over {@code UserEntity u}, through the realm's identity
 * model: every mapped attribute is evaluated by the database, never by loading users. Attributes the SCIM schemas
 * define but the realm does not store match nothing ({@code ne} matches everything); names no schema defines are
 * {@code invalidFilter}.
 */
public final class UserFilterTranslator extends LogicalTranslator {

    static final String USER_ATTRIBUTE = "UserAttributeEntity";

    private final IdentityModel model;
    private final Jpql jpql;
    private final String groupScope;

    /**
     * @param groupScope JPQL condition on {@code GroupEntity g} selecting the tenant's groups, so that filters on
     *                   {@code groups} never see another tenant's groups
     */
    public UserFilterTranslator(IdentityModel model, Jpql jpql, String groupScope) {
        this.model = model;
        this.jpql = jpql;
        this.groupScope = groupScope;
    }

    @Override
    public String visitValuePath(Filter.ValuePath valuePath) {
        List<Element> elements = elements(valuePath.path());
        if (elements.isEmpty()) {
            requireDefined(valuePath.path());
            return Jpql.FALSE;
        }
        String result = Jpql.FALSE;
        for (Element element : elements) {
            // A value matches only if the user has it: type and primary alone are constants.
            String exists = Jpql.FALSE;
            for (AttributeMapping m : element.subs().values()) {
                exists = Constants.or(exists, mappingPredicate(m, null, null, valuePath.path().toString()));
            }
            String matches = valuePath.filter().accept(new ElementTranslator(element, valuePath.path()));
            result = Constants.or(result, Constants.and(exists, matches));
        }
        return result;
    }

    @Override
    String predicate(AttributePath path, CompareOp op, JsonNode value) {
        String special = special(path, op, value);
        if (special != null) {
            return special;
        }
        String sub = path.subAttribute();
        if (sub != null && ("type".equalsIgnoreCase(sub) || "primary".equalsIgnoreCase(sub))) {
            // emails.type eq "work" means: some e-mail has type work.
            Filter inner = op == null ? new Filter.Present(AttributePath.of(sub))
                    : new Filter.Compare(AttributePath.of(sub), op, value);
            return visitValuePath(new Filter.ValuePath(path.withoutSubAttribute(), inner));
        }
        List<AttributeMapping> mappings = model.userMappingsFor(path);
        if (mappings.isEmpty()) {
            requireDefined(path);
            return op == CompareOp.NE ? Jpql.TRUE : Jpql.FALSE;
        }
        String result = Jpql.FALSE;
        for (AttributeMapping mapping : mappings) {
            result = Constants.or(result, mappingPredicate(mapping, op, value, path.toString()));
        }
        return result;
    }

    /** The predicate on one mapped value; {@code op == null} means {@code pr}. */
    String mappingPredicate(AttributeMapping mapping, CompareOp op, JsonNode value, String display) {
        boolean caseExact = mapping.leaf().caseExact();
        switch (mapping.storage()) {
            case USERNAME:
                return op == null ? Jpql.TRUE : jpql.compareString("u.username", false, true, op, value, display);
            case EMAIL:
                return op == null ? jpql.presentString("u.email")
                        : jpql.compareString("u.email", false, true, op, value, display);
            case FIRST_NAME:
                return op == null ? jpql.presentString("u.firstName")
                        : jpql.compareString("u.firstName", caseExact, false, op, value, display);
            case LAST_NAME:
                return op == null ? jpql.presentString("u.lastName")
                        : jpql.compareString("u.lastName", caseExact, false, op, value, display);
            case ENABLED:
                return op == null ? Jpql.TRUE : jpql.compareBoolean("u.enabled", op, value, display);
            default:
                if (op == null) {
                    return jpql.presentAttribute("u.id", USER_ATTRIBUTE, "user.id", mapping.userAttribute());
                }
                return jpql.compareAttribute("u.id", USER_ATTRIBUTE, "user.id", mapping.userAttribute(), caseExact, op,
                        value, display);
        }
    }

    /** id, meta, groups and schemas: server-managed attributes that are not in the mapping. */
    private String special(AttributePath path, CompareOp op, JsonNode value) {
        if (path.schema() != null && !Schemas.USER.equalsIgnoreCase(path.schema())) {
            return null;
        }
        String name = path.attribute().toLowerCase(Locale.ROOT);
        String sub = path.subAttribute() == null ? null : path.subAttribute().toLowerCase(Locale.ROOT);
        String display = path.toString();
        switch (name) {
            case "id":
                return op == null ? Jpql.TRUE : jpql.compareString("u.id", true, false, op, value, display);
            case "meta":
                if ("created".equals(sub)) {
                    return op == null ? jpql.presentString("u.createdTimestamp")
                            : jpql.compareInstant("u.createdTimestamp", op, value, display);
                }
                if ("lastmodified".equals(sub)) {
                    String column = "coalesce(u.lastModifiedTimestamp, u.createdTimestamp)";
                    return op == null ? Jpql.TRUE : jpql.compareInstant(column, op, value, display);
                }
                if ("resourcetype".equals(sub)) {
                    return Constants.compareText("User", op, value, display);
                }
                throw ScimException.invalidFilter("'" + display + "' cannot be filtered on");
            case "groups":
                return groups(sub, op, value, display);
            case "schemas":
                return schemas(op, value, display);
            default:
                return null;
        }
    }

    private String groups(String sub, CompareOp op, JsonNode value, String display) {
        String members = "select m.user.id from UserGroupMembershipEntity m, GroupEntity g where g.id = m.groupId and "
                + groupScope;
        if (sub == null || "value".equals(sub)) {
            if (op == null) {
                return "u.id in (" + members + ")";
            }
            if (op == CompareOp.NE) {
                return "u.id not in (" + members + " and " + jpql.compareString("m.groupId", true, false,
                        CompareOp.EQ, value, display) + ")";
            }
            return "u.id in (" + members + " and " + jpql.compareString("m.groupId", true, false, op, value, display)
                    + ")";
        }
        if ("display".equals(sub)) {
            String join = members + " and ";
            if (op == null) {
                return "u.id in (" + members + ")";
            }
            if (op == CompareOp.NE) {
                return "u.id not in (" + join + jpql.compareString("g.name", false, false, CompareOp.EQ, value, display)
                        + ")";
            }
            return "u.id in (" + join + jpql.compareString("g.name", false, false, op, value, display) + ")";
        }
        if ("type".equals(sub)) {
            return Constants.compareText("direct", op, value, display).equals(Jpql.TRUE) ? "u.id in (" + members + ")"
                    : Jpql.FALSE;
        }
        throw ScimException.invalidFilter("'" + display + "' cannot be filtered on");
    }

    private String schemas(CompareOp op, JsonNode value, String display) {
        if (op == null) {
            return Jpql.TRUE;
        }
        if (op != CompareOp.EQ && op != CompareOp.NE) {
            throw ScimException.invalidFilter("'schemas' supports eq and ne");
        }
        String urn = value.asText();
        String has;
        if (Schemas.USER.equalsIgnoreCase(urn)) {
            has = Jpql.TRUE;
        } else {
            has = Jpql.FALSE;
            for (AttributeMapping m : model.userMappings()) {
                if (m.path().schema().equalsIgnoreCase(urn)) {
                    has = Constants.or(has, mappingPredicate(m, null, null, display));
                }
            }
        }
        return op == CompareOp.EQ ? has : Constants.not(has);
    }

    private static void requireDefined(AttributePath path) {
        Optional<SchemaDefinition> schema = path.schema() == null ? Optional.of(CoreSchemas.USER)
                : CoreSchemas.byId(path.schema());
        Optional<AttributeDefinition> attribute = schema.flatMap(s -> s.attribute(path.attribute()));
        if (attribute.isEmpty() && path.schema() == null) {
            attribute = CoreSchemas.ENTERPRISE_USER.attribute(path.attribute());
        }
        boolean defined = attribute.isPresent() && (path.subAttribute() == null
                || attribute.get().subAttribute(path.subAttribute()).isPresent());
        if (!defined) {
            throw ScimException.invalidFilter("Unknown attribute '" + path + "' in filter");
        }
    }

    // --- value filters: emails[type eq "work" and value co "@x"] ------------------------------------------------

    /** One value of a multi-valued attribute as the realm stores it: the sub-attributes mapped for one type. */
    private record Element(String type, boolean primary, Map<String, AttributeMapping> subs) {
    }

    private List<Element> elements(AttributePath path) {
        Map<String, Element> byType = new LinkedHashMap<>();
        List<Element> untyped = new ArrayList<>();
        for (AttributeMapping m : model.userMappings()) {
            if (!m.path().attribute().equalsIgnoreCase(path.attribute()) || m.path().subAttribute() == null
                    || (path.schema() != null && !m.path().schema().equalsIgnoreCase(path.schema()))) {
                continue;
            }
            String sub = m.path().subAttribute().toLowerCase(Locale.ROOT);
            if (m.isPrimaryEmail()) {
                byType.computeIfAbsent("\u0000primary", k -> new Element("work", true, new LinkedHashMap<>()))
                        .subs().put(sub, m);
            } else if (m.path().type() != null) {
                byType.computeIfAbsent(m.path().type().toLowerCase(Locale.ROOT),
                        k -> new Element(m.path().type(), false, new LinkedHashMap<>())).subs().put(sub, m);
            } else {
                untyped.add(new Element(null, false, Map.of(sub, m)));
            }
        }
        List<Element> all = new ArrayList<>(byType.values());
        all.addAll(untyped);
        return all;
    }

    /** Translates the filter between brackets for one {@link Element}. */
    private final class ElementTranslator extends LogicalTranslator {
        private final Element element;
        private final AttributePath attribute;

        ElementTranslator(Element element, AttributePath attribute) {
            this.element = element;
            this.attribute = attribute;
        }

        @Override
        public String visitValuePath(Filter.ValuePath valuePath) {
            throw ScimException.invalidFilter("Value filters cannot be nested");
        }

        @Override
        String predicate(AttributePath path, CompareOp op, JsonNode value) {
            String name = path.attribute().toLowerCase(Locale.ROOT);
            String display = attribute.attribute() + "." + path.attribute();
            if (path.subAttribute() != null || path.schema() != null) {
                throw ScimException.invalidFilter("'" + path + "' inside [] must be a sub-attribute name");
            }
            if ("type".equals(name)) {
                return Constants.compareText(element.type(), op, value, display);
            }
            if ("primary".equals(name)) {
                return Constants.compareBoolean(element.primary(), op, value, display);
            }
            AttributeMapping mapping = element.subs().get(name);
            if (mapping == null) {
                requireDefined(attribute.withSubAttribute(path.attribute()));
                return op == CompareOp.NE ? Jpql.TRUE : Jpql.FALSE;
            }
            return mappingPredicate(mapping, op, value, display);
        }
    }
}
