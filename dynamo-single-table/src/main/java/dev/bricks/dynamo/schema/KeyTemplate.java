package dev.bricks.dynamo.schema;

import dev.bricks.dynamo.InvalidKeyValueException;
import dev.bricks.dynamo.KeyTemplateMissingValueException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed key template such as {@code "USER#{userId}"}: literal text with {@code {component}}
 * placeholders; for generated code and the repository. Values are rendered exactly as given (strings as-is,
 * enums by name, numbers in plain notation, other values by {@code toString()}); nothing is case-folded.
 *
 * <p><b>Keys are unambiguous by construction.</b> Two placeholders must be separated by literal text; the
 * template's <em>delimiters</em> are the non-alphanumeric characters of its literal text ({@code #} in
 * {@code USER#{userId}#DOC#{docId}}). A value that contains a delimiter is refused with
 * {@link InvalidKeyValueException} (not escaped: keys stay readable by every other tool and stream consumer, and
 * a refused write surfaces at once instead of an escaping rule every reader must share); so is an empty value,
 * unless its component was declared optional ({@link #allowEmpty}, from {@code @AllowEmpty}), and a key whose
 * whole rendered text is empty. A prefix rendered from leading components always ends at the literal after the
 * last one ({@code USER#u1#}), so it never matches {@code USER#u10#}; {@link #endsAtLiteral(int)} tells whether a
 * rendering of {@code n} values does. Immutable and thread-safe.
 */
public final class KeyTemplate {
    private final String owner;
    private final String template;
    private final List<String> literals;
    private final List<String> components;
    private final String delimiters;
    private final Set<String> emptyAllowed;

    private KeyTemplate(
            String owner, String template, List<String> literals, List<String> components, Set<String> emptyAllowed) {
        this.owner = owner;
        this.template = template;
        this.literals = List.copyOf(literals);
        this.components = List.copyOf(components);
        this.emptyAllowed = Set.copyOf(emptyAllowed);
        StringBuilder d = new StringBuilder();
        for (String l : literals) {
            l.chars()
                    .filter(c -> !Character.isLetterOrDigit(c) && d.indexOf(String.valueOf((char) c)) < 0)
                    .forEach(c -> d.append((char) c));
        }
        this.delimiters = d.toString();
    }

    /**
     * Parses a template.
     *
     * @param owner what the template belongs to, for messages (e.g. {@code "ORDER PK"}); never null
     * @param template the template text; never null or empty
     * @throws IllegalArgumentException if the template is empty, has unbalanced braces, an empty name, or two
     *     placeholders without literal text between them
     */
    public static KeyTemplate parse(String owner, String template) {
        if (template == null || template.isEmpty()) {
            throw new IllegalArgumentException("Key template of " + owner + " is empty");
        }
        List<String> literals = new ArrayList<>();
        List<String> components = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int end = template.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException(
                            "Key template '" + template + "' of " + owner + " has an unclosed '{'");
                }
                String name = template.substring(i + 1, end).trim();
                if (name.isEmpty() || name.contains("{")) {
                    throw new IllegalArgumentException(
                            "Key template '" + template + "' of " + owner + " has an empty or nested placeholder");
                }
                if (!components.isEmpty() && literal.length() == 0) {
                    throw new IllegalArgumentException("Key template '" + template + "' of " + owner
                            + " has placeholders {" + components.get(components.size() - 1) + "} and {" + name
                            + "} without a delimiter between them");
                }
                literals.add(literal.toString());
                literal.setLength(0);
                components.add(name);
                i = end + 1;
            } else if (c == '}') {
                throw new IllegalArgumentException(
                        "Key template '" + template + "' of " + owner + " has an unmatched '}'");
            } else {
                literal.append(c);
                i++;
            }
        }
        literals.add(literal.toString());
        return new KeyTemplate(owner, template, literals, components, Set.of());
    }

    /**
     * This template with the given components declared optional: their values may be empty (generated from
     * {@code @AllowEmpty}).
     *
     * @throws IllegalArgumentException naming a component the template does not have
     */
    public KeyTemplate allowEmpty(String... optionalComponents) {
        Set<String> allowed = new LinkedHashSet<>(emptyAllowed);
        for (String c : optionalComponents) {
            if (!components.contains(c)) {
                throw new IllegalArgumentException(
                        "Key template '" + template + "' of " + owner + " has no component '" + c + "'");
            }
            allowed.add(c);
        }
        return new KeyTemplate(owner, template, literals, components, allowed);
    }

    /** Components whose value may be empty; never null. */
    public Set<String> emptyAllowed() {
        return emptyAllowed;
    }

    /**
     * True when a rendering of the first {@code valueCount} values ends with literal text, so that as a
     * {@code begins_with} prefix it cannot match a longer value of its last component: always for a proper prefix
     * (placeholders are separated by literals), and for the whole template only when it ends with a literal.
     */
    public boolean endsAtLiteral(int valueCount) {
        return !literals.get(valueCount).isEmpty();
    }

    /** The template text as written. */
    public String template() {
        return template;
    }

    /** Placeholder names in order of appearance (may repeat); never null. */
    public List<String> components() {
        return components;
    }

    /** Distinct placeholder names in order of first appearance. */
    public List<String> distinctComponents() {
        return List.copyOf(new LinkedHashSet<>(components));
    }

    /** The literal text before the first placeholder (the whole template when it has none). */
    public String literalPrefix() {
        return literals.get(0);
    }

    /**
     * Renders the template with one value per placeholder, in order.
     *
     * @throws KeyTemplateMissingValueException naming every placeholder whose value is null
     */
    public String render(Object... values) {
        String rendered = renderOrNull(values);
        if (rendered == null) {
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < components.size(); i++) {
                if (i >= values.length || values[i] == null) {
                    missing.add(components.get(i));
                }
            }
            throw new KeyTemplateMissingValueException(owner, template, missing);
        }
        return rendered;
    }

    /**
     * Renders the template with the values of its components taken by name.
     *
     * @param values component name to value; never null
     * @throws KeyTemplateMissingValueException naming every placeholder whose value is null or absent
     */
    public String render(Map<String, ?> values) {
        Object[] v = new Object[components.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(components.get(i));
        }
        return render(v);
    }

    /** Like {@link #render} but returns null when a value is missing (used for sparse index keys). */
    public String renderOrNull(Object... values) {
        if (values.length != components.size()) {
            if (values.length < components.size()) {
                return null;
            }
            throw new IllegalArgumentException("Key template '" + template + "' of " + owner + " takes "
                    + components.size() + " values, got " + values.length);
        }
        StringBuilder sb = new StringBuilder(literals.get(0));
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                return null;
            }
            sb.append(checked(i, values[i])).append(literals.get(i + 1));
        }
        if (sb.length() == 0) {
            throw new InvalidKeyValueException(
                    owner, template, components.get(0), 0, "", "is empty and the key would be empty");
        }
        return sb.toString();
    }

    /** The template's delimiter characters: the non-alphanumeric characters of its literal text. */
    public String delimiters() {
        return delimiters;
    }

    /** Formats value {@code i} and refuses an empty one or one containing a delimiter. */
    private String checked(int i, Object value) {
        String v = format(value);
        if (v.isEmpty() && !emptyAllowed.contains(components.get(i))) {
            throw new InvalidKeyValueException(owner, template, components.get(i), i, v, "is empty");
        }
        for (int c = 0; c < delimiters.length(); c++) {
            if (v.indexOf(delimiters.charAt(c)) >= 0) {
                throw new InvalidKeyValueException(
                        owner,
                        template,
                        components.get(i),
                        i,
                        v,
                        "contains the delimiter '" + delimiters.charAt(c) + "'");
            }
        }
        return v;
    }

    /**
     * Renders the leading part of the template for the first {@code values.length} placeholders: the
     * literal prefix, then each value followed by the literal after it (so a prefix ends at a literal
     * boundary). Used for sort-key conditions.
     *
     * @throws IllegalArgumentException if more values than placeholders are given or a value is null
     */
    public String renderPrefix(Object... values) {
        if (values.length > components.size()) {
            throw new IllegalArgumentException("Key template '" + template + "' of " + owner + " has "
                    + components.size() + " components " + components + ", got " + values.length + " values");
        }
        StringBuilder sb = new StringBuilder(literals.get(0));
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new IllegalArgumentException("Value for component '" + components.get(i) + "' of key template '"
                        + template + "' of " + owner + " is null");
            }
            sb.append(checked(i, values[i])).append(literals.get(i + 1));
        }
        return sb.toString();
    }

    /** Formats one key component value exactly (no case folding). */
    static String format(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return template;
    }
}
