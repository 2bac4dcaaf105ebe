package dev.bricks.local.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed requests get a JSON 1.1 error naming the problem, and the server keeps serving. */
class ProtocolTest {

    private LocalEventBridge bus;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        bus = LocalEventBridge.builder().build().start();
    }

    @AfterEach
    void stop() {
        bus.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            AWSEvents.PutEvents      | {not json          | 400 | SerializationException
            AWSEvents.PutEvents      | [1]                | 400 | SerializationException
            AWSEvents.CreateEventBus | {}                 | 400 | UnknownOperationException
            Kinesis.PutRecord        | {}                 | 400 | UnknownOperationException
            AWSEvents.PutEvents      | {}                 | 400 | ValidationException
            AWSEvents.PutEvents      | {"Entries":"x"}    | 400 | ValidationException
            """)
    void request_malformed_jsonErrorNamingProblem(String target, String body, int status, String type)
            throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(bus.endpoint())
                        .header("X-Amz-Target", target)
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).startsWith("{\"__type\":\"" + type + "\",\"message\":\"");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.1");
    }

    @Test
    void request_get_405AndServerStillServes() throws Exception {
        HttpResponse<String> get =
                http.send(HttpRequest.newBuilder(bus.endpoint()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);

        try (var client = Sdk.client(bus)) {
            assertThat(client.putEvents(r -> r.entries(Sdk.entry("a.b", "T", "{}")))
                            .failedEntryCount())
                    .isZero();
        }
    }

    @Test
    void lifecycle_endpointBeforeStartOrStartTwice_illegalState() {
        try (LocalEventBridge fresh = LocalEventBridge.builder().build()) {
            assertThatThrownBy(fresh::endpoint).isInstanceOf(IllegalStateException.class);
            fresh.start();
            assertThat(fresh.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThatThrownBy(fresh::start).isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest
    @CsvSource({"port,-1", "port,65536", "account,12345", "region,US EAST", "maxRequestBytes,0"})
    void builder_badValue_illegalArgumentNamingIt(String option, String value) {
        LocalEventBridge.Builder builder = LocalEventBridge.builder();
        assertThatThrownBy(() -> {
                    switch (option) {
                        case "port" -> builder.port(Integer.parseInt(value));
                        case "account" -> builder.account(value);
                        case "region" -> builder.region(value);
                        default -> builder.maxRequestBytes(Integer.parseInt(value));
                    }
                })
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(option)
                .hasMessageContaining(value);
    }
}
