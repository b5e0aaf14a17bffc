package dev.dirsync.scim.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.dirsync.scim.protocol.ScimException;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Parses SCIM filters and PATCH paths with the ANTLR grammar {@code ScimFilter.g4} into {@link Filter} and
 * {@link PatchPath} trees. Every syntax problem becomes a {@link ScimException}: {@code invalidFilter} for
 * filters, {@code invalidPath} for paths. Never throws anything else.
 */
public final class Filters {

    /** Longest filter accepted; IdPs send filters of a few hundred characters at most. */
    public static final int MAX_LENGTH = 8192;
    /** Deepest nesting of parentheses and brackets accepted (keeps the recursive parser's stack bounded). */
    public static final int MAX_DEPTH = 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Filters() {
    }

    /** Parses a filter ({@code filter} query parameter, {@code .search} body, PATCH value filters). */
    public static Filter parse(String text) {
        check(text, "filter", ScimException::invalidFilter);
        ScimFilterParser parser = parser(text, ScimException::invalidFilter);
        try {
            Object tree = new AstBuilder(ScimException::invalidFilter).visit(parser.filterRoot());
            return (Filter) tree;
        } catch (ScimException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ScimException.invalidFilter("Invalid filter: " + e.getMessage());
        }
    }

    /** Parses a PATCH operation's {@code path}. */
    public static PatchPath parsePath(String text) {
        check(text, "path", ScimException::invalidPath);
        ScimFilterParser parser = parser(text, ScimException::invalidPath);
        try {
            return (PatchPath) new AstBuilder(ScimException::invalidPath).visit(parser.pathRoot());
        } catch (ScimException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ScimException.invalidPath("Invalid path: " + e.getMessage());
        }
    }

    private static void check(String text, String what, java.util.function.Function<String, ScimException> error) {
        if (text == null || text.isBlank()) {
            throw error.apply("The " + what + " is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw error.apply("The " + what + " is longer than " + MAX_LENGTH + " characters");
        }
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    throw error.apply("The " + what + " nests deeper than " + MAX_DEPTH + " levels");
                }
            } else if (c == ')' || c == ']') {
                depth--;
            }
        }
    }

    private static ScimFilterParser parser(String text, java.util.function.Function<String, ScimException> error) {
        BaseErrorListener listener = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int position,
                    String msg, RecognitionException e) {
                String near = offendingSymbol instanceof Token token && token.getType() != Token.EOF
                        ? " near '" + token.getText() + "'" : "";
                throw error.apply("Syntax error at position " + (position + 1) + near + " in '" + text + "'");
            }
        };
        ScimFilterLexer lexer = new ScimFilterLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        ScimFilterParser parser = new ScimFilterParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        return parser;
    }

    /** Builds the immutable tree from ANTLR's parse tree. */
    private static final class AstBuilder extends ScimFilterBaseVisitor<Object> {

        private final java.util.function.Function<String, ScimException> error;

        AstBuilder(java.util.function.Function<String, ScimException> error) {
            this.error = error;
        }

        @Override
        public Object visitFilterRoot(ScimFilterParser.FilterRootContext ctx) {
            return visit(ctx.filter());
        }

        @Override
        public Object visitPathRoot(ScimFilterParser.PathRootContext ctx) {
            return visit(ctx.path());
        }

        @Override
        public Object visitPath(ScimFilterParser.PathContext ctx) {
            AttributePath attribute = attributePath(ctx.attrPath());
            if (ctx.filter() == null) {
                return new PatchPath(attribute, null, null);
            }
            if (attribute.subAttribute() != null) {
                throw error.apply("A value filter applies to a multi-valued attribute, not to '" + attribute + "'");
            }
            Filter filter = valueFilter(ctx.filter());
            String sub = ctx.DOTNAME() == null ? null : ctx.DOTNAME().getText().substring(1);
            return new PatchPath(attribute, filter, sub);
        }

        @Override
        public Object visitGroupExp(ScimFilterParser.GroupExpContext ctx) {
            return visit(ctx.filter());
        }

        @Override
        public Object visitNotExp(ScimFilterParser.NotExpContext ctx) {
            return new Filter.Not((Filter) visit(ctx.filter()));
        }

        @Override
        public Object visitAndExp(ScimFilterParser.AndExpContext ctx) {
            return new Filter.And((Filter) visit(ctx.filter(0)), (Filter) visit(ctx.filter(1)));
        }

        @Override
        public Object visitOrExp(ScimFilterParser.OrExpContext ctx) {
            return new Filter.Or((Filter) visit(ctx.filter(0)), (Filter) visit(ctx.filter(1)));
        }

        @Override
        public Object visitPresentExp(ScimFilterParser.PresentExpContext ctx) {
            return new Filter.Present(attributePath(ctx.attrPath()));
        }

        @Override
        public Object visitCompareExp(ScimFilterParser.CompareExpContext ctx) {
            return compare(attributePath(ctx.attrPath()), ctx.compareOp(), ctx.compValue());
        }

        @Override
        public Object visitValuePathExp(ScimFilterParser.ValuePathExpContext ctx) {
            AttributePath attribute = attributePath(ctx.attrPath());
            if (attribute.subAttribute() != null) {
                throw error.apply("A value filter applies to a multi-valued attribute, not to '" + attribute + "'");
            }
            Filter inner = valueFilter(ctx.filter());
            if (ctx.DOTNAME() != null) {
                // Lenient form emails[type eq "work"].value eq "x" = emails[type eq "work" and value eq "x"].
                AttributePath sub = AttributePath.of(ctx.DOTNAME().getText().substring(1));
                Filter last = ctx.PR() != null ? new Filter.Present(sub) : compare(sub, ctx.compareOp(), ctx.compValue());
                inner = new Filter.And(inner, last);
            }
            return new Filter.ValuePath(attribute, inner);
        }

        private Filter valueFilter(ScimFilterParser.FilterContext ctx) {
            Filter filter = (Filter) visit(ctx);
            if (containsValuePath(filter)) {
                throw error.apply("Value filters cannot be nested");
            }
            return filter;
        }

        private static boolean containsValuePath(Filter filter) {
            if (filter instanceof Filter.ValuePath) {
                return true;
            }
            if (filter instanceof Filter.And and) {
                return containsValuePath(and.left()) || containsValuePath(and.right());
            }
            if (filter instanceof Filter.Or or) {
                return containsValuePath(or.left()) || containsValuePath(or.right());
            }
            if (filter instanceof Filter.Not not) {
                return containsValuePath(not.filter());
            }
            return false;
        }

        private Filter compare(AttributePath path, ScimFilterParser.CompareOpContext op,
                ScimFilterParser.CompValueContext value) {
            return new Filter.Compare(path, CompareOp.of(op.getText()), value(value));
        }

        private JsonNode value(ScimFilterParser.CompValueContext ctx) {
            if (ctx.TRUE() != null) {
                return BooleanNode.TRUE;
            }
            if (ctx.FALSE() != null) {
                return BooleanNode.FALSE;
            }
            if (ctx.NULL() != null) {
                return NullNode.instance;
            }
            try {
                // STRING and NUMBER tokens are JSON literals by construction of the grammar.
                return JSON.readTree(ctx.getText());
            } catch (JsonProcessingException e) {
                throw error.apply("Invalid value " + ctx.getText());
            }
        }

        private AttributePath attributePath(ScimFilterParser.AttrPathContext ctx) {
            try {
                return AttributePath.parse(ctx.getText());
            } catch (ScimException e) {
                throw error.apply(e.detail());
            }
        }
    }
}
