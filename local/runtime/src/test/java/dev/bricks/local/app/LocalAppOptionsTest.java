package dev.bricks.local.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalAppOptionsTest {

    @Test
    void parameterOverride_bothSamForms_giveTheSameValues() {
        LocalAppOptions options = LocalAppOptions.builder()
                .parameterOverride("Stage=dev")
                .parameterOverride("ParameterKey=Table,ParameterValue=orders=v2")
                .build();

        assertThat(options.parameterOverrides()).isEqualTo(Map.of("Stage", "dev", "Table", "orders=v2"));
    }

    @Test
    void parameterOverride_neitherForm_failsNamingTheToken() {
        assertThatThrownBy(() -> LocalAppOptions.builder().parameterOverride("Stage"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected Key=Value, was Stage");
        assertThatThrownBy(() -> LocalAppOptions.builder().parameterOverride("ParameterKey=Stage"))
                .hasMessage("expected ParameterKey=K,ParameterValue=V, was ParameterKey=Stage");
    }

    @Test
    void environmentOverrides_samFile_perFunctionAndForAll(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(
                dir.resolve("env.json"), "{\"Fn\": {\"LEVEL\": \"DEBUG\", \"N\": 3}, \"Parameters\": {\"A\": \"b\"}}");

        LocalAppOptions options =
                LocalAppOptions.builder().environmentOverrides(file).build();

        assertThat(options.environmentOverrides())
                .isEqualTo(Map.of("Fn", Map.of("LEVEL", "DEBUG", "N", "3"), "Parameters", Map.of("A", "b")));
    }

    @Test
    void environmentOverrides_notAnObjectOfObjects_failsNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("env.json"), "{\"Fn\": 1}");

        assertThatThrownBy(() -> LocalAppOptions.builder().environmentOverrides(file))
                .isInstanceOf(LocalAppException.class)
                .hasMessage("--env-vars " + file + ": Fn must map names to values");
    }
}
