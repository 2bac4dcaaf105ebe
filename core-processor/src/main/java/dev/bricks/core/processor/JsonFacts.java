package dev.bricks.core.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * What core's JSON codec reads from a record's annotations at run time (its {@code GeneratedJsonFacts}): whether a
 * Jackson annotation sits on any member databind would look at, and which components are {@code @Lenient}.
 */
final class JsonFacts {

    private static final String JACKSON = "com.fasterxml.jackson.";
    private static final String LENIENT = "dev.bricks.core.json.Lenient";

    private final Mirrors mirrors;

    JsonFacts(Mirrors mirrors) {
        this.mirrors = mirrors;
    }

    /** The members of the companion implementing {@code GeneratedJsonFacts}. */
    String members(TypeElement record, SourceFiles files) {
        List<String> lenient = new ArrayList<>();
        for (RecordComponentElement component : record.getRecordComponents()) {
            if (mirrors.find(component, LENIENT) != null) {
                lenient.add(files.literal(component.getSimpleName().toString()));
            }
        }
        return "    @Override\n    public boolean jacksonAnnotated() {\n        return " + jacksonAnnotated(record)
                + ";\n    }\n\n    @Override\n    public java.util.List<String> lenientComponents() {\n"
                + "        return java.util.List.of(" + String.join(", ", lenient) + ");\n    }\n";
    }

    /**
     * The members the run time's check covers: the record, its components and their accessors, the canonical
     * constructor's parameters, and public instance methods without parameters that are not accessors (inherited
     * interface methods included, as {@code Class.getMethods()} lists them).
     */
    private boolean jacksonAnnotated(TypeElement record) {
        if (hasJackson(record)) {
            return true;
        }
        Set<String> componentNames = new HashSet<>();
        for (RecordComponentElement component : record.getRecordComponents()) {
            componentNames.add(component.getSimpleName().toString());
            if (hasJackson(component) || (component.getAccessor() != null && hasJackson(component.getAccessor()))) {
                return true;
            }
        }
        for (Element member : mirrors.elements().getAllMembers(record)) {
            if (member.getKind() == ElementKind.CONSTRUCTOR
                    && member.getEnclosingElement().equals(record)
                    && ((ExecutableElement) member).getParameters().size() == componentNames.size()) {
                for (VariableElement p : ((ExecutableElement) member).getParameters()) {
                    if (hasJackson(p)) {
                        return true;
                    }
                }
            }
            if (member.getKind() == ElementKind.METHOD
                    && isGetterCandidate((ExecutableElement) member, componentNames)
                    && hasJackson(member)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGetterCandidate(ExecutableElement m, Set<String> componentNames) {
        String owner =
                ((TypeElement) m.getEnclosingElement()).getQualifiedName().toString();
        return m.getModifiers().contains(Modifier.PUBLIC)
                && !m.getModifiers().contains(Modifier.STATIC)
                && m.getParameters().isEmpty()
                && !owner.equals("java.lang.Object")
                && !owner.equals("java.lang.Record")
                && !componentNames.contains(m.getSimpleName().toString());
    }

    private static boolean hasJackson(AnnotatedConstruct construct) {
        for (AnnotationMirror mirror : construct.getAnnotationMirrors()) {
            String name = ((TypeElement) mirror.getAnnotationType().asElement())
                    .getQualifiedName()
                    .toString();
            if (name.startsWith(JACKSON)) {
                return true;
            }
        }
        return false;
    }
}
