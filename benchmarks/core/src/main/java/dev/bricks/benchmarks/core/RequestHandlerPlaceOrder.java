package dev.bricks.benchmarks.core;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.bricks.core.invoke.LocalContext;
import dev.bricks.core.json.Json;
import dev.bricks.core.samples.PlaceOrderHandler.OrderReceived;
import dev.bricks.core.samples.PlaceOrderHandler.PlaceOrder;
import dev.bricks.core.validation.Validator;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Cold-start comparison only (benchmarks/core/cold-start.sh): the sample order handler written as a
 * {@link RequestHandler} of aws-lambda-java-events types, driven the way Lambda's Java runtime drives one —
 * the event read and the response written by aws-lambda-java-serialization. The business work (body binding,
 * validation, JSON body) is the same as {@code PlaceOrderHandler}'s, so the difference is the event
 * (de)serialization path.
 */
public final class RequestHandlerPlaceOrder implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Validator<PlaceOrder> validator = Validator.of(PlaceOrder.class);

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        PlaceOrder order = validator.requireValid(Json.read(event.getBody(), PlaceOrder.class));
        String orderId = "ord_" + System.currentTimeMillis() + "_"
                + Integer.toString(order.items().size(), 36);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(Json.writeString(new OrderReceived(orderId, "Order received")))
                .build();
    }

    /** {@code RequestHandlerPlaceOrder <event.json>}: one invocation through Lambda's serialization. */
    public static void main(String[] args) throws Exception {
        ClassLoader loader = RequestHandlerPlaceOrder.class.getClassLoader();
        PojoSerializer<APIGatewayV2HTTPEvent> in =
                LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, loader);
        PojoSerializer<APIGatewayV2HTTPResponse> out =
                LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, loader);
        APIGatewayV2HTTPEvent event;
        try (InputStream stream = new FileInputStream(args[0])) {
            event = in.fromJson(stream);
        }
        APIGatewayV2HTTPResponse response =
                new RequestHandlerPlaceOrder().handleRequest(event, LocalContext.of("bench"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        out.toJson(response, bytes);
        System.out.println(bytes.toString(StandardCharsets.UTF_8));
    }
}
