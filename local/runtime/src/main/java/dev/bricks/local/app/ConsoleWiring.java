package dev.bricks.local.app;

import dev.bricks.local.console.ConsoleOptions;
import dev.bricks.local.console.ConsoleRecorder;
import dev.bricks.local.console.DevConsole;
import dev.bricks.local.dynamodb.LocalDynamoDb;
import dev.bricks.local.eventbridge.LocalEventBridge;
import dev.bricks.local.functions.AsyncInvoker;
import dev.bricks.local.functions.FunctionEnvironments;
import dev.bricks.local.functions.FunctionInvoker;
import dev.bricks.local.functions.FunctionLogs;
import dev.bricks.local.s3.S3ObjectWritten;
import dev.bricks.local.ses.LocalSes;
import dev.bricks.local.ses.MailSent;
import dev.bricks.local.streams.DynamoDbStreamSource;
import dev.bricks.local.targets.LambdaRuleConfig;
import dev.bricks.local.template.BucketDefinition;
import dev.bricks.local.template.TableDefinition;
import dev.bricks.local.template.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Connects the dev console to a starting {@link LocalApp}: its recorder's hooks (logs, gateway, invoker, SES,
 * S3, DynamoDB, EventBridge, the environments' credentials) and the console itself; with the console off, hooks
 * that do nothing.
 */
final class ConsoleWiring {

    private ConsoleWiring() {}

    /** The recorder; null when the console is off. */
    static ConsoleRecorder recorder(ConsoleOptions options, List<LambdaRuleConfig> rules) {
        if (!options.enabled()) {
            return null;
        }
        Map<String, List<String>> rulesByFunction = new LinkedHashMap<>();
        for (LambdaRuleConfig rule : rules) {
            rulesByFunction
                    .computeIfAbsent(rule.functionId(), k -> new ArrayList<>())
                    .add(rule.busName() + "/" + rule.ruleName());
        }
        return new ConsoleRecorder(options.limits(), options.redactPaths(), rulesByFunction);
    }

    static FunctionLogs logs(LocalAppOptions options, ConsoleRecorder recorder) {
        return recorder == null
                ? new FunctionLogs(options.logs(), options.colour())
                : new FunctionLogs(options.logs(), options.colour(), recorder.logTap());
    }

    static Consumer<MailSent> mails(ConsoleRecorder recorder) {
        return recorder == null ? mail -> {} : recorder.mailListener();
    }

    /**
     * Feeds the recorder every item write and every event put (matched or not), and lets it attribute requests
     * signed by a function environment to that environment's invocation.
     */
    static void feed(
            ConsoleRecorder recorder, LocalDynamoDb dynamo, LocalEventBridge bus, FunctionEnvironments functions) {
        if (recorder == null) {
            return;
        }
        dynamo.addCallListener(recorder.itemListener());
        bus.addPutEventsListener(recorder.eventListener());
        recorder.attributeSignedRequests(functions);
    }

    static Consumer<S3ObjectWritten> objects(ConsoleRecorder recorder) {
        return recorder == null ? object -> {} : recorder.objectListener();
    }

    static DevConsole console(
            ConsoleRecorder recorder,
            Template template,
            FunctionInvoker invoker,
            FunctionEnvironments functions,
            Endpoints endpoints,
            LocalSes ses,
            AsyncInvoker async,
            List<DynamoDbStreamSource> streams) {
        return DevConsole.builder(recorder)
                .invoker(invoker)
                .environments(functions)
                .functions(template.functions())
                .templateFile(template.file())
                .tables(
                        endpoints.dynamoDb(),
                        template.tables().stream()
                                .map(TableDefinition::tableName)
                                .toList())
                .buckets(
                        endpoints.s3(),
                        template.buckets().stream()
                                .map(BucketDefinition::bucketName)
                                .toList())
                .ses(ses)
                .async(async)
                .streams(streams)
                .port(endpoints.api().getPort())
                .build();
    }
}
