package dev.bricks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.s3.S3Handler;
import dev.bricks.core.s3.S3Record;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    static final class Counting extends S3Handler {
        final List<String> calls = new ArrayList<>();
        int failSetups;

        @Override
        protected void setup() {
            if (failSetups-- > 0) {
                throw new IllegalStateException("config missing");
            }
            calls.add("setup");
        }

        @Override
        protected void prime() {
            calls.add("prime");
        }

        @Override
        protected void handleRecord(S3Record record, Context context) {
            calls.add("handle cold=" + coldStart());
        }
    }

    @Test
    void beforeCheckpoint_runsSetupThenPrime_andInvocationDoesNotRepeatSetup() throws Exception {
        Counting handler = new Counting();

        handler.beforeCheckpoint(null);
        Fixtures.run(handler, Fixtures.event("s3-put.json"));

        assertThat(handler.calls).containsExactly("setup", "prime", "handle cold=true");
    }

    @Test
    void afterRestore_marksNextInvocationCold() {
        Counting handler = new Counting();
        Fixtures.run(handler, Fixtures.event("s3-put.json"));
        Fixtures.run(handler, Fixtures.event("s3-put.json"));

        handler.afterRestore(null);
        Fixtures.run(handler, Fixtures.event("s3-put.json"));

        assertThat(handler.calls).containsExactly("setup", "handle cold=true", "handle cold=false", "handle cold=true");
    }

    @Test
    void setupFails_invocationFailsAndSetupIsRetriedNextTime() {
        Counting handler = new Counting();
        handler.failSetups = 1;

        assertThatThrownBy(() -> Fixtures.run(handler, Fixtures.event("s3-put.json")))
                .hasMessage("config missing");
        Fixtures.run(handler, Fixtures.event("s3-put.json"));

        assertThat(handler.calls).containsExactly("setup", "handle cold=false");
    }
}
