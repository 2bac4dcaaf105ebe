package dev.bricks.dynamo.processor;

import dev.bricks.dynamo.schema.KeyTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.SourceVersion;

/** Checks an entity model; the first problem becomes a compile error on the element concerned. */
final class EntityValidator {
    private static final Set<String> VERSION_TYPES = Set.of("long", "int", "java.lang.Long", "java.lang.Integer");
    private static final Set<String> TTL_TYPES = Set.of("long", "java.lang.Long", "java.time.Instant");

    private final TypeMapper types;

    EntityValidator(TypeMapper types) {
        this.types = types;
    }

    void validate(EntityModel m) {
        templatesNameScalarComponents(m);
        attributeNamesAreDistinct(m);
        managedComponentsHaveTheirTypes(m);
        uniqueComponentsAreScalars(m);
        allowEmptyOnlyOnKeyComponents(m);
        primaryKeyAvoidsManagedComponents(m);
        generatedConstantsAreDistinct(m);
    }

    private void templatesNameScalarComponents(EntityModel m) {
        check(m, m.pk());
        if (m.sk() != null) {
            check(m, m.sk());
        }
        Set<String> indexNames = new HashSet<>();
        for (IndexModel i : m.indexes()) {
            if (!SourceVersion.isIdentifier(i.method()) || !indexNames.add(i.name())) {
                throw new ProcessingFailure(
                        m.element(),
                        "Index name '" + i.name() + "' of " + m.element().getSimpleName() + " is invalid or repeated");
            }
            check(m, i.pk());
            if (i.sk() != null) {
                check(m, i.sk());
            }
        }
    }

    private void check(EntityModel m, KeyTemplate t) {
        for (String c : t.components()) {
            Component comp = m.components().stream()
                    .filter(x -> x.name().equals(c))
                    .findFirst()
                    .orElse(null);
            if (comp == null) {
                List<String> names = new ArrayList<>();
                m.components().forEach(x -> names.add(x.name()));
                throw new ProcessingFailure(
                        m.element(),
                        "Key template '" + t.template() + "' names component '" + c + "', which "
                                + m.element().getSimpleName() + " does not have (components: "
                                + String.join(", ", names) + ")");
            }
            if (!types.isScalar(comp.type())) {
                throw new ProcessingFailure(
                        comp.element(),
                        "Key component '" + c + "' of " + m.element().getSimpleName() + " must be a scalar, not "
                                + comp.type());
            }
        }
    }

    private static void attributeNamesAreDistinct(EntityModel m) {
        Set<String> names = new HashSet<>();
        for (Component c : m.components()) {
            if (!names.add(c.attribute())) {
                throw new ProcessingFailure(
                        c.element(),
                        "Attribute name '" + c.attribute() + "' is used twice in "
                                + m.element().getSimpleName());
            }
        }
        List<String> reserved = new ArrayList<>(List.of(m.pkAttribute(), m.typeAttribute()));
        if (m.sk() != null) {
            reserved.add(m.skAttribute());
        }
        for (IndexModel i : m.indexes()) {
            reserved.add(i.pkAttribute());
            if (i.skAttribute() != null) {
                reserved.add(i.skAttribute());
            }
        }
        for (String r : reserved) {
            if (names.contains(r)) {
                throw new ProcessingFailure(
                        m.element(),
                        "Attribute name '" + r + "' of " + m.element().getSimpleName()
                                + " collides with a key or entity type attribute; rename it with @Attribute");
            }
        }
    }

    private static void managedComponentsHaveTheirTypes(EntityModel m) {
        Component v = m.version();
        if (v != null && !VERSION_TYPES.contains(v.type().toString())) {
            throw new ProcessingFailure(
                    v.element(),
                    "@Version component '" + v.name() + "' must be long, int, Long or Integer, not " + v.type());
        }
        for (Component ts : new Component[] {m.createdAt(), m.updatedAt()}) {
            if (ts != null && !ts.type().toString().equals("java.time.Instant")) {
                throw new ProcessingFailure(
                        ts.element(),
                        "@CreatedAt/@UpdatedAt component '" + ts.name() + "' must be an Instant, not " + ts.type());
            }
        }
        Component ttl = m.ttl();
        if (ttl != null && !TTL_TYPES.contains(ttl.type().toString())) {
            throw new ProcessingFailure(
                    ttl.element(),
                    "@Ttl component '" + ttl.name() + "' must be an Instant, long or Long, " + "not " + ttl.type());
        }
    }

    private void uniqueComponentsAreScalars(EntityModel m) {
        for (String u : m.unique()) {
            Component c = m.component(u);
            if (!types.isScalar(c.type())) {
                throw new ProcessingFailure(
                        c.element(),
                        "@Unique component '" + c.name() + "' must be a scalar (string, number, enum...), not "
                                + c.type());
            }
        }
    }

    private static void allowEmptyOnlyOnKeyComponents(EntityModel m) {
        Set<String> keyComponents = new HashSet<>(m.primaryComponents());
        for (IndexModel i : m.indexes()) {
            keyComponents.addAll(i.pk().components());
            if (i.sk() != null) {
                keyComponents.addAll(i.sk().components());
            }
        }
        for (String e : m.emptyAllowed()) {
            if (!keyComponents.contains(e)) {
                throw new ProcessingFailure(
                        m.component(e).element(),
                        "@AllowEmpty on '" + e + "' of " + m.element().getSimpleName()
                                + " has no effect: the component is in no key template");
            }
        }
    }

    private static void primaryKeyAvoidsManagedComponents(EntityModel m) {
        for (String kc : m.primaryComponents()) {
            for (Component managed : new Component[] {m.version(), m.ttl(), m.updatedAt()}) {
                if (managed != null && kc.equals(managed.name())) {
                    throw new ProcessingFailure(
                            m.element(),
                            "Primary key of " + m.element().getSimpleName() + " cannot use the managed component '" + kc
                                    + "'");
                }
            }
        }
    }

    private static void generatedConstantsAreDistinct(EntityModel m) {
        Set<String> constants = new HashSet<>(Set.of("TYPE", "CODEC", "SCHEMA", "PK_TEMPLATE", "SK_TEMPLATE"));
        for (IndexModel i : m.indexes()) {
            constants.add(i.constant() + "_PK_TEMPLATE");
            constants.add(i.constant() + "_SK_TEMPLATE");
        }
        for (Component c : m.components()) {
            String cn = Names.constName(c.name());
            if (!constants.add(cn)) {
                throw new ProcessingFailure(
                        c.element(),
                        "Component '" + c.name() + "' of " + m.element().getSimpleName()
                                + " would generate the constant " + cn
                                + ", which is already taken; rename the component");
            }
        }
    }
}
