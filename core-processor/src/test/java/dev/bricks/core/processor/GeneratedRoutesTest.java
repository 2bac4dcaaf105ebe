package dev.bricks.core.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.bricks.core.http.HttpMethod;
import dev.bricks.core.invoke.Invoker;
import dev.bricks.core.invoke.LocalContext;
import dev.bricks.core.json.Json;
import dev.bricks.test.HttpEventBuilder;
import dev.bricks.test.HttpEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same handler source compiled with the processor (routes from {@code OrdersHandler$$BricksRoutes}) and without
 * it (routes read from the annotations), answering the same API Gateway events: the answers must be identical.
 */
class GeneratedRoutesTest {

    private static TestCompiler.Compilation generated;
    private static TestCompiler.Compilation reflected;

    @BeforeAll
    static void compileBothWays() {
        generated = TestCompiler.compile(true, Sources.all());
        reflected = TestCompiler.compile(false, Sources.all());
        assertThat(generated.success()).as(generated.errors()).isTrue();
        assertThat(reflected.success()).as(reflected.errors()).isTrue();
    }

    @Test
    void handler_compiledWithProcessor_routesFromGeneratedClass() throws Exception {
        TestCompiler.RecordingLoader loader = generated.loader();
        Class.forName("sample.OrdersHandler", true, loader)
                .getDeclaredConstructor()
                .newInstance();
        assertThat(loader.loaded).contains("sample.OrdersHandler$$BricksRoutes");
        assertThat(generated.generatedSource("sample/OrdersHandler$$BricksRoutes.java"))
                .contains("HttpMethod.POST", "\"/orders/{orderId}\"", "ParameterSource.HEADER, \"x-tenant\"")
                .doesNotContain("->", "::");
    }

    @Test
    void handler_compiledWithoutProcessor_hasNoGeneratedRoutes() {
        assertThat(reflected.classes().resolve("sample/OrdersHandler$$BricksRoutes.class"))
                .doesNotExist();
    }

    @Test
    void dispatch_sameEvents_sameAnswersBothWays() throws Exception {
        String valid = "{\"userId\":\"u1\",\"tags\":[\"ab\"],\"items\":[{\"sku\":\"s\",\"quantity\":2}],"
                + "\"currency\":\"EUR\",\"notes\":[null]}";
        String invalid = "{\"userId\":\" \",\"tags\":[\"a\",\" \"],\"items\":[{\"sku\":\"\",\"quantity\":0}],"
                + "\"currency\":\"eur\",\"notes\":[null],\"gift\":{\"sku\":\"\",\"quantity\":100}}";
        List<String> events = List.of(
                event("POST", "/orders", valid, Map.of()),
                event("POST", "/orders", invalid, Map.of()),
                event("POST", "/orders", "{\"userId\":\"u1\"}", Map.of()),
                event("POST", "/orders", "", Map.of()),
                event("GET", "/orders/o-1?limit=5&status=open", null, Map.of("x-tenant", "t1")),
                event("GET", "/orders/o-1?limit=five", null, Map.of()),
                event("GET", "/orders/o-1", null, Map.of()),
                event("GET", "/orders/o-1?limit=1&status=lost", null, Map.of()),
                event("GET", "/orders/latest?flag=TRUE&count=7", null, Map.of()),
                event("GET", "/orders/latest?flag=yes", null, Map.of()),
                event("DELETE", "/orders/5f0e9f3c-4c5e-4a57-9a8e-2f1c1d6b7a10", null, Map.of()),
                event("DELETE", "/orders/not-a-uuid", null, Map.of()),
                event("GET", "/files/a/b/c.txt", null, Map.of()),
                event("PUT", "/orders", "{}", Map.of()),
                event("GET", "/nowhere", null, Map.of()));
        RequestStreamHandler withGenerated = handler(generated);
        RequestStreamHandler withReflection = handler(reflected);
        LocalContext context = LocalContext.of("orders");
        List<Integer> statuses = new ArrayList<>();
        for (String event : events) {
            byte[] raw = event.getBytes(StandardCharsets.UTF_8);
            String a = new String(Invoker.invoke(withGenerated, raw, context), StandardCharsets.UTF_8);
            String b = new String(Invoker.invoke(withReflection, raw, context), StandardCharsets.UTF_8);
            assertThat(a).as(event).isEqualTo(b);
            statuses.add(Json.read(a, Answer.class).statusCode());
        }
        assertThat(statuses).containsExactly(201, 422, 422, 400, 200, 400, 400, 400, 200, 400, 204, 400, 200, 405, 404);
    }

    /** The part of the API Gateway answer the status list checks. */
    record Answer(int statusCode) {}

    private static RequestStreamHandler handler(TestCompiler.Compilation compilation) throws Exception {
        return (RequestStreamHandler) Class.forName("sample.OrdersHandler", true, compilation.loader())
                .getDeclaredConstructor()
                .newInstance();
    }

    /** An HTTP API 2.0 event on the $default route (Bricks routes by rawPath), built by bricks-test. */
    private static String event(String method, String pathAndQuery, String body, Map<String, String> extraHeaders) {
        HttpEventBuilder builder = HttpEvents.v2().method(HttpMethod.valueOf(method), pathAndQuery);
        extraHeaders.forEach(builder::header);
        if (body != null) {
            builder.json(body);
        }
        return builder.build();
    }
}
