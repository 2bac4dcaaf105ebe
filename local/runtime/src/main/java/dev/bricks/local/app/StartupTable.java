package dev.bricks.local.app;

import dev.bricks.local.console.DevConsole;
import dev.bricks.local.gateway.ApiConfig;
import dev.bricks.local.gateway.ApiKind;
import dev.bricks.local.gateway.RouteConfig;
import dev.bricks.local.ses.LocalSes;
import dev.bricks.local.template.EventType;
import dev.bricks.local.template.FunctionDefinition;
import dev.bricks.local.template.FunctionEvent;
import dev.bricks.local.template.RuleDefinition;
import dev.bricks.local.template.Template;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The one table bricks-local prints at start: endpoints, routes, streams, rules, notifications, outputs. */
final class StartupTable {

    private StartupTable() {}

    static String render(
            Template template,
            Endpoints endpoints,
            List<ApiConfig> apis,
            Map<String, String> jdks,
            List<String> warnings,
            Duration ready,
            DevConsole console) {
        StringBuilder out = new StringBuilder();
        out.append("bricks-local: ")
                .append(template.file())
                .append(" ready in ")
                .append(ready.toMillis())
                .append(" ms\n");
        List<String[]> rows = new ArrayList<>();
        section(rows, "Endpoints");
        rows.add(new String[] {"API", url(endpoints.api()), ""});
        rows.add(new String[] {
            "DynamoDB",
            url(endpoints.dynamoDb()),
            "tables: "
                    + String.join(
                            ", ",
                            template.tables().stream()
                                    .map(t -> t.tableName() + (t.streamViewType() != null ? " (stream)" : ""))
                                    .toList())
        });
        rows.add(new String[] {
            "EventBridge",
            url(endpoints.eventBridge()),
            "buses: default" + (template.eventBuses().isEmpty() ? "" : ", " + String.join(", ", template.eventBuses()))
        });
        if (endpoints.s3() != null) {
            rows.add(new String[] {
                "S3",
                url(endpoints.s3()),
                "buckets: "
                        + String.join(
                                ", ",
                                template.buckets().stream()
                                        .map(b -> b.bucketName())
                                        .toList())
            });
        }
        if (endpoints.ses() != null) {
            rows.add(
                    new String[] {"SES", url(endpoints.ses()), "mail: " + url(endpoints.ses()) + LocalSes.EMAILS_PATH});
        }
        if (console != null) {
            rows.add(new String[] {"Console", console.urlWithToken().toString(), "token: " + console.token()});
        }
        if (apis.stream().anyMatch(a -> !a.routes().isEmpty())) {
            section(rows, "Routes");
            for (ApiConfig api : apis) {
                for (RouteConfig r : api.routes()) {
                    rows.add(new String[] {
                        r.method() + " " + r.path(),
                        "→ " + r.functionId(),
                        api.name() + " ("
                                + (api.kind() == ApiKind.REST_API
                                        ? "REST, payload 1.0"
                                        : "HTTP, payload " + r.payloadFormat().text())
                                + ")" + (r.authorizer() != null ? ", authorizer " + r.authorizer() : "")
                    });
                }
            }
        }
        List<String[]> triggers = new ArrayList<>();
        for (FunctionDefinition f : template.functions()) {
            for (FunctionEvent ev : f.events()) {
                if (ev.type() == EventType.DYNAMODB) {
                    String stream = String.valueOf(ev.properties().get("Stream"));
                    String table = stream.replaceAll(".*:table/([^/]+).*", "$1");
                    triggers.add(new String[] {
                        "stream " + table,
                        "→ " + f.logicalId(),
                        "batch "
                                + ev.properties().getOrDefault("BatchSize", 100) + ", "
                                + ev.properties().getOrDefault("StartingPosition", "LATEST")
                    });
                } else if (ev.type() == EventType.S3) {
                    triggers.add(new String[] {
                        "bucket " + ev.properties().get("Bucket"),
                        "→ " + f.logicalId(),
                        String.valueOf(ev.properties().get("Events"))
                                + filter(ev.properties().get("Filter"))
                    });
                }
            }
        }
        for (RuleDefinition rule : template.rules()) {
            for (RuleDefinition.Target t : rule.targets()) {
                triggers.add(new String[] {
                    "rule " + rule.eventBusName() + "/" + rule.name(), "→ " + t.functionId(), json(rule.eventPattern())
                });
            }
        }
        if (!triggers.isEmpty()) {
            section(rows, "Triggers");
            rows.addAll(triggers);
        }
        section(rows, "Functions");
        for (FunctionDefinition f : template.functions()) {
            rows.add(new String[] {
                f.logicalId(),
                f.handler(),
                f.runtime() + " on " + jdks.get(f.logicalId()) + ", "
                        + f.memoryMb() + " MB, " + f.timeout().toSeconds() + " s"
                        + (f.reservedConcurrency() != null ? ", concurrency " + f.reservedConcurrency() : "")
            });
        }
        if (!template.outputs().isEmpty()) {
            section(rows, "Outputs");
            template.outputs().forEach((k, v) -> rows.add(new String[] {k, v, ""}));
        }
        format(rows, out);
        if (!template.notSimulated().isEmpty()) {
            out.append("Not simulated:\n");
            template.notSimulated().forEach(n -> out.append("  ").append(n).append('\n'));
        }
        warnings.forEach(w -> out.append("Warning: ").append(w).append('\n'));
        out.append("Ready. Ctrl-C stops everything.\n");
        return out.toString();
    }

    private static String filter(Object filter) {
        return filter == null ? "" : " " + json(filter);
    }

    private static String json(Object value) {
        try {
            return AwsJson.JSON.writeValueAsString(value);
        } catch (Exception e) {
            return String.valueOf(value);
        }
    }

    private static String url(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static void section(List<String[]> rows, String title) {
        rows.add(new String[] {title});
    }

    private static void format(List<String[]> rows, StringBuilder out) {
        int w0 = 0;
        int w1 = 0;
        for (String[] r : rows) {
            if (r.length == 3) {
                w0 = Math.max(w0, r[0].length());
                w1 = Math.max(w1, r[1].length());
            }
        }
        for (String[] r : rows) {
            if (r.length == 1) {
                out.append(r[0]).append('\n');
            } else {
                out.append("  ")
                        .append(pad(r[0], w0))
                        .append("  ")
                        .append(pad(r[1], w1))
                        .append("  ")
                        .append(r[2])
                        .append('\n');
            }
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
