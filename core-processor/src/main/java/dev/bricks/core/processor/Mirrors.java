package dev.bricks.core.processor;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Annotations and types by name (the processor has no compile dependency on core or events). */
final class Mirrors {

    static final String ROUTE = "dev.bricks.core.http.Route";
    static final String PATH_PARAM = "dev.bricks.core.http.PathParam";
    static final String QUERY_PARAM = "dev.bricks.core.http.QueryParam";
    static final String HEADER_PARAM = "dev.bricks.core.http.HeaderParam";
    static final String BODY = "dev.bricks.core.http.Body";
    static final String HTTP_HANDLER = "dev.bricks.core.http.HttpHandler";
    static final String HTTP_REQUEST = "dev.bricks.core.http.HttpRequest";
    static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    static final String VALIDATION = "dev.bricks.core.validation.";
    static final String NULLABLE = VALIDATION + "Nullable";
    static final String DOMAIN_EVENT = "dev.bricks.events.DomainEvent";

    private final Elements elements;
    private final Types types;

    Mirrors(ProcessingEnvironment env) {
        this.elements = env.getElementUtils();
        this.types = env.getTypeUtils();
    }

    /** The annotation named {@code name} on {@code construct}, or null. */
    AnnotationMirror find(AnnotatedConstruct construct, String name) {
        for (AnnotationMirror mirror : construct.getAnnotationMirrors()) {
            TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
            if (annotation.getQualifiedName().contentEquals(name)) {
                return mirror;
            }
        }
        return null;
    }

    /** An annotation member's value, its default when not given. */
    Object value(AnnotationMirror mirror, String member) {
        Map<? extends ExecutableElement, ? extends AnnotationValue> values =
                elements.getElementValuesWithDefaults(mirror);
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : values.entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(member)) {
                return e.getValue().getValue();
            }
        }
        throw new IllegalArgumentException(mirror + " has no member " + member);
    }

    boolean isHttpHandler(TypeElement type) {
        return isSubtype(type.asType(), HTTP_HANDLER);
    }

    /** Whether the erasure of {@code type} is a subtype of the class named {@code name} (false when it is absent). */
    boolean isSubtype(TypeMirror type, String name) {
        TypeElement target = elements.getTypeElement(name);
        return target != null && types.isSubtype(types.erasure(type), types.erasure(target.asType()));
    }

    boolean is(TypeMirror type, String name) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement())
                        .getQualifiedName()
                        .contentEquals(name);
    }

    boolean isRecord(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((DeclaredType) type).asElement().getKind() == ElementKind.RECORD;
    }

    boolean isEnum(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM;
    }

    /** The erased type's name as {@link Class#getName()} spells it ({@code int}, {@code a.B$C}, {@code [I}). */
    String className(TypeMirror type) {
        TypeMirror erased = types.erasure(type);
        if (erased.getKind().isPrimitive()) {
            return erased.getKind().name().toLowerCase(Locale.ROOT);
        }
        if (erased instanceof ArrayType array) {
            return "[" + descriptor(array.getComponentType());
        }
        return elements.getBinaryName((TypeElement) types.asElement(erased)).toString();
    }

    private String descriptor(TypeMirror type) {
        TypeMirror erased = types.erasure(type);
        return switch (erased.getKind()) {
            case BOOLEAN -> "Z";
            case BYTE -> "B";
            case CHAR -> "C";
            case SHORT -> "S";
            case INT -> "I";
            case LONG -> "J";
            case FLOAT -> "F";
            case DOUBLE -> "D";
            case ARRAY -> "[" + descriptor(((ArrayType) erased).getComponentType());
            default -> "L" + className(erased) + ";";
        };
    }

    /** The erasure's simple name, as {@link Class#getSimpleName()} would give it in a run-time message. */
    String simpleName(TypeMirror type) {
        TypeMirror erased = types.erasure(type);
        if (erased.getKind().isPrimitive()) {
            return erased.getKind().name().toLowerCase(Locale.ROOT);
        }
        if (erased instanceof ArrayType array) {
            return simpleName(array.getComponentType()) + "[]";
        }
        return types.asElement(erased).getSimpleName().toString();
    }

    /** The single type argument of a parameterized type, or null. */
    static TypeMirror onlyTypeArgument(TypeMirror type) {
        if (type instanceof DeclaredType declared) {
            List<? extends TypeMirror> args = declared.getTypeArguments();
            return args.size() == 1 ? args.get(0) : null;
        }
        return null;
    }

    Types types() {
        return types;
    }

    Elements elements() {
        return elements;
    }
}
