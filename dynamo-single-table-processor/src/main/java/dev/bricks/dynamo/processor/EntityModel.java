package dev.bricks.dynamo.processor;

import dev.bricks.dynamo.schema.KeyTemplate;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * Everything the processor read from one {@code @Entity}: what the validator checks and the writer generates.
 *
 * @param element the entity class or record
 * @param bean true for a class with getters and setters, false for a record
 * @param type entity type value
 * @param typeAttribute attribute holding the entity type
 * @param pkAttribute table partition key attribute
 * @param pk partition key template
 * @param skAttribute table sort key attribute
 * @param sk sort key template, or null without a sort key
 * @param indexes the GSIs
 * @param components the record components or bean properties, in declaration order
 * @param version the {@code @Version} component, or null
 * @param createdAt the {@code @CreatedAt} component, or null
 * @param updatedAt the {@code @UpdatedAt} component, or null
 * @param ttl the {@code @Ttl} component, or null
 * @param unique names of the {@code @Unique} components
 * @param emptyAllowed names of the {@code @AllowEmpty} key components
 * @param nestedRecords record types used as attribute values (documents)
 */
record EntityModel(
        TypeElement element,
        boolean bean,
        String type,
        String typeAttribute,
        String pkAttribute,
        KeyTemplate pk,
        String skAttribute,
        KeyTemplate sk,
        List<IndexModel> indexes,
        List<Component> components,
        Component version,
        Component createdAt,
        Component updatedAt,
        Component ttl,
        List<String> unique,
        List<String> emptyAllowed,
        List<TypeElement> nestedRecords) {

    /** The component named {@code name}; it exists (templates were checked against the components). */
    Component component(String name) {
        for (Component c : components) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalStateException(name);
    }

    /** The primary key's distinct components, partition key first. */
    List<String> primaryComponents() {
        List<String> primary = new ArrayList<>(pk.distinctComponents());
        if (sk != null) {
            for (String s : sk.distinctComponents()) {
                if (!primary.contains(s)) {
                    primary.add(s);
                }
            }
        }
        return primary;
    }
}
