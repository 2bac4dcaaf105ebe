package dev.bricks.local.dynamodb;

import dev.bricks.local.dynamodb.Expression.Comparison;
import dev.bricks.local.dynamodb.Expression.Condition;
import dev.bricks.local.dynamodb.Expression.Operand;
import dev.bricks.local.dynamodb.Expression.SetValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent parser for condition, filter, key condition, update and projection expressions.
 * Errors are ValidationExceptions worded as DynamoDB words them ("Invalid ConditionExpression: Syntax error; ...").
 */
final class ExpressionParser {
    private enum TokenType {
        IDENT,
        NAME,
        VALUE,
        NUMBER,
        LPAREN,
        RPAREN,
        COMMA,
        DOT,
        LBRACKET,
        RBRACKET,
        EQ,
        NE,
        LT,
        LE,
        GT,
        GE,
        PLUS,
        MINUS,
        EOF
    }

    private record Token(TokenType type, String text, int start, int end) {}

    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
    private static final Set<String> TYPE_NAMES = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");
    private static final int MAX_EXPRESSION_LENGTH = 4096;

    private final String src;
    private final String kind;
    private final ExpressionContext ctx;
    private final List<Token> tokens;
    private int pos;

    private ExpressionParser(String src, String kind, ExpressionContext ctx) {
        this.src = src;
        this.kind = kind;
        this.ctx = ctx;
        if (src.isBlank()) {
            throw err("The expression can not be empty;");
        }
        if (src.length() > MAX_EXPRESSION_LENGTH) {
            throw err("Expression size has exceeded the maximum allowed size; expression size: " + src.length());
        }
        this.tokens = lex();
    }

    static Condition condition(String src, String kind, ExpressionContext ctx) {
        ExpressionParser p = new ExpressionParser(src, kind, ctx);
        Condition c = p.or();
        p.expect(TokenType.EOF);
        return c;
    }

    static List<DocumentPath> projection(String src, ExpressionContext ctx) {
        ExpressionParser p = new ExpressionParser(src, "ProjectionExpression", ctx);
        List<DocumentPath> paths = new ArrayList<>();
        do {
            paths.add(p.path());
        } while (p.accept(TokenType.COMMA));
        p.expect(TokenType.EOF);
        p.checkOverlap(paths);
        return paths;
    }

    static Expression.Update update(String src, ExpressionContext ctx) {
        ExpressionParser p = new ExpressionParser(src, "UpdateExpression", ctx);
        return p.updateExpr();
    }

    // ---- lexer ----

    private List<Token> lex() {
        List<Token> out = new ArrayList<>();
        int i = 0, n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int s = i;
            if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) i++;
                out.add(new Token(TokenType.IDENT, src.substring(s, i), s, i));
            } else if (c == '#' || c == ':') {
                i++;
                while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) i++;
                if (i == s + 1) {
                    throw syntax(new Token(TokenType.EOF, String.valueOf(c), s, i), out);
                }
                out.add(new Token(c == '#' ? TokenType.NAME : TokenType.VALUE, src.substring(s, i), s, i));
            } else if (Character.isDigit(c)) {
                while (i < n && Character.isDigit(src.charAt(i))) i++;
                out.add(new Token(TokenType.NUMBER, src.substring(s, i), s, i));
            } else {
                TokenType t;
                i++;
                switch (c) {
                    case '(' -> t = TokenType.LPAREN;
                    case ')' -> t = TokenType.RPAREN;
                    case ',' -> t = TokenType.COMMA;
                    case '.' -> t = TokenType.DOT;
                    case '[' -> t = TokenType.LBRACKET;
                    case ']' -> t = TokenType.RBRACKET;
                    case '+' -> t = TokenType.PLUS;
                    case '-' -> t = TokenType.MINUS;
                    case '=' -> t = TokenType.EQ;
                    case '<' -> {
                        if (i < n && src.charAt(i) == '=') {
                            i++;
                            t = TokenType.LE;
                        } else if (i < n && src.charAt(i) == '>') {
                            i++;
                            t = TokenType.NE;
                        } else {
                            t = TokenType.LT;
                        }
                    }
                    case '>' -> {
                        if (i < n && src.charAt(i) == '=') {
                            i++;
                            t = TokenType.GE;
                        } else {
                            t = TokenType.GT;
                        }
                    }
                    default ->
                        throw err("Invalid character encountered; character: \"" + c + "\", near: \""
                                + src.substring(Math.max(0, s - 10), Math.min(n, s + 10))
                                        .trim() + "\"");
                }
                out.add(new Token(t, src.substring(s, i), s, i));
            }
        }
        out.add(new Token(TokenType.EOF, "<EOF>", n, n));
        return out;
    }

    // ---- helpers ----

    private DynamoException err(String message) {
        return DynamoException.validation("Invalid " + kind + ": " + message);
    }

    private DynamoException syntax(Token t, List<Token> all) {
        int idx = all.indexOf(t);
        int back = t.type == TokenType.EOF ? 2 : 1;
        int from = idx >= back ? all.get(idx - back).start : idx > 0 ? all.get(0).start : t.start;
        int to = idx >= 0 && idx + 1 < all.size() ? all.get(idx + 1).end : t.end;
        if (idx < 0) {
            from = Math.max(0, t.start - 5);
            to = Math.min(src.length(), t.end + 5);
        }
        return err("Syntax error; token: \"" + t.text + "\", near: \"" + src.substring(from, Math.min(to, src.length()))
                + "\"");
    }

    private DynamoException syntax() {
        return syntax(peek(), tokens);
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private boolean accept(TokenType t) {
        if (peek().type == t) {
            pos++;
            return true;
        }
        return false;
    }

    private Token expect(TokenType t) {
        if (peek().type != t) {
            throw syntax();
        }
        return next();
    }

    private boolean keyword(String kw) {
        Token t = peek();
        return t.type == TokenType.IDENT && t.text.equalsIgnoreCase(kw);
    }

    private boolean isFunctionCall() {
        return peek().type == TokenType.IDENT && peek(1).type == TokenType.LPAREN;
    }

    // ---- conditions ----

    private Condition or() {
        Condition c = and();
        while (keyword("OR")) {
            next();
            c = new Expression.Or(c, and());
        }
        return c;
    }

    private Condition and() {
        Condition c = not();
        while (keyword("AND")) {
            next();
            c = new Expression.And(c, not());
        }
        return c;
    }

    private Condition not() {
        if (keyword("NOT")) {
            next();
            return new Expression.Not(not());
        }
        return primary();
    }

    private Condition primary() {
        if (accept(TokenType.LPAREN)) {
            Condition c = or();
            expect(TokenType.RPAREN);
            return c;
        }
        if (isFunctionCall() && !peek().text.equals("size")) {
            return function();
        }
        Operand left = operand();
        Token t = peek();
        Comparison cmp = switch (t.type) {
            case EQ -> Comparison.EQ;
            case NE -> Comparison.NE;
            case LT -> Comparison.LT;
            case LE -> Comparison.LE;
            case GT -> Comparison.GT;
            case GE -> Comparison.GE;
            default -> null;
        };
        if (cmp != null) {
            next();
            Operand right = operand();
            if (cmp != Comparison.EQ && cmp != Comparison.NE) {
                scalarOperand(cmp.symbol, left);
                scalarOperand(cmp.symbol, right);
            }
            distinct(cmp.symbol, left, right);
            return new Expression.Compare(cmp, left, right);
        }
        if (keyword("BETWEEN")) {
            next();
            Operand lo = operand();
            if (!keyword("AND")) {
                throw syntax();
            }
            next();
            Operand hi = operand();
            scalarOperand("BETWEEN", left);
            scalarOperand("BETWEEN", lo);
            scalarOperand("BETWEEN", hi);
            if (lo instanceof Expression.ValueOperand l
                    && hi instanceof Expression.ValueOperand h
                    && l.value().type == h.value().type
                    && AttributeValue.compareScalars(l.value(), h.value()) > 0) {
                throw err(
                        "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: "
                                + l.value().describe() + ", upper bound operand: "
                                + h.value().describe());
            }
            return new Expression.Between(left, lo, hi);
        }
        if (keyword("IN")) {
            next();
            expect(TokenType.LPAREN);
            List<Operand> options = new ArrayList<>();
            do {
                options.add(operand());
            } while (accept(TokenType.COMMA));
            expect(TokenType.RPAREN);
            if (options.size() > 100) {
                throw err("The IN operator is provided with too many operands; number of operands: " + options.size());
            }
            return new Expression.In(left, options);
        }
        throw syntax();
    }

    private void scalarOperand(String op, Operand o) {
        if (o instanceof Expression.ValueOperand v && !v.value().isScalarKeyType()) {
            throw err("Incorrect operand type for operator or function; operator or function: " + op
                    + ", operand type: " + v.value().type);
        }
    }

    private void distinct(String op, Operand a, Operand b) {
        if (a.equals(b)) {
            throw err(
                    "The first operand must be distinct from the remaining operands for this operator or function; operator: "
                            + op + ", first operand: " + describe(a));
        }
    }

    private static String describe(Operand o) {
        if (o instanceof Expression.PathOperand p) {
            return p.path().toString();
        }
        if (o instanceof Expression.ValueOperand v) {
            return v.value().describe();
        }
        return "size";
    }

    private Condition function() {
        Token name = next();
        String fn = name.text;
        if (!CONDITION_FUNCTIONS.contains(fn)) {
            if (fn.equals("if_not_exists") || fn.equals("list_append")) {
                throw err("The function is not allowed to be used this way in an expression; function: " + fn);
            }
            throw err("Invalid function name; function: " + fn);
        }
        expect(TokenType.LPAREN);
        List<Operand> args = new ArrayList<>();
        if (peek().type != TokenType.RPAREN) {
            do {
                args.add(operand());
            } while (accept(TokenType.COMMA));
        }
        expect(TokenType.RPAREN);
        int want = fn.startsWith("attribute_") && !fn.equals("attribute_type") ? 1 : 2;
        if (args.size() != want) {
            throw err("Incorrect number of operands for operator or function; operator or function: " + fn
                    + ", number of operands: " + args.size());
        }
        if (!(args.get(0) instanceof Expression.PathOperand) && (want == 1 || fn.equals("attribute_type"))) {
            throw err("Operator or function requires a document path; operator or function: " + fn);
        }
        switch (fn) {
            case "attribute_type" -> {
                if (!(args.get(1) instanceof Expression.ValueOperand v) || v.value().type != AttributeValue.Type.S) {
                    throw err(
                            "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: "
                                    + (args.get(1) instanceof Expression.ValueOperand v2 ? v2.value().type : "PATH"));
                }
                if (!TYPE_NAMES.contains(v.value().s())) {
                    throw err("Invalid attribute type name found; type: "
                            + v.value().s() + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
                }
            }
            case "begins_with" -> {
                for (Operand o : args) {
                    if (o instanceof Expression.ValueOperand v
                            && v.value().type != AttributeValue.Type.S
                            && v.value().type != AttributeValue.Type.B) {
                        throw err(
                                "Incorrect operand type for operator or function; operator or function: begins_with, operand type: "
                                        + v.value().type);
                    }
                }
            }
            case "contains" -> distinct("contains", args.get(0), args.get(1));
            default -> {}
        }
        return new Expression.FunctionCall(fn, args);
    }

    private Operand operand() {
        Token t = peek();
        if (isFunctionCall()) {
            if (t.text.equals("size")) {
                next();
                expect(TokenType.LPAREN);
                Operand arg = operand();
                expect(TokenType.RPAREN);
                if (arg instanceof Expression.ValueOperand v
                        && v.value().type != AttributeValue.Type.S
                        && v.value().type != AttributeValue.Type.B
                        && !v.value().isSet()
                        && v.value().type != AttributeValue.Type.M
                        && v.value().type != AttributeValue.Type.L) {
                    throw err(
                            "Incorrect operand type for operator or function; operator or function: size, operand type: "
                                    + v.value().type);
                }
                return new Expression.SizeOperand(arg);
            }
            if (CONDITION_FUNCTIONS.contains(t.text)
                    || t.text.equals("if_not_exists")
                    || t.text.equals("list_append")) {
                throw err("The function is not allowed to be used this way in an expression; function: " + t.text);
            }
            throw err("Invalid function name; function: " + t.text);
        }
        if (t.type == TokenType.VALUE) {
            next();
            return new Expression.ValueOperand(t.text, ctx.value(t.text, kind));
        }
        return new Expression.PathOperand(path());
    }

    private DocumentPath path() {
        List<Object> elems = new ArrayList<>();
        elems.add(pathName());
        while (true) {
            if (accept(TokenType.DOT)) {
                elems.add(pathName());
            } else if (peek().type == TokenType.LBRACKET) {
                next();
                Token num = expect(TokenType.NUMBER);
                expect(TokenType.RBRACKET);
                int idx;
                try {
                    idx = Integer.parseInt(num.text);
                } catch (NumberFormatException e) {
                    throw err("List index is too large; index: " + num.text);
                }
                elems.add(idx);
            } else {
                break;
            }
        }
        if (elems.size() > 32) {
            throw err("The document path has too many nesting levels; nesting levels: " + elems.size());
        }
        return new DocumentPath(List.copyOf(elems));
    }

    private String pathName() {
        Token t = peek();
        if (t.type == TokenType.NAME) {
            next();
            return ctx.name(t.text, kind);
        }
        if (t.type == TokenType.IDENT) {
            if (ReservedWords.isReserved(t.text)) {
                throw err("Attribute name is a reserved keyword; reserved keyword: " + t.text);
            }
            next();
            return t.text;
        }
        throw syntax();
    }

    private void checkOverlap(List<DocumentPath> paths) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (paths.get(i).overlaps(paths.get(j))) {
                    throw err(
                            "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
                                    + paths.get(i) + ", path two: " + paths.get(j));
                }
            }
        }
    }

    // ---- updates ----

    private Expression.Update updateExpr() {
        List<Expression.SetAction> sets = new ArrayList<>();
        List<DocumentPath> removes = new ArrayList<>();
        List<Expression.SetElementsAction> adds = new ArrayList<>();
        List<Expression.SetElementsAction> deletes = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        if (peek().type == TokenType.EOF) {
            throw err("The expression can not be empty;");
        }
        while (peek().type != TokenType.EOF) {
            Token kw = peek();
            String section = kw.type == TokenType.IDENT ? kw.text.toUpperCase(Locale.ROOT) : "";
            if (!Set.of("SET", "REMOVE", "ADD", "DELETE").contains(section)) {
                throw syntax();
            }
            next();
            if (!seen.add(section)) {
                throw err("The \"" + section + "\" section can only be used once in an update expression;");
            }
            switch (section) {
                case "SET" -> {
                    do {
                        DocumentPath p = path();
                        expect(TokenType.EQ);
                        sets.add(new Expression.SetAction(p, setValue()));
                    } while (accept(TokenType.COMMA));
                }
                case "REMOVE" -> {
                    do {
                        removes.add(path());
                    } while (accept(TokenType.COMMA));
                }
                default -> {
                    boolean add = section.equals("ADD");
                    do {
                        DocumentPath p = path();
                        Token v = peek();
                        if (v.type != TokenType.VALUE) {
                            throw syntax();
                        }
                        next();
                        AttributeValue value = ctx.value(v.text, kind);
                        if (add ? !(value.type == AttributeValue.Type.N || value.isSet()) : !value.isSet()) {
                            throw err("Incorrect operand type for operator or function; operator: " + section
                                    + ", operand type: " + typeName(value));
                        }
                        (add ? adds : deletes).add(new Expression.SetElementsAction(p, value));
                    } while (accept(TokenType.COMMA));
                }
            }
        }
        Expression.Update u = new Expression.Update(sets, removes, adds, deletes);
        checkOverlap(u.allPaths());
        return u;
    }

    private static String typeName(AttributeValue v) {
        return switch (v.type) {
            case S -> "STRING";
            case N -> "NUMBER";
            case B -> "BINARY";
            case BOOL -> "BOOLEAN";
            case NULL -> "NULL";
            case M -> "MAP";
            case L -> "LIST";
            case SS -> "STRING SET";
            case NS -> "NUMBER SET";
            case BS -> "BINARY SET";
        };
    }

    private SetValue setValue() {
        SetValue left = setOperand();
        if (peek().type == TokenType.PLUS || peek().type == TokenType.MINUS) {
            boolean plus = next().type == TokenType.PLUS;
            SetValue right = setOperand();
            for (SetValue v : List.of(left, right)) {
                if (v instanceof Expression.OperandValue ov
                        && ov.operand() instanceof Expression.ValueOperand val
                        && val.value().type != AttributeValue.Type.N) {
                    throw err("Incorrect operand type for operator or function; operator or function: "
                            + (plus ? "+" : "-") + ", operand type: " + val.value().type);
                }
            }
            return new Expression.Arithmetic(plus, left, right);
        }
        return left;
    }

    private SetValue setOperand() {
        Token t = peek();
        if (isFunctionCall()) {
            next();
            expect(TokenType.LPAREN);
            switch (t.text) {
                case "if_not_exists" -> {
                    SetValue first = setOperand();
                    if (!(first instanceof Expression.OperandValue ov
                            && ov.operand() instanceof Expression.PathOperand p)) {
                        throw err("Operator or function requires a document path; operator or function: if_not_exists");
                    }
                    expect(TokenType.COMMA);
                    SetValue second = setOperand();
                    expect(TokenType.RPAREN);
                    return new Expression.IfNotExists(p.path(), second);
                }
                case "list_append" -> {
                    SetValue first = setOperand();
                    expect(TokenType.COMMA);
                    SetValue second = setOperand();
                    expect(TokenType.RPAREN);
                    for (SetValue v : List.of(first, second)) {
                        if (v instanceof Expression.OperandValue ov
                                && ov.operand() instanceof Expression.ValueOperand val
                                && val.value().type != AttributeValue.Type.L) {
                            throw err(
                                    "Incorrect operand type for operator or function; operator or function: list_append, operand type: "
                                            + val.value().type);
                        }
                    }
                    return new Expression.ListAppend(first, second);
                }
                default -> {
                    if (CONDITION_FUNCTIONS.contains(t.text) || t.text.equals("size")) {
                        throw err("The function is not allowed in an update expression; function: " + t.text);
                    }
                    throw err("Invalid function name; function: " + t.text);
                }
            }
        }
        if (t.type == TokenType.VALUE) {
            next();
            return new Expression.OperandValue(new Expression.ValueOperand(t.text, ctx.value(t.text, kind)));
        }
        return new Expression.OperandValue(new Expression.PathOperand(path()));
    }
}
