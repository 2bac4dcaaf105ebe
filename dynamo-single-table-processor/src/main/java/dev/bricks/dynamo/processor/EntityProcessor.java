package dev.bricks.dynamo.processor;

import dev.bricks.dynamo.schema.EntitySchema;

import dev.bricks.dynamo.annotation.Attribute;
import dev.bricks.dynamo.annotation.CreatedAt;
import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.Index;
import dev.bricks.dynamo.annotation.PrimaryKey;
import dev.bricks.dynamo.schema.KeyTemplate;
import dev.bricks.dynamo.annotation.Ttl;
import dev.bricks.dynamo.annotation.Unique;
import dev.bricks.dynamo.annotation.UpdatedAt;
import dev.bricks.dynamo.annotation.Version;
import java.io.IOException;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * Generates {@code <Entity>Schema} for every {@link Entity} record: a static immutable table schema
 * (no reflection), an {@code EntitySchema}, typed key/partition builders and attribute constants.
 * Also generates a document schema for every record type nested in an entity. Errors (unknown template
 * components, unsupported types, misplaced annotations) are reported as compile errors on the record.
 */
public final class EntityProcessor extends AbstractProcessor {
  private static final Set<String> SCALARS = Set.of(
      "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte",
      "java.lang.Double", "java.lang.Float", "java.lang.Boolean", "java.lang.Character",
      "java.math.BigDecimal", "java.math.BigInteger", "java.time.Instant", "java.time.LocalDate",
      "java.time.LocalDateTime", "java.time.LocalTime", "java.time.OffsetDateTime", "java.time.ZonedDateTime",
      "java.time.Duration", "java.util.UUID", "software.amazon.awssdk.core.SdkBytes");

  private final Set<String> generated = new HashSet<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Entity.class.getName());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (Element e : round.getElementsAnnotatedWith(Entity.class)) {
      if (e.getKind() != ElementKind.RECORD && !isBean(e)) {
        error(e, "@Entity needs a record or a class with a public no-argument constructor; " + e.getSimpleName()
            + " is " + (e.getKind() == ElementKind.ENUM || e.getKind() == ElementKind.INTERFACE ? "an " : "a ")
            + e.getKind().toString().toLowerCase(Locale.ROOT) + (e.getKind() == ElementKind.CLASS
            ? " without one" : ""));
        continue;
      }
      try {
        new Generation((TypeElement) e).run();
      } catch (Failed f) {
        // already reported
      }
    }
    return false;
  }

  private static boolean isBean(Element e) {
    if (e.getKind() != ElementKind.CLASS || e.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT)) {
      return false;
    }
    for (Element m : e.getEnclosedElements()) {
      if (m.getKind() == ElementKind.CONSTRUCTOR && m.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC)
          && ((javax.lang.model.element.ExecutableElement) m).getParameters().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private void error(Element e, String msg) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, msg, e);
  }

  private static final class Failed extends RuntimeException {
    Failed() {
      super(null, null, false, false);
    }
  }

  /** One component of a record, as the generator sees it. */
  private record Comp(String name, String attribute, TypeMirror type, Element element, String getter, String setter) {}

  private final class Generation {
    private final TypeElement record;
    private final List<Comp> comps = new ArrayList<>();
    private final List<TypeElement> nestedRecords = new ArrayList<>();
    private boolean bean;

    Generation(TypeElement record) {
      this.record = record;
    }

    private Failed fail(Element at, String msg) {
      error(at, msg);
      return new Failed();
    }

    void run() {
      readComponents(record);
      Entity entity = record.getAnnotation(Entity.class);
      PrimaryKey key = record.getAnnotation(PrimaryKey.class);
      if (key == null) {
        throw fail(record, "@Entity " + record.getSimpleName() + " needs @PrimaryKey(pk = ..., sk = ...)");
      }
      if (entity.type().isBlank()) {
        throw fail(record, "@Entity type of " + record.getSimpleName() + " is blank");
      }
      if (!record.getTypeParameters().isEmpty()) {
        throw fail(record, "@Entity " + record.getSimpleName() + " must not be generic");
      }
      String type = entity.type();
      KeyTemplate pk = template(type + " PK", key.pk());
      KeyTemplate sk = key.sk().isEmpty() ? null : template(type + " SK", key.sk());
      Index[] indexes = record.getAnnotationsByType(Index.class);
      Set<String> attrNames = new HashSet<>();
      for (Comp c : comps) {
        if (!attrNames.add(c.attribute)) {
          throw fail(c.element, "Attribute name '" + c.attribute + "' is used twice in " + record.getSimpleName());
        }
      }
      List<String> reservedAttrs = new ArrayList<>(List.of(key.pkAttribute(), entity.typeAttribute()));
      if (sk != null) {
        reservedAttrs.add(key.skAttribute());
      }
      List<String[]> idx = new ArrayList<>();
      Set<String> indexNames = new HashSet<>();
      for (Index i : indexes) {
        if (!SourceVersion.isIdentifier(javaName(i.name())) || !indexNames.add(i.name())) {
          throw fail(record, "Index name '" + i.name() + "' of " + record.getSimpleName() + " is invalid or repeated");
        }
        String pa = i.pkAttribute().isEmpty() ? i.name() + "PK" : i.pkAttribute();
        String sa = i.sk().isEmpty() ? null : i.skAttribute().isEmpty() ? i.name() + "SK" : i.skAttribute();
        template(type + " index " + i.name() + " PK", i.pk());
        if (sa != null) {
          template(type + " index " + i.name() + " SK", i.sk());
        }
        reservedAttrs.add(pa);
        if (sa != null) {
          reservedAttrs.add(sa);
        }
        idx.add(new String[] {i.name(), pa, i.pk(), sa, i.sk()});
      }
      for (String r : reservedAttrs) {
        if (attrNames.contains(r)) {
          throw fail(record, "Attribute name '" + r + "' of " + record.getSimpleName()
              + " collides with a key or entity type attribute; rename it with @Attribute");
        }
      }
      Comp version = single(Version.class);
      Comp created = single(CreatedAt.class);
      Comp updated = single(UpdatedAt.class);
      Comp ttl = single(Ttl.class);
      if (version != null && !Set.of("long", "int", "java.lang.Long", "java.lang.Integer").contains(version.type.toString())) {
        throw fail(version.element, "@Version component '" + version.name + "' must be long, int, Long or Integer, not " + version.type);
      }
      for (Comp ts : new Comp[] {created, updated}) {
        if (ts != null && !ts.type.toString().equals("java.time.Instant")) {
          throw fail(ts.element, "@CreatedAt/@UpdatedAt component '" + ts.name + "' must be an Instant, not " + ts.type);
        }
      }
      if (ttl != null && !Set.of("long", "java.lang.Long", "java.time.Instant").contains(ttl.type.toString())) {
        throw fail(ttl.element, "@Ttl component '" + ttl.name + "' must be an Instant, long or Long, not " + ttl.type);
      }
      List<String> unique = new ArrayList<>();
      for (Comp c : comps) {
        if (has(c.element, Unique.class)) {
          if (!SCALARS.contains(boxed(c.type)) && !isEnum(c.type)) {
            throw fail(c.element, "@Unique component '" + c.name + "' must be a scalar (string, number, enum...), not " + c.type);
          }
          unique.add(c.name);
        }
      }
      Set<String> keyComps = new HashSet<>(pk.components());
      if (sk != null) {
        keyComps.addAll(sk.components());
      }
      for (String kc : keyComps) {
        if (version != null && kc.equals(version.name) || ttl != null && kc.equals(ttl.name)
            || updated != null && kc.equals(updated.name)) {
          throw fail(record, "Primary key of " + record.getSimpleName() + " cannot use the managed component '" + kc + "'");
        }
      }
      StringBuilder src = new StringBuilder();
      String schemaName = schemaName(record);
      String pkg = packageOf(record);
      String entityName = record.getQualifiedName().toString();
      header(src, pkg);
      src.append("public final class ").append(schemaName).append(" {\n");
      src.append("  private ").append(schemaName).append("() {}\n\n");
      src.append("  /** Entity type value stored in '").append(esc(entity.typeAttribute())).append("'. */\n");
      src.append("  public static final String TYPE = \"").append(esc(type)).append("\";\n");
      src.append("  static final KeyTemplate PK_TEMPLATE = KeyTemplate.parse(\"").append(esc(type)).append(" PK\", \"").append(esc(key.pk())).append("\");\n");
      if (sk != null) {
        src.append("  static final KeyTemplate SK_TEMPLATE = KeyTemplate.parse(\"").append(esc(type)).append(" SK\", \"").append(esc(key.sk())).append("\");\n");
      }
      for (String[] i : idx) {
        String n = constName(i[0]);
        src.append("  static final KeyTemplate ").append(n).append("_PK_TEMPLATE = KeyTemplate.parse(\"").append(esc(type + " index " + i[0] + " PK")).append("\", \"").append(esc(i[2])).append("\");\n");
        if (i[3] != null) {
          src.append("  static final KeyTemplate ").append(n).append("_SK_TEMPLATE = KeyTemplate.parse(\"").append(esc(type + " index " + i[0] + " SK")).append("\", \"").append(esc(i[4])).append("\");\n");
        }
      }
      src.append("\n  /** Static immutable table schema of ").append(record.getSimpleName()).append(": key attributes, entity type and components. */\n");
      if (bean) {
        src.append("  public static final software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema<").append(entityName)
            .append("> TABLE_SCHEMA =\n");
        src.append("      software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema.builder(").append(entityName)
            .append(".class)\n");
        src.append("          .newItemSupplier(").append(entityName).append("::new)\n");
      } else {
        src.append("  public static final StaticImmutableTableSchema<").append(entityName).append(", Builder> TABLE_SCHEMA =\n");
        src.append("      StaticImmutableTableSchema.builder(").append(entityName).append(".class, Builder.class)\n");
        src.append("          .newItemBuilder(Builder::new, Builder::build)\n");
      }
      virtualKey(src, key.pkAttribute(), "PK_TEMPLATE", pk, "render", "StaticAttributeTags.primaryPartitionKey()");
      if (sk != null) {
        virtualKey(src, key.skAttribute(), "SK_TEMPLATE", sk, "render", "StaticAttributeTags.primarySortKey()");
      }
      for (String[] i : idx) {
        String n = constName(i[0]);
        virtualKey(src, i[1], n + "_PK_TEMPLATE", template("", i[2]), "renderOrNull", "StaticAttributeTags.secondaryPartitionKey(\"" + esc(i[0]) + "\")");
        if (i[3] != null) {
          virtualKey(src, i[3], n + "_SK_TEMPLATE", template("", i[4]), "renderOrNull", "StaticAttributeTags.secondarySortKey(\"" + esc(i[0]) + "\")");
        }
      }
      src.append("          .addAttribute(String.class, a -> a.name(\"").append(esc(entity.typeAttribute())).append("\").getter(o -> TYPE).setter((b, v) -> { }))\n");
      componentAttributes(src, ttl);
      src.append("          .build();\n\n");
      src.append("  /** Entity schema: keys, indexes and managed attributes of ").append(record.getSimpleName()).append(". */\n");
      src.append("  public static final EntitySchema<").append(entityName).append("> SCHEMA = EntitySchema.builder(")
          .append(entityName).append(".class, TYPE, TABLE_SCHEMA)\n");
      src.append("      .typeAttribute(\"").append(esc(entity.typeAttribute())).append("\")\n");
      src.append("      .primaryKey(\"").append(esc(key.pkAttribute())).append("\", PK_TEMPLATE, \"").append(esc(key.skAttribute()))
          .append("\", ").append(sk == null ? "null" : "SK_TEMPLATE").append(")\n");
      for (String[] i : idx) {
        String n = constName(i[0]);
        src.append("      .index(\"").append(esc(i[0])).append("\", \"").append(esc(i[1])).append("\", ").append(n).append("_PK_TEMPLATE, ")
            .append(i[3] == null ? "null, null" : "\"" + esc(i[3]) + "\", " + n + "_SK_TEMPLATE").append(")\n");
      }
      for (Comp c : comps) {
        src.append("      .attribute(\"").append(c.name).append("\", \"").append(esc(c.attribute)).append("\")\n");
      }
      if (version != null) {
        src.append("      .version(\"").append(esc(version.attribute)).append("\")\n");
      }
      if (created != null) {
        src.append("      .createdAt(\"").append(esc(created.attribute)).append("\")\n");
      }
      if (updated != null) {
        src.append("      .updatedAt(\"").append(esc(updated.attribute)).append("\")\n");
      }
      if (ttl != null) {
        src.append("      .ttl(\"").append(esc(ttl.attribute)).append("\")\n");
      }
      for (String u : unique) {
        src.append("      .unique(\"").append(u).append("\")\n");
      }
      src.append("      .componentGetter((o, c) -> switch (c) {\n");
      for (Comp c : comps) {
        src.append("        case \"").append(c.name).append("\" -> o.").append(c.getter).append(";\n");
      }
      src.append("        default -> throw new IllegalArgumentException(\"").append(record.getSimpleName())
          .append(" has no component '\" + c + \"'\");\n      })\n");
      src.append("      .build();\n\n");
      Set<String> constants = new HashSet<>(Set.of("TYPE", "TABLE_SCHEMA", "SCHEMA", "PK_TEMPLATE", "SK_TEMPLATE"));
      for (String[] i : idx) {
        constants.add(constName(i[0]) + "_PK_TEMPLATE");
        constants.add(constName(i[0]) + "_SK_TEMPLATE");
      }
      for (Comp c : comps) {
        String cn = constName(c.name);
        if (!constants.add(cn)) {
          throw fail(c.element, "Component '" + c.name + "' of " + record.getSimpleName() + " would generate the constant "
              + cn + ", which is already taken; rename the component");
        }
        src.append("  /** Attribute '").append(esc(c.attribute)).append("' (component ").append(c.name).append("). */\n");
        src.append("  public static final Attr<").append(entityName).append(", ").append(boxedSource(c.type)).append("> ")
            .append(cn).append(" = Attr.of(TABLE_SCHEMA, \"").append(c.name).append("\", \"").append(esc(c.attribute)).append("\");\n");
      }
      List<String> primary = new ArrayList<>(pk.distinctComponents());
      if (sk != null) {
        for (String s : sk.distinctComponents()) {
          if (!primary.contains(s)) {
            primary.add(s);
          }
        }
      }
      src.append("\n  /** The primary key of one ").append(record.getSimpleName()).append(" (").append(esc(key.pk()))
          .append(sk == null ? "" : ", " + esc(key.sk())).append("). */\n");
      src.append("  public static EntityKey<").append(entityName).append("> key(").append(params(primary))
          .append(") {\n    return SCHEMA.key(").append(String.join(", ", primary)).append(");\n  }\n\n");
      src.append("  /** The table partition ").append(esc(key.pk())).append(". */\n");
      src.append("  public static Partition<").append(entityName).append("> partition(").append(params(pk.distinctComponents()))
          .append(") {\n    return SCHEMA.partition(null").append(args(pk.distinctComponents())).append(");\n  }\n");
      for (String[] i : idx) {
        KeyTemplate ipk = template("", i[2]);
        src.append("\n  /** The partition ").append(esc(i[2])).append(" of index ").append(esc(i[0])).append(". */\n");
        src.append("  public static Partition<").append(entityName).append("> ").append(javaName(i[0])).append("(")
            .append(params(ipk.distinctComponents())).append(") {\n    return SCHEMA.partition(\"").append(esc(i[0])).append("\"")
            .append(args(ipk.distinctComponents())).append(");\n  }\n");
      }
      if (sk != null) {
        sortKeyMethods(src, entityName, "sk", null, sk);
      }
      for (String[] i : idx) {
        if (i[3] != null) {
          sortKeyMethods(src, entityName, javaName(i[0]) + "Sk", i[0], template("", i[4]));
        }
      }
      if (!bean) {
        builder(src, entityName);
      }
      src.append("}\n");
      write(pkg, schemaName, src);
      for (TypeElement nested : nestedRecords) {
        generateDocument(nested);
      }
    }

    /** One method per leading-components prefix of a sort key template, typed by the components. */
    private void sortKeyMethods(StringBuilder src, String entityName, String method, String index, KeyTemplate t) {
      List<String> comps = t.components();
      if (comps.isEmpty() || new java.util.HashSet<>(comps).size() != comps.size()) {
        return;
      }
      for (int n = 1; n <= comps.size(); n++) {
        List<String> lead = comps.subList(0, n);
        src.append("\n  /** Sort key '").append(esc(t.template())).append("'").append(n < comps.size() ? " prefix" : "")
            .append(" for queries").append(index == null ? "" : " on " + esc(index)).append(". */\n");
        src.append("  public static dev.bricks.dynamo.SortKey<").append(entityName).append("> ").append(method).append("(")
            .append(params(lead)).append(") {\n    return SCHEMA.sortKey(")
            .append(index == null ? "null" : "\"" + esc(index) + "\"").append(args(lead)).append(");\n  }\n");
      }
    }

    private void virtualKey(StringBuilder src, String attr, String constant, KeyTemplate t, String method, String tag) {
      src.append("          .addAttribute(String.class, a -> a.name(\"").append(esc(attr)).append("\").getter(o -> ")
          .append(constant).append('.').append(method).append("(");
      List<String> parts = new ArrayList<>();
      for (String c : t.components()) {
        parts.add("o." + comp(c).getter);
      }
      src.append(String.join(", ", parts)).append(")).setter((b, v) -> { }).tags(").append(tag).append("))\n");
    }

    private String params(List<String> names) {
      List<String> out = new ArrayList<>();
      for (String n : names) {
        out.add(sourceType(comp(n).type) + " " + n);
      }
      return String.join(", ", out);
    }

    private String args(List<String> names) {
      StringBuilder sb = new StringBuilder();
      for (String n : names) {
        sb.append(", ").append(n);
      }
      return sb.toString();
    }

    private Comp comp(String name) {
      for (Comp c : comps) {
        if (c.name.equals(name)) {
          return c;
        }
      }
      throw new IllegalStateException(name);
    }

    private void componentAttributes(StringBuilder src, Comp ttl) {
      for (Comp c : comps) {
        src.append("          .addAttribute(").append(enhancedType(c.type, c.element)).append(", a -> a.name(\"")
            .append(esc(c.attribute)).append("\").getter(o -> o.").append(c.getter).append(").setter((b, v) -> b.");
        String value = c.type.getKind().isPrimitive()
            ? "v == null ? " + (c.type.getKind() == TypeKind.BOOLEAN ? "false" : "0") + " : v" : "v";
        if (c.setter == null) {
          src.append(c.name).append(" = ").append(value);
        } else {
          src.append(c.setter).append('(').append(value).append(')');
        }
        src.append(')');
        if (ttl == c && c.type.toString().equals("java.time.Instant")) {
          src.append(".attributeConverter(EpochSecondsConverter.INSTANCE)");
        }
        src.append(")\n");
      }
    }

    private void builder(StringBuilder src, String entityName) {
      src.append("\n  /** Mutable builder the table schema uses to create records; not for application code. */\n");
      src.append("  public static final class Builder {\n");
      for (Comp c : comps) {
        src.append("    private ").append(sourceType(c.type)).append(' ').append(c.name).append(";\n");
      }
      src.append("\n    /** Creates an empty builder. */\n    public Builder() {}\n");
      src.append("\n    /** Builds the record. */\n    public ").append(entityName).append(" build() {\n      return new ")
          .append(entityName).append('(');
      List<String> names = new ArrayList<>();
      for (Comp c : comps) {
        names.add(c.name);
      }
      src.append(String.join(", ", names)).append(");\n    }\n  }\n");
    }

    private void generateDocument(TypeElement nested) {
      String name = schemaName(nested);
      String fq = packageOf(nested) + "." + name;
      if (!generated.add(fq) || processingEnv.getElementUtils().getTypeElement(fq) != null) {
        return;
      }
      if (!nested.getTypeParameters().isEmpty()) {
        throw fail(nested, "Nested record " + nested.getSimpleName() + " must not be generic");
      }
      Generation g = new Generation(nested);
      g.readComponents(nested);
      String entityName = nested.getQualifiedName().toString();
      StringBuilder src = new StringBuilder();
      header(src, packageOf(nested));
      src.append("public final class ").append(name).append(" {\n  private ").append(name).append("() {}\n\n");
      src.append("  /** Document schema of the nested record ").append(nested.getSimpleName()).append(". */\n");
      src.append("  public static final StaticImmutableTableSchema<").append(entityName).append(", Builder> TABLE_SCHEMA =\n");
      src.append("      StaticImmutableTableSchema.builder(").append(entityName).append(".class, Builder.class)\n");
      src.append("          .newItemBuilder(Builder::new, Builder::build)\n");
      g.componentAttributes(src, null);
      src.append("          .build();\n");
      g.builder(src, entityName);
      src.append("}\n");
      write(packageOf(nested), name, src);
      for (TypeElement n : g.nestedRecords) {
        generateDocument(n);
      }
    }

    void readComponents(TypeElement rec) {
      if (rec.getKind() == ElementKind.CLASS) {
        bean = true;
        readProperties(rec);
        return;
      }
      for (Element m : rec.getEnclosedElements()) {
        if (m.getKind() == ElementKind.RECORD_COMPONENT) {
          RecordComponentElement rc = (RecordComponentElement) m;
          Attribute a = annotation(rc, Attribute.class);
          String attr = a == null ? rc.getSimpleName().toString() : a.value();
          if (attr.isBlank()) {
            throw fail(rc, "@Attribute name of '" + rc.getSimpleName() + "' is blank");
          }
          comps.add(new Comp(rc.getSimpleName().toString(), attr, rc.asType(), rc, rc.getSimpleName() + "()", null));
          enhancedType(rc.asType(), rc); // validates and collects nested records
        }
      }
    }

    /** Bean properties: every non-static, non-transient field with a getter and a setter. */
    private void readProperties(TypeElement cls) {
      Map<String, javax.lang.model.element.ExecutableElement> methods = new java.util.HashMap<>();
      for (Element m : cls.getEnclosedElements()) {
        if (m.getKind() == ElementKind.METHOD && m.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC)) {
          methods.put(m.getSimpleName().toString(), (javax.lang.model.element.ExecutableElement) m);
        }
      }
      for (Element f : cls.getEnclosedElements()) {
        if (f.getKind() != ElementKind.FIELD || f.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)
            || f.getModifiers().contains(javax.lang.model.element.Modifier.TRANSIENT)) {
          continue;
        }
        String name = f.getSimpleName().toString();
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        String getter = methods.containsKey("get" + cap) ? "get" + cap
            : f.asType().getKind() == TypeKind.BOOLEAN && methods.containsKey("is" + cap) ? "is" + cap : null;
        if (getter == null || !methods.containsKey("set" + cap)) {
          throw fail(f, "Field '" + name + "' of " + cls.getSimpleName() + " needs a public get" + cap + "() and set"
              + cap + "(...) (or mark it transient)");
        }
        Attribute a = annotation(f, Attribute.class);
        String attr = a == null ? name : a.value();
        comps.add(new Comp(name, attr, f.asType(), f, getter + "()", "set" + cap));
        enhancedType(f.asType(), f);
      }
    }

    private KeyTemplate template(String owner, String text) {
      KeyTemplate t;
      try {
        t = KeyTemplate.parse(owner, text);
      } catch (IllegalArgumentException ex) {
        throw fail(record, ex.getMessage());
      }
      for (String c : t.components()) {
        boolean found = false;
        for (Comp comp : comps) {
          found |= comp.name.equals(c);
        }
        if (!found) {
          List<String> names = new ArrayList<>();
          comps.forEach(x -> names.add(x.name));
          throw fail(record, "Key template '" + text + "' of " + owner + " names component '" + c + "', which "
              + record.getSimpleName() + " does not have (components: " + String.join(", ", names) + ")");
        }
        Comp comp = comp(c);
        if (!SCALARS.contains(boxed(comp.type)) && !isEnum(comp.type)) {
          throw fail(comp.element, "Key component '" + c + "' of " + record.getSimpleName() + " must be a scalar, not " + comp.type);
        }
      }
      return t;
    }

    private Comp single(Class<? extends Annotation> a) {
      Comp found = null;
      for (Comp c : comps) {
        if (has(c.element, a)) {
          if (found != null) {
            throw fail(c.element, "@" + a.getSimpleName() + " is on both '" + found.name + "' and '" + c.name + "'");
          }
          found = c;
        }
      }
      return found;
    }

    private String enhancedType(TypeMirror t, Element at) {
      if (t.getKind().isPrimitive()) {
        if (t.getKind() == TypeKind.CHAR) {
          throw fail(at, "Type char of '" + at.getSimpleName() + "' is not supported; use String");
        }
        return "EnhancedType.of(" + boxed(t) + ".class)";
      }
      if (t.getKind() == TypeKind.ARRAY) {
        if (t.toString().equals("byte[]")) {
          return "EnhancedType.of(byte[].class)";
        }
        throw fail(at, "Array type " + t + " of '" + at.getSimpleName() + "' is not supported; use a List");
      }
      if (t.getKind() != TypeKind.DECLARED) {
        throw fail(at, "Type " + t + " of '" + at.getSimpleName() + "' is not supported");
      }
      DeclaredType d = (DeclaredType) t;
      TypeElement te = (TypeElement) d.asElement();
      String raw = te.getQualifiedName().toString();
      List<? extends TypeMirror> args = d.getTypeArguments();
      switch (raw) {
        case "java.util.List":
          return "EnhancedType.listOf(" + enhancedType(args.get(0), at) + ")";
        case "java.util.Set":
          return "EnhancedType.setOf(" + enhancedType(args.get(0), at) + ")";
        case "java.util.Map":
          if (!args.get(0).toString().equals("java.lang.String")) {
            throw fail(at, "Map keys of '" + at.getSimpleName() + "' must be String, not " + args.get(0));
          }
          return "EnhancedType.mapOf(EnhancedType.of(String.class), " + enhancedType(args.get(1), at) + ")";
        default:
          break;
      }
      if (SCALARS.contains(raw) || te.getKind() == ElementKind.ENUM) {
        return "EnhancedType.of(" + raw + ".class)";
      }
      if (te.getKind() == ElementKind.RECORD) {
        if (!nestedRecords.contains(te)) {
          nestedRecords.add(te);
        }
        return "EnhancedType.documentOf(" + raw + ".class, " + packageOf(te) + "." + schemaName(te) + ".TABLE_SCHEMA)";
      }
      throw fail(at, "Type " + t + " of '" + at.getSimpleName() + "' is not supported (scalars, enums, records, "
          + "List, Set, Map<String, ?> are)");
    }

    private String boxed(TypeMirror t) {
      if (t.getKind().isPrimitive()) {
        return processingEnv.getTypeUtils().boxedClass((javax.lang.model.type.PrimitiveType) t).getQualifiedName().toString();
      }
      if (t.getKind() == TypeKind.DECLARED) {
        return ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().toString();
      }
      return t.toString();
    }

    private boolean isEnum(TypeMirror t) {
      return t.getKind() == TypeKind.DECLARED && ((DeclaredType) t).asElement().getKind() == ElementKind.ENUM;
    }

    private String sourceType(TypeMirror t) {
      return t.toString().replaceAll("@\\S+\\s", "");
    }

    private String boxedSource(TypeMirror t) {
      return t.getKind().isPrimitive() ? boxed(t) : sourceType(t);
    }

    private void write(String pkg, String name, StringBuilder src) {
      try (Writer w = processingEnv.getFiler().createSourceFile(pkg.isEmpty() ? name : pkg + "." + name, record).openWriter()) {
        w.write(src.toString());
      } catch (IOException ex) {
        throw fail(record, "Cannot write " + name + ": " + ex.getMessage());
      }
    }
  }

  private static <A extends Annotation> A annotation(Element rc, Class<A> type) {
    A a = rc.getAnnotation(type);
    if (a == null && rc instanceof RecordComponentElement r && r.getAccessor() != null) {
      a = r.getAccessor().getAnnotation(type);
    }
    return a;
  }

  private static boolean has(Element rc, Class<? extends Annotation> type) {
    return annotation(rc, type) != null;
  }

  private void header(StringBuilder src, String pkg) {
    if (!pkg.isEmpty()) {
      src.append("package ").append(pkg).append(";\n\n");
    }
    src.append("import dev.bricks.dynamo.Attr;\nimport dev.bricks.dynamo.EntityKey;\nimport dev.bricks.dynamo.EntitySchema;\n")
        .append("import dev.bricks.dynamo.schema.EpochSecondsConverter;\nimport dev.bricks.dynamo.KeyTemplate;\nimport dev.bricks.dynamo.Partition;\n")
        .append("import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;\n")
        .append("import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;\n")
        .append("import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;\n\n")
        .append("/** Generated by bricks-dynamo-single-table; do not edit. Thread-safe, immutable. */\n")
        .append("@javax.annotation.processing.Generated(\"dev.bricks.dynamo.processor.EntityProcessor\")\n")
        .append("@SuppressWarnings({\"unused\", \"rawtypes\"})\n");
  }

  private String packageOf(TypeElement t) {
    Element e = t;
    while (!(e instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    return ((PackageElement) e).getQualifiedName().toString();
  }

  private static String schemaName(TypeElement t) {
    StringBuilder sb = new StringBuilder(t.getSimpleName());
    Element e = t.getEnclosingElement();
    while (e instanceof TypeElement te) {
      sb.insert(0, te.getSimpleName() + "_");
      e = e.getEnclosingElement();
    }
    return sb.append("Schema").toString();
  }

  static String constName(String name) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(name.charAt(i - 1))) {
        sb.append('_');
      }
      sb.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
    }
    return sb.toString();
  }

  static String javaName(String indexName) {
    StringBuilder sb = new StringBuilder();
    for (String word : indexName.split("[^A-Za-z0-9]+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (sb.length() == 0) {
        boolean allUpper = word.equals(word.toUpperCase(Locale.ROOT));
        sb.append(allUpper ? word.toLowerCase(Locale.ROOT) : Character.toLowerCase(word.charAt(0)) + word.substring(1));
      } else {
        sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return sb.toString();
  }

  private static String esc(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
