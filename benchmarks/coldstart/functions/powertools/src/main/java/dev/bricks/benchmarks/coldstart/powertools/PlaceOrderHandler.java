package dev.bricks.benchmarks.coldstart.powertools;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The bare handler plus Powertools for AWS Lambda (Java) 2.9.0 structured logging ({@code powertools-logging-log4j},
 * JSON through log4j2's JsonTemplateLayout, see {@code log4j2.xml}) and metrics ({@code powertools-metrics}, EMF),
 * both through their functional API ({@code PowertoolsLogging.withLogging}, {@code MetricsFactory}), no AspectJ.
 *
 * <p>Otherwise identical to the bare variant: the seed's {@code placeOrder}, hand-written on the AWS SDK v2 low-level clients and Jackson as a careful
 * engineer would: explicit region, credentials provider and url-connection HTTP client, clients built once
 * at init, a stream handler so no reflection-based event (de)serialisation runs.
 *
 * <p>API Gateway HTTP API (v2) event with body {@code {"userId":"u1","items":["sku-1",…]}} → validate → one
 * TransactWriteItems (put the order if absent; {@code if_not_exists} counter and last-order date on the user's
 * PROFILE) → PutEvents {@code OrderPlaced} from {@code orders.app} → 201 {@code {"orderId":…}}.
 * The order id is {@code ord_} + the API Gateway request id, so a retried request cannot place a second order.
 */
public final class PlaceOrderHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PlaceOrderHandler.class);
    private static final Metrics METRICS = MetricsFactory.getMetricsInstance();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = envOr("TABLE_NAME", "EcommerceData");
    private static final String BUS = envOr("EVENT_BUS_NAME", "default");
    private static final int MAX_ITEMS = 100;

    private final DynamoDbClient dynamo;
    private final EventBridgeClient events;

    public PlaceOrderHandler() {
        Region region = Region.of(System.getenv("AWS_REGION"));
        dynamo = DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        events = EventBridgeClient.builder()
                .region(region)
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = JSON.readTree(input);
        METRICS.captureColdStartMetric(context);
        ObjectNode response = PowertoolsLogging.withLogging(context, () -> {
            try {
                return placeOrder(event, context);
            } catch (BadRequest e) {
                LOG.warn("Order rejected: {}", e.getMessage());
                return problem(400, "Bad Request", e.getMessage());
            } finally {
                METRICS.flush();
            }
        });
        JSON.writeValue(output, response);
    }

    private ObjectNode placeOrder(JsonNode event, Context context) {
        JsonNode body = parseBody(event);
        JsonNode userIdNode = body.get("userId");
        if (userIdNode == null
                || !userIdNode.isTextual()
                || userIdNode.asText().isBlank()
                || userIdNode.asText().length() > 128) {
            throw new BadRequest("userId must be a non-empty string of at most 128 characters");
        }
        JsonNode itemsNode = body.get("items");
        if (itemsNode == null || !itemsNode.isArray() || itemsNode.isEmpty() || itemsNode.size() > MAX_ITEMS) {
            throw new BadRequest("items must be an array of 1 to " + MAX_ITEMS + " SKUs");
        }
        List<AttributeValue> skus = new ArrayList<>(itemsNode.size());
        for (JsonNode item : itemsNode) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new BadRequest("items must hold non-empty SKU strings");
            }
            skus.add(AttributeValue.fromS(item.asText()));
        }
        String userId = userIdNode.asText();
        String requestId = event.path("requestContext").path("requestId").asText("");
        String orderId = "ord_" + (requestId.isEmpty() ? UUID.randomUUID().toString() : requestId);
        String now = Instant.now().toString();

        try {
            dynamo.transactWriteItems(tx -> tx.transactItems(
                    TransactWriteItem.builder()
                            .put(Put.builder()
                                    .tableName(TABLE)
                                    .item(Map.of(
                                            "PK", AttributeValue.fromS("USER#" + userId),
                                            "SK", AttributeValue.fromS("ORDER#" + orderId),
                                            "EntityType", AttributeValue.fromS("ORDER"),
                                            "OrderId", AttributeValue.fromS(orderId),
                                            "UserId", AttributeValue.fromS(userId),
                                            "Skus", AttributeValue.fromL(skus),
                                            "Status", AttributeValue.fromS("CREATED"),
                                            "CreatedAt", AttributeValue.fromS(now)))
                                    .conditionExpression("attribute_not_exists(PK)")
                                    .build())
                            .build(),
                    TransactWriteItem.builder()
                            .update(Update.builder()
                                    .tableName(TABLE)
                                    .key(Map.of(
                                            "PK", AttributeValue.fromS("USER#" + userId),
                                            "SK", AttributeValue.fromS("PROFILE")))
                                    .updateExpression("SET #oc = if_not_exists(#oc, :zero) + :inc, #lod = :now")
                                    .expressionAttributeNames(Map.of("#oc", "OrderCount", "#lod", "LastOrderDate"))
                                    .expressionAttributeValues(Map.of(
                                            ":inc", AttributeValue.fromN("1"),
                                            ":zero", AttributeValue.fromN("0"),
                                            ":now", AttributeValue.fromS(now)))
                                    .build())
                            .build()));
        } catch (TransactionCanceledException e) {
            return problem(409, "Conflict", "order " + orderId + " was already placed");
        }
        LOG.info("Order {} created for user {}.", orderId, userId);
        METRICS.addMetric("OrderPlaced", 1, MetricUnit.COUNT);

        ObjectNode detail = JSON.createObjectNode()
                .put("orderId", orderId)
                .put("userId", userId)
                .put("itemCount", skus.size());
        PutEventsResponse published = events.putEvents(r -> r.entries(PutEventsRequestEntry.builder()
                .source("orders.app")
                .detailType("OrderPlaced")
                .detail(detail.toString())
                .eventBusName(BUS)
                .build()));
        if (published.failedEntryCount() != null && published.failedEntryCount() > 0) {
            throw new IllegalStateException("OrderPlaced was not published: "
                    + published.entries().get(0).errorCode());
        }
        return response(201, JSON.createObjectNode().put("orderId", orderId));
    }

    private static JsonNode parseBody(JsonNode event) {
        JsonNode bodyNode = event.get("body");
        if (bodyNode == null || !bodyNode.isTextual()) {
            throw new BadRequest("the request has no body");
        }
        String body = bodyNode.asText();
        if (event.path("isBase64Encoded").asBoolean(false)) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        try {
            JsonNode parsed = JSON.readTree(body);
            if (parsed == null || !parsed.isObject()) {
                throw new BadRequest("the body must be a JSON object");
            }
            return parsed;
        } catch (IOException e) {
            throw new BadRequest("the body is not valid JSON");
        }
    }

    private static ObjectNode response(int status, ObjectNode body) {
        ObjectNode r = JSON.createObjectNode().put("statusCode", status);
        r.putObject("headers").put("content-type", "application/json");
        r.put("body", body.toString());
        return r;
    }

    private static ObjectNode problem(int status, String title, String detail) {
        ObjectNode r = JSON.createObjectNode().put("statusCode", status);
        r.putObject("headers").put("content-type", "application/problem+json");
        r.put(
                "body",
                JSON.createObjectNode()
                        .put("type", "about:blank")
                        .put("title", title)
                        .put("status", status)
                        .put("detail", detail)
                        .toString());
        return r;
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
