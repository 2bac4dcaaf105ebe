package dev.bricks.core.validation;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Array;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Declarative validation of records: the constraint annotations of this package ({@link NotNull},
 * {@link NotBlank}, {@link NotEmpty}, {@link Size}, {@link Min}, {@link Max}, {@link Pattern}) on record
 * components, checked by a validator built once per record type.
 *
 * <p>Reflection happens only when a type's validator is built (once per type per JVM, cached); validating
 * a value calls pre-built method handles. Components whose type is a record, or a collection of records,
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
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            for (RecordComponent component : type.getRecordComponents()) {
                List<Check> constraints = Checks.of(component);
                Type generic = component.getGenericType();
                Class<?> nested = nestedRecord(component.getType(), generic);
                if (constraints.isEmpty() && nested == null) {
                    continue;
                }
                MethodHandle accessor;
                try {
                    java.lang.reflect.Method method = component.getAccessor();
                    method.setAccessible(true);
                    accessor = lookup.unreflect(method);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalArgumentException("cannot read component " + component.getName() + " of "
                            + type.getName() + ": " + e.getMessage(), e);
                }
                list.add(new ComponentCheck(component.getName(), accessor, constraints, nested,
                        Collection.class.isAssignableFrom(component.getType())));
            }
        }
        this.checks = List.copyOf(list);
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
            boolean failed = false;
            for (Check c : check.constraints) {
                String message = c.test(component);
                if (message != null) {
                    out.add(new Violation(path, message));
                    failed = true;
                    break;
                }
            }
            if (failed || component == null || check.nested == null) {
                continue;
            }
            Validator<?> nested = of(check.nested);
            if (check.collection) {
                int i = 0;
                for (Object element : (Collection<?>) component) {
                    if (element != null) {
                        nested.collect(element, path + "[" + i + "].", out);
                    }
                    i++;
                }
            } else {
                nested.collect(component, path + ".", out);
            }
        }
    }

    private static Class<?> nestedRecord(Class<?> raw, Type generic) {
        if (raw.isRecord()) {
            return raw;
        }
        if (Collection.class.isAssignableFrom(raw) && generic instanceof ParameterizedType p
                && p.getActualTypeArguments().length == 1 && p.getActualTypeArguments()[0] instanceof Class<?> c
                && c.isRecord()) {
            return c;
        }
        return null;
    }

    private record ComponentCheck(String name, MethodHandle accessor, List<Check> constraints, Class<?> nested,
                                  boolean collection) {
    }

    /** One constraint: returns the violation message, or null when the value passes. */
    @FunctionalInterface
    interface Check {
        String test(Object value);
    }

    static final class Checks {
        private Checks() {
        }

        static List<Check> of(RecordComponent c) {
            List<Check> checks = new ArrayList<>();
            String where = c.getDeclaringRecord().getSimpleName() + "." + c.getName();
            NotNull notNull = c.getAnnotation(NotNull.class);
            if (notNull != null) {
                String m = msg(notNull.message(), "must not be null");
                checks.add(v -> v == null ? m : null);
            }
            NotBlank notBlank = c.getAnnotation(NotBlank.class);
            if (notBlank != null) {
                requireType(c, where, "@NotBlank", CharSequence.class);
                String m = msg(notBlank.message(), "must not be blank");
                checks.add(v -> v == null || v.toString().isBlank() ? m : null);
            }
            NotEmpty notEmpty = c.getAnnotation(NotEmpty.class);
            if (notEmpty != null) {
                requireSized(c, where, "@NotEmpty");
                String m = msg(notEmpty.message(), "must not be empty");
                checks.add(v -> v == null || size(v) == 0 ? m : null);
            }
            Size sizeC = c.getAnnotation(Size.class);
            if (sizeC != null) {
                requireSized(c, where, "@Size");
                if (sizeC.min() < 0 || sizeC.max() < sizeC.min()) {
                    throw new IllegalArgumentException("@Size on " + where + " has min " + sizeC.min()
                            + " and max " + sizeC.max() + "; need 0 <= min <= max");
                }
                int min = sizeC.min();
                int max = sizeC.max();
                String m = msg(sizeC.message(), max == Integer.MAX_VALUE
                        ? "size must be at least " + min
                        : min == 0 ? "size must be at most " + max : "size must be between " + min + " and " + max);
                checks.add(v -> {
                    if (v == null) {
                        return null;
                    }
                    int s = size(v);
                    return s < min || s > max ? m : null;
                });
            }
            Min minC = c.getAnnotation(Min.class);
            if (minC != null) {
                requireNumber(c, where, "@Min");
                long bound = minC.value();
                String m = msg(minC.message(), "must be greater than or equal to " + bound);
                checks.add(v -> v != null && compare(v, bound) < 0 ? m : null);
            }
            Max maxC = c.getAnnotation(Max.class);
            if (maxC != null) {
                requireNumber(c, where, "@Max");
                long bound = maxC.value();
                String m = msg(maxC.message(), "must be less than or equal to " + bound);
                checks.add(v -> v != null && compare(v, bound) > 0 ? m : null);
            }
            Pattern patternC = c.getAnnotation(Pattern.class);
            if (patternC != null) {
                requireType(c, where, "@Pattern", CharSequence.class);
                java.util.regex.Pattern regex;
                try {
                    regex = java.util.regex.Pattern.compile(patternC.regexp());
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new IllegalArgumentException("@Pattern on " + where + " has an invalid expression '"
                            + patternC.regexp() + "': " + e.getDescription(), e);
                }
                String m = msg(patternC.message(), "must match " + patternC.regexp());
                checks.add(v -> v != null && !regex.matcher(v.toString()).matches() ? m : null);
            }
            return checks;
        }

        private static String msg(String custom, String fallback) {
            return custom.isEmpty() ? fallback : custom;
        }

        private static void requireType(RecordComponent c, String where, String annotation, Class<?> type) {
            if (!type.isAssignableFrom(c.getType())) {
                throw new IllegalArgumentException(annotation + " on " + where + " needs a " + type.getSimpleName()
                        + ", not " + c.getType().getSimpleName());
            }
        }

        private static void requireSized(RecordComponent c, String where, String annotation) {
            Class<?> t = c.getType();
            if (!(CharSequence.class.isAssignableFrom(t) || Collection.class.isAssignableFrom(t)
                    || Map.class.isAssignableFrom(t) || t.isArray())) {
                throw new IllegalArgumentException(annotation + " on " + where
                        + " needs a string, collection, map or array, not " + t.getSimpleName());
            }
        }

        private static void requireNumber(RecordComponent c, String where, String annotation) {
            Class<?> t = c.getType();
            if (!(Number.class.isAssignableFrom(t) || t == int.class || t == long.class || t == short.class
                    || t == byte.class || t == double.class || t == float.class)) {
                throw new IllegalArgumentException(annotation + " on " + where + " needs a number, not "
                        + t.getSimpleName());
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
