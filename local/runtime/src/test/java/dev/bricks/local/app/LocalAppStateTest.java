package dev.bricks.local.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bricks.local.app.fixtures.TestFunctionZips;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code --state DIR}: what the app stored survives a restart; without it nothing does. */
class LocalAppStateTest {

    @TempDir
    Path dir;

    private LocalApp start(Path state) throws IOException {
        TestFunctionZips.write(dir.resolve("fn.zip"), "v1");
        Path template = Files.writeString(dir.resolve("template.yaml"), """
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: orders
                      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                """);
        LocalAppOptions.Builder options = LocalAppOptions.builder()
                .logs(new PrintStream(PrintStream.nullOutputStream()))
                .colour(false);
        if (state != null) {
            options.stateDirectory(state);
        }
        return LocalApp.start(template, options.build());
    }

    private static DynamoDbClient dynamo(LocalApp app) {
        return DynamoDbClient.builder()
                .endpointOverride(app.endpoints().dynamoDb())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Test
    void start_withState_keepsItemsAcrossRestarts() throws IOException {
        Path state = dir.resolve("state");
        try (LocalApp app = start(state);
                DynamoDbClient db = dynamo(app)) {
            db.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS("kept"))));
        }

        try (LocalApp app = start(state);
                DynamoDbClient db = dynamo(app)) {
            assertThat(db.getItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("kept"))))
                            .item())
                    .containsEntry("pk", AttributeValue.fromS("kept"));
        }
        assertThat(state.resolve("dynamodb")).isDirectory();
    }

    @Test
    void start_templateWithoutBuckets_startsNoS3() throws IOException {
        try (LocalApp app = start(null)) {
            assertThat(app.endpoints().s3()).isNull();
            assertThat(app.startupTable()).doesNotContain("S3 ");
        }
    }

    @Test
    void start_withoutState_startsEmpty() throws IOException {
        try (LocalApp app = start(null);
                DynamoDbClient db = dynamo(app)) {
            db.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS("gone"))));
        }

        try (LocalApp app = start(null);
                DynamoDbClient db = dynamo(app)) {
            assertThat(db.getItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("gone"))))
                            .item())
                    .isEmpty();
        }
    }
}
