package dev.bricks.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every placeOrder variant (bare, powertools, bricks), run from its deployment zip through the real runtime
 * client against the REAL local engines the harness starts ({@code bricks-local-dynamodb},
 * {@code bricks-local-eventbridge} with a rule capturing {@code OrderPlaced}), answers the same event and its retry
 * identically, stores identical items and gets an identical event delivered (times, ids and user masked; the
 * members Bricks adds by design are removed only when they hold exactly the expected value).
 *
 * <p>Needs the function zips, which the {@code -P coldstart} reactor builds before this module.
 */
class SameBehaviourTest {

    @TempDir
    Path work;

    @Test
    void placeOrder_everyVariantAgainstLocalEngines_sameResponsesItemsAndEvents() throws IOException {
        Path functions = Path.of("../functions").toAbsolutePath().normalize();
        assertThat(functions.resolve("bare/target/coldstart-bare.zip"))
                .as(
                        "build the zips first (see benchmarks/coldstart/README.md, Run it): the -P coldstart reactor with the function modules and -am")
                .exists();
        List<String> variants = List.of("bare", "powertools", "bricks");
        ColdStartBenchmark.Options options = ColdStartBenchmark.Options.parse(new String[] {
            "--functions",
            functions.toString(),
            "--work",
            work.toString(),
            "--variants",
            String.join(",", variants),
            "--jdks",
            "17",
            "--loading",
            "zip",
            "--help",
            "off"
        });

        ColdStartBenchmark.Check check = new ColdStartBenchmark(options).checkOnly();

        assertThat(check.identical()).as(check.note() + "\n" + check.evidence()).isTrue();
        assertThat(check.evidence()).containsOnlyKeys(variants);
        for (String v : variants) {
            JsonNode e = check.evidence().get(v);
            assertThat(e.path("responses").get(0).path("statusCode").asInt())
                    .as(v)
                    .isEqualTo(201);
            assertThat(e.path("responses").get(0).path("body").path("orderId").asText())
                    .as(v)
                    .isEqualTo("ord_same-behaviour-check");
            assertThat(e.path("responses").get(1).path("statusCode").asInt())
                    .as(v + " retry")
                    .isEqualTo(409);
            JsonNode order = e.path("items").get(0);
            assertThat(order.path("PK").path("S").asText()).as(v).isEqualTo("USER#<user>");
            assertThat(order.path("SK").path("S").asText()).as(v).isEqualTo("ORDER#ord_same-behaviour-check");
            assertThat(order.path("Status").path("S").asText()).as(v).isEqualTo("CREATED");
            assertThat(order.path("EntityType").path("S").asText()).as(v).isEqualTo("ORDER");
            assertThat(order.path("Skus").path("L")).as(v).hasSize(2);
            JsonNode profile = e.path("items").get(1);
            assertThat(profile.path("OrderCount").path("N").asText()).as(v).isEqualTo("1");
            assertThat(profile.path("LastOrderDate").path("S").asText()).as(v).isEqualTo("<time>");
            assertThat(e.path("events"))
                    .as(v + ": one OrderPlaced delivered, none for the 409 retry")
                    .hasSize(1);
            JsonNode event = e.path("events").get(0);
            assertThat(event.path("source").asText()).isEqualTo("orders.app");
            assertThat(event.path("detail-type").asText()).isEqualTo("OrderPlaced");
            assertThat(event.path("detail").path("itemCount").asInt()).isEqualTo(2);
            assertThat(event.path("detail").path("userId").asText()).isEqualTo("<user>");
        }
        assertThat(check.note())
                .contains("stored the same order and profile items", "same 409")
                .contains("Invalid input", "bare 400", "Masked in every variant");
    }
}
