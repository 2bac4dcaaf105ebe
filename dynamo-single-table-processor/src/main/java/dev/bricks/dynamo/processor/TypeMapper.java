package dev.bricks.dynamo.processor;

import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Java types of components → enhanced-client types and source text; refuses what cannot be stored. */
final class TypeMapper {
    private static final Set<String> SCALARS = Set.of(
            "java.lang.String",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Short",
            "java.lang.Byte",
            "java.lang.Double",
            "java.lang.Float",
            "java.lang.Boolean",
            "java.lang.Character",
            "java.math.BigDecimal",
            "java.math.BigInteger",
            "java.time.Instant",
            "java.time.LocalDate",
            "java.time.LocalDateTime",
            "java.time.LocalTime",
            "java.time.OffsetDateTime",
            "java.time.ZonedDateTime",
            "java.time.Duration",
            "java.util.UUID",
            "software.amazon.awssdk.core.SdkBytes");

    private final Types types;

    TypeMapper(Types types) {
        this.types = types;
    }

    /** True for a scalar (string, number, time, UUID, bytes) or an enum: what key templates and @Unique accept. */
    boolean isScalar(TypeMirror t) {
        return SCALARS.contains(boxed(t)) || isEnum(t);
    }

    /**
     * The {@code EnhancedType} expression of a type; adds record types used as documents to {@code nested}.
     *
     * @throws ProcessingFailure for arrays other than byte[], char, maps with non-String keys and other types
     */
    String enhancedType(TypeMirror t, Element at, List<TypeElement> nested) {
        if (t.getKind().isPrimitive()) {
            if (t.getKind() == TypeKind.CHAR) {
                throw new ProcessingFailure(
                        at, "Type char of '" + at.getSimpleName() + "' is not supported; use String");
            }
            return "EnhancedType.of(" + boxed(t) + ".class)";
        }
        if (t.getKind() == TypeKind.ARRAY) {
            if (t.toString().equals("byte[]")) {
                return "EnhancedType.of(byte[].class)";
            }
            throw new ProcessingFailure(
                    at, "Array type " + t + " of '" + at.getSimpleName() + "' is not supported; use a List");
        }
        if (t.getKind() != TypeKind.DECLARED) {
            throw new ProcessingFailure(at, "Type " + t + " of '" + at.getSimpleName() + "' is not supported");
        }
        DeclaredType d = (DeclaredType) t;
        TypeElement te = (TypeElement) d.asElement();
        String raw = te.getQualifiedName().toString();
        List<? extends TypeMirror> args = d.getTypeArguments();
        switch (raw) {
            case "java.util.List":
                return "EnhancedType.listOf(" + enhancedType(args.get(0), at, nested) + ")";
            case "java.util.Set":
                if (!isScalar(args.get(0)) || boxed(args.get(0)).equals("java.lang.Boolean")) {
                    throw new ProcessingFailure(
                            at,
                            "Set element type " + args.get(0) + " of '" + at.getSimpleName()
                                    + "' cannot be stored as a string, number or binary set; use a List");
                }
                return "EnhancedType.setOf(" + enhancedType(args.get(0), at, nested) + ")";
            case "java.util.Map":
                if (!args.get(0).toString().equals("java.lang.String")) {
                    throw new ProcessingFailure(
                            at, "Map keys of '" + at.getSimpleName() + "' must be String, not " + args.get(0));
                }
                return "EnhancedType.mapOf(EnhancedType.of(String.class), " + enhancedType(args.get(1), at, nested)
                        + ")";
            default:
                break;
        }
        if (SCALARS.contains(raw) || te.getKind() == ElementKind.ENUM) {
            return "EnhancedType.of(" + raw + ".class)";
        }
        if (te.getKind() == ElementKind.RECORD) {
            if (!nested.contains(te)) {
                nested.add(te);
            }
            return "EnhancedType.documentOf(" + raw + ".class, " + Names.packageOf(te) + "." + Names.schemaName(te)
                    + ".Enhanced.TABLE_SCHEMA)";
        }
        throw new ProcessingFailure(
                at,
                "Type " + t + " of '" + at.getSimpleName() + "' is not supported (scalars, enums, "
                        + "records, List, Set, Map<String, ?> are)");
    }

    /** The qualified name of a type, boxed when primitive. */
    String boxed(TypeMirror t) {
        if (t.getKind().isPrimitive()) {
            return types.boxedClass((PrimitiveType) t).getQualifiedName().toString();
        }
        if (t.getKind() == TypeKind.DECLARED) {
            return ((TypeElement) ((DeclaredType) t).asElement())
                    .getQualifiedName()
                    .toString();
        }
        return t.toString();
    }

    boolean isEnum(TypeMirror t) {
        return t.getKind() == TypeKind.DECLARED
                && ((DeclaredType) t).asElement().getKind() == ElementKind.ENUM;
    }

    /** Source text of a type, without type annotations. */
    String source(TypeMirror t) {
        return t.toString().replaceAll("@\\S+\\s", "");
    }

    /** Source text of a type, boxed when primitive (for generic arguments). */
    String boxedSource(TypeMirror t) {
        return t.getKind().isPrimitive() ? boxed(t) : source(t);
    }
}
