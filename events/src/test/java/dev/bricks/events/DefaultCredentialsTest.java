package dev.bricks.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.bricks.local.eventbridge.LocalEventBridge;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * The default client's credentials, each in a fresh JVM with only the environment of the place it stands for
 * (the test JVM's own AWS variables are not passed on): Lambda (key variables), Lambda with SnapStart
 * (container credentials from a loopback endpoint, as Lambda serves them), a developer machine (a profile).
 * Each child resolves the credentials, prints the access key id and whether the rest of the chain had to be built
 * (not with the key variables: the container, profile and caching classes stay unloaded), and publishes one event
 * to the local bus through {@code EventPublisher.builder().build()} and {@code AWS_ENDPOINT_URL_EVENTBRIDGE}.
 */
class DefaultCredentialsTest {

    /** The child JVM: prints the resolved access key id, then whether the publish went through. */
    public static void main(String[] args) {
        DefaultCredentials provider = EventPublisher.Builder.defaultCredentials();
        AwsCredentials credentials = provider.resolveCredentials();
        System.out.println("key=" + credentials.accessKeyId());
        System.out.println("chain=" + provider.chainBuilt());
        try (EventPublisher publisher = EventPublisher.builder().build()) {
            System.out.println("published="
                    + publisher.publish(new OrderPlaced("o-1", "u-1", 1)).allPublished());
        }
    }

    @TempDir
    Path home;

    private LocalEventBridge bus;
    private HttpServer containerEndpoint;
    private final List<String> authorizationHeaders = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        bus = LocalEventBridge.builder().build().start();
        containerEndpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        containerEndpoint.createContext("/credentials", exchange -> {
            authorizationHeaders.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = ("{\"AccessKeyId\":\"ASIACONTAINER\",\"SecretAccessKey\":\"container-secret\","
                            + "\"Token\":\"container-session\",\"Expiration\":\"2099-01-01T00:00:00Z\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        containerEndpoint.start();
    }

    @AfterEach
    void stop() {
        containerEndpoint.stop(0);
        bus.close();
    }

    /** The environment every child gets: region, endpoint, an empty home (no ~/.aws of the machine). */
    private Map<String, String> baseEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint().toString());
        env.put("HOME", home.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
        env.put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
        return env;
    }

    private List<String> runChild(Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                DefaultCredentialsTest.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines()
                .filter(l -> l.startsWith("key=") || l.startsWith("chain=") || l.startsWith("published="))
                .toList();
    }

    @Test
    void defaultClient_lambdaKeyVariables_used() throws Exception {
        Map<String, String> env = baseEnvironment();
        env.put("AWS_ACCESS_KEY_ID", "ASIALAMBDAENV");
        env.put("AWS_SECRET_ACCESS_KEY", "env-secret");
        env.put("AWS_SESSION_TOKEN", "env-session");

        assertThat(runChild(env)).containsExactly("key=ASIALAMBDAENV", "chain=false", "published=true");
        assertThat(bus.acceptedEntries()).isEqualTo(1);
        assertThat(authorizationHeaders).isEmpty();
    }

    @Test
    void defaultClient_snapStartContainerCredentials_fetchedWithTheAuthorizationToken() throws Exception {
        Map<String, String> env = baseEnvironment();
        env.put(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "http://127.0.0.1:" + containerEndpoint.getAddress().getPort() + "/credentials");
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "lambda-snapstart-token");

        assertThat(runChild(env)).containsExactly("key=ASIACONTAINER", "chain=true", "published=true");
        assertThat(bus.acceptedEntries()).isEqualTo(1);
        assertThat(authorizationHeaders)
                .isNotEmpty()
                .allSatisfy(h -> assertThat(h).isEqualTo("lambda-snapstart-token"));
    }

    @Test
    void defaultClient_developerProfile_used() throws Exception {
        Path credentials = home.resolve("credentials");
        Files.writeString(credentials, """
                [default]
                aws_access_key_id = AKIADEFAULTPROFILE
                aws_secret_access_key = default-secret
                [orders-dev]
                aws_access_key_id = AKIAORDERSDEV
                aws_secret_access_key = dev-secret
                """);
        Map<String, String> env = baseEnvironment();
        env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
        env.put("AWS_PROFILE", "orders-dev");

        assertThat(runChild(env)).containsExactly("key=AKIAORDERSDEV", "chain=true", "published=true");
        assertThat(bus.acceptedEntries()).isEqualTo(1);
    }
}
