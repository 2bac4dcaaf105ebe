package dev.bricks.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.bricks.core.dynamodb.AttributeValue;
import dev.bricks.core.dynamodb.DynamoDbStreamHandler;
import dev.bricks.core.dynamodb.StreamRecord;
import dev.bricks.core.eventbridge.EventBridgeEvent;
import dev.bricks.core.eventbridge.EventBridgeHandler;
import dev.bricks.core.http.HttpHandler;
import dev.bricks.core.http.HttpRequest;
import dev.bricks.core.http.HttpResponse;
import dev.bricks.core.s3.S3Handler;
import dev.bricks.core.s3.S3Record;
import dev.bricks.core.sqs.SqsHandler;
import dev.bricks.core.sqs.SqsMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Bricks' handlers are stream handlers with their own JSON reading. These tests read each fixture with
 * Lambda's own serialization (aws-lambda-java-serialization + aws-lambda-java-events, as the Java runtime
 * does for a RequestHandler) and with Bricks, and check that both read the same key fields.
 */
class LambdaSerializationAgreementTest {

    private static <T> T lambdaReads(Class<T> type, String fixture) {
        PojoSerializer<T> serializer = LambdaEventSerializers.serializerFor(type, type.getClassLoader());
        return serializer.fromJson(new ByteArrayInputStream(Fixtures.event(fixture)));
    }

    /**
     * Runs a Bricks handler on the fixture and returns, in order, what it was given; {@code handlerFor}
     * builds the handler around the sink it must pass each envelope or record to.
     */
    private static <T> List<T> bricksReads(String fixture, Function<Consumer<T>, BricksHandler<?>> handlerFor) {
        List<T> seen = new ArrayList<>();
        Fixtures.run(handlerFor.apply(seen::add), Fixtures.event(fixture));
        return seen;
    }

    /** Checks that Lambda and Bricks read as many records, and that each pair agrees. */
    private static <L, B> void assertPairwise(List<L> lambda, List<B> bricks, BiConsumer<L, B> agree) {
        assertThat(bricks).hasSameSizeAs(lambda);
        for (int i = 0; i < bricks.size(); i++) {
            agree.accept(lambda.get(i), bricks.get(i));
        }
    }

    private static HttpHandler httpHandler(Consumer<HttpRequest> sink) {
        return new HttpHandler() {
            @Override
            protected HttpResponse handle(HttpRequest request, Context c) {
                sink.accept(request);
                return HttpResponse.noContent();
            }
        };
    }

    private static <D> EventBridgeHandler<D> eventBridgeHandler(
            Class<D> detailType, Consumer<EventBridgeEvent<D>> sink) {
        return new EventBridgeHandler<>(detailType) {
            @Override
            protected void handle(EventBridgeEvent<D> event, Context c) {
                sink.accept(event);
            }
        };
    }

    private static SqsHandler sqsHandler(Consumer<SqsMessage> sink) {
        return new SqsHandler() {
            @Override
            protected void handleMessage(SqsMessage message, Context c) {
                sink.accept(message);
            }
        };
    }

    private static DynamoDbStreamHandler streamHandler(Consumer<StreamRecord> sink) {
        return new DynamoDbStreamHandler() {
            @Override
            protected void handleRecord(StreamRecord record, Context c) {
                sink.accept(record);
            }
        };
    }

    private static S3Handler s3Handler(Consumer<S3Record> sink) {
        return new S3Handler() {
            @Override
            protected void handleRecord(S3Record record, Context c) {
                sink.accept(record);
            }
        };
    }

    @Test
    void httpApiV2_bricksAndLambdaAgree() {
        APIGatewayV2HTTPEvent lambda = lambdaReads(APIGatewayV2HTTPEvent.class, "http-v2-place-order.json");
        HttpRequest bricks = bricksReads("http-v2-place-order.json", LambdaSerializationAgreementTest::httpHandler)
                .get(0);

        assertThat(bricks.method())
                .isEqualTo(lambda.getRequestContext().getHttp().getMethod());
        assertThat(bricks.path()).isEqualTo(lambda.getRawPath());
        assertThat(bricks.routeKey()).isEqualTo(lambda.getRouteKey());
        assertThat(bricks.bodyText()).isEqualTo(lambda.getBody());
        assertThat(bricks.requestId()).isEqualTo(lambda.getRequestContext().getRequestId());
        assertThat(bricks.header("content-type").orElseThrow())
                .isEqualTo(lambda.getHeaders().get("content-type"));
        assertThat(bricks.cookies().keySet()).hasSize(lambda.getCookies().size());
        assertThat(bricks.principal().orElseThrow().subject())
                .isEqualTo(lambda.getRequestContext()
                        .getAuthorizer()
                        .getJwt()
                        .getClaims()
                        .get("sub"));
        assertThat(bricks.principal().orElseThrow().scopes())
                .isEqualTo(lambda.getRequestContext().getAuthorizer().getJwt().getScopes());
    }

    @Test
    void restApiV1_bricksAndLambdaAgree() {
        APIGatewayProxyRequestEvent lambda = lambdaReads(APIGatewayProxyRequestEvent.class, "http-v1-get-order.json");
        HttpRequest bricks = bricksReads("http-v1-get-order.json", LambdaSerializationAgreementTest::httpHandler)
                .get(0);

        assertThat(bricks.method()).isEqualTo(lambda.getHttpMethod());
        assertThat(bricks.path()).isEqualTo(lambda.getPath());
        assertThat(bricks.resource()).isEqualTo(lambda.getResource());
        assertThat(bricks.pathParameters()).isEqualTo(lambda.getPathParameters());
        assertThat(bricks.queryParameterValues("fields"))
                .isEqualTo(lambda.getMultiValueQueryStringParameters().get("fields"));
        assertThat(bricks.headerValues("X-Forwarded-For"))
                .isEqualTo(lambda.getMultiValueHeaders().get("X-Forwarded-For"));
        assertThat(bricks.requestId()).isEqualTo(lambda.getRequestContext().getRequestId());
        assertThat(bricks.principal().orElseThrow().subject())
                .isEqualTo(lambda.getRequestContext().getAuthorizer().get("principalId"));
    }

    record OrderPlaced(String orderId, String userId, int itemCount) {}

    @Test
    void eventBridge_bricksAndLambdaAgree() {
        ScheduledEvent lambda = lambdaReads(ScheduledEvent.class, "eventbridge-order-placed.json");
        List<EventBridgeEvent<OrderPlaced>> seen =
                bricksReads("eventbridge-order-placed.json", sink -> eventBridgeHandler(OrderPlaced.class, sink));
        EventBridgeEvent<OrderPlaced> bricks = seen.get(0);

        assertThat(bricks.id()).isEqualTo(lambda.getId());
        assertThat(bricks.detailType()).isEqualTo(lambda.getDetailType());
        assertThat(bricks.source()).isEqualTo(lambda.getSource());
        assertThat(bricks.account()).isEqualTo(lambda.getAccount());
        assertThat(bricks.region()).isEqualTo(lambda.getRegion());
        assertThat(bricks.resources()).isEqualTo(lambda.getResources());
        assertThat(bricks.time().toEpochMilli()).isEqualTo(lambda.getTime().getMillis());
        assertThat(bricks.detail().orderId()).isEqualTo(lambda.getDetail().get("orderId"));
        assertThat(bricks.detail().itemCount()).isEqualTo(lambda.getDetail().get("itemCount"));
    }

    @Test
    void sqs_bricksAndLambdaAgree() {
        SQSEvent lambda = lambdaReads(SQSEvent.class, "sqs-batch.json");
        List<SqsMessage> seen = bricksReads("sqs-batch.json", LambdaSerializationAgreementTest::sqsHandler);

        assertPairwise(lambda.getRecords(), seen, (l, b) -> {
            assertThat(b.messageId()).isEqualTo(l.getMessageId());
            assertThat(b.body()).isEqualTo(l.getBody());
            assertThat(b.receiptHandle()).isEqualTo(l.getReceiptHandle());
            assertThat(b.attributes()).isEqualTo(l.getAttributes());
            assertThat(b.eventSourceArn()).isEqualTo(l.getEventSourceArn());
            assertThat(b.messageAttributes().keySet())
                    .isEqualTo(l.getMessageAttributes().keySet());
        });
        assertThat(seen.get(0).stringAttribute("correlation_id").orElseThrow())
                .isEqualTo(lambda.getRecords()
                        .get(0)
                        .getMessageAttributes()
                        .get("correlation_id")
                        .getStringValue());
    }

    @Test
    void dynamoDbStream_bricksAndLambdaAgree() {
        DynamodbEvent lambda = lambdaReads(DynamodbEvent.class, "dynamodb-stream.json");
        List<StreamRecord> records =
                bricksReads("dynamodb-stream.json", LambdaSerializationAgreementTest::streamHandler);

        assertPairwise(lambda.getRecords(), records, (l, b) -> {
            assertThat(b.eventId()).isEqualTo(l.getEventID());
            assertThat(b.eventName().name()).isEqualTo(l.getEventName());
            assertThat(b.sequenceNumber()).isEqualTo(l.getDynamodb().getSequenceNumber());
            assertThat(b.keys().keySet()).isEqualTo(l.getDynamodb().getKeys().keySet());
            assertThat(b.newImage().keySet())
                    .isEqualTo(
                            l.getDynamodb().getNewImage() == null
                                    ? java.util.Set.of()
                                    : l.getDynamodb().getNewImage().keySet());
            assertThat(b.approximateCreationDateTime().toEpochMilli())
                    .isEqualTo(l.getDynamodb().getApproximateCreationDateTime().getTime());
        });
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image =
                lambda.getRecords().get(0).getDynamodb().getNewImage();
        Map<String, AttributeValue> ours = records.get(0).newImage();
        assertThat(((AttributeValue.N) ours.get("total")).value())
                .isEqualTo(image.get("total").getN());
        assertThat(((AttributeValue.SS) ours.get("tags")).value())
                .isEqualTo(image.get("tags").getSS());
        assertThat(((AttributeValue.B) ours.get("thumbnail")).value())
                .isEqualTo(image.get("thumbnail").getB().array());
        assertThat(((AttributeValue.L) ours.get("items")).value())
                .hasSize(image.get("items").getL().size());
    }

    @Test
    void s3_bricksAndLambdaAgree() {
        S3Event lambda = lambdaReads(S3Event.class, "s3-put.json");
        List<S3Record> seen = bricksReads("s3-put.json", LambdaSerializationAgreementTest::s3Handler);

        var l = lambda.getRecords().get(0);
        S3Record b = seen.get(0);
        assertThat(b.bucket()).isEqualTo(l.getS3().getBucket().getName());
        assertThat(b.rawKey()).isEqualTo(l.getS3().getObject().getKey());
        assertThat(b.key()).isEqualTo(l.getS3().getObject().getUrlDecodedKey());
        assertThat(b.size()).isEqualTo(l.getS3().getObject().getSizeAsLong());
        assertThat(b.eTag()).isEqualTo(l.getS3().getObject().geteTag());
        assertThat(b.eventName()).isEqualTo(l.getEventName());
        assertThat(b.sequencer()).isEqualTo(l.getS3().getObject().getSequencer());
        assertThat(b.requestId()).isEqualTo(l.getResponseElements().getxAmzRequestId());
        assertThat(new String(Fixtures.event("s3-put.json"), StandardCharsets.UTF_8))
                .contains("red+flower.jpg");
    }
}
