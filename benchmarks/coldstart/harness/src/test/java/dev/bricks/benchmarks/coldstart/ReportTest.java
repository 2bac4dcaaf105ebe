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
            run("bare/17/zip", 1, 500, 200), run("bare/17/zip", 2, 520, 210),
            run("bricks/17/zip", 1, 400, 100), run("bricks/17/zip", 2, 420, 110),
            run("bricks/25/image+aot", 1, 200, 50), run("bricks/25/image+aot", 2, 220, 60),
            run("powertools/17/zip", 1, 800, 300), run("powertools/17/zip", 2, 820, 310));

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
                Map.of("bare/17/zip", 10_340_000L, "powertools/17/zip", 15_210_000L),
                Map.of(),
                0);
    }

    @Test
    void markdown_givesRatiosAgainstBareAndJudgesEachTarget() {
        List<Report.Row> rows =
                Report.rows(List.of("bare/17/zip", "powertools/17/zip", "bricks/17/zip", "bricks/25/image+aot"), RUNS);

        String md = Report.markdown(rows, context(), "chart.svg");

        // whole = init + duration + 1: bare median 716, bricks 516, bricks/25/image+aot 266, powertools 1116
        assertThat(md)
                .contains("bricks/17/zip 0.72× of bare/17/zip", "powertools/17/zip 1.56× of bare/17/zip")
                .contains("| bricks/17/zip ≤ 1.0× bare/17/zip | 0.72× — met |")
                .contains("| recommended deployment, bricks/25/image+aot ≤ 0.5× bare/17/zip | 0.37× — met |")
                .contains("| powertools/17/zip deployment ≤ 15 MB | 15.21 MB — **missed** |")
                .contains("| bare/17/zip | 2 | 510 / 520 | 205 / 210 | 716 / 731 | 1.00× | 1.00× |")
                .contains("![Cold start by variant](chart.svg)")
                .contains("benchmarks/coldstart/run.sh --rounds 2")
                .startsWith(Report.BEGIN)
                .endsWith(Report.END + "\n");
    }

    @Test
    void markdown_withoutBricksRows_saysTheTargetsWereNotMeasured() {
        String md =
                Report.markdown(Report.rows(List.of("bare/17/zip", "powertools/17/zip"), RUNS), context(), "chart.svg");

        assertThat(md)
                .contains("| bricks/17/zip ≤ 1.0× bare/17/zip | not measured in this run (no bricks/17/zip row) |");
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
        String svg = Report.svg(Report.rows(List.of("bare/17/zip", "bricks/17/zip"), RUNS), "title <ms>");

        assertThat(svg)
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .endsWith("</svg>\n")
                .contains(
                        ">bare/17/zip</text>",
                        ">bricks/17/zip</text>",
                        "510 + 205 ms",
                        "410 + 105 ms",
                        "title &lt;ms&gt;");
    }
}
