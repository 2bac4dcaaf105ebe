package dev.bricks.core.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bricks.core.internal.GeneratedCompanion;
import dev.bricks.core.internal.GeneratedJsonFacts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON facts of a record's companion say what core's codec would find reading the annotations: a Jackson
 * annotation on a member databind looks at, and the {@code @Lenient} components.
 */
class GeneratedJsonFactsTest {

    private static final String SOURCE = """
            package facts;

            import com.fasterxml.jackson.annotation.JsonCreator;
            import com.fasterxml.jackson.annotation.JsonIgnore;
            import com.fasterxml.jackson.annotation.JsonProperty;
            import dev.bricks.core.json.Lenient;

            public final class Records {
                public record Plain(String a, int b) {}
                public record Renamed(@JsonProperty("x") String a) {}
                public record AnnotatedMethod(String a) {
                    @JsonIgnore
                    public String shout() { return a.toUpperCase(); }
                }
                public record StaticCreator(String a) {
                    @JsonCreator
                    static StaticCreator of(String a) { return new StaticCreator(a); }
                }
                public record Tolerant(@Lenient int count, String name, @Lenient long total) {}
                public interface Labelled {
                    @JsonIgnore
                    default String label() { return "l"; }
                }
                public record ViaInterface(String a) implements Labelled {}
            }
            """;

    private static ClassLoader loader;

    @BeforeAll
    static void compile() {
        TestCompiler.Compilation c = TestCompiler.compile(true, Map.of("facts/Records.java", SOURCE));
        assertThat(c.success()).as(c.errors()).isTrue();
        loader = c.loader();
    }

    @Test
    void facts_plainRecord_notAnnotatedNoLenient() throws Exception {
        assertThat(facts("Plain").jacksonAnnotated()).isFalse();
        assertThat(facts("Plain").lenientComponents()).isEmpty();
    }

    @Test
    void facts_jacksonOnComponentMethodOrInterface_annotated() throws Exception {
        assertThat(facts("Renamed").jacksonAnnotated()).isTrue();
        assertThat(facts("AnnotatedMethod").jacksonAnnotated()).isTrue();
        assertThat(facts("ViaInterface").jacksonAnnotated()).isTrue();
    }

    @Test
    void facts_jacksonOnStaticFactory_notAnnotated() throws Exception {
        // the run-time check skips static methods, so the generated fact must too
        assertThat(facts("StaticCreator").jacksonAnnotated()).isFalse();
    }

    @Test
    void facts_lenientComponents_listedInOrder() throws Exception {
        assertThat(facts("Tolerant").lenientComponents()).isEqualTo(List.of("count", "total"));
        assertThat(facts("Tolerant").jacksonAnnotated()).isFalse();
    }

    private static GeneratedJsonFacts facts(String record) throws ClassNotFoundException {
        Class<?> type = Class.forName("facts.Records$" + record, false, loader);
        GeneratedJsonFacts facts = GeneratedCompanion.find(type, GeneratedCompanion.RECORD, GeneratedJsonFacts.class);
        assertThat(facts).as("companion of " + record).isNotNull();
        return facts;
    }
}
