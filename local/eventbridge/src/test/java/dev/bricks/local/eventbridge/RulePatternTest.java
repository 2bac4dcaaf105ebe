package dev.bricks.local.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/** Each pattern kind EventBridge supports, matched and not matched, through the SDK and event-ruler. */
class RulePatternTest {

    private static final AtomicInteger RULE = new AtomicInteger();
    private static LocalEventBridge bus;
    private static EventBridgeClient client;

    @BeforeAll
    static void start() {
        bus = LocalEventBridge.builder().build().start();
        client = Sdk.client(bus);
    }

    @AfterAll
    static void stop() {
        client.close();
        bus.close();
    }

    @ParameterizedTest(name = "{0}: {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            exact              | {"source":["orders.app"],"detail-type":["OrderPlaced"]}    | {"id":"o-1"}                 | true
            exact              | {"source":["orders.app"],"detail-type":["OrderShipped"]}   | {"id":"o-1"}                 | false
            prefix             | {"detail":{"id":[{"prefix":"ord-"}]}}                      | {"id":"ord-17"}              | true
            prefix             | {"detail":{"id":[{"prefix":"ord-"}]}}                      | {"id":"inv-17"}              | false
            suffix             | {"detail":{"file":[{"suffix":".png"}]}}                    | {"file":"cat.png"}           | true
            suffix             | {"detail":{"file":[{"suffix":".png"}]}}                    | {"file":"cat.jpg"}           | false
            anything-but       | {"detail":{"state":[{"anything-but":["cancelled"]}]}}      | {"state":"placed"}           | true
            anything-but       | {"detail":{"state":[{"anything-but":["cancelled"]}]}}      | {"state":"cancelled"}        | false
            numeric            | {"detail":{"qty":[{"numeric":[">",0,"<=",5]}]}}            | {"qty":5}                    | true
            numeric            | {"detail":{"qty":[{"numeric":[">",0,"<=",5]}]}}            | {"qty":5.5}                  | false
            exists             | {"detail":{"coupon":[{"exists":true}]}}                    | {"coupon":"XMAS"}            | true
            exists             | {"detail":{"coupon":[{"exists":true}]}}                    | {"qty":1}                    | false
            not-exists         | {"detail":{"coupon":[{"exists":false}]}}                   | {"qty":1}                    | true
            not-exists         | {"detail":{"coupon":[{"exists":false}]}}                   | {"coupon":"XMAS"}            | false
            equals-ignore-case | {"detail":{"country":[{"equals-ignore-case":"fr"}]}}       | {"country":"FR"}             | true
            equals-ignore-case | {"detail":{"country":[{"equals-ignore-case":"fr"}]}}       | {"country":"DE"}             | false
            wildcard           | {"detail":{"path":[{"wildcard":"orders/*/items"}]}}        | {"path":"orders/42/items"}   | true
            wildcard           | {"detail":{"path":[{"wildcard":"orders/*/items"}]}}        | {"path":"orders/42/users"}   | false
            $or                | {"detail":{"$or":[{"qty":[{"numeric":[">",100]}]},{"vip":[true]}]}} | {"qty":1,"vip":true}  | true
            $or                | {"detail":{"$or":[{"qty":[{"numeric":[">",100]}]},{"vip":[true]}]}} | {"qty":1,"vip":false} | false
            array member       | {"detail":{"tags":["gift"]}}                               | {"tags":["new","gift"]}      | true
            array member       | {"detail":{"tags":["gift"]}}                               | {"tags":["new"]}             | false
            """)
    void rule_patternKind_matchesAsEventBridge(String kind, String pattern, String detail, boolean matches)
            throws Exception {
        String rule = "r" + RULE.incrementAndGet();
        Sdk.Recorder target = new Sdk.Recorder();
        bus.addRule(rule, pattern, target);
        try {
            PutEventsResponse response =
                    client.putEvents(r -> r.entries(Sdk.entry("orders.app", "OrderPlaced", detail)));
            assertThat(response.failedEntryCount()).isZero();
            assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();

            assertThat(target.deliveries)
                    .as(kind + " pattern " + pattern + " on " + detail)
                    .hasSize(matches ? 1 : 0);
        } finally {
            bus.removeRule(rule);
        }
    }
}
