package dev.dirsync.scim.endpoint.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.scim.filter.AttributePath;
import dev.dirsync.scim.filter.CompareOp;
import dev.dirsync.scim.filter.Filter;
import dev.dirsync.scim.filter.FilterVisitor;

/**
 * The shared part of every filter-to-JPQL translation: {@code and}, {@code or} and {@code not} combine the
 * translated operands, folding constant operands ({@link Jpql#TRUE}, {@link Jpql#FALSE}) away; comparisons and
 * presence tests go to one {@link #predicate} method. Subclasses translate attribute predicates and value paths.
 */
abstract class LogicalTranslator implements FilterVisitor<String> {

    /** The predicate for {@code path op value}; {@code op == null} means {@code path pr}. */
    abstract String predicate(AttributePath path, CompareOp op, JsonNode value);

    @Override
    public final String visitCompare(Filter.Compare compare) {
        return predicate(compare.path(), compare.op(), compare.value());
    }

    @Override
    public final String visitPresent(Filter.Present present) {
        return predicate(present.path(), null, null);
    }

    @Override
    public final String visitAnd(Filter.And and) {
        return Constants.and(and.left().accept(this), and.right().accept(this));
    }

    @Override
    public final String visitOr(Filter.Or or) {
        return Constants.or(or.left().accept(this), or.right().accept(this));
    }

    @Override
    public final String visitNot(Filter.Not not) {
        return Constants.not(not.filter().accept(this));
    }
}
