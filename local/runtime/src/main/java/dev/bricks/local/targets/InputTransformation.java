package dev.bricks.local.targets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Applies a {@link TargetInput} to a delivered event envelope; the result is the function's payload. */
final class InputTransformation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z0-9_.-]+)>");

    private InputTransformation() {}

    static byte[] apply(TargetInput input, String envelopeJson, String ruleName, String ruleArn) {
        if (input instanceof TargetInput.Constant c) {
            return utf8(c.json());
        }
        if (input instanceof TargetInput.Path p) {
            return utf8(text(JsonPaths.select(read(envelopeJson), p.jsonPath())));
        }
        if (input instanceof TargetInput.Transformer t) {
            return utf8(transform(t, envelopeJson, ruleName, ruleArn));
        }
        return utf8(envelopeJson);
    }

    private static String transform(TargetInput.Transformer t, String envelopeJson, String ruleName, String ruleArn) {
        JsonNode event = read(envelopeJson);
        String template = t.inputTemplate();
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(template, last, m.start());
            JsonNode value = value(m.group(1), t, event, envelopeJson, ruleName, ruleArn);
            if (value == null) {
                out.append(m.group());
            } else if (insideString(template, m.start())) {
                String raw = value.isValueNode() ? value.asText() : value.toString();
                String quoted = JSON.getNodeFactory().textNode(raw).toString();
                out.append(quoted, 1, quoted.length() - 1);
            } else {
                out.append(value.isMissingNode() ? "null" : value.toString());
            }
            last = m.end();
        }
        out.append(template.substring(last));
        String result = out.toString().strip();
        if (result.startsWith("{") || result.startsWith("[")) {
            return out.toString();
        }
        return JSON.getNodeFactory().textNode(out.toString()).toString();
    }

    private static JsonNode value(
            String name,
            TargetInput.Transformer t,
            JsonNode event,
            String envelopeJson,
            String ruleName,
            String ruleArn) {
        String path = t.inputPathsMap().get(name);
        if (path != null) {
            return JsonPaths.select(event, path);
        }
        return switch (name) {
            case "aws.events.event", "aws.events.event.json" -> event;
            case "aws.events.rule-name" -> JSON.getNodeFactory().textNode(ruleName);
            case "aws.events.rule-arn" -> JSON.getNodeFactory().textNode(ruleArn);
            case "aws.events.event.ingestion-time" -> event.path("time");
            default -> null;
        };
    }

    /** Whether position {@code at} of a JSON text lies inside a string literal. */
    private static boolean insideString(String text, int at) {
        boolean inside = false;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (c == '\\' && inside) {
                i++;
            } else if (c == '"') {
                inside = !inside;
            }
        }
        return inside;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() ? "null" : node.toString();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The bus delivered an event that is not JSON: " + e.getMessage(), e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
