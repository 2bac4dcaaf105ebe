package dev.bricks.benchmarks.coldstart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every placeOrder variant, run from its deployment zip through the real runtime client, answers the same event
 * with the same response and sends the same TransactWriteItems and PutEvents requests.
 *
 * <p>Needs the function zips, which the {@code -P coldstart} reactor builds before this module. Today the
 * functions talk to the harness's canned-response stub, so this compares what they SEND. LEAD: once
 * local/dynamodb and local/eventbridge are merged, pass their endpoints ({@code --dynamodb-endpoint},
 * {@code --eventbridge-endpoint}) and also compare the stored items and delivered events; add {@code bricks}
 * to the variant list when functions/bricks exists.
 */
class SameBehaviourTest {

    @TempDir
    Path work;

    @Test
    void placeOrder_everyVariantOnTheSameEvent_sameResponseAndSameAwsRequests() throws IOException {
        Path functions = Path.of("../functions").toAbsolutePath().normalize();
        assertThat(functions.resolve("bare/target/coldstart-bare.zip"))
                .as("build the zips first: ./mvnw -B -o -P coldstart -pl local/runtime,benchmarks/coldstart -amd verify")
                .exists();
        String variants = Files.exists(functions.resolve("bricks/target/coldstart-bricks.zip"))
                ? "bare,powertools,bricks" : "bare,powertools";
        ColdStartBenchmark.Options options = ColdStartBenchmark.Options.parse(new String[] {
                "--functions", functions.toString(), "--work", work.toString(), "--variants", variants});

        ColdStartBenchmark.Check check = new ColdStartBenchmark(options).checkOnly();

        assertThat(check.identical()).as(check.note()).isTrue();
        assertThat(check.note()).contains("bare, powertools").contains("sent the same TransactWriteItems and PutEvents");
    }
}
