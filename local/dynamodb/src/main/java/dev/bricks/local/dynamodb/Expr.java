package dev.bricks.local.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The nodes of DynamoDB's expression language and their evaluation against an item. */
final class Expr {
    private Expr() {}

    /** Something that yields a value from an item, or null when it does not exist there. */
    interface Operand {
        Av eval(Map<String, Av> item);
    }

    record PathOp(DocPath path) implements Operand {
        public Av eval(Map<String, Av> item) { return path.get(item); }
    }

    record ValueOp(String ref, Av value) implements Operand {
        public Av eval(Map<String, Av> item) { return value; }
    }

    record SizeOp(Operand arg) implements Operand {
        public Av eval(Map<String, Av> item) {
            Av v = arg.eval(item);
            if (v == null) return null;
            int n = switch (v.type) {
                case S -> v.s().length();
                case B -> v.b().bytes().length;
                case SS, NS, BS -> v.set().size();
                case L -> v.l().size();
                case M -> v.m().size();
                default -> -1;
            };
            return n < 0 ? null : Av.n(BigDecimal.valueOf(n));
        }
    }

    /** A boolean condition. */
    interface Cond {
        boolean test(Map<String, Av> item);
    }

    enum Cmp { EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");
        final String symbol;
        Cmp(String s) { symbol = s; }
    }

    record Compare(Cmp op, Operand left, Operand right) implements Cond {
        public boolean test(Map<String, Av> item) {
            Av a = left.eval(item), b = right.eval(item);
            if (op == Cmp.EQ) return a != null && a.equals(b);
            if (op == Cmp.NE) return !(a != null && a.equals(b));
            if (a == null || b == null || a.type != b.type || !a.isScalarKeyType()) return false;
            int c = Av.compareScalars(a, b);
            return switch (op) {
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
                default -> false;
            };
        }
    }

    record Between(Operand value, Operand low, Operand high) implements Cond {
        public boolean test(Map<String, Av> item) {
            Av v = value.eval(item), lo = low.eval(item), hi = high.eval(item);
            if (v == null || lo == null || hi == null || !v.isScalarKeyType() || v.type != lo.type || v.type != hi.type) return false;
            return Av.compareScalars(lo, v) <= 0 && Av.compareScalars(v, hi) <= 0;
        }
    }

    record In(Operand value, List<Operand> options) implements Cond {
        public boolean test(Map<String, Av> item) {
            Av v = value.eval(item);
            if (v == null) return false;
            for (Operand o : options) if (v.equals(o.eval(item))) return true;
            return false;
        }
    }

    record And(Cond left, Cond right) implements Cond {
        public boolean test(Map<String, Av> item) { return left.test(item) && right.test(item); }
    }

    record Or(Cond left, Cond right) implements Cond {
        public boolean test(Map<String, Av> item) { return left.test(item) || right.test(item); }
    }

    record Not(Cond inner) implements Cond {
        public boolean test(Map<String, Av> item) { return !inner.test(item); }
    }

    record Func(String name, List<Operand> args) implements Cond {
        public boolean test(Map<String, Av> item) {
            switch (name) {
                case "attribute_exists": return args.get(0).eval(item) != null;
                case "attribute_not_exists": return args.get(0).eval(item) == null;
                case "attribute_type": {
                    Av v = args.get(0).eval(item), t = args.get(1).eval(item);
                    return v != null && t != null && t.type == Av.Type.S && v.type.name().equals(t.s());
                }
                case "begins_with": {
                    Av v = args.get(0).eval(item), p = args.get(1).eval(item);
                    if (v == null || p == null || v.type != p.type) return false;
                    if (v.type == Av.Type.S) return v.s().startsWith(p.s());
                    if (v.type == Av.Type.B) {
                        byte[] a = v.b().bytes(), b = p.b().bytes();
                        if (b.length > a.length) return false;
                        for (int i = 0; i < b.length; i++) if (a[i] != b[i]) return false;
                        return true;
                    }
                    return false;
                }
                case "contains": {
                    Av v = args.get(0).eval(item), x = args.get(1).eval(item);
                    if (v == null || x == null) return false;
                    switch (v.type) {
                        case S: return x.type == Av.Type.S && v.s().contains(x.s());
                        case B: return x.type == Av.Type.B && indexOf(v.b().bytes(), x.b().bytes()) >= 0;
                        case SS: return x.type == Av.Type.S && v.set().contains(x.s());
                        case NS: return x.type == Av.Type.N && v.set().contains(x.n());
                        case BS: return x.type == Av.Type.B && v.set().contains(x.b());
                        case L: return v.l().contains(x);
                        default: return false;
                    }
                }
                default: throw new IllegalStateException(name);
            }
        }
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    // ---- update expressions ----

    /** The right-hand side of a SET action. */
    interface SetValue {
        Av eval(Map<String, Av> item);
    }

    record OperandValue(Operand operand) implements SetValue {
        public Av eval(Map<String, Av> item) {
            Av v = operand.eval(item);
            if (v == null) throw missingAttribute();
            return v;
        }
    }

    record Arith(boolean plus, SetValue left, SetValue right) implements SetValue {
        public Av eval(Map<String, Av> item) {
            Av a = left.eval(item), b = right.eval(item);
            if (a.type != Av.Type.N || b.type != Av.Type.N) throw wrongType();
            return Av.n(Numbers.check(plus ? a.n().add(b.n()) : a.n().subtract(b.n())));
        }
    }

    record IfNotExists(DocPath path, SetValue fallback) implements SetValue {
        public Av eval(Map<String, Av> item) {
            Av v = path.get(item);
            return v != null ? v : fallback.eval(item);
        }
    }

    record ListAppend(SetValue first, SetValue second) implements SetValue {
        public Av eval(Map<String, Av> item) {
            Av a = first.eval(item), b = second.eval(item);
            if (a.type != Av.Type.L || b.type != Av.Type.L) throw wrongType();
            List<Av> l = new ArrayList<>(a.l());
            l.addAll(b.l());
            return Av.l(l);
        }
    }

    record SetAction(DocPath path, SetValue value) {}

    record SetOp(DocPath path, Av value) {}

    /** A parsed UpdateExpression. */
    record Update(List<SetAction> sets, List<DocPath> removes, List<SetOp> adds, List<SetOp> deletes) {

        List<DocPath> allPaths() {
            List<DocPath> l = new ArrayList<>();
            sets.forEach(s -> l.add(s.path()));
            l.addAll(removes);
            adds.forEach(s -> l.add(s.path()));
            deletes.forEach(s -> l.add(s.path()));
            return l;
        }

        /** Applies the update to a copy of item; all right-hand sides see the item as it was before. */
        Map<String, Av> apply(Map<String, Av> item) {
            List<Av> setValues = new ArrayList<>(sets.size());
            for (SetAction s : sets) setValues.add(s.value().eval(item));
            Map<String, Av> out = Av.copyOf(item);
            for (int i = 0; i < sets.size(); i++) sets.get(i).path().set(out, setValues.get(i));
            List<DocPath> rm = new ArrayList<>(removes);
            rm.sort((a, b) -> DocPath.compare(b, a));
            for (DocPath p : rm) p.remove(out);
            for (SetOp a : adds) {
                Av cur = a.path().get(out);
                if (cur == null) {
                    a.path().set(out, a.value());
                } else if (cur.type == Av.Type.N && a.value().type == Av.Type.N) {
                    a.path().set(out, Av.n(Numbers.check(cur.n().add(a.value().n()))));
                } else if (cur.isSet() && cur.type == a.value().type) {
                    Set<Object> s = new LinkedHashSet<>(cur.set());
                    s.addAll(a.value().set());
                    a.path().set(out, Av.set(cur.type, s));
                } else {
                    throw wrongType();
                }
            }
            for (SetOp d : deletes) {
                Av cur = d.path().get(out);
                if (cur == null) continue;
                if (!cur.isSet() || cur.type != d.value().type) throw wrongType();
                Set<Object> s = new LinkedHashSet<>(cur.set());
                s.removeAll(d.value().set());
                if (s.isEmpty()) d.path().remove(out); else d.path().set(out, Av.set(cur.type, s));
            }
            return out;
        }
    }

    static DynamoException missingAttribute() {
        return DynamoException.validation("The provided expression refers to an attribute that does not exist in the item");
    }

    static DynamoException wrongType() {
        return DynamoException.validation("An operand in the update expression has an incorrect data type");
    }

    /** Keeps only the given paths of item, as ProjectionExpression does. */
    static Map<String, Av> project(Map<String, Av> item, List<DocPath> paths) {
        Map<String, Av> out = new java.util.LinkedHashMap<>();
        for (DocPath p : paths) {
            Av top = item.get(p.first());
            if (top == null) continue;
            if (p.elements().size() == 1) {
                out.put(p.first(), top);
                continue;
            }
            Av projected = projectIn(top, p.elements(), 1, out.get(p.first()));
            if (projected != null) out.put(p.first(), projected);
        }
        return finishLists(out);
    }

    /** Sparse list holder used while projecting list elements; indexes kept sorted. */
    private record Sparse(java.util.TreeMap<Integer, Av> elements) {}

    private static final String SPARSE = "\u0000sparse";

    private static Av projectIn(Av src, List<Object> elems, int i, Av acc) {
        Object e = elems.get(i);
        boolean last = i == elems.size() - 1;
        if (e instanceof Integer idx) {
            if (src.type != Av.Type.L || idx >= src.l().size()) return acc;
            java.util.TreeMap<Integer, Av> sparse = new java.util.TreeMap<>();
            if (acc != null && acc.type == Av.Type.M && acc.m().containsKey(SPARSE)) sparse.putAll(sparseOf(acc));
            Av child = src.l().get(idx);
            Av v = last ? child : projectIn(child, elems, i + 1, sparse.get(idx));
            if (v == null) return acc;
            sparse.put(idx, v);
            return sparseAv(sparse);
        }
        if (src.type != Av.Type.M) return acc;
        Av child = src.m().get((String) e);
        if (child == null) return acc;
        Map<String, Av> m = new java.util.LinkedHashMap<>();
        if (acc != null && acc.type == Av.Type.M) m.putAll(acc.m());
        Av v = last ? child : projectIn(child, elems, i + 1, m.get((String) e));
        if (v == null) return acc;
        m.put((String) e, v);
        return Av.m(m);
    }

    private static Av sparseAv(java.util.TreeMap<Integer, Av> sparse) {
        Map<String, Av> m = new java.util.LinkedHashMap<>();
        m.put(SPARSE, Av.NULL);
        sparse.forEach((k, v) -> m.put(Integer.toString(k), v));
        return Av.m(m);
    }

    private static Map<Integer, Av> sparseOf(Av acc) {
        Map<Integer, Av> r = new java.util.TreeMap<>();
        acc.m().forEach((k, v) -> { if (!k.equals(SPARSE)) r.put(Integer.parseInt(k), v); });
        return r;
    }

    private static Map<String, Av> finishLists(Map<String, Av> m) {
        Map<String, Av> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, finish(v)));
        return out;
    }

    private static Av finish(Av v) {
        if (v.type == Av.Type.M && v.m().containsKey(SPARSE)) {
            List<Av> l = new ArrayList<>();
            sparseOf(v).values().forEach(x -> l.add(finish(x)));
            return Av.l(l);
        }
        if (v.type == Av.Type.M) return Av.m(finishLists(v.m()));
        return v;
    }

    static List<DocPath> noPaths() { return Collections.emptyList(); }
}
