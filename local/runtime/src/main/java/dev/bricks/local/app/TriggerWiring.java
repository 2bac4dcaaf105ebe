package dev.bricks.local.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.bricks.local.s3.S3BucketConfig;
import dev.bricks.local.s3.S3EventType;
import dev.bricks.local.s3.S3NotificationConfig;
import dev.bricks.local.streams.StartingPosition;
import dev.bricks.local.streams.StreamSourceConfig;
import dev.bricks.local.targets.LambdaRuleConfig;
import dev.bricks.local.targets.TargetInput;
import dev.bricks.local.template.EventType;
import dev.bricks.local.template.FunctionDefinition;
import dev.bricks.local.template.FunctionEvent;
import dev.bricks.local.template.RuleDefinition;
import dev.bricks.local.template.Template;
import dev.bricks.local.template.TemplateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the template's {@code DynamoDB}, {@code S3} and {@code EventBridgeRule} events and its
 * {@code AWS::Events::Rule}s into the trigger components' configurations, as SAM would deploy them.
 */
final class TriggerWiring {

    private TriggerWiring() {}

    /** One event source mapping per {@code DynamoDB} event (skipping {@code Enabled: false}). */
    static List<StreamSourceConfig> streams(Template template) {
        List<StreamSourceConfig> out = new ArrayList<>();
        for (FunctionDefinition f : template.functions()) {
            for (FunctionEvent ev : f.events()) {
                if (ev.type() != EventType.DYNAMODB
                        || "false".equalsIgnoreCase(str(ev.properties().get("Enabled")))) {
                    continue;
                }
                Map<String, Object> p = ev.properties();
                String table = str(p.get("Stream")).replaceAll(".*:table/([^/]+).*", "$1");
                try {
                    StreamSourceConfig.Builder b = StreamSourceConfig.builder(f.logicalId(), table);
                    if (p.get("BatchSize") != null) {
                        b.batchSize(Integer.parseInt(str(p.get("BatchSize"))));
                    }
                    if (p.get("MaximumBatchingWindowInSeconds") != null) {
                        b.maximumBatchingWindow(
                                Duration.ofSeconds(Long.parseLong(str(p.get("MaximumBatchingWindowInSeconds")))));
                    }
                    if (p.get("StartingPosition") != null) {
                        b.startingPosition(StartingPosition.valueOf(str(p.get("StartingPosition"))));
                    }
                    if (p.get("FunctionResponseTypes") instanceof List<?> types) {
                        b.reportBatchItemFailures(types.contains("ReportBatchItemFailures"));
                    }
                    if (p.get("BisectBatchOnFunctionError") != null) {
                        b.bisectBatchOnFunctionError(Boolean.parseBoolean(str(p.get("BisectBatchOnFunctionError"))));
                    }
                    if (p.get("MaximumRetryAttempts") != null) {
                        b.maximumRetryAttempts(Integer.parseInt(str(p.get("MaximumRetryAttempts"))));
                    }
                    if (p.get("MaximumRecordAgeInSeconds") != null) {
                        long age = Long.parseLong(str(p.get("MaximumRecordAgeInSeconds")));
                        b.maximumRecordAge(age < 0 ? null : Duration.ofSeconds(age));
                    }
                    if (p.get("DestinationConfig") instanceof Map<?, ?> dc
                            && dc.get("OnFailure") instanceof Map<?, ?> of
                            && of.get("Destination") != null) {
                        b.onFailureDestination(str(of.get("Destination")));
                    }
                    if (p.get("FilterCriteria") instanceof Map<?, ?> fc
                            && fc.get("Filters") instanceof List<?> filters) {
                        List<String> patterns = new ArrayList<>();
                        for (Object filter : filters) {
                            Object pattern = filter instanceof Map<?, ?> m ? m.get("Pattern") : null;
                            patterns.add(pattern instanceof String s ? s : json(pattern));
                        }
                        b.filterPatterns(patterns);
                    }
                    out.add(b.build());
                } catch (IllegalArgumentException e) {
                    throw new TemplateException(
                            ev.location(),
                            "function " + f.logicalId() + ": event " + ev.name() + ": " + e.getMessage());
                }
            }
        }
        return out;
    }

    /** The template's buckets with the notifications of the functions' {@code S3} events. */
    static List<S3BucketConfig> buckets(Template template) {
        Map<String, List<S3NotificationConfig>> byBucket = new LinkedHashMap<>();
        template.buckets().forEach(b -> byBucket.put(b.bucketName(), new ArrayList<>()));
        for (FunctionDefinition f : template.functions()) {
            for (FunctionEvent ev : f.events()) {
                if (ev.type() != EventType.S3) {
                    continue;
                }
                Map<String, Object> p = ev.properties();
                Set<S3EventType> types = new LinkedHashSet<>();
                Object events = p.get("Events");
                try {
                    for (Object e : events instanceof List<?> l ? l : List.of(str(events))) {
                        types.add(S3EventType.parse(str(e)));
                    }
                    String prefix = "";
                    String suffix = "";
                    if (p.get("Filter") instanceof Map<?, ?> filter
                            && filter.get("S3Key") instanceof Map<?, ?> key
                            && key.get("Rules") instanceof List<?> rules) {
                        for (Object r : rules) {
                            Map<?, ?> rule = (Map<?, ?>) r;
                            String name = str(rule.get("Name")).toLowerCase();
                            if (name.equals("prefix")) {
                                prefix = str(rule.get("Value"));
                            } else if (name.equals("suffix")) {
                                suffix = str(rule.get("Value"));
                            }
                        }
                    }
                    byBucket.get(str(p.get("Bucket")))
                            .add(new S3NotificationConfig(
                                    f.logicalId() + ev.name(), f.logicalId(), types, prefix, suffix));
                } catch (IllegalArgumentException | ClassCastException e) {
                    throw new TemplateException(
                            ev.location(),
                            "function " + f.logicalId() + ": event " + ev.name() + ": " + e.getMessage());
                }
            }
        }
        List<S3BucketConfig> out = new ArrayList<>();
        byBucket.forEach((name, notifications) -> out.add(new S3BucketConfig(name, notifications)));
        return out;
    }

    /** One rule per Lambda target (a rule with several targets gets {@code -<targetId>} for the others). */
    static List<LambdaRuleConfig> rules(Template template) {
        List<LambdaRuleConfig> out = new ArrayList<>();
        for (RuleDefinition rule : template.rules()) {
            for (int i = 0; i < rule.targets().size(); i++) {
                RuleDefinition.Target t = rule.targets().get(i);
                String name = i == 0 ? rule.name() : rule.name() + "-" + t.id();
                try {
                    out.add(new LambdaRuleConfig(
                            rule.eventBusName(), name, json(rule.eventPattern()), t.functionId(), input(t.input())));
                } catch (IllegalArgumentException e) {
                    throw new TemplateException(rule.location(), "rule " + rule.logicalId() + ": " + e.getMessage());
                }
            }
        }
        return out;
    }

    private static TargetInput input(Map<String, Object> input) {
        if (input.get("Input") != null) {
            return new TargetInput.Constant(str(input.get("Input")));
        }
        if (input.get("InputPath") != null) {
            return new TargetInput.Path(str(input.get("InputPath")));
        }
        if (input.get("InputTransformer") instanceof Map<?, ?> t) {
            Map<String, String> paths = new LinkedHashMap<>();
            if (t.get("InputPathsMap") instanceof Map<?, ?> m) {
                m.forEach((k, v) -> paths.put(str(k), str(v)));
            }
            return new TargetInput.Transformer(paths, str(t.get("InputTemplate")));
        }
        return TargetInput.wholeEvent();
    }

    static String json(Object value) {
        try {
            return AwsJson.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + value, e);
        }
    }

    private static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}
