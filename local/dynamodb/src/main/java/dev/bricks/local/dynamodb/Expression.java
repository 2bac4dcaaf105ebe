package dev.bricks.local.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The nodes of DynamoDB's expression language and their evaluation against an item. */
final class Expression {
    private Expression() {}

    /** Something that yields a value from an item, or null when it does not exist there. */
    interface Operand {
        AttributeValue eval(Map<String, AttributeValue> item);
    }

    record PathOperand(DocumentPath path) implements Operand {
        public AttributeValue eval(Map<String, AttributeValue> item) {
            return path.get(item);
        }
    }

    record ValueOperand(String ref, AttributeValue value) implements Operand {
        public AttributeValue eval(Map<String, AttributeValue> item) {
            return value;
        }
    }

    record SizeOperand(Operand arg) implements Operand {
        public AttributeValue eval(Map<String, AttributeValue> item) {
            AttributeValue v = arg.eval(item);
            if (v == null) {
                return null;
            }
            int n = switch (v.type) {
                case S -> v.s().length();
                case B -> v.b().bytes().length;
                case SS, NS, BS -> v.set().size();
                case L -> v.l().size();
                case M -> v.m().size();
                default -> -1;
            };
            return n < 0 ? null : AttributeValue.n(BigDecimal.valueOf(n));
        }
    }

    /** A boolean condition. */
    interface Condition {
        boolean test(Map<String, AttributeValue> item);
    }

    enum Comparison {
        EQ("="),
        NE("<>"),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");
        final String symbol;

        Comparison(String s) {
            symbol = s;
        }
    }

    record Compare(Comparison op, Operand left, Operand right) implements Condition {
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue a = left.eval(item), b = right.eval(item);
            if (op == Comparison.EQ) {
                return a != null && a.equals(b);
            }
            if (op == Comparison.NE) {
                return !(a != null && a.equals(b));
            }
            if (a == null || b == null || a.type != b.type || !a.isScalarKeyType()) {
                return false;
            }
            int c = AttributeValue.compareScalars(a, b);
            return switch (op) {
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
                default -> false;
            };
        }
    }

    record Between(Operand value, Operand low, Operand high) implements Condition {
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue v = value.eval(item), lo = low.eval(item), hi = high.eval(item);
            if (v == null
                    || lo == null
                    || hi == null
                    || !v.isScalarKeyType()
                    || v.type != lo.type
                    || v.type != hi.type) {
                return false;
            }
            return AttributeValue.compareScalars(lo, v) <= 0 && AttributeValue.compareScalars(v, hi) <= 0;
        }
    }

    record In(Operand value, List<Operand> options) implements Condition {
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue v = value.eval(item);
            if (v == null) {
                return false;
            }
            for (Operand o : options) {
                if (v.equals(o.eval(item))) {
                    return true;
                }
            }
            return false;
        }
    }

    record And(Condition left, Condition right) implements Condition {
        public boolean test(Map<String, AttributeValue> item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        public boolean test(Map<String, AttributeValue> item) {
            return left.test(item) || right.test(item);
        }
    }

    record Not(Condition inner) implements Condition {
        public boolean test(Map<String, AttributeValue> item) {
            return !inner.test(item);
        }
    }

    record FunctionCall(String name, List<Operand> args) implements Condition {
        public boolean test(Map<String, AttributeValue> item) {
            switch (name) {
                case "attribute_exists":
                    return args.get(0).eval(item) != null;
                case "attribute_not_exists":
                    return args.get(0).eval(item) == null;
                case "attribute_type": {
                    AttributeValue v = args.get(0).eval(item), t = args.get(1).eval(item);
                    return v != null
                            && t != null
                            && t.type == AttributeValue.Type.S
                            && v.type.name().equals(t.s());
                }
                case "begins_with": {
                    AttributeValue v = args.get(0).eval(item), p = args.get(1).eval(item);
                    if (v == null || p == null || v.type != p.type) {
                        return false;
                    }
                    if (v.type == AttributeValue.Type.S) {
                        return v.s().startsWith(p.s());
                    }
                    if (v.type == AttributeValue.Type.B) {
                        byte[] a = v.b().bytes(), b = p.b().bytes();
                        if (b.length > a.length) {
                            return false;
                        }
                        for (int i = 0; i < b.length; i++) {
                            if (a[i] != b[i]) {
                                return false;
                            }
                        }
                        return true;
                    }
                    return false;
                }
                case "contains": {
                    AttributeValue v = args.get(0).eval(item), x = args.get(1).eval(item);
                    if (v == null || x == null) {
                        return false;
                    }
                    switch (v.type) {
                        case S:
                            return x.type == AttributeValue.Type.S && v.s().contains(x.s());
                        case B:
                            return x.type == AttributeValue.Type.B && indexOf(v.b().bytes(), x.b().bytes()) >= 0;
                        case SS:
                            return x.type == AttributeValue.Type.S && v.set().contains(x.s());
                        case NS:
                            return x.type == AttributeValue.Type.N && v.set().contains(x.n());
                        case BS:
                            return x.type == AttributeValue.Type.B && v.set().contains(x.b());
                        case L:
                            return v.l().contains(x);
                        default:
                            return false;
                    }
                }
                default:
                    throw new IllegalStateException(name);
            }
        }
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // ---- update expressions ----

    /** The right-hand side of a SET action. */
    interface SetValue {
        AttributeValue eval(Map<String, AttributeValue> item);
    }

    record OperandValue(Operand operand) implements SetValue {
        public AttributeValue eval(Map<String, AttributeValue> item) {
            AttributeValue v = operand.eval(item);
            if (v == null) {
                throw missingAttribute();
            }
            return v;
        }
    }

    record Arithmetic(boolean plus, SetValue left, SetValue right) implements SetValue {
        public AttributeValue eval(Map<String, AttributeValue> item) {
            AttributeValue a = left.eval(item), b = right.eval(item);
            if (a.type != AttributeValue.Type.N || b.type != AttributeValue.Type.N) {
                throw wrongType();
            }
            return AttributeValue.n(Numbers.check(plus ? a.n().add(b.n()) : a.n().subtract(b.n())));
        }
    }

    record IfNotExists(DocumentPath path, SetValue fallback) implements SetValue {
        public AttributeValue eval(Map<String, AttributeValue> item) {
            AttributeValue v = path.get(item);
            return v != null ? v : fallback.eval(item);
        }
    }

    record ListAppend(SetValue first, SetValue second) implements SetValue {
        public AttributeValue eval(Map<String, AttributeValue> item) {
            AttributeValue a = first.eval(item), b = second.eval(item);
            if (a.type != AttributeValue.Type.L || b.type != AttributeValue.Type.L) {
                throw wrongType();
            }
            List<AttributeValue> l = new ArrayList<>(a.l());
            l.addAll(b.l());
            return AttributeValue.l(l);
        }
    }

    record SetAction(DocumentPath path, SetValue value) {}

    record SetElementsAction(DocumentPath path, AttributeValue value) {}

    /** A parsed UpdateExpression. */
    record Update(
            List<SetAction> sets,
            List<DocumentPath> removes,
            List<SetElementsAction> adds,
            List<SetElementsAction> deletes) {

        List<DocumentPath> allPaths() {
            List<DocumentPath> l = new ArrayList<>();
            sets.forEach(s -> l.add(s.path()));
            l.addAll(removes);
            adds.forEach(s -> l.add(s.path()));
            deletes.forEach(s -> l.add(s.path()));
            return l;
        }

        /** Applies the update to a copy of item; all right-hand sides see the item as it was before. */
        Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
            List<AttributeValue> setValues = new ArrayList<>(sets.size());
            for (SetAction s : sets) {
                setValues.add(s.value().eval(item));
            }
            Map<String, AttributeValue> out = AttributeValue.copyOf(item);
            for (int i = 0; i < sets.size(); i++) {
                sets.get(i).path().set(out, setValues.get(i));
            }
            List<DocumentPath> rm = new ArrayList<>(removes);
            rm.sort((a, b) -> DocumentPath.compare(b, a));
            for (DocumentPath p : rm) {
                p.remove(out);
            }
            for (SetElementsAction a : adds) {
                AttributeValue cur = a.path().get(out);
                if (cur == null) {
                    a.path().set(out, a.value());
                } else if (cur.type == AttributeValue.Type.N && a.value().type == AttributeValue.Type.N) {
                    a.path()
                            .set(
                                    out,
                                    AttributeValue.n(
                                            Numbers.check(cur.n().add(a.value().n()))));
                } else if (cur.isSet() && cur.type == a.value().type) {
                    Set<Object> s = new LinkedHashSet<>(cur.set());
                    s.addAll(a.value().set());
                    a.path().set(out, AttributeValue.set(cur.type, s));
                } else {
                    throw wrongType();
                }
            }
            for (SetElementsAction d : deletes) {
                AttributeValue cur = d.path().get(out);
                if (cur == null) {
                    continue;
                }
                if (!cur.isSet() || cur.type != d.value().type) {
                    throw wrongType();
                }
                Set<Object> s = new LinkedHashSet<>(cur.set());
                s.removeAll(d.value().set());
                if (s.isEmpty()) {
                    d.path().remove(out);
                } else {
                    d.path().set(out, AttributeValue.set(cur.type, s));
                }
            }
            return out;
        }
    }

    /** The top-level attribute names a condition reads (the first element of each document path in it). */
    static Set<String> attributeNames(Condition condition) {
        Set<String> names = new LinkedHashSet<>();
        collectNames(condition, names);
        return names;
    }

    private static void collectNames(Condition condition, Set<String> names) {
        if (condition instanceof Compare c) {
            collectNames(c.left(), names);
            collectNames(c.right(), names);
        } else if (condition instanceof Between b) {
            collectNames(b.value(), names);
            collectNames(b.low(), names);
            collectNames(b.high(), names);
        } else if (condition instanceof In in) {
            collectNames(in.value(), names);
            in.options().forEach(o -> collectNames(o, names));
        } else if (condition instanceof And a) {
            collectNames(a.left(), names);
            collectNames(a.right(), names);
        } else if (condition instanceof Or o) {
            collectNames(o.left(), names);
            collectNames(o.right(), names);
        } else if (condition instanceof Not n) {
            collectNames(n.inner(), names);
        } else if (condition instanceof FunctionCall f) {
            f.args().forEach(a -> collectNames(a, names));
        } else {
            throw new IllegalStateException(
                    "unknown condition " + condition.getClass().getSimpleName());
        }
    }

    private static void collectNames(Operand operand, Set<String> names) {
        if (operand instanceof PathOperand p) {
            names.add(p.path().first());
        } else if (operand instanceof SizeOperand size) {
            collectNames(size.arg(), names);
        }
    }

    static DynamoException missingAttribute() {
        return DynamoException.validation(
                "The provided expression refers to an attribute that does not exist in the item");
    }

    static DynamoException wrongType() {
        return DynamoException.validation("An operand in the update expression has an incorrect data type");
    }

    /** Keeps only the given paths of item, as ProjectionExpression does. */
    static Map<String, AttributeValue> project(Map<String, AttributeValue> item, List<DocumentPath> paths) {
        Map<String, AttributeValue> out = new java.util.LinkedHashMap<>();
        for (DocumentPath p : paths) {
            AttributeValue top = item.get(p.first());
            if (top == null) {
                continue;
            }
            if (p.elements().size() == 1) {
                out.put(p.first(), top);
                continue;
            }
            AttributeValue projected = projectIn(top, p.elements(), 1, out.get(p.first()));
            if (projected != null) {
                out.put(p.first(), projected);
            }
        }
        return finishLists(out);
    }

    /** Sparse list holder used while projecting list elements; indexes kept sorted. */
    private record Sparse(java.util.TreeMap<Integer, AttributeValue> elements) {}

    private static final String SPARSE = "\u0000sparse";

    private static AttributeValue projectIn(AttributeValue src, List<Object> elems, int i, AttributeValue acc) {
        Object e = elems.get(i);
        boolean last = i == elems.size() - 1;
        if (e instanceof Integer idx) {
            if (src.type != AttributeValue.Type.L || idx >= src.l().size()) {
                return acc;
            }
            java.util.TreeMap<Integer, AttributeValue> sparse = new java.util.TreeMap<>();
            if (acc != null && acc.type == AttributeValue.Type.M && acc.m().containsKey(SPARSE)) {
                sparse.putAll(sparseOf(acc));
            }
            AttributeValue child = src.l().get(idx);
            AttributeValue v = last ? child : projectIn(child, elems, i + 1, sparse.get(idx));
            if (v == null) {
                return acc;
            }
            sparse.put(idx, v);
            return sparseValue(sparse);
        }
        if (src.type != AttributeValue.Type.M) {
            return acc;
        }
        AttributeValue child = src.m().get((String) e);
        if (child == null) {
            return acc;
        }
        Map<String, AttributeValue> m = new java.util.LinkedHashMap<>();
        if (acc != null && acc.type == AttributeValue.Type.M) {
            m.putAll(acc.m());
        }
        AttributeValue v = last ? child : projectIn(child, elems, i + 1, m.get((String) e));
        if (v == null) {
            return acc;
        }
        m.put((String) e, v);
        return AttributeValue.m(m);
    }

    private static AttributeValue sparseValue(java.util.TreeMap<Integer, AttributeValue> sparse) {
        Map<String, AttributeValue> m = new java.util.LinkedHashMap<>();
        m.put(SPARSE, AttributeValue.NULL);
        sparse.forEach((k, v) -> m.put(Integer.toString(k), v));
        return AttributeValue.m(m);
    }

    private static Map<Integer, AttributeValue> sparseOf(AttributeValue acc) {
        Map<Integer, AttributeValue> r = new java.util.TreeMap<>();
        acc.m().forEach((k, v) -> {
            if (!k.equals(SPARSE)) {
                r.put(Integer.parseInt(k), v);
            }
        });
        return r;
    }

    private static Map<String, AttributeValue> finishLists(Map<String, AttributeValue> m) {
        Map<String, AttributeValue> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, finish(v)));
        return out;
    }

    private static AttributeValue finish(AttributeValue v) {
        if (v.type == AttributeValue.Type.M && v.m().containsKey(SPARSE)) {
            List<AttributeValue> l = new ArrayList<>();
            sparseOf(v).values().forEach(x -> l.add(finish(x)));
            return AttributeValue.l(l);
        }
        if (v.type == AttributeValue.Type.M) {
            return AttributeValue.m(finishLists(v.m()));
        }
        return v;
    }
}
