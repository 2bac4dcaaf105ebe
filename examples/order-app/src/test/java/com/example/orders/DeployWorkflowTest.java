package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code .github/workflows/deploy.yml} parses (SnakeYAML, as bricks-local reads templates) and runs what the READMEs
 * document: the root README's {@code ./mvnw -B verify}, this example's package command, {@code sam deploy} of a
 * staging stack, a smoke test against its URL, then production; credentials only through OIDC.
 */
class DeployWorkflowTest {

    private static final Path WORKFLOW = Path.of(".github/workflows/deploy.yml");
    private static Map<String, Object> workflow;
    private static String text;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        text = Files.readString(WORKFLOW);
        workflow = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(String job) {
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        return (List<Map<String, Object>>) ((Map<String, Object>) jobs.get(job)).get("steps");
    }

    private static List<String> runs(String job) {
        List<String> runs = new ArrayList<>();
        for (Map<String, Object> step : steps(job)) {
            if (step.get("run") != null) {
                runs.add(String.valueOf(step.get("run")).replaceAll("\\s+", " ").trim());
            }
        }
        return runs;
    }

    private static List<String> readmeCommands(Path readme) throws IOException {
        return Files.readAllLines(readme).stream()
                .map(String::trim)
                .filter(l -> l.startsWith("./mvnw ") || l.startsWith("sam "))
                .map(l -> l.replaceAll("\\s+#.*$", ""))
                .toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void workflow_jobs_buildThenStagingThenProduction() {
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");

        assertThat(jobs).containsOnlyKeys("build", "staging", "production");
        assertThat(((Map<String, Object>) jobs.get("staging")).get("needs")).isEqualTo("build");
        assertThat(((Map<String, Object>) jobs.get("production")).get("needs")).isEqualTo("staging");
        assertThat(runs("staging")).anyMatch(r -> r.startsWith("sam deploy --stack-name order-app-staging"));
        assertThat(runs("staging").get(runs("staging").size() - 1)).contains("ApiUrl", "curl", "$API_URL/orders");
        assertThat(runs("production")).anyMatch(r -> r.startsWith("sam deploy --stack-name order-app-production"));
    }

    @Test
    void workflow_commands_areTheReadmesCommands() throws IOException {
        List<String> build = runs("build");
        List<String> root = readmeCommands(Path.of("../../README.md"));
        List<String> example = readmeCommands(Path.of("README.md"));

        assertThat(root).contains("./mvnw -B verify");
        assertThat(build).contains("./mvnw -B verify");
        String packageCommand = "./mvnw -B -q -pl examples/order-app -am package -DskipTests";
        assertThat(example).contains(packageCommand);
        assertThat(build).contains(packageCommand);
        assertThat(example).anyMatch(c -> c.startsWith("sam deploy --guided"));
        assertThat(example).anyMatch(c -> c.startsWith("sam remote invoke SeedFunction"));
        assertThat(runs("staging")).anyMatch(r -> r.contains("sam remote invoke SeedFunction"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void workflow_credentials_onlyThroughOidcRole() {
        assertThat((Map<String, Object>) workflow.get("permissions")).containsEntry("id-token", "write");
        for (String job : List.of("staging", "production")) {
            Map<String, Object> credentials = steps(job).stream()
                    .filter(s -> String.valueOf(s.get("uses")).startsWith("aws-actions/configure-aws-credentials@"))
                    .findFirst()
                    .orElseThrow();
            assertThat((Map<String, Object>) credentials.get("with"))
                    .containsEntry("role-to-assume", "${{ vars.AWS_DEPLOY_ROLE_ARN }}")
                    .doesNotContainKeys("aws-access-key-id", "aws-secret-access-key");
        }
        assertThat(text).doesNotContain("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "aws-access-key-id");
    }
}
