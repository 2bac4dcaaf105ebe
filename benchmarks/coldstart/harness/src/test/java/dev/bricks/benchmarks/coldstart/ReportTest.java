package dev.bricks.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @TempDir
    Path dir;

    private static Run run(String variant, int round, double init, double duration) {
        return new Run(variant, round, init, duration, init + duration + 1, 100, 4000, 1000);
    }

    private static final List<Run> RUNS = List.of(
            run("bare", 1, 500, 200), run("bare", 2, 520, 210),
            run("bricks", 1, 400, 100), run("bricks", 2, 420, 110),
            run("bricks+archive", 1, 200, 50), run("bricks+archive", 2, 220, 60),
            run("powertools", 1, 800, 300), run("powertools", 2, 820, 310));

    private static Report.Context context() {
        return new Report.Context(
                "benchmarks/coldstart/run.sh --rounds 2",
                "2026-11-26T00:00:00Z",
                "STUB",
                "test machine",
                "OpenJDK 17",
                "-XX:TieredStopAtLevel=1",
                "on -cp",
                2,
                true,
                "same",
                Map.of("bare", 10_340_000L, "powertools", 15_210_000L),
                Map.of(),
                0);
    }

    @Test
    void markdown_givesRatiosAgainstBareAndJudgesEachTarget() {
        List<Report.Row> rows = Report.rows(List.of("bare", "powertools", "bricks", "bricks+archive"), RUNS);

        String md = Report.markdown(rows, context(), "chart.svg");

        // whole = init + duration + 1: bare median 716, bricks 516, bricks+archive 266, powertools 1116
        assertThat(md)
                .contains("bricks+archive 0.37×", "bricks 0.72×", "powertools 1.56×")
                .contains("| bricks+archive ≤ 0.6× bare | 0.37× — met |")
                .contains("| bricks+archive ≤ 0.5× powertools | 0.24× — met |")
                .contains("| bricks ≤ 1.1× bare | 0.72× — met |")
                .contains("| powertools deployment ≤ 15 MB | 15.21 MB — **missed** |")
                .contains("| bare | 2 | 510 / 520 | 205 / 210 | 716 / 731 | 1.00× |")
                .contains("![Cold start by variant](chart.svg)")
                .contains("benchmarks/coldstart/run.sh --rounds 2")
                .startsWith(Report.BEGIN)
                .endsWith(Report.END + "\n");
    }

    @Test
    void markdown_withoutBricksRows_saysTheTargetsWereNotMeasured() {
        String md = Report.markdown(Report.rows(List.of("bare", "powertools"), RUNS), context(), "chart.svg");

        assertThat(md).contains("| bricks ≤ 1.1× bare | not measured in this run (no bricks row) |");
    }

    @Test
    void writeSection_replacesOnlyTheGeneratedSection() throws IOException {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(
                doc,
                "# Benchmarks\n\nJMH figures above.\n\n" + Report.BEGIN + "\nold\n" + Report.END
                        + "\n\nNotes below.\n");

        Report.writeSection(doc, Report.BEGIN + "\nnew\n" + Report.END + "\n");

        assertThat(Files.readString(doc))
                .isEqualTo("# Benchmarks\n\nJMH figures above.\n\n" + Report.BEGIN + "\nnew\n" + Report.END
                        + "\n\nNotes below.\n");
    }

    @Test
    void svg_drawsOneBarPairPerVariantWithItsFigures() {
        String svg = Report.svg(Report.rows(List.of("bare", "bricks"), RUNS), "title <ms>");

        assertThat(svg)
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .endsWith("</svg>\n")
                .contains(">bare</text>", ">bricks</text>", "510 + 205 ms", "410 + 105 ms", "title &lt;ms&gt;");
    }
}
