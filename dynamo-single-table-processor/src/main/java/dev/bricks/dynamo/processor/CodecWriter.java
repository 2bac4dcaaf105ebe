package dev.bricks.dynamo.processor;

import static dev.bricks.dynamo.processor.Names.esc;

import dev.bricks.dynamo.schema.KeyTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Writes the {@code Codec} nested class of a generated schema: straight-line {@code AttributeValue} marshalling of
 * one entity or document record, in the enhanced client's stored formats, with one helper method per collection or
 * document type. Not thread-safe; one instance per generated class.
 */
final class CodecWriter {
    private final TypeMapper types;
    private final StringBuilder helpers = new StringBuilder();
    private int helperCount;

    CodecWriter(TypeMapper types) {
        this.types = types;
    }

    /** The codec of an entity: key attributes, index keys, type attribute and non-null components. */
    String entityCodec(EntityModel m, String entityName) {
        StringBuilder src = new StringBuilder();
        open(src, m.element().getSimpleName().toString(), entityName, m.components(), m.ttl());
        src.append("    private static final AttributeValue TYPE_VALUE = AttributeValue.fromS(TYPE);\n\n");
        src.append("    @Override\n    public Map<String, AttributeValue> toItem(")
                .append(entityName)
                .append(" o) {\n      Map<String, AttributeValue> m = new LinkedHashMap<>(")
                .append(capacity(m.components().size() + 3 + 2 * m.indexes().size()))
                .append(");\n");
        src.append("      m.put(\"")
                .append(esc(m.pkAttribute()))
                .append("\", AttributeValue.fromS(PK_TEMPLATE.render(")
                .append(keyArgs(m, m.pk()))
                .append(")));\n");
        if (m.sk() != null) {
            src.append("      m.put(\"")
                    .append(esc(m.skAttribute()))
                    .append("\", AttributeValue.fromS(SK_TEMPLATE.render(")
                    .append(keyArgs(m, m.sk()))
                    .append(")));\n");
        }
        for (IndexModel i : m.indexes()) {
            indexKey(src, m, i.pkAttribute(), i.constant() + "_PK_TEMPLATE", i.pk());
            if (i.sk() != null) {
                indexKey(src, m, i.skAttribute(), i.constant() + "_SK_TEMPLATE", i.sk());
            }
        }
        src.append("      m.put(\"").append(esc(m.typeAttribute())).append("\", TYPE_VALUE);\n");
        writeComponents(src, m.components(), m.ttl(), false);
        src.append("      return m;\n    }\n\n");
        fromItem(src, m.components(), m.ttl(), entityName, m.bean(), false);
        common(src, m.element().getSimpleName().toString(), entityName, m.components(), m.ttl());
        return src.toString();
    }

    /** The codec of a nested document record: every component, nulls as {@code NULL} values. */
    String documentCodec(TypeElement nested, List<Component> components) {
        String entityName = nested.getQualifiedName().toString();
        StringBuilder src = new StringBuilder();
        open(src, nested.getSimpleName().toString(), entityName, components, null);
        src.append("    @Override\n    public Map<String, AttributeValue> toItem(")
                .append(entityName)
                .append(" o) {\n      Map<String, AttributeValue> m = new LinkedHashMap<>(")
                .append(capacity(components.size()))
                .append(");\n");
        writeComponents(src, components, null, true);
        src.append("      return m;\n    }\n\n");
        fromItem(src, components, null, entityName, false, true);
        common(src, nested.getSimpleName().toString(), entityName, components, null);
        return src.toString();
    }

    private void open(StringBuilder src, String simple, String entityName, List<Component> comps, Component ttl) {
        src.append("\n  /** Direct AttributeValue marshalling of ")
                .append(simple)
                .append(" (no enhanced-client classes); stateless. */\n");
        src.append("  public static final ItemCodec<").append(entityName).append("> CODEC = new Codec();\n\n");
        src.append("  private static final class Codec implements ItemCodec<")
                .append(entityName)
                .append("> {\n");
        for (Component c : comps) {
            if (c.converter() != null) {
                src.append("    private static final ")
                        .append(c.converter())
                        .append(' ')
                        .append(converterField(c))
                        .append(" = new ")
                        .append(c.converter())
                        .append("();\n");
            }
        }
    }

    private static String converterField(Component c) {
        return "CONVERTER_" + Names.constName(c.name());
    }

    private static int capacity(int entries) {
        return entries * 4 / 3 + 1;
    }

    private static String keyArgs(EntityModel m, KeyTemplate t) {
        List<String> parts = new ArrayList<>();
        for (String c : t.components()) {
            parts.add("o." + m.component(c).getter());
        }
        return String.join(", ", parts);
    }

    private static void indexKey(StringBuilder src, EntityModel m, String attr, String constant, KeyTemplate t) {
        src.append("      String ")
                .append(constant)
                .append("_VALUE = ")
                .append(constant)
                .append(".renderOrNull(")
                .append(keyArgs(m, t))
                .append(");\n      if (")
                .append(constant)
                .append("_VALUE != null) {\n        m.put(\"")
                .append(esc(attr))
                .append("\", AttributeValue.fromS(")
                .append(constant)
                .append("_VALUE));\n      }\n");
    }

    private void writeComponents(StringBuilder src, List<Component> comps, Component ttl, boolean keepNulls) {
        for (Component c : comps) {
            String attr = "\"" + esc(c.attribute()) + "\"";
            if (c.type().getKind().isPrimitive()) {
                src.append("      m.put(")
                        .append(attr)
                        .append(", ")
                        .append(write(c, ttl, c.type(), "o." + c.getter()))
                        .append(");\n");
                continue;
            }
            String v = "v_" + c.name();
            src.append("      ")
                    .append(types.source(c.type()))
                    .append(' ')
                    .append(v)
                    .append(" = o.")
                    .append(c.getter())
                    .append(";\n");
            if (keepNulls) {
                src.append("      m.put(")
                        .append(attr)
                        .append(", ")
                        .append(v)
                        .append(" == null ? AttributeCodecs.NUL : ")
                        .append(write(c, ttl, c.type(), v))
                        .append(");\n");
            } else {
                src.append("      if (")
                        .append(v)
                        .append(" != null) {\n        m.put(")
                        .append(attr)
                        .append(", ")
                        .append(write(c, ttl, c.type(), v))
                        .append(");\n      }\n");
            }
        }
    }

    private void fromItem(
            StringBuilder src,
            List<Component> comps,
            Component ttl,
            String entityName,
            boolean bean,
            boolean nullWhenEmpty) {
        src.append("    @Override\n    public ")
                .append(entityName)
                .append(" fromItem(Map<String, AttributeValue> item) {\n");
        if (nullWhenEmpty) {
            src.append("      if (AttributeCodecs.allNull(item)) {\n        return null;\n      }\n");
        }
        if (bean) {
            src.append("      ")
                    .append(entityName)
                    .append(" o = new ")
                    .append(entityName)
                    .append("();\n");
            src.append("      AttributeValue a;\n");
            for (Component c : comps) {
                src.append("      a = item.get(\"").append(esc(c.attribute())).append("\");\n");
                src.append("      if (!AttributeCodecs.isNull(a)) {\n        o.")
                        .append(c.setter())
                        .append('(')
                        .append(read(c, ttl, c.type(), "a"))
                        .append(");\n      }\n");
            }
            src.append("      return o;\n    }\n\n");
            return;
        }
        src.append("      return new ").append(entityName).append("(");
        List<String> args = new ArrayList<>();
        for (Component c : comps) {
            args.add("\n          " + read(c, ttl, c.type(), "item.get(\"" + esc(c.attribute()) + "\")"));
        }
        src.append(String.join(",", args)).append(");\n    }\n\n");
    }

    private void common(StringBuilder src, String simple, String entityName, List<Component> comps, Component ttl) {
        src.append("    @Override\n    public Object component(")
                .append(entityName)
                .append(" o, String component) {\n      switch (component) {\n");
        for (Component c : comps) {
            src.append("        case \"")
                    .append(c.name())
                    .append("\":\n          return o.")
                    .append(c.getter())
                    .append(";\n");
        }
        src.append("        default:\n          throw new IllegalArgumentException(\"")
                .append(simple)
                .append(" has no component '\" + component + \"'\");\n      }\n    }\n\n");
        src.append("    @Override\n    public AttributeValue attributeValue(String component, Object value) {\n");
        src.append("      if (value == null) {\n        return AttributeCodecs.NUL;\n      }\n");
        src.append("      switch (component) {\n");
        for (Component c : comps) {
            src.append("        case \"")
                    .append(c.name())
                    .append("\":\n          return ")
                    .append(write(c, ttl, c.type(), "((" + types.boxedSource(c.type()) + ") value)"))
                    .append(";\n");
        }
        src.append("        default:\n          throw new IllegalArgumentException(\"")
                .append(simple)
                .append(" has no component '\" + component + \"'\");\n      }\n    }\n\n");
        src.append("    @Override\n    public TableSchema<")
                .append(entityName)
                .append("> tableSchema() {\n      return Enhanced.TABLE_SCHEMA;\n    }\n");
        src.append(helpers);
        src.append("  }\n");
    }

    /** An expression converting a non-null value of a component to an AttributeValue. */
    private String write(Component c, Component ttl, TypeMirror t, String expr) {
        if (c.converter() != null) {
            return converterField(c) + ".transformFrom(" + expr + ")";
        }
        if (c == ttl && types.boxed(t).equals("java.time.Instant")) {
            return "AttributeCodecs.fromEpochSeconds(" + expr + ")";
        }
        return write(t, expr);
    }

    private String read(Component c, Component ttl, TypeMirror t, String av) {
        if (c.converter() != null) {
            return "AttributeCodecs.isNull(" + av + ") ? null : " + converterField(c) + ".transformTo(" + av + ")";
        }
        if (c == ttl && types.boxed(t).equals("java.time.Instant")) {
            return "AttributeCodecs.toEpochSecondsInstant(" + av + ")";
        }
        return read(t, av);
    }

    private String write(TypeMirror t, String expr) {
        if (t.getKind() == TypeKind.ARRAY) {
            return "AttributeValue.fromB(SdkBytes.fromByteArray(" + expr + "))";
        }
        if (types.isEnum(t)) {
            return "AttributeValue.fromS(" + expr + ".name())";
        }
        String boxed = types.boxed(t);
        switch (boxed) {
            case "java.lang.String":
                return "AttributeValue.fromS(" + expr + ")";
            case "java.lang.Integer":
            case "java.lang.Long":
            case "java.lang.Short":
            case "java.lang.Byte":
            case "java.math.BigDecimal":
            case "java.math.BigInteger":
                return "AttributeValue.fromN(String.valueOf(" + expr + "))";
            case "java.lang.Double":
                return "AttributeCodecs.fromDouble(" + expr + ")";
            case "java.lang.Float":
                return "AttributeCodecs.fromFloat(" + expr + ")";
            case "java.lang.Boolean":
                return "AttributeValue.fromBool(" + expr + ")";
            case "java.time.Duration":
                return "AttributeCodecs.fromDuration(" + expr + ")";
            case "software.amazon.awssdk.core.SdkBytes":
                return "AttributeValue.fromB(" + expr + ")";
            case "java.lang.Character":
            case "java.time.Instant":
            case "java.time.LocalDate":
            case "java.time.LocalDateTime":
            case "java.time.LocalTime":
            case "java.time.OffsetDateTime":
            case "java.time.ZonedDateTime":
            case "java.util.UUID":
                return "AttributeValue.fromS(" + expr + ".toString())";
            default:
                return helper(t, true) + "(" + expr + ")";
        }
    }

    private String read(TypeMirror t, String av) {
        if (t.getKind() == TypeKind.ARRAY) {
            return "AttributeCodecs.toByteArray(" + av + ")";
        }
        if (types.isEnum(t)) {
            return "AttributeCodecs.toEnum(" + av + ", " + types.boxed(t) + ".class)";
        }
        String reader = scalarReader(types.boxed(t));
        if (reader == null) {
            return helper(t, false) + "(" + av + ")";
        }
        String value = "AttributeCodecs." + reader + "(" + av + ")";
        if (!t.getKind().isPrimitive()) {
            return value;
        }
        return "AttributeCodecs." + (t.getKind() == TypeKind.BOOLEAN ? "orFalse" : "orZero") + "(" + value + ")";
    }

    private static String scalarReader(String boxed) {
        switch (boxed) {
            case "java.lang.String":
                return "toStr";
            case "java.lang.Character":
                return "toCharacter";
            case "java.util.UUID":
                return "toUuid";
            case "software.amazon.awssdk.core.SdkBytes":
                return "toSdkBytes";
            default:
                break;
        }
        if (boxed.startsWith("java.lang.") || boxed.startsWith("java.math.") || boxed.startsWith("java.time.")) {
            return "to" + boxed.substring(boxed.lastIndexOf('.') + 1);
        }
        return null;
    }

    /** The set attribute kind of an element type: {@code Ss}, {@code Ns} or {@code Bs}. */
    private String setKind(TypeMirror element) {
        String w = write(element, "e");
        if (w.startsWith("AttributeValue.fromS(")) {
            return "Ss";
        }
        if (w.startsWith("AttributeValue.fromN(")
                || w.startsWith("AttributeCodecs.fromD")
                || w.startsWith("AttributeCodecs.fromF")) {
            return "Ns";
        }
        if (w.startsWith("AttributeValue.fromB(")) {
            return "Bs";
        }
        throw new IllegalStateException("not a set element: " + element);
    }

    /** Generates a helper method for a collection or document type and returns its name. */
    private String helper(TypeMirror t, boolean toAttribute) {
        DeclaredType d = (DeclaredType) t;
        TypeElement te = (TypeElement) d.asElement();
        String raw = te.getQualifiedName().toString();
        String name = (toAttribute ? "write" : "read") + helperCount++;
        String src = types.source(t);
        StringBuilder h = new StringBuilder("\n    private static ");
        if (toAttribute) {
            h.append("AttributeValue ").append(name).append('(').append(src).append(" v) {\n");
        } else {
            h.append(src).append(' ').append(name).append("(AttributeValue a) {\n");
            h.append("      if (AttributeCodecs.isNull(a)) {\n        return null;\n      }\n");
        }
        if (te.getKind() == ElementKind.RECORD) {
            String codec = Names.packageOf(te).isEmpty()
                    ? Names.schemaName(te) + ".CODEC"
                    : Names.packageOf(te) + "." + Names.schemaName(te) + ".CODEC";
            h.append(
                    toAttribute
                            ? "      return AttributeValue.fromM(" + codec + ".toItem(v));\n"
                            : "      return " + codec + ".fromItem(a.m());\n");
        } else {
            List<? extends TypeMirror> args = d.getTypeArguments();
            TypeMirror e = args.get(args.size() - 1);
            String es = types.source(e);
            switch (raw) {
                case "java.util.List":
                    if (toAttribute) {
                        h.append("      List<AttributeValue> l = new ArrayList<>(v.size());\n");
                        h.append("      for (").append(es).append(" e : v) {\n");
                        h.append("        l.add(e == null ? AttributeCodecs.NUL : ")
                                .append(write(e, "e"))
                                .append(");\n      }\n      return AttributeValue.fromL(l);\n");
                    } else {
                        h.append("      ").append(src).append(" out = new ArrayList<>(a.l().size());\n");
                        h.append("      for (AttributeValue e : a.l()) {\n        out.add(")
                                .append(read(e, "e"))
                                .append(");\n      }\n      return out;\n");
                    }
                    break;
                case "java.util.Set":
                    String kind = setKind(e);
                    String elem = kind.equals("Bs") ? "SdkBytes" : "String";
                    String getter = kind.equals("Ss") ? "s" : kind.equals("Ns") ? "n" : "b";
                    if (toAttribute) {
                        h.append("      List<").append(elem).append("> l = new ArrayList<>(v.size());\n");
                        h.append("      for (").append(es).append(" e : v) {\n");
                        h.append("        l.add(")
                                .append(write(e, "e"))
                                .append('.')
                                .append(getter)
                                .append("());\n      }\n      return AttributeValue.from")
                                .append(kind)
                                .append("(l);\n");
                    } else {
                        h.append("      ").append(src).append(" out = new LinkedHashSet<>();\n");
                        h.append("      for (")
                                .append(elem)
                                .append(" e : a.")
                                .append(kind.toLowerCase(Locale.ROOT))
                                .append("()) {\n        out.add(")
                                .append(read(e, "AttributeValue.from" + getter.toUpperCase(Locale.ROOT) + "(e)"))
                                .append(");\n      }\n      return out;\n");
                    }
                    break;
                default: // java.util.Map with String keys (checked by TypeMapper)
                    if (toAttribute) {
                        h.append("      Map<String, AttributeValue> m = new LinkedHashMap<>(")
                                .append("v.size() * 4 / 3 + 1);\n");
                        h.append("      for (Map.Entry<String, ").append(es).append("> e : v.entrySet()) {\n");
                        h.append("        m.put(e.getKey(), e.getValue() == null ? AttributeCodecs.NUL : ")
                                .append(write(e, "e.getValue()"))
                                .append(");\n      }\n      return AttributeValue.fromM(m);\n");
                    } else {
                        h.append("      ").append(src).append(" out = new LinkedHashMap<>();\n");
                        h.append("      for (Map.Entry<String, AttributeValue> e : a.m().entrySet()) {\n");
                        h.append("        out.put(e.getKey(), ")
                                .append(read(e, "e.getValue()"))
                                .append(");\n      }\n      return out;\n");
                    }
                    break;
            }
        }
        helpers.append(h).append("    }\n");
        return name;
    }
}
