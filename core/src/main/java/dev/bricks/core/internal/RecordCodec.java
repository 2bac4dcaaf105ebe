package dev.bricks.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bricks.core.json.Lenient;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Internal: reads and writes plain records without Jackson databind's bean introspection, which costs a cold start
 * about 150 classes (bean (de)serializer factories, annotation introspection, property collectors) the first time a
 * record is bound or written. A record qualifies when it and its components carry no Jackson annotation, it
 * declares no extra bean getter, and every component is a string, a primitive or boxed number/boolean, a
 * {@link UUID}, an enum, a supported {@code java.time} type, a nested qualifying record, or a {@code List},
 * {@code Set} or {@code Collection} of those; anything else, and anything that fails here, goes through databind
 * as before, so the result is the same either way. Plans are built once per type (a {@link ClassValue}).
 *
 * <p>Reading runs on a tree that {@link JsonShape} has already checked (and rewritten where it converts exactly),
 * so every value has the expected JSON type here.
 */
final class RecordCodec {

    private RecordCodec() {}

    /** What a value of a type is read from a checked node as, and written as. */
    private interface Codec {
        Object read(JsonValue node) throws Exception;

        void write(Object value, JsonGenerator out) throws IOException;
    }

    /** The codec of each record type; {@link #UNSUPPORTED} when databind must handle it. */
    private static final ClassValue<Codec> RECORDS = new ClassValue<>() {
        @Override
        protected Codec computeValue(Class<?> type) {
            Codec codec = recordCodec(type);
            return codec == null ? UNSUPPORTED : codec;
        }
    };

    private static final Codec UNSUPPORTED = new Codec() {
        @Override
        public Object read(JsonValue node) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void write(Object value, JsonGenerator out) {
            throw new UnsupportedOperationException();
        }
    };

    /**
     * The codec of any value type {@link ValueWriter} hands over (records, enums, UUIDs, {@code java.time});
     * {@link #UNSUPPORTED} when databind must write it.
     */
    private static final ClassValue<Codec> VALUES = new ClassValue<>() {
        @Override
        protected Codec computeValue(Class<?> type) {
            Codec codec = type.isRecord() ? RECORDS.get(type) : codec(type);
            return codec == null ? UNSUPPORTED : codec;
        }
    };

    /** Whether {@link #read} and {@link #write} handle this type. */
    static boolean supports(Class<?> type) {
        return type.isRecord() && RECORDS.get(type) != UNSUPPORTED;
    }

    /** Binds a checked tree to a supported record type. */
    static <T> T read(JsonValue node, Class<T> type) throws Exception {
        return type.cast(RECORDS.get(type).read(node));
    }

    /** Writes a supported record (NON_NULL: null components are left out, as Bricks' mapper does). */
    static void write(Object value, JsonGenerator out) throws IOException {
        RECORDS.get(value.getClass()).write(value, out);
    }

    /**
     * Writes a record, enum, UUID or {@code java.time} value as databind would; false (nothing written) for a
     * type databind must write.
     */
    static boolean writeValue(Object value, JsonGenerator out) throws IOException {
        Codec codec = VALUES.get(value.getClass());
        if (codec == UNSUPPORTED) {
            return false;
        }
        codec.write(value, out);
        return true;
    }

    private static Codec recordCodec(Class<?> type) {
        // the build-time answer when bricks-core-processor wrote one: no annotation parsed at run time
        GeneratedJsonFacts facts = GeneratedCompanion.find(type, GeneratedCompanion.RECORD, GeneratedJsonFacts.class);
        boolean annotated = facts != null
                ? facts.jacksonAnnotated() || !facts.lenientComponents().isEmpty()
                : hasJacksonAnnotation(type.getAnnotations());
        if (annotated || hasExtraGetter(type, facts == null)) {
            return null;
        }
        RecordComponent[] components = type.getRecordComponents();
        String[] names = new String[components.length];
        Method[] accessors = new Method[components.length];
        Codec[] codecs = new Codec[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            if (facts == null
                    && (hasJacksonAnnotation(c.getAnnotations())
                            || hasJacksonAnnotation(c.getAccessor().getAnnotations())
                            || c.isAnnotationPresent(Lenient.class))) {
                return null;
            }
            Codec codec = codec(c.getGenericType());
            if (codec == null) {
                return null;
            }
            names[i] = c.getName();
            accessors[i] = c.getAccessor();
            codecs[i] = codec;
            types[i] = c.getType();
        }
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor(types);
            for (Annotation[] parameter : facts == null ? constructor.getParameterAnnotations() : new Annotation[0][]) {
                if (hasJacksonAnnotation(parameter)) {
                    return null;
                }
            }
            constructor.setAccessible(true);
            for (Method accessor : accessors) {
                accessor.setAccessible(true);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
        return new RecordPlan(names, accessors, codecs, types, constructor);
    }

    /** Jackson would also write a public {@code getX()}/{@code isX()} that is not a component accessor. */
    private static boolean hasExtraGetter(Class<?> type, boolean readAnnotations) {
        Set<String> componentNames = new HashSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            componentNames.add(c.getName());
        }
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())
                    || m.getParameterCount() != 0
                    || m.getDeclaringClass() == Object.class
                    || m.getDeclaringClass() == Record.class
                    || componentNames.contains(m.getName())) {
                continue;
            }
            String n = m.getName();
            if ((n.startsWith("get") && n.length() > 3) || (n.startsWith("is") && n.length() > 2)) {
                return true;
            }
            if (readAnnotations && hasJacksonAnnotation(m.getAnnotations())) {
                return true;
            }
        }
        return false;
    }

    /** An enum Jackson reads and writes by {@code name()}: no Jackson annotation on it, its constants or methods. */
    private static boolean plainEnum(Class<?> type) {
        if (hasJacksonAnnotation(type.getAnnotations())) {
            return false;
        }
        for (Field f : type.getDeclaredFields()) {
            if (hasJacksonAnnotation(f.getAnnotations())) {
                return false;
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (hasJacksonAnnotation(m.getAnnotations())) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasJacksonAnnotation(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().startsWith("com.fasterxml.jackson.")) {
                return true;
            }
        }
        return false;
    }

    /** The codec of a component type, or null when databind must handle it. */
    private static Codec codec(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (args.length == 1 && (raw == List.class || raw == Collection.class || raw == Set.class)) {
                Codec element = codec(args[0]);
                return element == null ? null : new CollectionCodec(element, raw == Set.class);
            }
            return null;
        }
        if (!(type instanceof Class<?> c)) {
            return null;
        }
        if (c == String.class) {
            return Scalar.STRING;
        }
        if (c == int.class || c == Integer.class) {
            return Scalar.INT;
        }
        if (c == long.class || c == Long.class) {
            return Scalar.LONG;
        }
        if (c == double.class || c == Double.class) {
            return Scalar.DOUBLE;
        }
        if (c == boolean.class || c == Boolean.class) {
            return Scalar.BOOLEAN;
        }
        if (c == UUID.class) {
            return new TextCodec(UUID::fromString, Object::toString);
        }
        if (c.isEnum()) {
            return plainEnum(c) ? new EnumCodec(c) : null;
        }
        if (c.isRecord()) {
            // resolved lazily so that a record may contain itself
            return new Codec() {
                @Override
                public Object read(JsonValue node) throws Exception {
                    Codec plan = RECORDS.get(c);
                    if (plan == UNSUPPORTED) {
                        throw new UnsupportedOperationException();
                    }
                    return plan.read(node);
                }

                @Override
                public void write(Object value, JsonGenerator out) throws IOException {
                    RECORDS.get(c).write(value, out);
                }
            };
        }
        Function<String, ?> parse = TimeCodec.parser(c);
        if (parse != null) {
            return new TextCodec(text -> parse.apply(text.trim()), TimeCodec.formatter(c));
        }
        return null;
    }

    /** A record: its canonical constructor and component accessors. */
    private record RecordPlan(
            String[] names, Method[] accessors, Codec[] codecs, Class<?>[] types, Constructor<?> constructor)
            implements Codec {

        @Override
        public Object read(JsonValue node) throws Exception {
            Object[] args = new Object[names.length];
            for (int i = 0; i < names.length; i++) {
                JsonValue member = node.get(names[i]);
                args[i] = member == null || member.isNull() ? zero(types[i]) : codecs[i].read(member);
            }
            return constructor.newInstance(args);
        }

        @Override
        public void write(Object value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            for (int i = 0; i < names.length; i++) {
                Object component;
                try {
                    component = accessors[i].invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new IOException(
                            "cannot read " + names[i] + " of "
                                    + value.getClass().getName(),
                            e);
                }
                if (component != null) {
                    out.writeFieldName(names[i]);
                    codecs[i].write(component, out);
                }
            }
            out.writeEndObject();
        }

        private static Object zero(Class<?> type) {
            if (!type.isPrimitive()) {
                return null;
            }
            if (type == boolean.class) {
                return false;
            }
            if (type == long.class) {
                return 0L;
            }
            if (type == double.class) {
                return 0.0;
            }
            return 0;
        }
    }

    private enum Scalar implements Codec {
        STRING {
            @Override
            public Object read(JsonValue node) {
                return node.textValue();
            }

            @Override
            public void write(Object value, JsonGenerator out) throws IOException {
                out.writeString((String) value);
            }
        },
        INT {
            @Override
            public Object read(JsonValue node) {
                return node.intValue();
            }

            @Override
            public void write(Object value, JsonGenerator out) throws IOException {
                out.writeNumber((Integer) value);
            }
        },
        LONG {
            @Override
            public Object read(JsonValue node) {
                return node.longValue();
            }

            @Override
            public void write(Object value, JsonGenerator out) throws IOException {
                out.writeNumber((Long) value);
            }
        },
        DOUBLE {
            @Override
            public Object read(JsonValue node) {
                return node.doubleValue();
            }

            @Override
            public void write(Object value, JsonGenerator out) throws IOException {
                out.writeNumber((Double) value);
            }
        },
        BOOLEAN {
            @Override
            public Object read(JsonValue node) {
                return node.booleanValue();
            }

            @Override
            public void write(Object value, JsonGenerator out) throws IOException {
                out.writeBoolean((Boolean) value);
            }
        }
    }

    private record TextCodec(Function<String, ?> parse, Function<Object, String> format) implements Codec {
        @Override
        public Object read(JsonValue node) {
            return parse.apply(node.textValue());
        }

        @Override
        public void write(Object value, JsonGenerator out) throws IOException {
            out.writeString(format.apply(value));
        }
    }

    private record EnumCodec(Class<?> type) implements Codec {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object read(JsonValue node) {
            return Enum.valueOf((Class) type, node.textValue());
        }

        @Override
        public void write(Object value, JsonGenerator out) throws IOException {
            out.writeString(((Enum<?>) value).name());
        }
    }

    /** A JSON array as an {@code ArrayList} (a {@code HashSet} for a {@code Set}), as databind makes them. */
    private record CollectionCodec(Codec element, boolean set) implements Codec {
        @Override
        public Object read(JsonValue node) throws Exception {
            Collection<Object> out = set ? new HashSet<>() : new ArrayList<>(node.size());
            for (Iterator<JsonValue> it = node.iterator(); it.hasNext(); ) {
                JsonValue item = it.next();
                out.add(item == null || item.isNull() ? null : element.read(item));
            }
            return out;
        }

        @Override
        public void write(Object value, JsonGenerator out) throws IOException {
            out.writeStartArray();
            for (Object item : (Collection<?>) value) {
                if (item == null) {
                    out.writeNull();
                } else {
                    element.write(item, out);
                }
            }
            out.writeEndArray();
        }
    }
}
