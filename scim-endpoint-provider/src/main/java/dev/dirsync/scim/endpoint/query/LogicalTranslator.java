package dev.dirsync.scim.endpoint.query;

import dev.dirsync.scim.filter.Filter;
import dev.dirsync.scim.filter.FilterVisitor;

/**
 * The logical part of every filter-to-JPQL translation: {@code and}, {@code or} and {@code not} combine the
 * translated operands, folding constant operands ({@link Jpql#TRUE}, {@link Jpql#FALSE}) away. Subclasses translate
 * comparisons, presence tests and value paths.
 */
abstract class LogicalTranslator implements FilterVisitor<String> {

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
