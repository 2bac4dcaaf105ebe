package dev.bricks.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateReaderTest {

    @TempDir
    Path dir;

    @BeforeEach
    void artifact() throws IOException {
        Files.createDirectories(dir.resolve("target"));
        Files.write(dir.resolve("target/fn.zip"), new byte[] {1});
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("template.yaml"), yaml);
    }

    private static final String FULL = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage:
                Type: String
                Default: dev
                AllowedValues: [dev, prod]
              Names:
                Type: CommaDelimitedList
                Default: "a,b,c"
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              NotProd: !Not [!Condition IsProd]
            Globals:
              Function:
                Runtime: java17
                MemorySize: 512
                Timeout: 10
                Environment:
                  Variables:
                    SHARED: from-globals
                    STAGE: !Ref Stage
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Sub "orders-${Stage}"
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions:
                    - {AttributeName: pk, AttributeType: S}
                    - {AttributeName: gsi1pk, AttributeType: S}
                  KeySchema: [{AttributeName: pk, KeyType: HASH}]
                  GlobalSecondaryIndexes:
                    - IndexName: gsi1
                      KeySchema: [{AttributeName: gsi1pk, KeyType: HASH}]
                      Projection: {ProjectionType: ALL}
                  StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}
                  TimeToLiveSpecification: {AttributeName: expiresAt, Enabled: true}
                  PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
              Uploads:
                Type: AWS::S3::Bucket
              Bus:
                Type: AWS::Events::EventBus
                Properties:
                  Name: !Join ["-", [orders, !Ref Stage]]
              Role:
                Type: AWS::IAM::Role
                Properties: {}
              ProdOnly:
                Type: AWS::S3::Bucket
                Condition: IsProd
              Api:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: target/fn.zip
                  Handler: example.Api::handleRequest
                  Timeout: !If [IsProd, 30, 5]
                  Tracing: Active
                  AutoPublishAlias: live
                  ReservedConcurrentExecutions: 2
                  Environment:
                    Variables:
                      TABLE: !Ref Orders
                      STREAM: !GetAtt Orders.StreamArn
                      SECOND: !Select [1, !Ref Names]
                      PARTS: !Select [2, !Split [",", "x,y,z"]]
                      LITERAL: !Sub "${!NotReplaced}-${AWS::Region}"
                      GONE: !If [IsProd, kept, !Ref AWS::NoValue]
                  Events:
                    Get:
                      Type: HttpApi
                      Properties: {Path: "/orders/{id}", Method: get}
                    Changes:
                      Type: DynamoDB
                      Properties: {Stream: !GetAtt Orders.StreamArn, StartingPosition: TRIM_HORIZON, BatchSize: 5}
                    Placed:
                      Type: EventBridgeRule
                      Properties:
                        EventBusName: !Ref Bus
                        Pattern: {source: [orders]}
                    Uploaded:
                      Type: S3
                      Properties: {Bucket: !Ref Uploads, Events: s3:ObjectCreated:*}
            Outputs:
              TableName:
                Value: !Ref Orders
              FunctionArn:
                Value: !GetAtt Api.Arn
              ProdOnly:
                Condition: IsProd
                Value: x
            """;

    @Test
    void read_fullTemplate_evaluatesEveryShortFormTagParameterConditionAndGlobal() throws IOException {
        Template t = TemplateReader.read(write(FULL), Map.of());

        FunctionDefinition f = t.function("Api").orElseThrow();
        assertThat(f.runtime()).isEqualTo("java17");
        assertThat(f.memoryMb()).isEqualTo(512);
        assertThat(f.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(f.reservedConcurrency()).isEqualTo(2);
        assertThat(f.artifact()).isEqualTo(dir.resolve("target/fn.zip"));
        assertThat(f.environment())
                .containsEntry("SHARED", "from-globals")
                .containsEntry("STAGE", "dev")
                .containsEntry("TABLE", "orders-dev")
                .containsEntry("STREAM", "arn:aws:dynamodb:us-east-1:000000000000:table/orders-dev/stream/local")
                .containsEntry("SECOND", "b")
                .containsEntry("PARTS", "z")
                .containsEntry("LITERAL", "${NotReplaced}-us-east-1")
                .doesNotContainKey("GONE");
        assertThat(f.events())
                .extracting(FunctionEvent::type)
                .containsExactly(EventType.HTTP_API, EventType.DYNAMODB, EventType.EVENT_BRIDGE_RULE, EventType.S3);
        assertThat(t.tables()).singleElement().satisfies(table -> {
            assertThat(table.tableName()).isEqualTo("orders-dev");
            assertThat(table.ttlAttribute()).isEqualTo("expiresAt");
            assertThat(table.streamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
            assertThat(table.createTableRequest())
                    .containsKeys("GlobalSecondaryIndexes", "KeySchema")
                    .containsEntry("BillingMode", "PAY_PER_REQUEST");
        });
        assertThat(t.buckets()).extracting(BucketDefinition::bucketName).containsExactly("uploads");
        assertThat(t.eventBuses()).containsExactly("orders-dev");
        assertThat(t.rules()).singleElement().satisfies(r -> {
            assertThat(r.eventBusName()).isEqualTo("orders-dev");
            assertThat(r.targets())
                    .extracting(RuleDefinition.Target::functionId)
                    .containsExactly("Api");
        });
        assertThat(t.apis()).extracting(ApiDefinition::logicalId).containsExactly("ServerlessHttpApi");
        assertThat(t.outputs())
                .containsExactly(
                        Map.entry("TableName", "orders-dev"),
                        Map.entry("FunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:Api"));
        assertThat(t.notSimulated())
                .contains(
                        "Tracing (AWS::Serverless::Function): Api",
                        "AutoPublishAlias (AWS::Serverless::Function): Api",
                        "AWS::IAM::Role: Role",
                        "PointInTimeRecoverySpecification (AWS::DynamoDB::Table): Orders");
    }

    @Test
    void read_parameterOverride_changesConditionsAndNames() throws IOException {
        Template t = TemplateReader.read(write(FULL), Map.of("Stage", "prod"));

        assertThat(t.function("Api").orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.function("Api").orElseThrow().environment()).containsEntry("GONE", "kept");
        assertThat(t.buckets()).extracting(BucketDefinition::bucketName).containsExactly("uploads", "prodonly");
        assertThat(t.outputs()).containsKey("ProdOnly");
    }

    @Test
    void read_overrideOutsideAllowedValues_namesParameter() throws IOException {
        Path file = write(FULL);
        assertThatThrownBy(() -> TemplateReader.read(file, Map.of("Stage", "qa")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("parameter Stage is 'qa', not one of its AllowedValues");
        assertThatThrownBy(() -> TemplateReader.read(file, Map.of("Nope", "x")))
                .hasMessageContaining("--parameter-overrides names 'Nope'");
    }

    @Test
    void read_malformedYaml_reportsLineAndColumn() throws IOException {
        Path file = write("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n   Properties: [unclosed\n");

        assertThatThrownBy(() -> TemplateReader.read(file, Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml:4:")
                .hasMessageContaining("malformed YAML")
                .satisfies(e ->
                        assertThat(((TemplateException) e).location().line()).isEqualTo(4));
    }

    @Test
    void read_unknownRef_namesItWithLine() throws IOException {
        Path file = write("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: target/fn.zip
                      Handler: a.B
                      Runtime: java17
                      Environment:
                        Variables:
                          TABLE: !Ref MissingTable
                """);

        assertThatThrownBy(() -> TemplateReader.read(file, Map.of()))
                .hasMessage(
                        "template.yaml:10:18: unresolved !Ref 'MissingTable': no parameter or resource of that name");
    }

    @Test
    void read_missingCodeUri_namesArtifactAndBuildCommand() throws IOException {
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Path file = write("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: target/missing.zip
                      Handler: a.B
                      Runtime: java17
                """);

        assertThatThrownBy(() -> TemplateReader.read(file, Map.of()))
                .hasMessageContaining("template.yaml:5:7: function Fn: CodeUri target/missing.zip")
                .hasMessageContaining("does not exist; build it first: (cd " + dir + " && mvn package)");
    }

    @Test
    void read_unsupportedBehaviourProperty_isErrorNamingResourcePropertyAndLine() throws IOException {
        Path file = write("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: target/fn.zip
                      Handler: a.B
                      Runtime: java17
                      Layers: [arn:aws:lambda:us-east-1:1:layer:x:1]
                """);

        assertThatThrownBy(() -> TemplateReader.read(file, Map.of()))
                .hasMessage("template.yaml:8:7: function Fn: property Layers is not supported by bricks-local"
                        + " (it runs Java functions from a built CodeUri)");
    }

    @Test
    void read_sqsEventOrPythonRuntime_isClearlyNotSupported() throws IOException {
        Path sqs = write("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: target/fn.zip
                      Handler: a.B
                      Runtime: java17
                      Events:
                        Q:
                          Type: SQS
                          Properties: {Queue: arn}
                """);
        assertThatThrownBy(() -> TemplateReader.read(sqs, Map.of()))
                .hasMessageContaining("template.yaml:10:11: function Fn: event Q of Type SQS is not supported"
                        + " (AWS::SQS::Queue is not simulated by bricks-local)");

        Path python = write(Files.readString(sqs).replace("java17", "python3.12"));
        assertThatThrownBy(() -> TemplateReader.read(python, Map.of()))
                .hasMessageContaining("Runtime python3.12 is not supported");
    }

    @Test
    void read_longFormJsonTemplate_readsLikeYaml() throws IOException {
        Path file = Files.writeString(dir.resolve("template.json"), """
                {"Parameters": {"N": {"Type": "String", "Default": "x"}},
                 "Resources": {"Fn": {"Type": "AWS::Serverless::Function", "Properties": {
                   "CodeUri": "target/fn.zip", "Handler": "a.B", "Runtime": "java21",
                   "Environment": {"Variables": {"V": {"Fn::Join": ["/", [{"Ref": "N"}, {"Fn::GetAtt": ["Fn", "Arn"]}]]}}}}}}}
                """);

        FunctionDefinition f = TemplateReader.read(file, Map.of()).functions().get(0);

        assertThat(f.environment()).containsEntry("V", "x/arn:aws:lambda:us-east-1:000000000000:function:Fn");
        assertThat(f.runtime()).isEqualTo("java21");
    }

    @Test
    void buildCommand_mavenWrapperAbove_usesReactorModule() throws IOException {
        Files.writeString(dir.resolve("mvnw"), "");
        Files.createDirectories(dir.resolve("app/target"));
        Files.writeString(dir.resolve("app/pom.xml"), "<project/>");

        assertThat(TemplateReader.buildCommand(dir.resolve("app/target/fn.zip")))
                .isEqualTo("(cd " + dir + " && ./mvnw package -pl app -am)");
        assertThat(List.of(TemplateReader.buildCommand(Path.of("/nowhere/x.zip"))))
                .containsExactly("sam build");
    }
}
