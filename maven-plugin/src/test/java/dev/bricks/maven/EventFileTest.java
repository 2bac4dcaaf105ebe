package dev.bricks.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFileTest {

    @TempDir
    Path dir;

    @Test
    void read_jsonEvent_returnsItsBytes() throws Exception {
        Path event = Files.writeString(dir.resolve("e.json"), "{\"version\":\"2.0\"}");

        assertThat(EventFile.read(event.toFile(), "bricks.event")).isEqualTo(Files.readAllBytes(event));
    }

    private void assertRejected(String content, String expected) throws Exception {
        Path event = Files.writeString(dir.resolve("bad.json"), content);

        assertThatThrownBy(() -> EventFile.read(event.toFile(), "bricks.event"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("event file " + event + " ")
                .hasMessageContaining(expected);
    }

    @Test
    void read_plainText_failsNamingFileAndPosition() throws Exception {
        assertRejected("hello", "is not JSON at line 1, column 1: Unrecognized token 'hello'");
    }

    @Test
    void read_twoJsonValues_failsAtTheSecond() throws Exception {
        assertRejected("{\"a\":1}\n{\"b\":2}", "is not JSON at line 2, column 1: Trailing token");
    }

    @Test
    void read_truncatedJson_failsSayingItEnds() throws Exception {
        assertRejected("{\"a\":", "is not JSON at line 1, column 6: Unexpected end-of-input");
    }

    @Test
    void read_blank_failsSayingItIsEmpty() throws Exception {
        assertRejected("   ", "is empty; it must hold one JSON event");
    }

    @Test
    void read_missingFile_failsNamingTheOption() {
        assertThatThrownBy(() -> EventFile.read(dir.resolve("nope.json").toFile(), "bricks.event"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("event file " + dir.resolve("nope.json") + " does not exist (-Dbricks.event)");
    }

    @Test
    void read_unset_failsSayingWhatToSet() {
        assertThatThrownBy(() -> EventFile.read(null, "bricks.trainingEvent"))
                .hasMessage("no event file: set -Dbricks.trainingEvent=path/to/event.json");
    }
}
