package dev.dirsync.scim.endpoint.query;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.model.InternalAttributes;
import dev.dirsync.scim.filter.AttributePath;
import dev.dirsync.scim.filter.CompareOp;
import dev.dirsync.scim.filter.Filter;
import dev.dirsync.scim.protocol.ScimException;
import dev.dirsync.scim.protocol.Schemas;

/** Translates a SCIM filter on Groups into a JPQL predicate over {@code GroupEntity g}. */
public final class GroupFilterTranslator extends LogicalTranslator {

    private static final String MEMBERS = "select m.groupId from UserGroupMembershipEntity m";

    private final Jpql jpql;

    public GroupFilterTranslator(Jpql jpql) {
        this.jpql = jpql;
    }

    @Override
    public String visitValuePath(Filter.ValuePath valuePath) {
        if (!"members".equalsIgnoreCase(valuePath.path().attribute())) {
            throw ScimException.invalidFilter("'" + valuePath.path() + "' is not a multi-valued attribute of Group");
        }
        // One membership row must satisfy the whole value filter: members[value eq "a" and display eq "b"] is a
        // member that is both, not one member that is "a" and another that is "b".
        String member = valuePath.filter().accept(new MemberTranslator());
        if (Jpql.FALSE.equals(member)) {
            return Jpql.FALSE;
        }
        return "g.id in (" + MEMBERS + (Jpql.TRUE.equals(member) ? "" : " where " + member) + ")";
    }

    @Override
    String predicate(AttributePath path, CompareOp op, JsonNode value) {
        if (path.schema() != null && !Schemas.GROUP.equalsIgnoreCase(path.schema())) {
            throw ScimException.invalidFilter("Unknown attribute '" + path + "' in filter");
        }
        String name = path.attribute().toLowerCase(Locale.ROOT);
        String sub = path.subAttribute() == null ? null : path.subAttribute().toLowerCase(Locale.ROOT);
        String display = path.toString();
        switch (name) {
            case "id":
                return op == null ? Jpql.TRUE : jpql.compareString("g.id", true, false, op, value, display);
            case "displayname":
                return op == null ? Jpql.TRUE : jpql.compareString("g.name", false, false, op, value, display);
            case "externalid":
                return op == null ? jpql.presentAttribute("g.id", "GroupAttributeEntity", "group.id",
                        InternalAttributes.EXTERNAL_ID)
                        : jpql.compareAttribute("g.id", "GroupAttributeEntity", "group.id",
                        InternalAttributes.EXTERNAL_ID, true, op, value, display);
            case "members":
                return members(sub == null ? "value" : sub, op, value, display);
            case "meta":
                if ("created".equals(sub)) {
                    return op == null ? jpql.presentString("g.createdTimestamp")
                            : jpql.compareInstant("g.createdTimestamp", op, value, display);
                }
                if ("lastmodified".equals(sub)) {
                    String column = "coalesce(g.lastModifiedTimestamp, g.createdTimestamp)";
                    return op == null ? jpql.presentString("g.createdTimestamp")
                            : jpql.compareInstant(column, op, value, display);
                }
                if ("resourcetype".equals(sub)) {
                    return Constants.compareText("Group", op, value, display);
                }
                throw ScimException.invalidFilter("'" + display + "' cannot be filtered on");
            case "schemas":
                return op == null ? Jpql.TRUE : Constants.compareText(Schemas.GROUP, op, value, display);
            default:
                throw ScimException.invalidFilter("Unknown attribute '" + display + "' in filter");
        }
    }

    private String members(String sub, CompareOp op, JsonNode value, String display) {
        if ("value".equals(sub)) {
            if (op == null) {
                return "g.id in (" + MEMBERS + ")";
            }
            if (op == CompareOp.NE) {
                return "g.id not in (" + MEMBERS + " where "
                        + jpql.compareString("m.user.id", true, false, CompareOp.EQ, value, display) + ")";
            }
            return "g.id in (" + MEMBERS + " where " + jpql.compareString("m.user.id", true, false, op, value, display)
                    + ")";
        }
        if ("type".equals(sub)) {
            String isUser = Constants.compareText("User", op, value, display);
            return Jpql.TRUE.equals(isUser) ? "g.id in (" + MEMBERS + ")" : Jpql.FALSE;
        }
        if ("display".equals(sub)) {
            if (op == null) {
                return "g.id in (" + MEMBERS + ")";
            }
            return "g.id in (" + MEMBERS + " where " + jpql.compareString("m.user.username", false, true, op, value,
                    display) + ")";
        }
        throw ScimException.invalidFilter("Unknown attribute '" + display + "' in filter");
    }

    /**
     * The value filter of {@code members[…]} as a predicate over one membership row {@code m} (each member is one
     * user): {@code value} is the user's id, {@code display} its username, {@code type} always "User".
     */
    private final class MemberTranslator extends LogicalTranslator {

        @Override
        String predicate(AttributePath path, CompareOp op, JsonNode value) {
            String display = "members." + path.attribute();
            if (path.subAttribute() != null) {
                throw ScimException.invalidFilter("'" + display + "." + path.subAttribute() + "' is not an attribute "
                        + "of members");
            }
            switch (path.attribute().toLowerCase(Locale.ROOT)) {
                case "value":
                    return op == null ? Jpql.TRUE : jpql.compareString("m.user.id", true, false, op, value, display);
                case "display":
                    return op == null ? Jpql.TRUE
                            : jpql.compareString("m.user.username", false, true, op, value, display);
                case "type":
                    return Constants.compareText("User", op, value, display);
                default:
                    throw ScimException.invalidFilter("Unknown attribute '" + display + "' in filter");
            }
        }

        @Override
        public String visitValuePath(Filter.ValuePath valuePath) {
            throw ScimException.invalidFilter("Value filters cannot be nested");
        }
    }
}
