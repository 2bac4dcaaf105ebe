package dev.bricks.local.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A document path such as {@code a.b[2].c}: elements are attribute names (String) or list indexes (Integer). */
record DocumentPath(List<Object> elements) {

    String first() {
        return (String) elements.get(0);
    }

    boolean overlaps(DocumentPath o) {
        int n = Math.min(elements.size(), o.elements.size());
        for (int i = 0; i < n; i++) {
            if (!elements.get(i).equals(o.elements.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Object e : elements) {
            parts.add(e instanceof Integer ? "[" + e + "]" : (String) e);
        }
        return "[" + String.join(", ", parts) + "]";
    }

    /** The value at this path, or null when any step is missing or of the wrong type. */
    AttributeValue get(Map<String, AttributeValue> item) {
        AttributeValue cur = item.get(first());
        for (int i = 1; i < elements.size() && cur != null; i++) {
            cur = step(cur, elements.get(i));
        }
        return cur;
    }

    private static AttributeValue step(AttributeValue cur, Object e) {
        if (e instanceof Integer idx) {
            if (cur.type != AttributeValue.Type.L || idx >= cur.l().size()) {
                return null;
            }
            return cur.l().get(idx);
        }
        if (cur.type != AttributeValue.Type.M) {
            return null;
        }
        return cur.m().get((String) e);
    }

    /** Writes value at this path into item (a mutable top-level map), as UpdateItem's SET does. */
    void set(Map<String, AttributeValue> item, AttributeValue value) {
        if (elements.size() == 1) {
            item.put(first(), value);
            return;
        }
        AttributeValue top = item.get(first());
        if (top == null) {
            throw invalidForUpdate();
        }
        item.put(first(), setIn(top, 1, value));
    }

    private AttributeValue setIn(AttributeValue container, int i, AttributeValue value) {
        Object e = elements.get(i);
        boolean last = i == elements.size() - 1;
        if (e instanceof Integer idx) {
            if (container.type != AttributeValue.Type.L) {
                throw invalidForUpdate();
            }
            List<AttributeValue> l = new ArrayList<>(container.l());
            if (last) {
                if (idx >= l.size()) {
                    l.add(value);
                } else {
                    l.set(idx, value);
                }
            } else {
                if (idx >= l.size()) {
                    throw invalidForUpdate();
                }
                l.set(idx, setIn(l.get(idx), i + 1, value));
            }
            return AttributeValue.l(l);
        }
        if (container.type != AttributeValue.Type.M) {
            throw invalidForUpdate();
        }
        Map<String, AttributeValue> m = new LinkedHashMap<>(container.m());
        if (last) {
            m.put((String) e, value);
        } else {
            AttributeValue child = m.get((String) e);
            if (child == null) {
                throw invalidForUpdate();
            }
            m.put((String) e, setIn(child, i + 1, value));
        }
        return AttributeValue.m(m);
    }

    /** Removes the value at this path from item (mutable top-level map); missing paths are ignored. */
    void remove(Map<String, AttributeValue> item) {
        if (elements.size() == 1) {
            item.remove(first());
            return;
        }
        AttributeValue top = item.get(first());
        if (top == null) {
            return;
        }
        AttributeValue updated = removeIn(top, 1);
        if (updated != null) {
            item.put(first(), updated);
        }
    }

    private AttributeValue removeIn(AttributeValue container, int i) {
        Object e = elements.get(i);
        boolean last = i == elements.size() - 1;
        if (e instanceof Integer idx) {
            if (container.type != AttributeValue.Type.L) {
                throw invalidForUpdate();
            }
            if (idx >= container.l().size()) {
                return null;
            }
            List<AttributeValue> l = new ArrayList<>(container.l());
            if (last) {
                l.remove((int) idx);
            } else {
                AttributeValue u = removeIn(l.get(idx), i + 1);
                if (u == null) {
                    return null;
                }
                l.set(idx, u);
            }
            return AttributeValue.l(l);
        }
        if (container.type != AttributeValue.Type.M) {
            throw invalidForUpdate();
        }
        if (!container.m().containsKey((String) e)) {
            return null;
        }
        Map<String, AttributeValue> m = new LinkedHashMap<>(container.m());
        if (last) {
            m.remove((String) e);
        } else {
            AttributeValue u = removeIn(m.get((String) e), i + 1);
            if (u == null) {
                return null;
            }
            m.put((String) e, u);
        }
        return AttributeValue.m(m);
    }

    static DynamoException invalidForUpdate() {
        return DynamoException.validation("The document path provided in the update expression is invalid for update");
    }

    /** Compares paths so that, sorted descending, later list indexes come before earlier ones. */
    static int compare(DocumentPath a, DocumentPath b) {
        int n = Math.min(a.elements.size(), b.elements.size());
        for (int i = 0; i < n; i++) {
            Object x = a.elements.get(i), y = b.elements.get(i);
            int c;
            if (x instanceof Integer xi && y instanceof Integer yi) {
                c = Integer.compare(xi, yi);
            } else {
                c = x.toString().compareTo(y.toString());
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.elements.size(), b.elements.size());
    }
}
