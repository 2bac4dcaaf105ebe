package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.Fixtures.item;
import static dev.bricks.local.dynamodb.Fixtures.n;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The standalone jar as users run it: {@code java -jar target/bricks-local-dynamodb.jar}. Runs in the
 * integration-test phase, after the shade plugin has built the jar (see the module's pom).
 */
class StandaloneJarIT {
    private static final Path JAR = Path.of(System.getProperty("engine.jar", "target/bricks-local-dynamodb.jar"));

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    /** The first line the jar prints: its endpoint, once it accepts requests. */
    private static URI endpoint(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
                    try {
                        return out.readLine();
                    } catch (IOException e) {
                        return null;
                    }
                })
                .get(30, TimeUnit.SECONDS);
        assertThat(line).as("endpoint line").isNotNull().matches("http://127\\.0\\.0\\.1:\\d+");
        return URI.create(line);
    }

    private static void terminate(Process p) throws InterruptedException {
        p.destroy(); // SIGTERM on Linux and macOS
        assertThat(p.waitFor(30, TimeUnit.SECONDS))
                .as("the jar exits on SIGTERM")
                .isTrue();
    }

    @Test
    void jar_portZero_printsItsEndpointServesTheSdkAndFlushesOnSigterm(@TempDir Path dir) throws Exception {
        assertThat(JAR).as("built by the package phase").exists();
        Path data = dir.resolve("data");
        String table;
        Process p = start("--port", "0", "--data-dir", data.toString());
        try (DynamoDbClient c = Clients.dynamo(endpoint(p))) {
            table = Fixtures.table(c, false);
            c.putItem(b -> b.tableName(table).item(item("pk", "kept", "v", 42)));
            assertThat(c.getItem(b -> b.tableName(table).key(item("pk", "kept")))
                            .item())
                    .containsEntry("v", n(42));
        } finally {
            terminate(p);
        }
        assertThat(Files.readString(data.resolve("snapshot.jsonl")))
                .as("SIGTERM wrote the snapshot")
                .contains("\"kept\"");
        assertThat(Files.size(data.resolve("log.jsonl")))
                .as("and emptied the log")
                .isZero();

        Process again = start("--port", "0", "--data-dir", data.toString());
        try (DynamoDbClient c = Clients.dynamo(endpoint(again))) {
            assertThat(c.getItem(b -> b.tableName(table).key(item("pk", "kept")))
                            .item())
                    .containsEntry("v", n(42));
        } finally {
            terminate(again);
        }
    }

    @Test
    void jar_badArgument_exitsWithUsage() throws Exception {
        Process p = start("--port", "eighty");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("--port needs a number, got: eighty")
                .contains("usage: java -jar bricks-local-dynamodb.jar");
    }

    @Test
    void jar_containsNoAwsSdk() throws Exception {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(JAR.toFile())) {
            assertThat(jar.stream()
                            .map(java.util.zip.ZipEntry::getName)
                            .filter(n -> n.startsWith("software/amazon/awssdk/")))
                    .as("the SDK is provided by the user's class path, not shaded into the server")
                    .isEmpty();
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(Main.class.getName());
        }
    }
}
