package dev.bricks.local.eventbridge;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Base of the tests that want a fresh started bus and a real SDK client on it for each test; both are
 * closed after the test. Override {@link #busOptions()} to configure the bus.
 */
abstract class LocalBusTest {

    LocalEventBridge bus;
    EventBridgeClient client;

    /** The bus each test gets; default {@code LocalEventBridge.builder()}. */
    LocalEventBridge.Builder busOptions() {
        return LocalEventBridge.builder();
    }

    @BeforeEach
    final void startBus() {
        bus = busOptions().build().start();
        client = Sdk.client(bus);
    }

    @AfterEach
    final void stopBus() {
        client.close();
        bus.close();
    }
}
