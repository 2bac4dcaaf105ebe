package dev.bricks.dynamo.processor;

import dev.bricks.dynamo.schema.KeyTemplate;

/**
 * One {@code @Index} of an entity.
 *
 * @param name GSI name
 * @param pkAttribute partition key attribute
 * @param pk partition key template
 * @param skAttribute sort key attribute, or null without a sort key
 * @param sk sort key template, or null without a sort key
 */
record IndexModel(String name, String pkAttribute, KeyTemplate pk, String skAttribute, KeyTemplate sk) {

    /** Prefix of the generated template constants, e.g. {@code GSI1}. */
    String constant() {
        return Names.constName(name);
    }

    /** Name of the generated partition method, e.g. {@code gsi1}. */
    String method() {
        return Names.javaName(name);
    }
}
