package dev.bricks.core.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.tools.Diagnostic;

/**
 * {@code <record>$$BricksRecord}: per component, the constraint annotations on it and on its element type
 * ({@code List<@NotBlank String>}), checked against the component's type as {@code Validator} checks them at run time;
 * and what core's JSON codec reads from the record's annotations ({@link JsonFacts}).
 */
final class RecordGenerator {

    static final String SUFFIX = "$$BricksRecord";

    /** The constraint annotations in the order Validator checks them, with their factory in {@code Constraint}. */
    private static final String[][] KINDS = {
        {"NotNull", "notNull"},
        {"NotBlank", "notBlank"},
        {"NotEmpty", "notEmpty"},
        {"Size", "size"},
        {"Min", "min"},
        {"Max", "max"},
        {"Pattern", "pattern"}
    };

    private static final String CONSTRAINT = "dev.bricks.core.validation.Constraint";

    private final ProcessingEnvironment env;
    private final Mirrors mirrors;
    private final SourceFiles files;
    private final JsonFacts jsonFacts;

    RecordGenerator(ProcessingEnvironment env, Mirrors mirrors, SourceFiles files) {
        this.env = env;
        this.mirrors = mirrors;
        this.files = files;
        this.jsonFacts = new JsonFacts(mirrors);
    }

    void generate(TypeElement record) {
        if (env.getElementUtils().getTypeElement(Mirrors.VALIDATION + "Validator") == null) {
            return; // core is not on this compilation's class path: nothing reads the companion
        }
        List<String> components = new ArrayList<>();
        boolean valid = true;
        for (RecordComponentElement component : record.getRecordComponents()) {
            String where = record.getSimpleName() + "." + component.getSimpleName();
            TypeMirror type = component.asType();
            Element reportOn = positioned(record, component);
            List<String> own = constraints(component, type, reportOn, where);
            List<String> element = List.of();
            boolean nullable = false;
            TypeMirror elementType =
                    mirrors.isSubtype(type, "java.util.Collection") ? Mirrors.onlyTypeArgument(type) : null;
            if (elementType != null) {
                AnnotatedConstruct annotated = typeUseOf(record, component, elementType);
                nullable = mirrors.find(annotated, Mirrors.NULLABLE) != null;
                element = constraints(annotated, raw(elementType), reportOn, where + " element");
            }
            valid &= own != null && element != null;
            if (own != null && element != null) {
                components.add("new dev.bricks.core.validation.ComponentConstraints("
                        + files.literal(component.getSimpleName().toString()) + ", " + list(own) + ", " + nullable
                        + ", " + list(element) + ")");
            }
        }
        if (!valid) {
            return;
        }
        String body =
                "    private static final java.util.List<dev.bricks.core.validation.ComponentConstraints> COMPONENTS = "
                        + list(components) + ";\n\n"
                        + "    @Override\n    public java.util.List<dev.bricks.core.validation.ComponentConstraints> components() {\n"
                        + "        return COMPONENTS;\n    }\n";
        files.write(
                record,
                files.simpleName(record, SUFFIX),
                "dev.bricks.core.validation.GeneratedConstraints, dev.bricks.core.internal.GeneratedJsonFacts",
                "The constraints and JSON facts of {@code " + record.getQualifiedName() + "}.",
                body + "\n" + jsonFacts.members(record, files));
    }

    /**
     * The element type with its type-use annotations. javac keeps them on the private field's type, and on the
     * component's own type only in some versions: take whichever carries them.
     */
    private AnnotatedConstruct typeUseOf(TypeElement record, RecordComponentElement component, TypeMirror elementType) {
        if (!elementType.getAnnotationMirrors().isEmpty()) {
            return elementType;
        }
        for (Element member : record.getEnclosedElements()) {
            if (member.getKind() == ElementKind.FIELD && member.getSimpleName().equals(component.getSimpleName())) {
                TypeMirror fieldElement = Mirrors.onlyTypeArgument(member.asType());
                if (fieldElement != null) {
                    return fieldElement;
                }
            }
        }
        return elementType;
    }

    /**
     * Where an error about a component points: javac gives a record component no source position, the record's
     * field for it has the component's.
     */
    private static Element positioned(TypeElement record, RecordComponentElement component) {
        for (Element member : record.getEnclosedElements()) {
            if (member.getKind() == ElementKind.FIELD && member.getSimpleName().equals(component.getSimpleName())) {
                return member;
            }
        }
        return record;
    }

    /** What {@code Validator} takes as an element's class: the erasure, {@code Object} for a wildcard or variable. */
    private TypeMirror raw(TypeMirror element) {
        if (element instanceof WildcardType || element.getKind() == TypeKind.TYPEVAR) {
            return env.getElementUtils().getTypeElement("java.lang.Object").asType();
        }
        return env.getTypeUtils().erasure(element);
    }

    /** The constraints' factory calls, or null after reporting misuse. */
    private List<String> constraints(AnnotatedConstruct annotated, TypeMirror type, Element reportOn, String where) {
        List<String> out = new ArrayList<>();
        for (String[] kind : KINDS) {
            AnnotationMirror mirror = mirrors.find(annotated, Mirrors.VALIDATION + kind[0]);
            if (mirror == null) {
                continue;
            }
            String problem = problem(kind[0], mirror, type, where);
            if (problem != null) {
                env.getMessager().printMessage(Diagnostic.Kind.ERROR, problem, reportOn);
                return null;
            }
            out.add(CONSTRAINT + "." + kind[1] + "(" + arguments(kind[0], mirror) + ")");
        }
        return out;
    }

    private String arguments(String kind, AnnotationMirror mirror) {
        String message = files.literal((String) mirrors.value(mirror, "message"));
        return switch (kind) {
            case "Size" -> mirrors.value(mirror, "min") + ", " + mirrors.value(mirror, "max") + ", " + message;
            case "Min", "Max" -> mirrors.value(mirror, "value") + "L, " + message;
            case "Pattern" -> files.literal((String) mirrors.value(mirror, "regexp")) + ", " + message;
            default -> message;
        };
    }

    /** The run time's complaint about this constraint on this type, or null when it fits. */
    private String problem(String kind, AnnotationMirror mirror, TypeMirror type, String where) {
        String annotation = "@" + kind;
        String typeName = mirrors.simpleName(type);
        switch (kind) {
            case "NotBlank", "Pattern" -> {
                if (!mirrors.isSubtype(type, "java.lang.CharSequence")) {
                    return annotation + " on " + where + " needs a CharSequence, not " + typeName;
                }
                if (kind.equals("Pattern")) {
                    String regexp = (String) mirrors.value(mirror, "regexp");
                    try {
                        Pattern.compile(regexp);
                    } catch (PatternSyntaxException e) {
                        return "@Pattern on " + where + " has an invalid expression '" + regexp + "': "
                                + e.getDescription();
                    }
                }
                return null;
            }
            case "NotEmpty", "Size" -> {
                if (!(mirrors.isSubtype(type, "java.lang.CharSequence")
                        || mirrors.isSubtype(type, "java.util.Collection")
                        || mirrors.isSubtype(type, "java.util.Map")
                        || type instanceof ArrayType)) {
                    return annotation + " on " + where + " needs a string, collection, map or array, not " + typeName;
                }
                if (kind.equals("Size")) {
                    int min = (Integer) mirrors.value(mirror, "min");
                    int max = (Integer) mirrors.value(mirror, "max");
                    if (min < 0 || max < min) {
                        return "@Size on " + where + " has min " + min + " and max " + max + "; need 0 <= min <= max";
                    }
                }
                return null;
            }
            case "Min", "Max" -> {
                TypeKind k = type.getKind();
                boolean number = mirrors.isSubtype(type, "java.lang.Number")
                        || k == TypeKind.INT
                        || k == TypeKind.LONG
                        || k == TypeKind.SHORT
                        || k == TypeKind.BYTE
                        || k == TypeKind.DOUBLE
                        || k == TypeKind.FLOAT;
                return number ? null : annotation + " on " + where + " needs a number, not " + typeName;
            }
            default -> {
                return null;
            }
        }
    }

    private static String list(List<String> items) {
        return items.isEmpty()
                ? "java.util.List.of()"
                : "java.util.List.of(\n            " + String.join(",\n            ", items) + ")";
    }
}
