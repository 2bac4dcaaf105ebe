package dev.bricks.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every Bricks problem type resolves to its section of docs/problems.md and builds problems of its own kind. */
class ProblemTypeTest {

    private static final Path DOCS = Path.of("../docs/problems.md");

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void uri_eachType_hasItsSectionInDocsProblems(ProblemType type) throws IOException {
        String docs = Files.readString(DOCS);

        assertThat(type.uri()).isEqualTo("https://bricks.dev/problems#" + type.slug());
        String tableRow =
                "| " + type.status() + " | [`" + type.slug() + "`](#" + type.slug() + ") | `" + type.name() + "` |";
        assertThat(docs).contains("\n## " + type.slug() + "\n").contains(tableRow);
    }

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void problem_eachType_carriesItsUriStatusTitleAndDetail(ProblemType type) {
        Problem problem = type.problem("what happened").with("orderId", "o1");

        assertThat(problem)
                .isEqualTo(new Problem(
                        type.uri(), type.title(), type.status(), "what happened", null, Map.of("orderId", "o1")));
        assertThat(type.exception("what happened").problem().type()).isEqualTo(type.uri());
    }
}
