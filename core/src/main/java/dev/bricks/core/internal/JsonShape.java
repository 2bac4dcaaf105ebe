package dev.bricks.core.internal;

import dev.bricks.core.json.Lenient;
import dev.bricks.core.validation.Violation;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Internal: the JSON a Java type accepts, checked on the tree before Jackson binds it, so that binding is
 * strict (no scalar coercion, integers exact) and every wrong member is reported, not only the first. A wrong
 * member is reported as a {@link Violation} and replaced in the tree by {@link #placeholder()}, so that the
 * rest still binds and can be validated. Shapes are built once per type (records: a {@link ClassValue}).
 */
interface JsonShape {

    /**
     * Checks a non-null node at {@code path}.
     *
     * @return the node to bind (the same, or a converted one); null when the node is wrong (reported in out)
     */
    JsonValue check(JsonValue node, String path, List<Violation> out);

    /** What a wrong or null member binds as: JSON null, or a zero for a primitive. */
    default JsonValue placeholder() {
        return JsonNull.INSTANCE;
    }

    /** Whether JSON null is wrong for this type (primitives). */
    default boolean rejectsNull() {
        return false;
    }

    /** Any JSON: types whose shape Bricks does not check (maps of objects, POJOs, {@code Object}). */
    JsonShape ANY = new AnyShape();

    /** {@link #ANY}'s class (a record, not a lambda: no class spun on a cold start). */
    record AnyShape() implements JsonShape {
        @Override
        public JsonValue check(JsonValue node, String path, List<Violation> out) {
            return node;
        }
    }

    /** Reports a wrong value; returns null, what {@link #check} returns for it. */
    static JsonValue reject(List<Violation> out, String path, String message) {
        out.add(new Violation(path, message));
        return null;
    }

    /** Checks a whole document against a type; returns the node to bind, or null when the root is wrong. */
    static JsonValue checkRoot(Class<?> type, JsonValue node, List<Violation> out) {
        if (node == null || node.isNull()) {
            return reject(out, "$", "must not be null");
        }
        return of(type, false).check(node, "$", out);
    }

    /** The shape of a declared type; {@code lenient} when the component is {@link Lenient}. */
    static JsonShape of(Type type, boolean lenient) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw) && args.length == 1) {
                return new ArrayShape(of(args[0], false));
            }
            if (Map.class.isAssignableFrom(raw) && args.length == 2 && args[0] == String.class) {
                return new MapShape(of(args[1], false));
            }
            return ANY;
        }
        if (type instanceof GenericArrayType array) {
            return new ArrayShape(of(array.getGenericComponentType(), false));
        }
        if (!(type instanceof Class<?> c)) {
            return ANY;
        }
        if (c.isArray() && c != byte[].class) {
            return new ArrayShape(of(c.getComponentType(), false));
        }
        if (c.isRecord()) {
            return RecordShape.CACHE.get(c);
        }
        if (c.isEnum()) {
            return new EnumShape(Arrays.stream(c.getEnumConstants())
                    .map(e -> ((Enum<?>) e).name())
                    .toList());
        }
        JsonShape scalar = Scalars.of(c, lenient);
        return scalar != null ? scalar : ANY;
    }

    /** A JSON array whose elements have one shape; null elements are left to the validator. */
    record ArrayShape(JsonShape element) implements JsonShape {
        @Override
        public JsonValue check(JsonValue node, String path, List<Violation> out) {
            if (!node.isArray()) {
                return reject(out, path, "must be an array");
            }
            JsonArray array = (JsonArray) node;
            for (int i = 0; i < array.size(); i++) {
                JsonValue item = array.get(i);
                JsonValue checked = Members.check(element, item, path + "[" + i + "]", out);
                if (checked != item) {
                    array.set(i, checked);
                }
            }
            return array;
        }
    }

    /** A JSON object with string keys whose values have one shape. */
    record MapShape(JsonShape value) implements JsonShape {
        @Override
        public JsonValue check(JsonValue node, String path, List<Violation> out) {
            if (!node.isObject()) {
                return reject(out, path, "must be an object");
            }
            Members.checkAll((JsonObject) node, path, out, null, value);
            return node;
        }
    }

    /** A JSON string naming one of an enum's constants (exact case). */
    record EnumShape(List<String> names) implements JsonShape {
        @Override
        public JsonValue check(JsonValue node, String path, List<Violation> out) {
            if (node.isTextual() && names.contains(node.textValue())) {
                return node;
            }
            return reject(out, path, "must be one of " + names);
        }
    }

    /** A JSON object checked member by member against a record's components (unknown members are ignored). */
    final class RecordShape implements JsonShape {

        static final ClassValue<RecordShape> CACHE = new ClassValue<>() {
            @Override
            protected RecordShape computeValue(Class<?> type) {
                return new RecordShape(type);
            }
        };

        private final Class<?> type;
        private volatile Map<String, JsonShape> components;

        private RecordShape(Class<?> type) {
            this.type = type;
        }

        @Override
        public JsonValue check(JsonValue node, String path, List<Violation> out) {
            if (!node.isObject()) {
                return reject(out, path, "must be an object");
            }
            Map<String, JsonShape> shapes = components();
            JsonObject object = (JsonObject) node;
            Members.checkAll(object, path, out, shapes, null);
            String prefix = path.equals("$") ? "" : path + ".";
            for (Map.Entry<String, JsonShape> component : shapes.entrySet()) {
                if (component.getValue().rejectsNull() && !object.has(component.getKey())) {
                    out.add(new Violation(prefix + component.getKey(), "is required"));
                    object.set(component.getKey(), component.getValue().placeholder());
                }
            }
            return node;
        }

        /** Built on first use rather than in the constructor, so that a record may contain itself. */
        private Map<String, JsonShape> components() {
            Map<String, JsonShape> shapes = components;
            if (shapes == null) {
                Map<String, JsonShape> built = new LinkedHashMap<>();
                GeneratedJsonFacts facts =
                        GeneratedCompanion.find(type, GeneratedCompanion.RECORD, GeneratedJsonFacts.class);
                for (RecordComponent component : type.getRecordComponents()) {
                    boolean lenient = facts != null
                            ? facts.lenientComponents().contains(component.getName())
                            : component.isAnnotationPresent(Lenient.class);
                    built.put(component.getName(), of(component.getGenericType(), lenient));
                }
                shapes = Collections.unmodifiableMap(built);
                components = shapes;
            }
            return shapes;
        }
    }

    /** Member and element checks shared by objects and arrays. */
    final class Members {
        private Members() {}

        /** Checks the members of an object that have a shape, replacing wrong ones by their placeholder. */
        /** Checks each member against {@code every}, or, when that is null, its entry in {@code shapes} (if any). */
        static void checkAll(
                JsonObject object, String path, List<Violation> out, Map<String, JsonShape> shapes, JsonShape every) {
            String prefix = path.equals("$") ? "" : path + ".";
            for (Iterator<Map.Entry<String, JsonValue>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonValue> member = it.next();
                JsonShape shape = every != null ? every : shapes.get(member.getKey());
                if (shape == null) {
                    continue;
                }
                JsonValue checked = check(shape, member.getValue(), prefix + member.getKey(), out);
                if (checked != member.getValue()) {
                    member.setValue(checked);
                }
            }
        }

        /** One value: null is accepted unless the shape rejects it; a wrong value becomes the placeholder. */
        static JsonValue check(JsonShape shape, JsonValue value, String path, List<Violation> out) {
            if (value == null || value.isNull()) {
                if (shape.rejectsNull()) {
                    out.add(new Violation(path, "must not be null"));
                    return shape.placeholder();
                }
                return value;
            }
            JsonValue checked = shape.check(value, path, out);
            return checked == null ? shape.placeholder() : checked;
        }
    }

    /** Scalars: numbers, strings, booleans, UUIDs and {@code java.time} values. */
    final class Scalars {
        private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
        private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

        private Scalars() {}

        static JsonShape of(Class<?> c, boolean lenient) {
            if (c == int.class || c == Integer.class) {
                return integer(c, Integer.MIN_VALUE, Integer.MAX_VALUE, lenient);
            }
            if (c == long.class || c == Long.class) {
                return new IntegerShape(LONG_MIN, LONG_MAX, zero(c, new JsonNumber(0)), lenient);
            }
            if (c == short.class || c == Short.class) {
                return integer(c, Short.MIN_VALUE, Short.MAX_VALUE, lenient);
            }
            if (c == byte.class || c == Byte.class) {
                return integer(c, Byte.MIN_VALUE, Byte.MAX_VALUE, lenient);
            }
            if (c == BigInteger.class) {
                return new IntegerShape(null, null, null, lenient);
            }
            if (c == double.class
                    || c == Double.class
                    || c == float.class
                    || c == Float.class
                    || c == BigDecimal.class) {
                return new DecimalShape(zero(c, new JsonNumber(0.0)), lenient);
            }
            if (c == boolean.class || c == Boolean.class) {
                return new BooleanShape(zero(c, JsonBoolean.FALSE), lenient);
            }
            if (c == String.class) {
                return new StringShape(lenient);
            }
            if (c == UUID.class) {
                return new TextShape(UUID::fromString, "a UUID");
            }
            return TimeCodec.shape(c);
        }

        private static JsonShape integer(Class<?> c, long min, long max, boolean lenient) {
            return new IntegerShape(
                    BigInteger.valueOf(min), BigInteger.valueOf(max), zero(c, new JsonNumber(0)), lenient);
        }

        /** The placeholder of a primitive type; null for a boxed one (which binds null). */
        private static JsonValue zero(Class<?> c, JsonValue zero) {
            return c.isPrimitive() ? zero : null;
        }
    }

    /** A number or boolean: a primitive one (with a zero) rejects null and binds its zero when wrong. */
    interface ScalarShape extends JsonShape {
        /** The zero of a primitive type; null for a boxed type. */
        JsonValue zero();

        @Override
        default JsonValue placeholder() {
            return zero() == null ? JsonNull.INSTANCE : zero();
        }

        @Override
        default boolean rejectsNull() {
            return zero() != null;
        }
    }

    /** A JSON number with an integral value (2 or 2.0, not 2.5) within the type's range. */
    record IntegerShape(BigInteger min, BigInteger max, JsonValue zero, boolean lenient) implements ScalarShape {
        @Override
        public JsonValue check(JsonValue node, String path, List<Violation> out) {
            BigInteger value = integralValue(node);
            if (value == null) {
                return reject(out, path, "must be an integer");
            }
            if ((min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0)) {
                return reject(out, path, "must be an integer between " + min + " and " + max);
            }
            return node.isIntegralNumber() ? node : new JsonNumber(value);
        }

        private BigInteger integralValue(JsonValue node) {
            if (node.isIntegralNumber()) {
                return node.bigIntegerValue();
            }
            BigDecimal decimal = node.isNumber()
                    ? DecimalShape.decimal(node)
                    : lenient && node.isTextual() ? DecimalShape.parse(node.textValue()) : null;
            if (decimal == null) {
                return null;
            }
            try {
                return decimal.toBigIntegerExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
    }

    /** A JSON number (a string holding one when lenient). */
    record DecimalShape(JsonValue zero, boolean lenient) implements ScalarShape {
        @Override
        public JsonValue check(JsonValue node, String path, List<Violation> out) {
            if (node.isNumber()) {
                return node;
            }
            BigDecimal parsed = lenient && node.isTextual() ? parse(node.textValue()) : null;
            if (parsed == null) {
                return reject(out, path, "must be a number");
            }
            return new JsonNumber(parsed);
        }

        static BigDecimal decimal(JsonValue node) {
            try {
                return node.decimalValue();
            } catch (NumberFormatException e) {
                return null; // an infinite double such as 1e400
            }
        }

        static BigDecimal parse(String text) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** {@code true} or {@code false} (the strings too when lenient). */
    record BooleanShape(JsonValue zero, boolean lenient) implements ScalarShape {
        private static final Set<String> TEXTS = Set.of("true", "false");

        @Override
        public JsonValue check(JsonValue node, String path, List<Violation> out) {
            if (node.isBoolean()) {
                return node;
            }
            if (lenient && node.isTextual() && TEXTS.contains(node.textValue())) {
                return JsonBoolean.of(Boolean.parseBoolean(node.textValue()));
            }
            return reject(out, path, "must be true or false");
        }
    }

    /** A JSON string (a number's or boolean's text when lenient). */
    record StringShape(boolean lenient) implements JsonShape {
        @Override
        public JsonValue check(JsonValue node, String path, List<Violation> out) {
            if (node.isTextual()) {
                return node;
            }
            if (lenient && (node.isNumber() || node.isBoolean())) {
                return new JsonText(node.asText());
            }
            return reject(out, path, "must be a string");
        }
    }

    /** A JSON string that a parser accepts (UUIDs, ISO-8601 times). */
    record TextShape(Function<String, ?> parser, String description) implements JsonShape {
        @Override
        public JsonValue check(JsonValue node, String path, List<Violation> out) {
            if (node.isTextual()) {
                try {
                    parser.apply(node.textValue());
                    return node;
                } catch (RuntimeException e) {
                    // reported below
                }
            }
            return reject(out, path, "must be " + description);
        }
    }
}
