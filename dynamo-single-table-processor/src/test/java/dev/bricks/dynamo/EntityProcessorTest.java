package dev.bricks.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EntityProcessorTest {
    @TempDir
    Path out;

    private record Result(boolean ok, String diagnostics) {}

    private Result compile(String source) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        JavaFileObject file =
                new SimpleJavaFileObject(URI.create("string:///p/Thing.java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                };
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, null, null)) {
            Files.createDirectories(out.resolve("classes"));
            Files.createDirectories(out.resolve("gen"));
            fm.setLocation(
                    StandardLocation.CLASS_OUTPUT,
                    List.of(out.resolve("classes").toFile()));
            fm.setLocation(
                    StandardLocation.SOURCE_OUTPUT, List.of(out.resolve("gen").toFile()));
            StringWriter w = new StringWriter();
            boolean ok = javac.getTask(
                            w,
                            fm,
                            diags,
                            List.of(
                                    "-classpath",
                                    System.getProperty("java.class.path"),
                                    "-processor",
                                    "dev.bricks.dynamo.processor.EntityProcessor",
                                    "--release",
                                    "17"),
                            null,
                            List.of(file))
                    .call();
            StringBuilder sb = new StringBuilder(w.toString());
            diags.getDiagnostics()
                    .forEach(d -> sb.append(d.getKind())
                            .append(": ")
                            .append(d.getMessage(null))
                            .append('\n'));
            return new Result(ok, sb.toString());
        }
    }

    /** Compiling the source with the processor fails, and a diagnostic contains {@code expected}. */
    private void assertCompilationFailsNaming(String source, String expected) throws Exception {
        Result r = compile(source);
        assertThat(r.ok()).isFalse();
        assertThat(r.diagnostics()).contains(expected);
    }

    private static String entity(String annotations, String components) {
        return "package p;\nimport dev.bricks.dynamo.annotation.*;\nimport java.util.*;\nimport java.time.Instant;\n"
                + annotations + "\npublic record Thing(" + components + ") {}\n";
    }

    @Test
    void process_validEntity_generatesSchemaThatCompiles() throws Exception {
        Result r = compile(entity(
                "@Entity(type = \"THING\") @PrimaryKey(pk = \"T#{id}\", sk = \"V#{name}\")"
                        + " @Index(name = \"GSI1\", pk = \"N#{name}\")",
                "String id, String name, List<Integer> counts, @Version long version"));
        assertThat(r.ok()).as(r.diagnostics()).isTrue();
        String generated = Files.readString(out.resolve("gen/p/ThingSchema.java"));
        assertThat(generated)
                .contains("public static EntityKey<p.Thing> key(java.lang.String id, java.lang.String name)")
                .contains("public static Partition<p.Thing> gsi1(java.lang.String name)")
                .contains("StaticImmutableTableSchema.builder(p.Thing.class, Builder.class)")
                .doesNotContain("reflect");
        assertThat(out.resolve("classes/p/ThingSchema.class")).exists();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
      pk names a missing component       | @Entity(type = "T") @PrimaryKey(pk = "USER#{userid}")                       | String userId                 | names component 'userid', which Thing does not have
      sk names a missing component       | @Entity(type = "T") @PrimaryKey(pk = "U#{a}", sk = "ORDER#{orderId}")     | String a                      | names component 'orderId'
      index names a missing component    | @Entity(type = "T") @PrimaryKey(pk = "U#{a}") @Index(name = "G", pk = "S#{status}") | String a      | names component 'status'
      unclosed placeholder               | @Entity(type = "T") @PrimaryKey(pk = "U#{a")                                | String a                      | unclosed '{'
      no key                             | @Entity(type = "T")                                                  | String a                      | needs @PrimaryKey
      unsupported type                   | @Entity(type = "T") @PrimaryKey(pk = "U#{a}")                               | String a, Thread t            | Type java.lang.Thread of 't' is not supported
      bad version type                   | @Entity(type = "T") @PrimaryKey(pk = "U#{a}")                               | String a, @Version String v   | @Version component 'v' must be long
      attribute collides with key        | @Entity(type = "T") @PrimaryKey(pk = "U#{a}")                               | String a, @Attribute("PK") String b | collides with a key
      non-scalar key component           | @Entity(type = "T") @PrimaryKey(pk = "U#{a}")                               | List<String> a                | must be a scalar
      adjacent placeholders              | @Entity(type = "T") @PrimaryKey(pk = "U#{a}{b}")                            | String a, String b            | placeholders {a} and {b} without a delimiter between them
      allowEmpty outside every key       | @Entity(type = "T") @PrimaryKey(pk = "U#{a}")                               | String a, @AllowEmpty String b | @AllowEmpty on 'b' of Thing has no effect: the component is in no key template
      converter on a generic type        | @Entity(type = "T") @PrimaryKey(pk = "U#{a}")                               | String a, @Convert(software.amazon.awssdk.enhanced.dynamodb.internal.converter.attribute.StringAttributeConverter.class) List<String> b | needs a non-generic type
      """)
    void process_invalidEntity_failsCompilationNamingTheProblem(
            String name, String annotations, String components, String expected) throws Exception {
        assertCompilationFailsNaming(entity(annotations, components), expected);
    }

    static Stream<Arguments> invalidNonRecordEntities() {
        return Stream.of(
                Arguments.of(
                        "class without a no-argument constructor",
                        "package p;\nimport dev.bricks.dynamo.annotation.*;\n@Entity(type = \"T\") @PrimaryKey(pk = \"X\")\n"
                                + "public class Thing { public Thing(String a) {} }\n",
                        "@Entity needs a record or a class with a public no-argument constructor; Thing is a class without one"),
                Arguments.of(
                        "bean field without a setter",
                        "package p;\nimport dev.bricks.dynamo.annotation.*;\n@Entity(type = \"T\") @PrimaryKey(pk = \"T#{id}\")\n"
                                + "public class Thing { private String id; public String getId() { return id; } }\n",
                        "Field 'id' of Thing needs a public getId() and setId(...)"),
                Arguments.of(
                        "enum annotated",
                        "package p;\nimport dev.bricks.dynamo.annotation.*;\n@Entity(type = \"T\") @PrimaryKey(pk = \"X\")\npublic enum Thing { A }\n",
                        "Thing is an enum"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidNonRecordEntities")
    void process_invalidNonRecordEntity_failsCompilationNamingTheProblem(String name, String source, String expected)
            throws Exception {
        assertCompilationFailsNaming(source, expected);
    }
}
