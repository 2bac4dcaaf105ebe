package dev.bricks.core.validation;

import dev.bricks.core.internal.GeneratedCompanion;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/**
 * Declarative validation of records: the constraint annotations of this package ({@link NotNull},
 * {@link NotBlank}, {@link NotEmpty}, {@link Size}, {@link Min}, {@link Max}, {@link Pattern}) on record
 * components, checked by a validator built once per record type.
 *
 * <p>A validator is built once per type per JVM and cached: from the constraints {@code bricks-core-processor}
 * generated for the record at build time ({@link GeneratedConstraints}), or else by reading the annotations by
 * reflection; validating a value calls the resolved accessors. Components whose type is a record, or a collection of records,
 * are validated recursively, and their paths are dotted ({@code address.city}, {@code items[1].sku}).
 *
 * <p>Thread-safe and immutable.
 *
 * @param <T> the record type
 */
public final class Validator<T> {

    private static final ClassValue<Validator<?>> CACHE = new ClassValue<>() {
        @Override
        protected Validator<?> computeValue(Class<?> type) {
            return new Validator<>(type);
        }
    };

    private final List<ComponentCheck> checks;

    private Validator(Class<T> type) {
        List<ComponentCheck> list = new ArrayList<>();
        if (type.isRecord()) {
            GeneratedConstraints generated =
                    GeneratedCompanion.find(type, GeneratedCompanion.RECORD, GeneratedConstraints.class);
            for (RecordComponent component : type.getRecordComponents()) {
                ComponentCheck check = generated != null
                        ? componentCheck(component, declared(generated, component, type))
                        : componentCheck(component, null);
                if (check != null) {
                    list.add(check);
                }
            }
        }
        this.checks = List.copyOf(list);
    }

    /** The generated constraints of one component, found by name. */
    private static ComponentConstraints declared(
            GeneratedConstraints generated, RecordComponent component, Class<?> type) {
        for (ComponentConstraints c : generated.components()) {
            if (c.component().equals(component.getName())) {
                return c;
            }
        }
        throw new IllegalStateException("generated constraints of " + type.getName() + " lack component "
                + component.getName() + "; rebuild it with bricks-core-processor");
    }

    /**
     * The checks of one component, or null when it has none (no constraint, no record, not a collection): from the
     * generated constraints, or, when {@code generated} is null, from the component's annotations.
     */
    private static ComponentCheck componentCheck(RecordComponent component, ComponentConstraints generated) {
        String where = component.getDeclaringRecord().getSimpleName() + "." + component.getName();
        List<Constraint> declared = generated != null ? generated.constraints() : Checks.declared(component);
        List<Check> constraints = Checks.of(declared, component.getType(), where);
        boolean collection = Collection.class.isAssignableFrom(component.getType());
        Class<?> nested = component.getType().isRecord() ? component.getType() : null;
        ElementCheck elements = null;
        if (collection) {
            elements = generated != null
                    ? ElementCheck.of(
                            component.getGenericType(),
                            generated.elementNullable(),
                            generated.elementConstraints(),
                            where)
                    : ElementCheck.of(component.getAnnotatedType(), where);
        }
        if (constraints.isEmpty() && nested == null && elements == null) {
            return null;
        }
        return new ComponentCheck(component.getName(), accessor(component), constraints, nested, elements);
    }

    /** The accessor, resolved once; called through core reflection, which spins no method-handle classes on JDK 17. */
    private static Method accessor(RecordComponent component) {
        try {
            Method method = component.getAccessor();
            method.setAccessible(true);
            return method;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "cannot read component " + component.getName() + " of "
                            + component.getDeclaringRecord().getName() + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * The validator of a type, built on first use and cached for the JVM's life. A type without any
     * constraint validates everything.
     *
     * @param type a record type (other types have no constraints); never null
     */
    @SuppressWarnings("unchecked")
    public static <T> Validator<T> of(Class<T> type) {
        return (Validator<T>) CACHE.get(type);
    }

    /** Whether this type has any constraint (directly or in nested records). */
    public boolean hasConstraints() {
        return !checks.isEmpty();
    }

    /**
     * Every violation of the value, in component order; empty when valid.
     *
     * @param value the record to check; null gives no violation (check nullness at the call site)
     */
    public List<Violation> validate(T value) {
        if (value == null || checks.isEmpty()) {
            return List.of();
        }
        List<Violation> out = new ArrayList<>();
        collect(value, "", out);
        return out;
    }

    /**
     * Validates and throws when invalid.
     *
     * @throws ValidationException listing every invalid field
     */
    public T requireValid(T value) {
        List<Violation> violations = validate(value);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return value;
    }

    private void collect(Object value, String prefix, List<Violation> out) {
        for (ComponentCheck check : checks) {
            Object component;
            try {
                component = check.accessor.invoke(value);
            } catch (Throwable t) {
                throw new IllegalStateException("accessor of " + check.name + " failed", t);
            }
            String path = prefix + check.name;
            if (Checks.firstFailure(check.constraints, component, path, out) || component == null) {
                continue;
            }
            if (check.nested != null) {
                of(check.nested).collect(component, path + ".", out);
            } else if (check.elements != null) {
                check.elements.collect((Collection<?>) component, path, out);
            }
        }
    }

    private record ComponentCheck(
            String name, Method accessor, List<Check> constraints, Class<?> nested, ElementCheck elements) {}

    /**
     * The checks of a list's or set's elements: null rejected unless the element type is {@link Nullable}, the
     * element type's own constraints ({@code List<@NotBlank String>}), and records validated recursively.
     */
    private record ElementCheck(boolean nullable, List<Check> constraints, Class<?> record) {

        /** From the element type's annotations (a record compiled without the processor). */
        static ElementCheck of(AnnotatedType collectionType, String where) {
            if (!(collectionType instanceof AnnotatedParameterizedType parameterized)
                    || parameterized.getAnnotatedActualTypeArguments().length != 1) {
                return new ElementCheck(true, List.of(), null);
            }
            AnnotatedType element = parameterized.getAnnotatedActualTypeArguments()[0];
            Class<?> raw = raw(element.getType());
            return new ElementCheck(
                    element.isAnnotationPresent(Nullable.class),
                    Checks.of(Checks.declared(element), raw, where + " element"),
                    raw.isRecord() ? raw : null);
        }

        /** From the generated constraints: the same checks without reading the type annotations. */
        static ElementCheck of(Type collectionType, boolean nullable, List<Constraint> declared, String where) {
            if (!(collectionType instanceof ParameterizedType parameterized)
                    || parameterized.getActualTypeArguments().length != 1) {
                return new ElementCheck(true, List.of(), null);
            }
            Class<?> raw = raw(parameterized.getActualTypeArguments()[0]);
            return new ElementCheck(
                    nullable, Checks.of(declared, raw, where + " element"), raw.isRecord() ? raw : null);
        }

        private static Class<?> raw(Type element) {
            return element instanceof Class<?> c
                    ? c
                    : element instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : Object.class;
        }

        void collect(Collection<?> elements, String path, List<Violation> out) {
            int i = 0;
            for (Object element : elements) {
                String elementPath = path + "[" + i++ + "]";
                if (element == null) {
                    if (!nullable) {
                        out.add(new Violation(elementPath, "must not be null"));
                    }
                } else if (!Checks.firstFailure(constraints, element, elementPath, out) && record != null) {
                    Validator.of(record).collect(element, elementPath + ".", out);
                }
            }
        }
    }

    /** One constraint: returns the violation message, or null when the value passes. */
    @FunctionalInterface
    interface Check {
        String test(Object value);
    }

    // The checks as small records rather than lambdas: no class is spun per constraint kind on a cold start.

    private record NullCheck(String message) implements Check {
        @Override
        public String test(Object v) {
            return v == null ? message : null;
        }
    }

    private record BlankCheck(String message) implements Check {
        @Override
        public String test(Object v) {
            return v == null || v.toString().isBlank() ? message : null;
        }
    }

    private record EmptyCheck(String message) implements Check {
        @Override
        public String test(Object v) {
            return v == null || Checks.size(v) == 0 ? message : null;
        }
    }

    private record SizeCheck(int min, int max, String message) implements Check {
        @Override
        public String test(Object v) {
            if (v == null) {
                return null;
            }
            int s = Checks.size(v);
            return s < min || s > max ? message : null;
        }
    }

    private record MinCheck(long min, String message) implements Check {
        @Override
        public String test(Object v) {
            return v != null && Checks.compare(v, min) < 0 ? message : null;
        }
    }

    private record MaxCheck(long max, String message) implements Check {
        @Override
        public String test(Object v) {
            return v != null && Checks.compare(v, max) > 0 ? message : null;
        }
    }

    private record PatternCheck(Regex regex, String message) implements Check {
        @Override
        public String test(Object v) {
            return v != null && !regex.matches(v.toString()) ? message : null;
        }
    }

    static final class Checks {
        private Checks() {}

        /** Adds the first failing check's violation; true when one failed. */
        static boolean firstFailure(List<Check> checks, Object value, String path, List<Violation> out) {
            for (Check check : checks) {
                String message = check.test(value);
                if (message != null) {
                    out.add(new Violation(path, message));
                    return true;
                }
            }
            return false;
        }

        /** The constraint annotations on {@code c} (a record component or an element type), read by reflection. */
        static List<Constraint> declared(AnnotatedElement c) {
            List<Constraint> declared = new ArrayList<>();
            NotNull notNull = c.getAnnotation(NotNull.class);
            if (notNull != null) {
                declared.add(Constraint.notNull(notNull.message()));
            }
            NotBlank notBlank = c.getAnnotation(NotBlank.class);
            if (notBlank != null) {
                declared.add(Constraint.notBlank(notBlank.message()));
            }
            NotEmpty notEmpty = c.getAnnotation(NotEmpty.class);
            if (notEmpty != null) {
                declared.add(Constraint.notEmpty(notEmpty.message()));
            }
            Size size = c.getAnnotation(Size.class);
            if (size != null) {
                declared.add(Constraint.size(size.min(), size.max(), size.message()));
            }
            Min min = c.getAnnotation(Min.class);
            if (min != null) {
                declared.add(Constraint.min(min.value(), min.message()));
            }
            Max max = c.getAnnotation(Max.class);
            if (max != null) {
                declared.add(Constraint.max(max.value(), max.message()));
            }
            Pattern pattern = c.getAnnotation(Pattern.class);
            if (pattern != null) {
                declared.add(Constraint.pattern(pattern.regexp(), pattern.message()));
            }
            return declared;
        }

        /**
         * The checks of the declared constraints for values of {@code type}, in a fixed order whatever the order
         * given: null, blank, empty, size, min, max, pattern.
         *
         * @throws IllegalArgumentException naming {@code where} when a constraint does not fit the type
         */
        static List<Check> of(List<Constraint> declared, Class<?> type, String where) {
            List<Check> checks = new ArrayList<>();
            for (ConstraintKind kind : ConstraintKind.values()) {
                for (Constraint c : declared) {
                    if (c.kind() == kind) {
                        checks.add(check(c, type, where));
                    }
                }
            }
            return checks;
        }

        private static Check check(Constraint c, Class<?> type, String where) {
            ConstraintKind kind = c.kind();
            if (kind == ConstraintKind.NOT_NULL) {
                return new NullCheck(msg(c.message(), "must not be null"));
            }
            if (kind == ConstraintKind.NOT_BLANK) {
                requireType(type, where, "@NotBlank", CharSequence.class);
                return new BlankCheck(msg(c.message(), "must not be blank"));
            }
            if (kind == ConstraintKind.NOT_EMPTY) {
                requireSized(type, where, "@NotEmpty");
                return new EmptyCheck(msg(c.message(), "must not be empty"));
            }
            if (kind == ConstraintKind.SIZE) {
                return size((int) c.min(), (int) c.max(), c.message(), type, where);
            }
            if (kind == ConstraintKind.MIN) {
                requireNumber(type, where, "@Min");
                return new MinCheck(c.min(), msg(c.message(), "must be greater than or equal to " + c.min()));
            }
            if (kind == ConstraintKind.MAX) {
                requireNumber(type, where, "@Max");
                return new MaxCheck(c.max(), msg(c.message(), "must be less than or equal to " + c.max()));
            }
            return pattern(c.regexp(), c.message(), type, where);
        }

        private static Check size(int min, int max, String message, Class<?> type, String where) {
            requireSized(type, where, "@Size");
            if (min < 0 || max < min) {
                throw new IllegalArgumentException(
                        "@Size on " + where + " has min " + min + " and max " + max + "; need 0 <= min <= max");
            }
            String m = msg(
                    message,
                    max == Integer.MAX_VALUE
                            ? "size must be at least " + min
                            : min == 0 ? "size must be at most " + max : "size must be between " + min + " and " + max);
            return new SizeCheck(min, max, m);
        }

        private static Check pattern(String regexp, String message, Class<?> type, String where) {
            requireType(type, where, "@Pattern", CharSequence.class);
            Regex regex;
            try {
                regex = Regex.compile(regexp);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "@Pattern on " + where + " has an invalid expression '" + regexp + "': " + e.getDescription(),
                        e);
            }
            String m = msg(message, "must match " + regexp);
            return new PatternCheck(regex, m);
        }

        private static String msg(String custom, String fallback) {
            return custom.isEmpty() ? fallback : custom;
        }

        private static void requireType(Class<?> t, String where, String annotation, Class<?> type) {
            if (!type.isAssignableFrom(t)) {
                throw new IllegalArgumentException(annotation + " on " + where + " needs a " + type.getSimpleName()
                        + ", not " + t.getSimpleName());
            }
        }

        private static void requireSized(Class<?> t, String where, String annotation) {
            if (!(CharSequence.class.isAssignableFrom(t)
                    || Collection.class.isAssignableFrom(t)
                    || Map.class.isAssignableFrom(t)
                    || t.isArray())) {
                throw new IllegalArgumentException(annotation + " on " + where
                        + " needs a string, collection, map or array, not " + t.getSimpleName());
            }
        }

        private static void requireNumber(Class<?> t, String where, String annotation) {
            if (!(Number.class.isAssignableFrom(t)
                    || t == int.class
                    || t == long.class
                    || t == short.class
                    || t == byte.class
                    || t == double.class
                    || t == float.class)) {
                throw new IllegalArgumentException(
                        annotation + " on " + where + " needs a number, not " + t.getSimpleName());
            }
        }

        private static int size(Object v) {
            if (v instanceof CharSequence s) {
                return s.length();
            }
            if (v instanceof Collection<?> col) {
                return col.size();
            }
            if (v instanceof Map<?, ?> map) {
                return map.size();
            }
            return Array.getLength(v);
        }

        private static int compare(Object v, long bound) {
            if (v instanceof BigDecimal d) {
                return d.compareTo(BigDecimal.valueOf(bound));
            }
            if (v instanceof BigInteger i) {
                return i.compareTo(BigInteger.valueOf(bound));
            }
            if (v instanceof Double || v instanceof Float) {
                return Double.compare(((Number) v).doubleValue(), (double) bound);
            }
            return Long.compare(((Number) v).longValue(), bound);
        }
    }
}
