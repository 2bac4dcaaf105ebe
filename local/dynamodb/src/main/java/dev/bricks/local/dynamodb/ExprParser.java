package dev.bricks.local.dynamodb;

import dev.bricks.local.dynamodb.Expr.Cmp;
import dev.bricks.local.dynamodb.Expr.Cond;
import dev.bricks.local.dynamodb.Expr.Operand;
import dev.bricks.local.dynamodb.Expr.SetValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent parser for condition, filter, key condition, update and projection expressions.
 * Errors are ValidationExceptions worded as DynamoDB words them ("Invalid ConditionExpression: Syntax error; ...").
 */
final class ExprParser {
    private enum T { IDENT, NAME, VALUE, NUMBER, LPAREN, RPAREN, COMMA, DOT, LBRACKET, RBRACKET, EQ, NE, LT, LE, GT, GE, PLUS, MINUS, EOF }

    private record Token(T type, String text, int start, int end) {}

    private static final Set<String> CONDITION_FUNCTIONS = Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
    private static final Set<String> TYPE_NAMES = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");
    private static final int MAX_EXPRESSION_LENGTH = 4096;

    private final String src;
    private final String kind;
    private final ExprContext ctx;
    private final List<Token> tokens;
    private int pos;

    private ExprParser(String src, String kind, ExprContext ctx) {
        this.src = src;
        this.kind = kind;
        this.ctx = ctx;
        if (src.isBlank()) throw err("The expression can not be empty;");
        if (src.length() > MAX_EXPRESSION_LENGTH) throw err("Expression size has exceeded the maximum allowed size; expression size: " + src.length());
        this.tokens = lex();
    }

    static Cond condition(String src, String kind, ExprContext ctx) {
        ExprParser p = new ExprParser(src, kind, ctx);
        Cond c = p.or();
        p.expect(T.EOF);
        return c;
    }

    static List<DocPath> projection(String src, ExprContext ctx) {
        ExprParser p = new ExprParser(src, "ProjectionExpression", ctx);
        List<DocPath> paths = new ArrayList<>();
        do {
            paths.add(p.path());
        } while (p.accept(T.COMMA));
        p.expect(T.EOF);
        p.checkOverlap(paths);
        return paths;
    }

    static Expr.Update update(String src, ExprContext ctx) {
        ExprParser p = new ExprParser(src, "UpdateExpression", ctx);
        return p.updateExpr();
    }

    // ---- lexer ----

    private List<Token> lex() {
        List<Token> out = new ArrayList<>();
        int i = 0, n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (Character.isWhitespace(c)) { i++; continue; }
            int s = i;
            if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) i++;
                out.add(new Token(T.IDENT, src.substring(s, i), s, i));
            } else if (c == '#' || c == ':') {
                i++;
                while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) i++;
                if (i == s + 1) throw syntax(new Token(T.EOF, String.valueOf(c), s, i), out);
                out.add(new Token(c == '#' ? T.NAME : T.VALUE, src.substring(s, i), s, i));
            } else if (Character.isDigit(c)) {
                while (i < n && Character.isDigit(src.charAt(i))) i++;
                out.add(new Token(T.NUMBER, src.substring(s, i), s, i));
            } else {
                T t;
                i++;
                switch (c) {
                    case '(' -> t = T.LPAREN;
                    case ')' -> t = T.RPAREN;
                    case ',' -> t = T.COMMA;
                    case '.' -> t = T.DOT;
                    case '[' -> t = T.LBRACKET;
                    case ']' -> t = T.RBRACKET;
                    case '+' -> t = T.PLUS;
                    case '-' -> t = T.MINUS;
                    case '=' -> t = T.EQ;
                    case '<' -> {
                        if (i < n && src.charAt(i) == '=') { i++; t = T.LE; }
                        else if (i < n && src.charAt(i) == '>') { i++; t = T.NE; }
                        else t = T.LT;
                    }
                    case '>' -> {
                        if (i < n && src.charAt(i) == '=') { i++; t = T.GE; } else t = T.GT;
                    }
                    default -> throw err("Invalid character encountered; character: \"" + c + "\", near: \""
                            + src.substring(Math.max(0, s - 10), Math.min(n, s + 10)).trim() + "\"");
                }
                out.add(new Token(t, src.substring(s, i), s, i));
            }
        }
        out.add(new Token(T.EOF, "<EOF>", n, n));
        return out;
    }

    // ---- helpers ----

    private DynamoException err(String message) {
        return DynamoException.validation("Invalid " + kind + ": " + message);
    }

    private DynamoException syntax(Token t, List<Token> all) {
        int idx = all.indexOf(t);
        int back = t.type == T.EOF ? 2 : 1;
        int from = idx >= back ? all.get(idx - back).start : idx > 0 ? all.get(0).start : t.start;
        int to = idx >= 0 && idx + 1 < all.size() ? all.get(idx + 1).end : t.end;
        if (idx < 0) { from = Math.max(0, t.start - 5); to = Math.min(src.length(), t.end + 5); }
        return err("Syntax error; token: \"" + t.text + "\", near: \"" + src.substring(from, Math.min(to, src.length())) + "\"");
    }

    private DynamoException syntax() {
        return syntax(peek(), tokens);
    }

    private Token peek() { return tokens.get(pos); }

    private Token peek(int ahead) { return tokens.get(Math.min(pos + ahead, tokens.size() - 1)); }

    private Token next() { return tokens.get(pos++); }

    private boolean accept(T t) {
        if (peek().type == t) { pos++; return true; }
        return false;
    }

    private Token expect(T t) {
        if (peek().type != t) throw syntax();
        return next();
    }

    private boolean keyword(String kw) {
        Token t = peek();
        return t.type == T.IDENT && t.text.equalsIgnoreCase(kw);
    }

    private boolean isFunctionCall() {
        return peek().type == T.IDENT && peek(1).type == T.LPAREN;
    }

    // ---- conditions ----

    private Cond or() {
        Cond c = and();
        while (keyword("OR")) { next(); c = new Expr.Or(c, and()); }
        return c;
    }

    private Cond and() {
        Cond c = not();
        while (keyword("AND")) { next(); c = new Expr.And(c, not()); }
        return c;
    }

    private Cond not() {
        if (keyword("NOT")) { next(); return new Expr.Not(not()); }
        return primary();
    }

    private Cond primary() {
        if (accept(T.LPAREN)) {
            Cond c = or();
            expect(T.RPAREN);
            return c;
        }
        if (isFunctionCall() && !peek().text.equals("size")) return function();
        Operand left = operand();
        Token t = peek();
        Cmp cmp = switch (t.type) {
            case EQ -> Cmp.EQ;
            case NE -> Cmp.NE;
            case LT -> Cmp.LT;
            case LE -> Cmp.LE;
            case GT -> Cmp.GT;
            case GE -> Cmp.GE;
            default -> null;
        };
        if (cmp != null) {
            next();
            Operand right = operand();
            if (cmp != Cmp.EQ && cmp != Cmp.NE) { scalarOperand(cmp.symbol, left); scalarOperand(cmp.symbol, right); }
            distinct(cmp.symbol, left, right);
            return new Expr.Compare(cmp, left, right);
        }
        if (keyword("BETWEEN")) {
            next();
            Operand lo = operand();
            if (!keyword("AND")) throw syntax();
            next();
            Operand hi = operand();
            scalarOperand("BETWEEN", left); scalarOperand("BETWEEN", lo); scalarOperand("BETWEEN", hi);
            if (lo instanceof Expr.ValueOp l && hi instanceof Expr.ValueOp h && l.value().type == h.value().type
                    && Av.compareScalars(l.value(), h.value()) > 0) {
                throw err("The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: "
                        + l.value().describe() + ", upper bound operand: " + h.value().describe());
            }
            return new Expr.Between(left, lo, hi);
        }
        if (keyword("IN")) {
            next();
            expect(T.LPAREN);
            List<Operand> options = new ArrayList<>();
            do {
                options.add(operand());
            } while (accept(T.COMMA));
            expect(T.RPAREN);
            if (options.size() > 100) throw err("The IN operator is provided with too many operands; number of operands: " + options.size());
            return new Expr.In(left, options);
        }
        throw syntax();
    }

    private void scalarOperand(String op, Operand o) {
        if (o instanceof Expr.ValueOp v && !v.value().isScalarKeyType()) {
            throw err("Incorrect operand type for operator or function; operator or function: " + op + ", operand type: " + v.value().type);
        }
    }

    private void distinct(String op, Operand a, Operand b) {
        if (a.equals(b)) {
            throw err("The first operand must be distinct from the remaining operands for this operator or function; operator: "
                    + op + ", first operand: " + describe(a));
        }
    }

    private static String describe(Operand o) {
        if (o instanceof Expr.PathOp p) return p.path().toString();
        if (o instanceof Expr.ValueOp v) return v.value().describe();
        return "size";
    }

    private Cond function() {
        Token name = next();
        String fn = name.text;
        if (!CONDITION_FUNCTIONS.contains(fn)) {
            if (fn.equals("if_not_exists") || fn.equals("list_append")) {
                throw err("The function is not allowed to be used this way in an expression; function: " + fn);
            }
            throw err("Invalid function name; function: " + fn);
        }
        expect(T.LPAREN);
        List<Operand> args = new ArrayList<>();
        if (peek().type != T.RPAREN) {
            do {
                args.add(operand());
            } while (accept(T.COMMA));
        }
        expect(T.RPAREN);
        int want = fn.startsWith("attribute_") && !fn.equals("attribute_type") ? 1 : 2;
        if (args.size() != want) {
            throw err("Incorrect number of operands for operator or function; operator or function: " + fn + ", number of operands: " + args.size());
        }
        if (!(args.get(0) instanceof Expr.PathOp) && (want == 1 || fn.equals("attribute_type"))) {
            throw err("Operator or function requires a document path; operator or function: " + fn);
        }
        switch (fn) {
            case "attribute_type" -> {
                if (!(args.get(1) instanceof Expr.ValueOp v) || v.value().type != Av.Type.S) {
                    throw err("Incorrect operand type for operator or function; operator or function: attribute_type, operand type: "
                            + (args.get(1) instanceof Expr.ValueOp v2 ? v2.value().type : "PATH"));
                }
                if (!TYPE_NAMES.contains(v.value().s())) {
                    throw err("Invalid attribute type name found; type: " + v.value().s() + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
                }
            }
            case "begins_with" -> {
                for (Operand o : args) {
                    if (o instanceof Expr.ValueOp v && v.value().type != Av.Type.S && v.value().type != Av.Type.B) {
                        throw err("Incorrect operand type for operator or function; operator or function: begins_with, operand type: " + v.value().type);
                    }
                }
            }
            case "contains" -> distinct("contains", args.get(0), args.get(1));
            default -> { }
        }
        return new Expr.Func(fn, args);
    }

    private Operand operand() {
        Token t = peek();
        if (isFunctionCall()) {
            if (t.text.equals("size")) {
                next();
                expect(T.LPAREN);
                Operand arg = operand();
                expect(T.RPAREN);
                if (arg instanceof Expr.ValueOp v && v.value().type != Av.Type.S && v.value().type != Av.Type.B
                        && !v.value().isSet() && v.value().type != Av.Type.M && v.value().type != Av.Type.L) {
                    throw err("Incorrect operand type for operator or function; operator or function: size, operand type: " + v.value().type);
                }
                return new Expr.SizeOp(arg);
            }
            if (CONDITION_FUNCTIONS.contains(t.text) || t.text.equals("if_not_exists") || t.text.equals("list_append")) {
                throw err("The function is not allowed to be used this way in an expression; function: " + t.text);
            }
            throw err("Invalid function name; function: " + t.text);
        }
        if (t.type == T.VALUE) {
            next();
            return new Expr.ValueOp(t.text, ctx.value(t.text, kind));
        }
        return new Expr.PathOp(path());
    }

    private DocPath path() {
        List<Object> elems = new ArrayList<>();
        elems.add(pathName());
        while (true) {
            if (accept(T.DOT)) {
                elems.add(pathName());
            } else if (peek().type == T.LBRACKET) {
                next();
                Token num = expect(T.NUMBER);
                expect(T.RBRACKET);
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
        if (elems.size() > 32) throw err("The document path has too many nesting levels; nesting levels: " + elems.size());
        return new DocPath(List.copyOf(elems));
    }

    private String pathName() {
        Token t = peek();
        if (t.type == T.NAME) {
            next();
            return ctx.name(t.text, kind);
        }
        if (t.type == T.IDENT) {
            if (ReservedWords.isReserved(t.text)) throw err("Attribute name is a reserved keyword; reserved keyword: " + t.text);
            next();
            return t.text;
        }
        throw syntax();
    }

    private void checkOverlap(List<DocPath> paths) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (paths.get(i).overlaps(paths.get(j))) {
                    throw err("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
                            + paths.get(i) + ", path two: " + paths.get(j));
                }
            }
        }
    }

    // ---- updates ----

    private Expr.Update updateExpr() {
        List<Expr.SetAction> sets = new ArrayList<>();
        List<DocPath> removes = new ArrayList<>();
        List<Expr.SetOp> adds = new ArrayList<>();
        List<Expr.SetOp> deletes = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        if (peek().type == T.EOF) throw err("The expression can not be empty;");
        while (peek().type != T.EOF) {
            Token kw = peek();
            String section = kw.type == T.IDENT ? kw.text.toUpperCase(Locale.ROOT) : "";
            if (!Set.of("SET", "REMOVE", "ADD", "DELETE").contains(section)) throw syntax();
            next();
            if (!seen.add(section)) throw err("The \"" + section + "\" section can only be used once in an update expression;");
            switch (section) {
                case "SET" -> {
                    do {
                        DocPath p = path();
                        expect(T.EQ);
                        sets.add(new Expr.SetAction(p, setValue()));
                    } while (accept(T.COMMA));
                }
                case "REMOVE" -> {
                    do {
                        removes.add(path());
                    } while (accept(T.COMMA));
                }
                default -> {
                    boolean add = section.equals("ADD");
                    do {
                        DocPath p = path();
                        Token v = peek();
                        if (v.type != T.VALUE) throw syntax();
                        next();
                        Av value = ctx.value(v.text, kind);
                        if (add ? !(value.type == Av.Type.N || value.isSet()) : !value.isSet()) {
                            throw err("Incorrect operand type for operator or function; operator: " + section + ", operand type: " + typeName(value));
                        }
                        (add ? adds : deletes).add(new Expr.SetOp(p, value));
                    } while (accept(T.COMMA));
                }
            }
        }
        Expr.Update u = new Expr.Update(sets, removes, adds, deletes);
        checkOverlap(u.allPaths());
        return u;
    }

    private static String typeName(Av v) {
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
        if (peek().type == T.PLUS || peek().type == T.MINUS) {
            boolean plus = next().type == T.PLUS;
            SetValue right = setOperand();
            for (SetValue v : List.of(left, right)) {
                if (v instanceof Expr.OperandValue ov && ov.operand() instanceof Expr.ValueOp val && val.value().type != Av.Type.N) {
                    throw err("Incorrect operand type for operator or function; operator or function: " + (plus ? "+" : "-")
                            + ", operand type: " + val.value().type);
                }
            }
            return new Expr.Arith(plus, left, right);
        }
        return left;
    }

    private SetValue setOperand() {
        Token t = peek();
        if (isFunctionCall()) {
            next();
            expect(T.LPAREN);
            switch (t.text) {
                case "if_not_exists" -> {
                    SetValue first = setOperand();
                    if (!(first instanceof Expr.OperandValue ov && ov.operand() instanceof Expr.PathOp p)) {
                        throw err("Operator or function requires a document path; operator or function: if_not_exists");
                    }
                    expect(T.COMMA);
                    SetValue second = setOperand();
                    expect(T.RPAREN);
                    return new Expr.IfNotExists(p.path(), second);
                }
                case "list_append" -> {
                    SetValue first = setOperand();
                    expect(T.COMMA);
                    SetValue second = setOperand();
                    expect(T.RPAREN);
                    for (SetValue v : List.of(first, second)) {
                        if (v instanceof Expr.OperandValue ov && ov.operand() instanceof Expr.ValueOp val && val.value().type != Av.Type.L) {
                            throw err("Incorrect operand type for operator or function; operator or function: list_append, operand type: " + val.value().type);
                        }
                    }
                    return new Expr.ListAppend(first, second);
                }
                default -> {
                    if (CONDITION_FUNCTIONS.contains(t.text) || t.text.equals("size")) {
                        throw err("The function is not allowed in an update expression; function: " + t.text);
                    }
                    throw err("Invalid function name; function: " + t.text);
                }
            }
        }
        if (t.type == T.VALUE) {
            next();
            return new Expr.OperandValue(new Expr.ValueOp(t.text, ctx.value(t.text, kind)));
        }
        return new Expr.OperandValue(new Expr.PathOp(path()));
    }
}
