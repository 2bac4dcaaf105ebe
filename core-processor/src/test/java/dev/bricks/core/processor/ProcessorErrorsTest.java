package dev.bricks.core.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Misuse the run time would reject when the handler is constructed is a compiler error naming the element. */
class ProcessorErrorsTest {

    private static final String HANDLER_HEAD = """
            package bad;

            import dev.bricks.core.http.*;
            import dev.bricks.core.validation.*;
            import java.util.List;

            public class BadHandler extends HttpHandler {
            """;

    @Test
    void compile_staticRoute_errorNamingMethod() {
        assertError(
                "@Route(method = HttpMethod.GET, path = \"/a\") static String a() { return \"\"; }",
                "@Route method BadHandler.a must not be static",
                "a");
    }

    @Test
    void compile_pathParamNotInTemplate_errorNamingParameter() {
        assertError(
                "@Route(method = HttpMethod.GET, path = \"/a/{id}\") String a(@PathParam(\"key\") String key) { return key; }",
                "@PathParam(\"key\") of BadHandler.a is not a variable of its path /a/{id}",
                "key");
    }

    @Test
    void compile_unbindableParameter_errorNamingParameter() {
        assertError(
                "@Route(method = HttpMethod.GET, path = \"/a\") String a(StringBuilder sb) { return \"\"; }",
                "parameter 'sb' (StringBuilder) of BadHandler.a is not bindable",
                "sb");
    }

    @Test
    void compile_unsupportedQueryType_errorNamingParameter() {
        assertError(
                "@Route(method = HttpMethod.GET, path = \"/a\") String a(@QueryParam(\"d\") double d) { return \"\"; }",
                "query parameter 'd' of BadHandler.a has unsupported type double",
                "d");
    }

    @Test
    void compile_twoBodies_errorNamingMethod() {
        assertError(
                "record B(String x) {}\n@Route(method = HttpMethod.POST, path = \"/a\") void a(B one, @Body B two) {}",
                "@Route method BadHandler.a has 2 body parameters; at most 1",
                "a");
    }

    @Test
    void compile_routeOutsideHttpHandler_errorNamingMethod() {
        Map<String, String> sources = Map.of("bad/Plain.java", """
                package bad;
                import dev.bricks.core.http.*;
                public class Plain {
                    @Route(method = HttpMethod.GET, path = "/a") String a() { return ""; }
                }
                """);
        assertError(sources, "@Route method Plain.a is in a class that does not extend HttpHandler", "a");
    }

    @Test
    void compile_notBlankOnNumber_errorNamingComponent() {
        assertError("record B(@NotBlank int count) {}", "@NotBlank on B.count needs a CharSequence, not int", "count");
    }

    @Test
    void compile_sizeOnElementOfWrongType_errorNamingComponent() {
        assertError(
                "record B(List<@Size(max = 2) Integer> counts) {}",
                "@Size on B.counts element needs a string, collection, map or array, not Integer",
                "counts");
    }

    @Test
    void compile_sizeMaxBelowMin_errorNamingComponent() {
        assertError(
                "record B(@Size(min = 3, max = 2) String s) {}",
                "@Size on B.s has min 3 and max 2; need 0 <= min <= max",
                "s");
    }

    @Test
    void compile_invalidPattern_errorNamingComponent() {
        assertError(
                "record B(@Pattern(regexp = \"[a-\") String s) {}",
                "@Pattern on B.s has an invalid expression '[a-'",
                "s");
    }

    @Test
    void compile_minOnString_errorNamingComponent() {
        assertError("record B(@Min(1) String s) {}", "@Min on B.s needs a number, not String", "s");
    }

    @Test
    void compile_blankDomainEvent_errorNamingType() {
        Map<String, String> sources = Map.of("bad/Evt.java", """
                package bad;
                import dev.bricks.events.DomainEvent;
                @DomainEvent(source = " ", detailType = "X")
                public record Evt(String id) {}
                """);
        assertError(sources, "@DomainEvent on bad.Evt must give a non-blank source and detailType", "@DomainEvent");
    }

    private static void assertError(String members, String message, String element) {
        assertError(Map.of("bad/BadHandler.java", HANDLER_HEAD + members + "\n}\n"), message, element);
    }

    /** The compilation fails with an error containing {@code message}, reported on a line naming {@code element}. */
    private static void assertError(Map<String, String> sources, String message, String element) {
        TestCompiler.Compilation c = TestCompiler.compile(true, sources);
        assertThat(c.success()).as("compiles").isFalse();
        Diagnostic<? extends JavaFileObject> error = c.diagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR
                        && d.getMessage(null).contains(message))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no error containing '" + message + "' in:\n" + c.errors()));
        String line = sources.values().iterator().next().lines().toList().get((int) error.getLineNumber() - 1);
        assertThat(line).as("the line reported").contains(element);
    }
}
