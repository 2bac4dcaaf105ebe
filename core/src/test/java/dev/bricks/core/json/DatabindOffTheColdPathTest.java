package dev.bricks.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bricks.core.invoke.LocalContext;
import dev.bricks.core.samples.PlaceOrderHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only a fresh JVM shows: a handler whose bodies are plain records never loads a class of jackson-databind
 * (about 300 classes on a cold start), while a type that needs databind still gets it. The child runs
 * {@link #main}; the test reads its answers from stdout and its class-load log from a file.
 */
class DatabindOffTheColdPathTest {

    /** A bean with a setter: not a plain record, so databind binds it. */
    public static final class Bean {
        private String name;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    /** The child: HTTP invocations of the sample handler (201, 422, 400, GET of a record), then a bean if asked. */
    public static void main(String[] args) throws IOException {
        PlaceOrderHandler handler = new PlaceOrderHandler();
        String[] bodies = {
            "{\"userId\":\"u-1\",\"items\":[{\"sku\":\"A\",\"quantity\":2}]}",
            "{\"userId\":\"\",\"items\":[{\"sku\":\"A\",\"quantity\":2.5}]}",
            "{\"userId\":"
        };
        for (String body : bodies) {
            System.out.println(invoke(handler, "POST", "/order", body));
        }
        System.out.println(invoke(handler, "GET", "/orders/none", null));
        if (args.length > 0 && args[0].equals("bean")) {
            System.out.println(Json.read("{\"name\":\"b\"}", Bean.class).getName());
        }
    }

    private static String invoke(PlaceOrderHandler handler, String method, String path, String body)
            throws IOException {
        String event = "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"" + path + "\","
                + "\"rawQueryString\":\"\",\"headers\":{\"content-type\":\"application/json\"},"
                + "\"requestContext\":{\"requestId\":\"r-1\",\"http\":{\"method\":\"" + method + "\",\"path\":\""
                + path + "\"}},"
                + (body == null ? "" : "\"body\":" + Json.writeString(body) + ",")
                + "\"isBase64Encoded\":false}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                out,
                LocalContext.of("req-1", "orders-fn", 512, Duration.ofSeconds(10)));
        return out.toString(StandardCharsets.UTF_8);
    }

    private record Child(List<String> answers, List<String> databindClasses) {}

    private static Child run(Path dir, String... args) throws Exception {
        Path log = dir.resolve("class-load.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log,
                "-cp",
                System.getProperty("java.class.path"),
                DatabindOffTheColdPathTest.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<String> databind = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.contains(" com.fasterxml.jackson.databind.")) {
                databind.add(line);
            }
        }
        List<String> answers = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("{\"statusCode\"") || line.equals("b")) {
                answers.add(line);
            }
        }
        return new Child(answers, databind);
    }

    @Test
    void plainRecordHandler_freshJvm_answersWithoutLoadingDatabind(@TempDir Path dir) throws Exception {
        Child child = run(dir);

        assertThat(child.answers()).hasSize(4);
        assertThat(child.answers().get(0)).startsWith("{\"statusCode\":201,").contains("Order received");
        assertThat(child.answers().get(1))
                .startsWith("{\"statusCode\":422,")
                .contains("application/problem+json")
                .contains("userId")
                .contains("items[0].quantity");
        assertThat(child.answers().get(2)).startsWith("{\"statusCode\":400,").contains("not valid JSON");
        assertThat(child.answers().get(3)).startsWith("{\"statusCode\":404,");
        assertThat(child.databindClasses()).isEmpty();
    }

    @Test
    void beanBody_freshJvm_boundByDatabind(@TempDir Path dir) throws Exception {
        Child child = run(dir, "bean");

        assertThat(child.answers()).hasSize(5).endsWith("b");
        assertThat(child.databindClasses()).anyMatch(l -> l.contains("com.fasterxml.jackson.databind.ObjectMapper "));
    }
}
