package dev.dirsync.scim.filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The syntax tree of a SCIM filter (RFC 7644 §3.4.2.2). The same tree is translated to database queries and
 * evaluated in memory, through {@link FilterVisitor}s. Immutable.
 */
public sealed interface Filter permits Filter.And, Filter.Or, Filter.Not, Filter.Compare, Filter.Present,
        Filter.ValuePath {

    <R> R accept(FilterVisitor<R> visitor);

    /** {@code left and right}. */
    record And(Filter left, Filter right) implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitAnd(this);
        }

        @Override
        public String toString() {
            return "(" + left + " and " + right + ")";
        }
    }

    /** {@code left or right}. */
    record Or(Filter left, Filter right) implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitOr(this);
        }

        @Override
        public String toString() {
            return "(" + left + " or " + right + ")";
        }
    }

    /** {@code not (filter)}. */
    record Not(Filter filter) implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitNot(this);
        }

        @Override
        public String toString() {
            return "not (" + filter + ")";
        }
    }

    /**
     * {@code path op value}; {@code value} is a JSON string, number, boolean or null node.
     */
    record Compare(AttributePath path, CompareOp op, JsonNode value) implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitCompare(this);
        }

        @Override
        public String toString() {
            return path + " " + op + " " + value;
        }
    }

    /** {@code path pr}. */
    record Present(AttributePath path) implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitPresent(this);
        }

        @Override
        public String toString() {
            return path + " pr";
        }
    }

    /**
     * {@code path[filter]}: some value of the multi-valued attribute {@code path} matches {@code filter}, whose
     * attribute paths are relative to that value (sub-attribute names).
     */
    record ValuePath(AttributePath path, Filter filter) implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitValuePath(this);
        }

        @Override
        public String toString() {
            return path + "[" + filter + "]";
        }
    }
}
