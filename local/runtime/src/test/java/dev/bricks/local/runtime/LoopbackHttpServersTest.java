package dev.bricks.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopbackHttpServersTest {

    @Test
    void noDelayWarning_jdkServerStartedBeforeAndPropertyUnset_namesCauseAndFixes() {
        assertThat(LoopbackHttpServers.noDelayWarning(null, List.of("main", LoopbackHttpServers.JDK_DISPATCHER_THREAD)))
                .hasValueSatisfying(w -> assertThat(w)
                        .contains("started before bricks-local")
                        .contains("LoopbackHttpServers.create")
                        .contains("-Dsun.net.httpserver.nodelay=true"));
    }

    @Test
    void noDelayWarning_propertySetOtherwise_namesTheSetting() {
        assertThat(LoopbackHttpServers.noDelayWarning("false", List.of("main")))
                .hasValueSatisfying(w -> assertThat(w).contains("-Dsun.net.httpserver.nodelay=false"));
    }

    @Test
    void noDelayWarning_propertyTrueEvenWithEarlierServer_empty() {
        assertThat(LoopbackHttpServers.noDelayWarning("true", List.of(LoopbackHttpServers.JDK_DISPATCHER_THREAD)))
                .isEmpty();
    }

    @Test
    void noDelayWarning_noServerBeforeAndPropertyUnset_empty() {
        assertThat(LoopbackHttpServers.noDelayWarning(null, List.of("main", "Reference Handler")))
                .isEmpty();
    }

    @Test
    void jdkHttpServer_started_runsTheDispatcherThreadTheWarningLooksFor() throws Exception {
        // through the factory: a plain HttpServer.create first would turn TCP_NODELAY off for this test JVM
        HttpServer server = LoopbackHttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
        try {
            assertThat(Thread.getAllStackTraces().keySet().stream().map(Thread::getName))
                    .contains(LoopbackHttpServers.JDK_DISPATCHER_THREAD);
        } finally {
            server.stop(0);
        }
    }
}
