package dev.bricks.dynamo;

import dev.bricks.dynamo.schema.EntitySchema;

/**
 * Finds the {@code <Entity>Schema.SCHEMA} the annotation processor generated next to an entity class. Looked up
 * once per class (a {@link ClassValue}, the documented init-once cache), never per call.
 */
final class GeneratedSchemas {
    private static final ClassValue<EntitySchema<?>> SCHEMAS = new ClassValue<>() {
        @Override
        protected EntitySchema<?> computeValue(Class<?> type) {
            String name = schemaClassName(type);
            try {
                Class<?> generated = Class.forName(name, true, type.getClassLoader());
                Object schema = generated.getField("SCHEMA").get(null);
                if (schema instanceof EntitySchema<?> s && s.entityClass() == type) {
                    return s;
                }
                throw new IllegalArgumentException(name + ".SCHEMA is not the schema of " + type.getName());
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(
                        type.getName() + " is not an @Entity compiled with "
                                + "bricks-dynamo-single-table-processor (no " + name + ".SCHEMA)",
                        e);
            }
        }
    };

    private GeneratedSchemas() {}

    @SuppressWarnings("unchecked")
    static <T> EntitySchema<T> of(Class<T> type) {
        return (EntitySchema<T>) SCHEMAS.get(type);
    }

    /** {@code pkg.Outer$Inner} → {@code pkg.Outer_InnerSchema}, as the processor names it. */
    static String schemaClassName(Class<?> type) {
        return type.getName().replace('$', '_') + "Schema";
    }
}
