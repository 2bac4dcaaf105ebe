package dev.bricks.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bricks.core.Correlation;
import dev.bricks.core.http.HttpHandler;
import dev.bricks.core.http.HttpRequest;
import dev.bricks.core.http.HttpResponse;
import dev.bricks.core.invoke.LocalContext;
import dev.bricks.core.sqs.SqsHandler;
import dev.bricks.core.sqs.SqsMessage;
import dev.bricks.observability.metrics.EmfValidator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real core {@link HttpHandler}: core finds this module's listener through ServiceLoader and the handler
 * has no observability code beyond logging and recording a metric.
 */
class CoreHandlerEndToEndTest {

    /** A handler as a user writes it. */
    static final class PlaceOrder extends HttpHandler {
        private static final Logger LOG = LoggerFactory.getLogger(PlaceOrder.class);

        @Override
        protected HttpResponse handle(HttpRequest request, Context context) {
            LOG.atInfo().addKeyValue("path", request.path()).log("placing order");
            BricksMetrics.registry().counter("OrdersPlaced").increment();
            if (request.path().endsWith("/fail")) {
                throw new IllegalStateException("inventory unavailable");
            }
            return HttpResponse.status(201)
                    .json(Map.of("correlation", Correlation.current().orElseThrow()))
                    .build();
        }
    }

    /** An SQS consumer as a user writes it. */
    static final class SendEmail extends SqsHandler {
        private static final Logger LOG = LoggerFactory.getLogger(SendEmail.class);

        @Override
        protected void handleMessage(SqsMessage message, Context context) {
            LOG.info("sending email for {}", message.messageId());
        }
    }

    private static String sqsRecord(String messageId, String correlation) {
        String attributes = correlation == null
                ? "{}"
                : "{\"correlation_id\":{\"stringValue\":\"" + correlation + "\",\"dataType\":\"String\"}}";
        return "{\"messageId\":\"" + messageId + "\",\"receiptHandle\":\"rh-" + messageId + "\",\"body\":\"{}\","
                + "\"attributes\":{\"ApproximateReceiveCount\":\"1\"},\"messageAttributes\":" + attributes + ","
                + "\"md5OfBody\":\"99914b932bd37a50b983c5e7c90ae93b\",\"eventSource\":\"aws:sqs\","
                + "\"eventSourceARN\":\"arn:aws:sqs:us-east-1:123456789012:emails\",\"awsRegion\":\"us-east-1\"}";
    }

    @Test
    void sqsHandler_batch_eachMessagesLinesCarryItsOwnCorrelationId() throws Exception {
        SendEmail handler = new SendEmail();
        String event = "{\"Records\":[" + sqsRecord("m-1", "corr-order-1") + "," + sqsRecord("m-2", "corr-order-2")
                + "," + sqsRecord("m-3", null) + "]}";
        try (StdoutCapture out = new StdoutCapture()) {
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            handler.handleRequest(
                    new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                    response,
                    LocalContext.of("lambda-sqs-1", Invocations.FUNCTION, 512, Duration.ofSeconds(10)));
            List<JsonNode> lines = out.logLines().stream()
                    .filter(l -> l.path("message").asText().startsWith("sending email"))
                    .toList();
            assertThat(lines)
                    .extracting(l -> l.get("message").asText() + " / "
                            + l.get("correlation_id").asText())
                    .containsExactly(
                            "sending email for m-1 / corr-order-1",
                            "sending email for m-2 / corr-order-2",
                            "sending email for m-3 / m-3");
            assertThat(lines)
                    .allSatisfy(l ->
                            assertThat(l.get("function_request_id").asText()).isEqualTo("lambda-sqs-1"));
        }
    }

    private static String event(String path, String correlationHeader, String gatewayRequestId) {
        String headers = correlationHeader == null
                ? "{\"content-type\":\"application/json\"}"
                : "{\"content-type\":\"application/json\",\"X-Correlation-Id\":\"" + correlationHeader + "\"}";
        return "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"" + path + "\",\"rawQueryString\":\"\","
                + "\"headers\":" + headers + ",\"requestContext\":{\"accountId\":\"123456789012\",\"apiId\":\"api1\","
                + "\"http\":{\"method\":\"POST\",\"path\":\"" + path + "\",\"protocol\":\"HTTP/1.1\","
                + "\"sourceIp\":\"192.0.2.1\",\"userAgent\":\"test\"},\"requestId\":\"" + gatewayRequestId + "\","
                + "\"routeKey\":\"$default\",\"stage\":\"$default\"},\"body\":\"{}\",\"isBase64Encoded\":false}";
    }

    private static String invoke(PlaceOrder handler, String event, String requestId) throws Exception {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                response,
                LocalContext.of(requestId, Invocations.FUNCTION, 512, Duration.ofSeconds(10)));
        return response.toString(StandardCharsets.UTF_8);
    }

    @Test
    void httpHandler_twoInvocations_logsCarryEachOnesIdsAndMetricsAreFlushed() throws Exception {
        PlaceOrder handler = new PlaceOrder();
        try (StdoutCapture out = new StdoutCapture()) {
            String first = invoke(handler, event("/orders", "corr-from-caller", "gw-1"), "lambda-req-1");
            String second = invoke(handler, event("/orders/fail", null, "gw-2"), "lambda-req-2");
            assertThat(first).contains("corr-from-caller");
            assertThat(second).contains("\"statusCode\":500");

            List<JsonNode> logs = out.logLines();
            List<JsonNode> firstLines = logs.stream()
                    .filter(l ->
                            "lambda-req-1".equals(l.path("function_request_id").asText(null)))
                    .toList();
            List<JsonNode> secondLines = logs.stream()
                    .filter(l ->
                            "lambda-req-2".equals(l.path("function_request_id").asText(null)))
                    .toList();
            assertThat(firstLines).isNotEmpty().allSatisfy(l -> {
                assertThat(l.get("correlation_id").asText()).isEqualTo("corr-from-caller");
                assertThat(l.get("cold_start").asBoolean()).isTrue();
            });
            assertThat(firstLines)
                    .anySatisfy(l -> assertThat(l.path("path").asText()).isEqualTo("/orders"));
            assertThat(secondLines).isNotEmpty().allSatisfy(l -> {
                assertThat(l.get("correlation_id").asText()).isEqualTo("gw-2");
                assertThat(l.get("cold_start").asBoolean()).isFalse();
            });
            assertThat(secondLines)
                    .anySatisfy(l ->
                            assertThat(l.path("exception_message").asText()).isEqualTo("inventory unavailable"));
            assertThat(logs)
                    .allSatisfy(l -> assertThat(l.has("function_request_id")).isTrue());

            List<JsonNode> emf = out.emfLines();
            assertThat(emf)
                    .allSatisfy(l -> assertThat(EmfValidator.violations(l)).isEmpty());
            assertThat(emf.stream()
                            .mapToInt(l -> l.path("OrdersPlaced").asInt())
                            .sum())
                    .isEqualTo(2);
            assertThat(emf.stream().filter(l -> l.has("ColdStart")).count()).isEqualTo(1);
        }
    }
}
