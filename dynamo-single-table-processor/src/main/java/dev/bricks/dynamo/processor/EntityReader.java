package dev.bricks.dynamo.processor;

import dev.bricks.dynamo.annotation.AllowEmpty;
import dev.bricks.dynamo.annotation.Attribute;
import dev.bricks.dynamo.annotation.Convert;
import dev.bricks.dynamo.annotation.CreatedAt;
import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.Index;
import dev.bricks.dynamo.annotation.PrimaryKey;
import dev.bricks.dynamo.annotation.Ttl;
import dev.bricks.dynamo.annotation.Unique;
import dev.bricks.dynamo.annotation.UpdatedAt;
import dev.bricks.dynamo.annotation.Version;
import dev.bricks.dynamo.schema.KeyTemplate;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;

/** Reads an {@code @Entity} (or a nested document record) into a model; reports what it cannot read. */
final class EntityReader {
    private final TypeMapper types;

    EntityReader(TypeMapper types) {
        this.types = types;
    }

    /** True when an element can carry {@code @Entity}: a record, or a concrete class with a public no-arg constructor. */
    static boolean isEntityShape(Element e) {
        if (e.getKind() == ElementKind.RECORD) {
            return true;
        }
        if (e.getKind() != ElementKind.CLASS || e.getModifiers().contains(Modifier.ABSTRACT)) {
            return false;
        }
        for (Element m : e.getEnclosedElements()) {
            if (m.getKind() == ElementKind.CONSTRUCTOR
                    && m.getModifiers().contains(Modifier.PUBLIC)
                    && ((ExecutableElement) m).getParameters().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    EntityModel read(TypeElement e) {
        Entity entity = e.getAnnotation(Entity.class);
        PrimaryKey key = e.getAnnotation(PrimaryKey.class);
        if (key == null) {
            throw new ProcessingFailure(e, "@Entity " + e.getSimpleName() + " needs @PrimaryKey(pk = ..., sk = ...)");
        }
        if (entity.type().isBlank()) {
            throw new ProcessingFailure(e, "@Entity type of " + e.getSimpleName() + " is blank");
        }
        if (!e.getTypeParameters().isEmpty()) {
            throw new ProcessingFailure(e, "@Entity " + e.getSimpleName() + " must not be generic");
        }
        List<TypeElement> nested = new ArrayList<>();
        List<Component> components = components(e, nested);
        String type = entity.type();
        KeyTemplate pk = template(e, type + " PK", key.pk());
        KeyTemplate sk = key.sk().isEmpty() ? null : template(e, type + " SK", key.sk());
        List<IndexModel> indexes = new ArrayList<>();
        for (Index i : e.getAnnotationsByType(Index.class)) {
            String pa = i.pkAttribute().isEmpty() ? i.name() + "PK" : i.pkAttribute();
            String sa = i.sk().isEmpty() ? null : i.skAttribute().isEmpty() ? i.name() + "SK" : i.skAttribute();
            KeyTemplate ipk = template(e, type + " index " + i.name() + " PK", i.pk());
            KeyTemplate isk = sa == null ? null : template(e, type + " index " + i.name() + " SK", i.sk());
            indexes.add(new IndexModel(i.name(), pa, ipk, sa, isk));
        }
        List<String> unique = new ArrayList<>();
        List<String> emptyAllowed = new ArrayList<>();
        for (Component c : components) {
            if (has(c.element(), Unique.class)) {
                unique.add(c.name());
            }
            if (has(c.element(), AllowEmpty.class)) {
                emptyAllowed.add(c.name());
            }
        }
        return new EntityModel(
                e,
                e.getKind() == ElementKind.CLASS,
                type,
                entity.typeAttribute(),
                key.pkAttribute(),
                pk,
                key.skAttribute(),
                sk,
                indexes,
                components,
                single(components, Version.class),
                single(components, CreatedAt.class),
                single(components, UpdatedAt.class),
                single(components, Ttl.class),
                unique,
                emptyAllowed,
                nested);
    }

    /** Components of a record, or properties of a bean; nested document records are added to {@code nested}. */
    List<Component> components(TypeElement e, List<TypeElement> nested) {
        List<Component> out = e.getKind() == ElementKind.CLASS ? properties(e) : recordComponents(e);
        for (Component c : out) {
            if (c.converter() == null) {
                types.enhancedType(c.type(), c.element(), nested); // validates the type, collects nested records
            } else if (c.type().getKind() == TypeKind.DECLARED
                    && !((DeclaredType) c.type()).getTypeArguments().isEmpty()) {
                throw new ProcessingFailure(
                        c.element(), "@Convert on '" + c.name() + "' needs a non-generic type, not " + c.type());
            }
        }
        return out;
    }

    private static List<Component> recordComponents(TypeElement rec) {
        List<Component> out = new ArrayList<>();
        for (Element m : rec.getEnclosedElements()) {
            if (m.getKind() == ElementKind.RECORD_COMPONENT) {
                RecordComponentElement rc = (RecordComponentElement) m;
                String name = rc.getSimpleName().toString();
                out.add(new Component(
                        name, attributeName(rc, name), rc.asType(), rc, name + "()", null, converter(rc)));
            }
        }
        return out;
    }

    /** Bean properties: every non-static, non-transient field with a public getter and setter. */
    private static List<Component> properties(TypeElement cls) {
        Map<String, ExecutableElement> methods = new HashMap<>();
        for (Element m : cls.getEnclosedElements()) {
            if (m.getKind() == ElementKind.METHOD && m.getModifiers().contains(Modifier.PUBLIC)) {
                methods.put(m.getSimpleName().toString(), (ExecutableElement) m);
            }
        }
        List<Component> out = new ArrayList<>();
        for (Element f : cls.getEnclosedElements()) {
            if (f.getKind() != ElementKind.FIELD
                    || f.getModifiers().contains(Modifier.STATIC)
                    || f.getModifiers().contains(Modifier.TRANSIENT)) {
                continue;
            }
            String name = f.getSimpleName().toString();
            String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            String getter = methods.containsKey("get" + cap)
                    ? "get" + cap
                    : f.asType().getKind() == TypeKind.BOOLEAN && methods.containsKey("is" + cap) ? "is" + cap : null;
            if (getter == null || !methods.containsKey("set" + cap)) {
                throw new ProcessingFailure(
                        f,
                        "Field '" + name + "' of " + cls.getSimpleName() + " needs a public get" + cap + "() and set"
                                + cap + "(...) (or mark it transient)");
            }
            out.add(new Component(
                    name, attributeName(f, name), f.asType(), f, getter + "()", "set" + cap, converter(f)));
        }
        return out;
    }

    /** The {@code @Convert} class of a component, read as a type mirror (its class is not loadable at compile time). */
    private static String converter(Element e) {
        Element annotated = e;
        if (e instanceof RecordComponentElement r && annotationMirror(e) == null && r.getAccessor() != null) {
            annotated = r.getAccessor();
        }
        AnnotationMirror m = annotationMirror(annotated);
        if (m == null) {
            return null;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> v :
                m.getElementValues().entrySet()) {
            if (v.getKey().getSimpleName().contentEquals("value")) {
                return ((TypeElement) ((DeclaredType) v.getValue().getValue()).asElement())
                        .getQualifiedName()
                        .toString();
            }
        }
        return null;
    }

    private static AnnotationMirror annotationMirror(Element e) {
        for (AnnotationMirror m : e.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(Convert.class.getName())) {
                return m;
            }
        }
        return null;
    }

    private static String attributeName(Element e, String name) {
        Attribute a = annotation(e, Attribute.class);
        if (a != null && a.value().isBlank()) {
            throw new ProcessingFailure(e, "@Attribute name of '" + name + "' is blank");
        }
        return a == null ? name : a.value();
    }

    private static KeyTemplate template(TypeElement e, String owner, String text) {
        try {
            return KeyTemplate.parse(owner, text);
        } catch (IllegalArgumentException ex) {
            throw new ProcessingFailure(e, ex.getMessage());
        }
    }

    private static Component single(List<Component> components, Class<? extends Annotation> a) {
        Component found = null;
        for (Component c : components) {
            if (has(c.element(), a)) {
                if (found != null) {
                    throw new ProcessingFailure(
                            c.element(),
                            "@" + a.getSimpleName() + " is on both '" + found.name() + "' and '" + c.name() + "'");
                }
                found = c;
            }
        }
        return found;
    }

    /** An annotation on a record component (or, for record components, on its accessor). */
    static <A extends Annotation> A annotation(Element e, Class<A> type) {
        A a = e.getAnnotation(type);
        if (a == null && e instanceof RecordComponentElement r && r.getAccessor() != null) {
            a = r.getAccessor().getAnnotation(type);
        }
        return a;
    }

    static boolean has(Element e, Class<? extends Annotation> type) {
        return annotation(e, type) != null;
    }
}
