package dev.bricks.local.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.local.functions.FunctionInvoker;
import dev.bricks.local.functions.InvokeOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The seeded choices of {@link FaultInjection}, on a function invoker of our own (no function JVM needed). */
class FaultInjectionSeedTest {

    private static final FunctionInvoker SUCCEEDING = (functionId, event) ->
            new InvokeOutcome("req", "{}".getBytes(StandardCharsets.UTF_8), null, null, false, Duration.ZERO);

    private static FaultInjection faults(long seed) {
        return new FaultInjection(
                LocalAppOptions.builder()
                        .faultSeed(seed)
                        .maxEventBridgeDeliveries(3)
                        .maxStreamDeliveries(2)
                        .failInvocations("Fn", InvocationFailures.fraction(0.3))
                        .build(),
                line -> {});
    }

    private static List<Boolean> failures(FaultInjection faults, int n) {
        FunctionInvoker invoker = faults.failing(SUCCEEDING);
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(!invoker.invoke("Fn", "{}".getBytes(StandardCharsets.UTF_8)).succeeded());
        }
        return out;
    }

    @Test
    void failing_sameSeed_failsTheSameInvocations() {
        List<Boolean> first = failures(faults(11), 200);
        List<Boolean> second = failures(faults(11), 200);
        List<Boolean> otherSeed = failures(faults(12), 200);

        assertThat(first).isEqualTo(second).isNotEqualTo(otherSeed);
        assertThat(first.stream().filter(f -> f).count()).isBetween(40L, 80L); // 30 % of 200, give or take
    }

    @Test
    void failing_injectedOutcome_isAnUnhandledFunctionErrorWithTheInjectedType() {
        FaultInjection faults = new FaultInjection(
                LocalAppOptions.builder()
                        .failInvocations("Fn", InvocationFailures.when(e -> e.contains("boom")))
                        .build(),
                line -> {});

        InvokeOutcome out =
                faults.failing(SUCCEEDING).invoke("Fn", "{\"x\":\"boom\"}".getBytes(StandardCharsets.UTF_8));
        InvokeOutcome other = faults.failing(SUCCEEDING).invoke("Other", "boom".getBytes(StandardCharsets.UTF_8));

        assertThat(out.functionError()).isEqualTo("Unhandled");
        assertThat(out.errorType()).isEqualTo(InvocationFailures.ERROR_TYPE);
        assertThat(out.payloadAsString()).contains("\"errorType\":\"BricksLocal.InjectedFailure\"", "of Fn failed");
        assertThat(other.succeeded()).isTrue();
        assertThat(faults.injectedFailures("Fn")).isEqualTo(1);
    }

    @Test
    void eventBridgeDeliveries_sameSeed_sameCopiesEachBetween1AndMax() {
        FaultInjection a = faults(5);
        FaultInjection b = faults(5);

        List<Integer> copies =
                IntStream.range(0, 100).mapToObj(i -> a.eventBridgeDeliveries()).toList();

        assertThat(copies)
                .isEqualTo(IntStream.range(0, 100)
                        .mapToObj(i -> b.eventBridgeDeliveries())
                        .toList());
        assertThat(copies).allSatisfy(n -> assertThat(n).isBetween(1, 3)).contains(1, 2, 3);
        assertThat(a.duplicateEventBridgeDeliveries())
                .isEqualTo(copies.stream().mapToInt(n -> n - 1).sum());
    }

    @Test
    void repeatingStreamBatches_stopsAtTheFirstFailedDelivery() {
        AtomicInteger calls = new AtomicInteger();
        FunctionInvoker failingOnce = (functionId, event) ->
                new InvokeOutcome("req", "{}".getBytes(StandardCharsets.UTF_8), "Unhandled", "E", false, Duration.ZERO);
        FaultInjection faults = faults(3);
        FunctionInvoker repeating = faults.repeatingStreamBatches((functionId, event) -> {
            calls.incrementAndGet();
            return failingOnce.invoke(functionId, event);
        });

        for (int i = 0; i < 20; i++) {
            repeating.invoke("Fn", new byte[0]);
        }

        assertThat(calls).hasValue(20);
        assertThat(faults.duplicateStreamDeliveries()).isPositive(); // drawn, but a failure stops the repeats
    }

    @Test
    void clear_stopsFailuresAndDuplicates() {
        FaultInjection faults = new FaultInjection(
                LocalAppOptions.builder()
                        .maxEventBridgeDeliveries(3)
                        .failInvocations("Fn", InvocationFailures.fraction(1))
                        .build(),
                line -> {});

        faults.clear();

        assertThat(faults.failing(SUCCEEDING).invoke("Fn", new byte[0]).succeeded())
                .isTrue();
        assertThat(IntStream.range(0, 20).map(i -> faults.eventBridgeDeliveries()))
                .containsOnly(1);
    }

    @Test
    void options_badDeliveriesOrFraction_areRefusedNamingThem() {
        assertThatThrownBy(() ->
                        LocalAppOptions.builder().maxEventBridgeDeliveries(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EventBridge");
        assertThatThrownBy(() -> InvocationFailures.fraction(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fraction");
    }
}
