package dev.bricks.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.Correlation;
import dev.bricks.core.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3HandlerTest {

    @Test
    void parse_documentedFixture_readsEveryMemberAndDecodesKey() {
        S3Record record =
                S3Handler.parse(Fixtures.event("s3-put.json")).records().get(0);

        assertThat(record.key()).isEqualTo("uploads/red flower.jpg");
        assertThat(record.rawKey()).isEqualTo("uploads/red+flower.jpg");
        assertThat(record.bucket()).isEqualTo("photos-bucket");
        assertThat(record.bucketArn()).isEqualTo("arn:aws:s3:::photos-bucket");
        assertThat(record.size()).isEqualTo(1305107);
        assertThat(record.eTag()).isEqualTo("b21b84d653bb07b05b1e6b33684dc11b");
        assertThat(record.eventName()).isEqualTo("ObjectCreated:Put");
        assertThat(record.isObjectCreated()).isTrue();
        assertThat(record.isObjectRemoved()).isFalse();
        assertThat(record.eventTime()).isEqualTo(Instant.parse("2019-09-03T19:37:27.192Z"));
        assertThat(record.awsRegion()).isEqualTo("us-east-1");
        assertThat(record.versionId()).isEqualTo("3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY");
        assertThat(record.sequencer()).isEqualTo("0C0F6F405D6ED209E1");
        assertThat(record.requestId()).isEqualTo("D82B88E5F771F645");
        assertThat(record.principalId()).isEqualTo("AWS:AIDAINPONIXQXHT3IKHL2");
        assertThat(record.sourceIp()).isEqualTo("205.255.255.255");
        assertThat(record.configurationId()).isEqualTo("828aa6fc-f7b5-4305-8584-487c791949c1");
    }

    @Test
    void parse_percentEncodedKey_isDecoded() {
        String event = new String(Fixtures.event("s3-put.json"), StandardCharsets.UTF_8)
                .replace("uploads/red+flower.jpg", "uploads/caf%C3%A9+%2B1.jpg");

        assertThat(S3Handler.parse(event.getBytes(StandardCharsets.UTF_8))
                        .records()
                        .get(0)
                        .key())
                .isEqualTo("uploads/café +1.jpg");
    }

    @Test
    void handleRequest_setsCorrelationFromRequestIdAndFailsOnHandlerError() {
        List<String> seen = new ArrayList<>();
        S3Handler handler = new S3Handler() {
            @Override
            protected void handleRecord(S3Record record, Context context) {
                seen.add(record.key() + "|" + Correlation.current().orElseThrow());
            }
        };
        S3Handler failing = new S3Handler() {
            @Override
            protected void handleRecord(S3Record record, Context context) {
                throw new IllegalStateException("no thumbnail for " + record.key());
            }
        };

        Fixtures.run(handler, Fixtures.event("s3-put.json"));

        assertThat(seen).containsExactly("uploads/red flower.jpg|D82B88E5F771F645");
        assertThatThrownBy(() -> Fixtures.run(failing, Fixtures.event("s3-put.json")))
                .hasMessage("no thumbnail for uploads/red flower.jpg");
    }
}
