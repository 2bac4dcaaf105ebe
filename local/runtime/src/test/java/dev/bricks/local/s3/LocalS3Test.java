package dev.bricks.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.local.fixtures.RecordingHandler;
import dev.bricks.local.fixtures.TestApp;
import dev.bricks.local.functions.AsyncInvokeConfig;
import dev.bricks.local.functions.AsyncInvoker;
import dev.bricks.local.functions.FunctionEnvironments;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

class LocalS3Test {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static FunctionEnvironments functions;
    static AsyncInvoker async;
    static LocalS3 s3;
    static S3Client client;

    @BeforeAll
    static void startAll() {
        functions = TestApp.environments(
                TestApp.function(dir, "Uploads", RecordingHandler.class, Map.of()),
                TestApp.function(dir, "Removals", RecordingHandler.class, Map.of()));
        async = new AsyncInvoker(functions, AsyncInvokeConfig.LOCAL_DEFAULT, line -> {});
        s3 = new LocalS3(
                        new S3Config(
                                0,
                                null,
                                "eu-west-1",
                                List.of(
                                        new S3BucketConfig(
                                                "photos",
                                                List.of(
                                                        new S3NotificationConfig(
                                                                "jpgs",
                                                                "Uploads",
                                                                Set.of(S3EventType.OBJECT_CREATED_ANY),
                                                                "uploads/",
                                                                ".jpg"),
                                                        new S3NotificationConfig(
                                                                "gone",
                                                                "Removals",
                                                                Set.of(S3EventType.OBJECT_REMOVED_ANY),
                                                                "",
                                                                ""))),
                                        new S3BucketConfig("plain", List.of()))),
                        async)
                .start();
        client = client(s3);
    }

    static S3Client client(LocalS3 server) {
        return S3Client.builder()
                .endpointOverride(server.endpoint())
                .forcePathStyle(true)
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stopAll() {
        client.close();
        s3.close();
        async.close();
        functions.close();
    }

    @BeforeEach
    void drain() throws InterruptedException {
        assertThat(async.awaitIdle(Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void putObject_keyWithSpacesAndNonAscii_oneNotificationWithTheFormEncodedKey() throws Exception {
        int before = TestApp.events(dir, "Uploads").size();
        String key = "uploads/red flower ñandú.jpg";

        client.putObject(b -> b.bucket("photos").key(key), RequestBody.fromString("pixels"));

        assertThat(async.awaitIdle(Duration.ofSeconds(60))).isTrue();
        List<String> events = TestApp.events(dir, "Uploads");
        assertThat(events).hasSize(before + 1);
        JsonNode record =
                JSON.readTree(events.get(events.size() - 1)).path("Records").get(0);
        assertThat(record.path("eventVersion").asText()).isEqualTo("2.1");
        assertThat(record.path("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(record.path("awsRegion").asText()).isEqualTo("eu-west-1");
        assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.path("eventTime").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z");
        assertThat(record.path("requestParameters").path("sourceIPAddress").asText())
                .isEqualTo("127.0.0.1");
        assertThat(record.path("responseElements").path("x-amz-request-id").asText())
                .matches("[0-9A-F]{16}");
        JsonNode s3Block = record.path("s3");
        assertThat(s3Block.path("s3SchemaVersion").asText()).isEqualTo("1.0");
        assertThat(s3Block.path("configurationId").asText()).isEqualTo("jpgs");
        assertThat(s3Block.path("bucket").path("name").asText()).isEqualTo("photos");
        assertThat(s3Block.path("bucket").path("arn").asText()).isEqualTo("arn:aws:s3:::photos");
        JsonNode object = s3Block.path("object");
        assertThat(object.path("key").asText()).isEqualTo("uploads/red+flower+%C3%B1and%C3%BA.jpg");
        assertThat(URLDecoder.decode(object.path("key").asText(), StandardCharsets.UTF_8))
                .isEqualTo(key);
        assertThat(object.path("size").asLong()).isEqualTo(6);
        String eTag = client.headObject(b -> b.bucket("photos").key(key)).eTag();
        assertThat(object.path("eTag").asText()).isEqualTo(eTag.replace("\"", ""));
        assertThat(object.path("sequencer").asText()).matches("[0-9A-F]{18}");
        assertThat(client.getObjectAsBytes(b -> b.bucket("photos").key(key)).asUtf8String())
                .isEqualTo("pixels");
    }

    @Test
    void putObject_keyOutsidePrefixOrSuffix_noNotification() throws Exception {
        int before = TestApp.events(dir, "Uploads").size();

        client.putObject(b -> b.bucket("photos").key("uploads/notes.txt"), RequestBody.fromString("a"));
        client.putObject(b -> b.bucket("photos").key("elsewhere/cat.jpg"), RequestBody.fromString("b"));
        client.putObject(b -> b.bucket("plain").key("uploads/dog.jpg"), RequestBody.fromString("c"));

        assertThat(async.awaitIdle(Duration.ofSeconds(60))).isTrue();
        assertThat(TestApp.events(dir, "Uploads")).hasSize(before);
        assertThat(client.listObjectsV2(b -> b.bucket("photos").prefix("elsewhere/"))
                        .contents())
                .extracting(S3Object::key)
                .containsExactly("elsewhere/cat.jpg");
    }

    @Test
    void deleteObject_existingKey_objectRemovedNotificationWithoutSize() throws Exception {
        client.putObject(b -> b.bucket("photos").key("tmp/old file.txt"), RequestBody.fromString("x"));
        int before = TestApp.events(dir, "Removals").size();

        client.deleteObject(b -> b.bucket("photos").key("tmp/old file.txt"));

        assertThat(async.awaitIdle(Duration.ofSeconds(60))).isTrue();
        List<String> events = TestApp.events(dir, "Removals");
        assertThat(events).hasSize(before + 1);
        JsonNode record =
                JSON.readTree(events.get(events.size() - 1)).path("Records").get(0);
        assertThat(record.path("eventName").asText()).isEqualTo("ObjectRemoved:Delete");
        assertThat(record.path("s3").path("object").path("key").asText()).isEqualTo("tmp/old+file.txt");
        assertThat(record.path("s3").path("object").has("size")).isFalse();
        assertThatThrownBy(() -> client.getObject(b -> b.bucket("photos").key("tmp/old file.txt")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void deleteObjects_twoKeysAndOneMissing_oneNotificationPerRemovedObject() throws Exception {
        client.putObject(b -> b.bucket("photos").key("batch/a"), RequestBody.fromString("a"));
        client.putObject(b -> b.bucket("photos").key("batch/b"), RequestBody.fromString("b"));
        int before = TestApp.events(dir, "Removals").size();

        client.deleteObjects(b -> b.bucket("photos")
                .delete(d -> d.objects(o -> o.key("batch/a"), o -> o.key("batch/b"), o -> o.key("batch/missing"))));

        assertThat(async.awaitIdle(Duration.ofSeconds(60))).isTrue();
        List<String> events = TestApp.events(dir, "Removals");
        assertThat(events.subList(before, events.size()))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e).contains("\"eventName\":\"ObjectRemoved:Delete\""));
    }

    @Test
    void multipartUpload_completed_oneCompleteMultipartUploadNotificationWithTheWholeSize() throws Exception {
        int before = TestApp.events(dir, "Uploads").size();
        String key = "uploads/big.jpg";
        byte[] part1 = new byte[5 * 1024 * 1024];
        Arrays.fill(part1, (byte) 'a');
        String uploadId =
                client.createMultipartUpload(b -> b.bucket("photos").key(key)).uploadId();
        String e1 = client.uploadPart(
                        b -> b.bucket("photos").key(key).uploadId(uploadId).partNumber(1), RequestBody.fromBytes(part1))
                .eTag();
        String e2 = client.uploadPart(
                        b -> b.bucket("photos").key(key).uploadId(uploadId).partNumber(2),
                        RequestBody.fromString("tail"))
                .eTag();

        client.completeMultipartUpload(b -> b.bucket("photos")
                .key(key)
                .uploadId(uploadId)
                .multipartUpload(m -> m.parts(
                        CompletedPart.builder().partNumber(1).eTag(e1).build(),
                        CompletedPart.builder().partNumber(2).eTag(e2).build())));

        assertThat(async.awaitIdle(Duration.ofSeconds(60))).isTrue();
        List<String> events = TestApp.events(dir, "Uploads");
        assertThat(events).hasSize(before + 1);
        JsonNode record =
                JSON.readTree(events.get(events.size() - 1)).path("Records").get(0);
        assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
        assertThat(record.path("s3").path("object").path("size").asLong()).isEqualTo(part1.length + 4L);
        assertThat(client.headObject(b -> b.bucket("photos").key(key)).contentLength())
                .isEqualTo(part1.length + 4L);
    }

    @Test
    void copyObject_intoNotifiedPrefix_objectCreatedCopy() throws Exception {
        client.putObject(b -> b.bucket("plain").key("source.jpg"), RequestBody.fromString("img"));
        int before = TestApp.events(dir, "Uploads").size();

        client.copyObject(b -> b.sourceBucket("plain")
                .sourceKey("source.jpg")
                .destinationBucket("photos")
                .destinationKey("uploads/copy.jpg"));

        assertThat(async.awaitIdle(Duration.ofSeconds(60))).isTrue();
        List<String> events = TestApp.events(dir, "Uploads");
        assertThat(events).hasSize(before + 1);
        assertThat(events.get(events.size() - 1))
                .contains("\"eventName\":\"ObjectCreated:Copy\"", "\"key\":\"uploads/copy.jpg\"", "\"size\":3");
    }

    @Test
    void start_withDataDirectory_keepsObjectsAcrossRestarts() {
        S3Config config =
                new S3Config(0, dir.resolve("state/s3"), "us-east-1", List.of(new S3BucketConfig("kept", List.of())));
        try (LocalS3 first = new LocalS3(config, async).start();
                S3Client c = client(first)) {
            c.putObject(b -> b.bucket("kept").key("a/b.txt"), RequestBody.fromString("persisted"));
        }
        try (LocalS3 second = new LocalS3(config, async).start();
                S3Client c = client(second)) {
            assertThat(c.getObjectAsBytes(b -> b.bucket("kept").key("a/b.txt")).asUtf8String())
                    .isEqualTo("persisted");
        }
    }

    @Test
    void startInBackground_requestRightAway_isHeldUntilTheServerIsUp() {
        List<String> log = new CopyOnWriteArrayList<>();
        S3Config config = new S3Config(0, null, "us-east-1", List.of(new S3BucketConfig("early", List.of())));
        try (LocalS3 early = new LocalS3(config, async).startInBackground(log::add);
                S3Client c = client(early)) {
            // the endpoint is known at once; the first request waits for s3proxy and the bucket
            c.putObject(b -> b.bucket("early").key("first.txt"), RequestBody.fromString("not lost"));

            assertThat(c.getObjectAsBytes(b -> b.bucket("early").key("first.txt"))
                            .asUtf8String())
                    .isEqualTo("not lost");
        }
        assertThat(log).isEmpty();
    }

    @Test
    void startInBackground_portInUse_failsAtOnceNamingThePort() {
        S3Config taken = new S3Config(s3.endpoint().getPort(), null, "us-east-1", List.of());
        assertThatThrownBy(() -> new LocalS3(taken, async).startInBackground(line -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("127.0.0.1:" + s3.endpoint().getPort());
    }

    @Test
    void s3EventType_parse_unknownName_namesTheSupportedOnes() {
        assertThat(S3EventType.parse("s3:ObjectCreated:Put")).isEqualTo(S3EventType.OBJECT_CREATED_PUT);
        assertThatThrownBy(() -> S3EventType.parse("s3:ObjectRestore:Post"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s3:ObjectRestore:Post")
                .hasMessageContaining("s3:ObjectCreated:*");
    }

    @Test
    void bucketConfig_invalidName_isRefusedWithTheName() {
        assertThatThrownBy(() -> new S3BucketConfig("Bad_Bucket", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Bad_Bucket");
    }
}
