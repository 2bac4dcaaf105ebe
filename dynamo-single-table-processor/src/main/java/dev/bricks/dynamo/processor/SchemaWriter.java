package dev.bricks.dynamo.processor;

import static dev.bricks.dynamo.processor.Names.esc;

import dev.bricks.dynamo.schema.KeyTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/** Writes the source of {@code <Entity>Schema} from a validated model (and of document schemas of nested records). */
final class SchemaWriter {
    private final TypeMapper types;

    SchemaWriter(TypeMapper types) {
        this.types = types;
    }

    /** The source of the entity's schema class. */
    String entitySchema(EntityModel m) {
        StringBuilder src = new StringBuilder();
        String schemaName = Names.schemaName(m.element());
        String entityName = m.element().getQualifiedName().toString();
        header(src, Names.packageOf(m.element()));
        src.append("public final class ").append(schemaName).append(" {\n");
        src.append("  private ").append(schemaName).append("() {}\n\n");
        templates(src, m);
        src.append(new CodecWriter(types).entityCodec(m, entityName));
        tableSchema(src, m, entityName);
        entitySchemaConstant(src, m, entityName);
        attributeConstants(src, m, entityName);
        keyMethods(src, m, entityName);
        if (!m.bean()) {
            builder(src, m.components(), entityName);
        }
        return src.append("}\n").toString();
    }

    /** The source of a nested record's document schema class. */
    String documentSchema(TypeElement nested, List<Component> components) {
        String name = Names.schemaName(nested);
        String entityName = nested.getQualifiedName().toString();
        StringBuilder src = new StringBuilder();
        header(src, Names.packageOf(nested));
        src.append("public final class ")
                .append(name)
                .append(" {\n  private ")
                .append(name)
                .append("() {}\n\n");
        src.append(new CodecWriter(types).documentCodec(nested, components));
        src.append("\n  /** Opt-in enhanced-client document schema of ")
                .append(nested.getSimpleName())
                .append(", built when first used. */\n");
        src.append("  public static final class Enhanced {\n    private Enhanced() {}\n\n");
        src.append("    /** Document schema of the nested record ")
                .append(nested.getSimpleName())
                .append(". */\n");
        src.append("    public static final TableSchema<").append(entityName).append("> TABLE_SCHEMA =\n");
        src.append("      StaticImmutableTableSchema.builder(")
                .append(entityName)
                .append(".class, Builder.class)\n");
        src.append("          .newItemBuilder(Builder::new, Builder::build)\n");
        componentAttributes(src, components, null);
        src.append("          .build();\n  }\n");
        builder(src, components, entityName);
        return src.append("}\n").toString();
    }

    private static void templates(StringBuilder src, EntityModel m) {
        src.append("  /** Entity type value stored in '")
                .append(esc(m.typeAttribute()))
                .append("'. */\n");
        src.append("  public static final String TYPE = \"")
                .append(esc(m.type()))
                .append("\";\n");
        templateConstant(src, m, "PK_TEMPLATE", m.type() + " PK", m.pk());
        if (m.sk() != null) {
            templateConstant(src, m, "SK_TEMPLATE", m.type() + " SK", m.sk());
        }
        for (IndexModel i : m.indexes()) {
            templateConstant(src, m, i.constant() + "_PK_TEMPLATE", m.type() + " index " + i.name() + " PK", i.pk());
            if (i.sk() != null) {
                templateConstant(
                        src, m, i.constant() + "_SK_TEMPLATE", m.type() + " index " + i.name() + " SK", i.sk());
            }
        }
    }

    private static void templateConstant(
            StringBuilder src, EntityModel m, String constant, String owner, KeyTemplate t) {
        src.append("  static final KeyTemplate ")
                .append(constant)
                .append(" = KeyTemplate.parse(\"")
                .append(esc(owner))
                .append("\", \"")
                .append(esc(t.template()))
                .append("\")");
        List<String> optional = new ArrayList<>();
        for (String c : t.distinctComponents()) {
            if (m.emptyAllowed().contains(c)) {
                optional.add("\"" + c + "\"");
            }
        }
        if (!optional.isEmpty()) {
            src.append(".allowEmpty(").append(String.join(", ", optional)).append(')');
        }
        src.append(";\n");
    }

    private void tableSchema(StringBuilder src, EntityModel m, String entityName) {
        src.append("\n  /** Opt-in enhanced-client table schema of ")
                .append(m.element().getSimpleName())
                .append(", built when first used (the repository never uses it). */\n");
        src.append("  public static final class Enhanced {\n    private Enhanced() {}\n\n");
        src.append("    /** Static table schema: key attributes, entity type and components. */\n");
        src.append("    public static final TableSchema<").append(entityName).append("> TABLE_SCHEMA =\n");
        if (m.bean()) {
            src.append("      StaticTableSchema.builder(").append(entityName).append(".class)\n");
            src.append("          .newItemSupplier(").append(entityName).append("::new)\n");
        } else {
            src.append("      StaticImmutableTableSchema.builder(")
                    .append(entityName)
                    .append(".class, Builder.class)\n");
            src.append("          .newItemBuilder(Builder::new, Builder::build)\n");
        }
        virtualKey(
                src, m, m.pkAttribute(), "PK_TEMPLATE", m.pk(), "render", "StaticAttributeTags.primaryPartitionKey()");
        if (m.sk() != null) {
            virtualKey(
                    src, m, m.skAttribute(), "SK_TEMPLATE", m.sk(), "render", "StaticAttributeTags.primarySortKey()");
        }
        for (IndexModel i : m.indexes()) {
            virtualKey(
                    src,
                    m,
                    i.pkAttribute(),
                    i.constant() + "_PK_TEMPLATE",
                    i.pk(),
                    "renderOrNull",
                    "StaticAttributeTags.secondaryPartitionKey(\"" + esc(i.name()) + "\")");
            if (i.sk() != null) {
                virtualKey(
                        src,
                        m,
                        i.skAttribute(),
                        i.constant() + "_SK_TEMPLATE",
                        i.sk(),
                        "renderOrNull",
                        "StaticAttributeTags.secondarySortKey(\"" + esc(i.name()) + "\")");
            }
        }
        src.append("          .addAttribute(String.class, a -> a.name(\"")
                .append(esc(m.typeAttribute()))
                .append("\").getter(o -> TYPE).setter((b, v) -> { }))\n");
        componentAttributes(src, m.components(), m.ttl());
        src.append("          .build();\n  }\n\n");
    }

    private static void virtualKey(
            StringBuilder src, EntityModel m, String attr, String constant, KeyTemplate t, String method, String tag) {
        List<String> parts = new ArrayList<>();
        for (String c : t.components()) {
            parts.add("o." + m.component(c).getter());
        }
        src.append("          .addAttribute(String.class, a -> a.name(\"")
                .append(esc(attr))
                .append("\").getter(o -> ")
                .append(constant)
                .append('.')
                .append(method)
                .append("(")
                .append(String.join(", ", parts))
                .append(")).setter((b, v) -> { }).tags(")
                .append(tag)
                .append("))\n");
    }

    private void componentAttributes(StringBuilder src, List<Component> components, Component ttl) {
        for (Component c : components) {
            String type = c.converter() == null
                    ? types.enhancedType(c.type(), c.element(), new ArrayList<>())
                    : "EnhancedType.of(" + types.boxed(c.type()) + ".class)";
            src.append("          .addAttribute(")
                    .append(type)
                    .append(", a -> a.name(\"")
                    .append(esc(c.attribute()))
                    .append("\").getter(o -> o.")
                    .append(c.getter())
                    .append(").setter((b, v) -> b.");
            String value = c.type().getKind().isPrimitive()
                    ? "v == null ? " + (c.type().getKind() == TypeKind.BOOLEAN ? "false" : "0") + " : v"
                    : "v";
            if (c.setter() == null) {
                src.append(c.name()).append(" = ").append(value);
            } else {
                src.append(c.setter()).append('(').append(value).append(')');
            }
            src.append(')');
            if (c.converter() != null) {
                src.append(".attributeConverter(new ").append(c.converter()).append("())");
            } else if (ttl == c && c.type().toString().equals("java.time.Instant")) {
                src.append(".attributeConverter(EpochSecondsConverter.INSTANCE)");
            }
            src.append(")\n");
        }
    }

    private static void entitySchemaConstant(StringBuilder src, EntityModel m, String entityName) {
        src.append("  /** Entity schema: keys, indexes and managed attributes of ")
                .append(m.element().getSimpleName())
                .append(". */\n");
        src.append("  public static final EntitySchema<")
                .append(entityName)
                .append("> SCHEMA = EntitySchema.builder(")
                .append(entityName)
                .append(".class, TYPE, CODEC)\n");
        src.append("      .typeAttribute(\"").append(esc(m.typeAttribute())).append("\")\n");
        src.append("      .primaryKey(\"")
                .append(esc(m.pkAttribute()))
                .append("\", PK_TEMPLATE, \"")
                .append(esc(m.skAttribute()))
                .append("\", ")
                .append(m.sk() == null ? "null" : "SK_TEMPLATE")
                .append(")\n");
        for (IndexModel i : m.indexes()) {
            src.append("      .index(\"")
                    .append(esc(i.name()))
                    .append("\", \"")
                    .append(esc(i.pkAttribute()))
                    .append("\", ")
                    .append(i.constant())
                    .append("_PK_TEMPLATE, ")
                    .append(
                            i.sk() == null
                                    ? "null, null"
                                    : "\"" + esc(i.skAttribute()) + "\", " + i.constant() + "_SK_TEMPLATE")
                    .append(")\n");
        }
        for (Component c : m.components()) {
            src.append("      .attribute(\"")
                    .append(c.name())
                    .append("\", \"")
                    .append(esc(c.attribute()))
                    .append("\")\n");
        }
        managed(src, "version", m.version());
        managed(src, "createdAt", m.createdAt());
        managed(src, "updatedAt", m.updatedAt());
        managed(src, "ttl", m.ttl());
        for (String u : m.unique()) {
            src.append("      .unique(\"").append(u).append("\")\n");
        }
        src.append("      .build();\n\n");
    }

    private static void managed(StringBuilder src, String method, Component c) {
        if (c != null) {
            src.append("      .")
                    .append(method)
                    .append("(\"")
                    .append(esc(c.attribute()))
                    .append("\")\n");
        }
    }

    private void attributeConstants(StringBuilder src, EntityModel m, String entityName) {
        for (Component c : m.components()) {
            src.append("  /** Attribute '")
                    .append(esc(c.attribute()))
                    .append("' (component ")
                    .append(c.name())
                    .append("). */\n");
            src.append("  public static final Attr<")
                    .append(entityName)
                    .append(", ")
                    .append(types.boxedSource(c.type()))
                    .append("> ")
                    .append(Names.constName(c.name()))
                    .append(" = Attr.of(CODEC, \"")
                    .append(c.name())
                    .append("\", \"")
                    .append(esc(c.attribute()))
                    .append("\");\n");
        }
    }

    private void keyMethods(StringBuilder src, EntityModel m, String entityName) {
        List<String> primary = m.primaryComponents();
        src.append("\n  /** The primary key of one ")
                .append(m.element().getSimpleName())
                .append(" (")
                .append(esc(m.pk().template()))
                .append(m.sk() == null ? "" : ", " + esc(m.sk().template()))
                .append("). */\n");
        src.append("  public static EntityKey<")
                .append(entityName)
                .append("> key(")
                .append(params(m, primary))
                .append(") {\n    return SCHEMA.key(")
                .append(String.join(", ", primary))
                .append(");\n  }\n\n");
        src.append("  /** The table partition ").append(esc(m.pk().template())).append(". */\n");
        src.append("  public static Partition<")
                .append(entityName)
                .append("> partition(")
                .append(params(m, m.pk().distinctComponents()))
                .append(") {\n    return SCHEMA.partition(null")
                .append(args(m.pk().distinctComponents()))
                .append(");\n  }\n");
        for (IndexModel i : m.indexes()) {
            src.append("\n  /** The partition ")
                    .append(esc(i.pk().template()))
                    .append(" of index ")
                    .append(esc(i.name()))
                    .append(". */\n");
            src.append("  public static Partition<")
                    .append(entityName)
                    .append("> ")
                    .append(i.method())
                    .append("(")
                    .append(params(m, i.pk().distinctComponents()))
                    .append(") {\n    return SCHEMA.partition(\"")
                    .append(esc(i.name()))
                    .append("\"")
                    .append(args(i.pk().distinctComponents()))
                    .append(");\n  }\n");
        }
        if (m.sk() != null) {
            sortKeyMethods(src, m, entityName, "sk", null, m.sk());
        }
        for (IndexModel i : m.indexes()) {
            if (i.sk() != null) {
                sortKeyMethods(src, m, entityName, i.method() + "Sk", i.name(), i.sk());
            }
        }
    }

    /** One method per leading-components prefix of a sort key template, typed by the components. */
    private void sortKeyMethods(
            StringBuilder src, EntityModel m, String entityName, String method, String index, KeyTemplate t) {
        List<String> comps = t.components();
        if (comps.isEmpty() || new HashSet<>(comps).size() != comps.size()) {
            return;
        }
        for (int n = 1; n <= comps.size(); n++) {
            List<String> lead = comps.subList(0, n);
            src.append("\n  /** Sort key '")
                    .append(esc(t.template()))
                    .append("'")
                    .append(n < comps.size() ? " prefix" : "")
                    .append(" for queries")
                    .append(index == null ? "" : " on " + esc(index))
                    .append(". */\n");
            src.append("  public static SortKey<")
                    .append(entityName)
                    .append("> ")
                    .append(method)
                    .append("(")
                    .append(params(m, lead))
                    .append(") {\n    return SCHEMA.sortKey(")
                    .append(index == null ? "null" : "\"" + esc(index) + "\"")
                    .append(args(lead))
                    .append(");\n  }\n");
        }
    }

    private String params(EntityModel m, List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(types.source(m.component(n).type()) + " " + n);
        }
        return String.join(", ", out);
    }

    private static String args(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(", ").append(n);
        }
        return sb.toString();
    }

    private void builder(StringBuilder src, List<Component> components, String entityName) {
        src.append("\n  /** Mutable builder the table schema uses to create records; not for application code. */\n");
        src.append("  public static final class Builder {\n");
        for (Component c : components) {
            src.append("    private ")
                    .append(types.source(c.type()))
                    .append(' ')
                    .append(c.name())
                    .append(";\n");
        }
        src.append("\n    /** Creates an empty builder. */\n    public Builder() {}\n");
        src.append("\n    /** Builds the record. */\n    public ")
                .append(entityName)
                .append(" build() {\n      return new ")
                .append(entityName)
                .append('(');
        List<String> names = new ArrayList<>();
        for (Component c : components) {
            names.add(c.name());
        }
        src.append(String.join(", ", names)).append(");\n    }\n  }\n");
    }

    private static void header(StringBuilder src, String pkg) {
        if (!pkg.isEmpty()) {
            src.append("package ").append(pkg).append(";\n\n");
        }
        src.append("import dev.bricks.dynamo.Attr;\nimport dev.bricks.dynamo.EntityKey;\n")
                .append("import dev.bricks.dynamo.Partition;\nimport dev.bricks.dynamo.SortKey;\n")
                .append(
                        "import dev.bricks.dynamo.schema.AttributeCodecs;\nimport dev.bricks.dynamo.schema.EntitySchema;\n")
                .append(
                        "import dev.bricks.dynamo.schema.EpochSecondsConverter;\nimport dev.bricks.dynamo.schema.ItemCodec;\n")
                .append("import dev.bricks.dynamo.schema.KeyTemplate;\nimport java.util.ArrayList;\n")
                .append("import java.util.LinkedHashMap;\nimport java.util.LinkedHashSet;\nimport java.util.List;\n")
                .append("import java.util.Map;\nimport javax.annotation.processing.Generated;\n")
                .append("import software.amazon.awssdk.core.SdkBytes;\n")
                .append("import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;\n")
                .append("import software.amazon.awssdk.enhanced.dynamodb.TableSchema;\n")
                .append("import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;\n")
                .append("import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;\n")
                .append("import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;\n")
                .append("import software.amazon.awssdk.services.dynamodb.model.AttributeValue;\n\n")
                .append(
                        "/** Generated by bricks-dynamo-single-table-processor; do not edit. Thread-safe, immutable. */\n")
                .append("@Generated(\"dev.bricks.dynamo.processor.EntityProcessor\")\n")
                .append("@SuppressWarnings({\"unused\", \"rawtypes\", \"unchecked\"})\n");
    }
}
