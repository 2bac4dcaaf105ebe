package dev.bricks.core.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.core.Fixtures;
import dev.bricks.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvokerTest {

    @Test
    void invoke_sampleOrderHandler_returnsApiGatewayResponse() throws Exception {
        byte[] response = Invoker.invoke(
                Invoker.instantiate("dev.bricks.core.samples.PlaceOrderHandler"),
                Fixtures.event("http-v2-place-order.json"),
                LocalContext.of("placeOrder"));

        Map<?, ?> parsed = Json.read(response, Map.class);
        assertThat(parsed.get("statusCode")).isEqualTo(201);
        assertThat(new String(response, StandardCharsets.UTF_8)).contains("Order received");
    }

    @Test
    void instantiate_badClasses_failNamingTheClass() {
        assertThatThrownBy(() -> Invoker.instantiate("no.such.Handler"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("handler class not found: no.such.Handler");
        assertThatThrownBy(() -> Invoker.instantiate("java.lang.String"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("java.lang.String does not implement RequestStreamHandler");
    }

    @Test
    void localContext_values_areAsGivenAndValidated() {
        LocalContext context = LocalContext.of("r-1", "fn", 256, Duration.ofSeconds(3));

        assertThat(context.getAwsRequestId()).isEqualTo("r-1");
        assertThat(context.getFunctionName()).isEqualTo("fn");
        assertThat(context.getMemoryLimitInMB()).isEqualTo(256);
        assertThat(context.getRemainingTimeInMillis()).isBetween(1, 3000);
        assertThatThrownBy(() -> LocalContext.of("r", "fn", 64, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 64");
    }
}
