package dev.bricks.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionsTest {

    @ParameterizedTest
    @CsvSource({
        "'',                                                                   local",
        "'--engines stub',                                                     stub",
        "'--engines local',                                                    local",
        "'--dynamodb-endpoint http://127.0.0.1:1 --eventbridge-endpoint http://127.0.0.1:2', external"
    })
    void parse_engineChoices_localByDefault(String args, String expected) {
        String[] a = args.isBlank() ? new String[0] : args.split(" ");
        assertThat(ColdStartBenchmark.Options.parse(a).engines()).isEqualTo(expected);
    }

    @Test
    void parse_unknownEngine_namesTheValue() {
        assertThatThrownBy(() -> ColdStartBenchmark.Options.parse(new String[] {"--engines", "aws"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aws");
    }

    @Test
    void parse_loadBefore_keptVerbatim() {
        assertThat(ColdStartBenchmark.Options.parse(new String[] {"--load-before", "0.10 0.20 0.30"})
                        .loadBefore())
                .isEqualTo("0.10 0.20 0.30");
    }

    @Test
    void parse_defaults_bothJdksZipFirstWithoutAndWithHelp() {
        ColdStartBenchmark.Options o = ColdStartBenchmark.Options.parse(new String[0]);

        assertThat(o.jdks()).extracting(Variant.Jdk::feature).containsExactly(17, 25);
        assertThat(o.loadings()).containsExactly(Variant.Loading.ZIP, Variant.Loading.IMAGE);
        assertThat(o.helps()).containsExactly(false, true);
    }

    @Test
    void parse_unknownLoading_namesTheValue() {
        assertThatThrownBy(() -> ColdStartBenchmark.Options.parse(new String[] {"--loading", "jar"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jar");
    }

    @Test
    void variantName_namesFunctionJdkLoadingAndHelp() {
        Variant.Jdk jdk25 = new Variant.Jdk(25, Path.of("/jdk25"));
        Variant v = new Variant("bricks", Path.of("b.zip"), "h", jdk25, Variant.Loading.IMAGE, true);

        assertThat(v.name()).isEqualTo("bricks/25/image+aot");
        assertThat(v.unhelpedName()).isEqualTo("bricks/25/image");
        assertThat(new Variant(
                                "bare",
                                Path.of("b.zip"),
                                "h",
                                new Variant.Jdk(17, Path.of("/jdk17")),
                                Variant.Loading.ZIP,
                                true)
                        .name())
                .isEqualTo("bare/17/zip+cds");
    }

    @ParameterizedTest
    @CsvSource({"docs/benchmarks.md, benchmarks-coldstart.svg", "docs/rc.md, rc.svg"})
    void chartFor_docName_chartBesideIt(String doc, String chart) {
        assertThat(ColdStartBenchmark.chartFor(Path.of(doc)))
                .isEqualTo(Path.of(doc).resolveSibling(chart));
    }
}
