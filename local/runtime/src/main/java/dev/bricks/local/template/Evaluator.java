package dev.bricks.local.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates intrinsic functions against the template's parameters, conditions and resources, as
 * CloudFormation does at deploy time (with local values for what only a deployment knows). The result is
 * plain Java values: strings, numbers, booleans, lists and maps; {@code AWS::NoValue} removes the entry.
 */
final class Evaluator {

    /** What {@code Ref} and {@code Fn::GetAtt} of a resource give. */
    interface Resources {
        /** The logical ids of the template's resources (and SAM's implicit ones). */
        boolean contains(String logicalId);

        String ref(String logicalId, Location at);

        String getAtt(String logicalId, String attribute, Location at);
    }

    private static final Object NO_VALUE = new Object();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Map<String, Object> parameters;
    private final YamlMap conditionDefinitions;
    private final YamlMap mappings;
    private final Map<String, Boolean> conditions = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    private final Resources resources;

    Evaluator(Map<String, Object> parameters, YamlMap conditionDefinitions, YamlMap mappings, Resources resources) {
        this.parameters = parameters;
        this.conditionDefinitions = conditionDefinitions;
        this.mappings = mappings;
        this.resources = resources;
    }

    /** Evaluates {@code value} fully; null when it evaluates to {@code AWS::NoValue}. */
    Object evaluate(Object value) {
        Object v = eval(value);
        return v == NO_VALUE ? null : v;
    }

    /** Evaluates {@code value} to a string (numbers and booleans as CloudFormation prints them). */
    String string(Object value, Location at) {
        Object v = evaluate(value);
        if (v == null || v instanceof Map || v instanceof List) {
            throw new TemplateException(at, "expected a string, found " + describe(v));
        }
        return scalarString(v);
    }

    /** Whether the named condition holds. */
    boolean condition(String name, Location at) {
        Boolean known = conditions.get(name);
        if (known != null) {
            return known;
        }
        if (!conditionDefinitions.containsKey(name)) {
            throw new TemplateException(at, "unknown condition '" + name + "'" + known(conditionDefinitions.keySet()));
        }
        if (!evaluating.add("condition:" + name)) {
            throw new TemplateException(at, "condition '" + name + "' refers to itself");
        }
        Object v = eval(conditionDefinitions.get(name));
        evaluating.remove("condition:" + name);
        if (!(v instanceof Boolean b)) {
            throw new TemplateException(
                    conditionDefinitions.locationOf(name),
                    "condition '" + name + "' must evaluate to true or false, found " + describe(v));
        }
        conditions.put(name, b);
        return b;
    }

    private Object eval(Object value) {
        if (value instanceof Intrinsic fn) {
            return intrinsic(fn);
        }
        if (value instanceof YamlMap map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : map.entrySet()) {
                Object v = eval(e.getValue());
                if (v != NO_VALUE) {
                    out.put(e.getKey(), v);
                }
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                Object v = eval(item);
                if (v != NO_VALUE) {
                    out.add(v);
                }
            }
            return out;
        }
        return value;
    }

    private Object intrinsic(Intrinsic fn) {
        Location at = fn.location();
        Object arg = fn.argument();
        return switch (fn.function()) {
            case "Ref" -> ref(stringArg(arg, fn), at);
            case "Condition" -> condition(stringArg(arg, fn), at);
            case "Fn::GetAtt" -> getAtt(fn);
            case "Fn::Sub" -> sub(fn);
            case "Fn::Join" -> {
                List<?> a = listArg(arg, fn, 2);
                String sep = string(a.get(0), at);
                Object items = eval(a.get(1));
                if (!(items instanceof List<?> l)) {
                    throw new TemplateException(at, "Fn::Join needs a list of values, found " + describe(items));
                }
                List<String> parts = new ArrayList<>();
                l.forEach(o -> parts.add(scalarString(o)));
                yield String.join(sep, parts);
            }
            case "Fn::If" -> {
                List<?> a = listArg(arg, fn, 3);
                yield condition(string(a.get(0), at), at) ? eval(a.get(1)) : eval(a.get(2));
            }
            case "Fn::Equals" -> {
                List<?> a = listArg(arg, fn, 2);
                yield scalarString(evaluate(a.get(0))).equals(scalarString(evaluate(a.get(1))));
            }
            case "Fn::Not" -> !bool(listArg(arg, fn, 1).get(0), at);
            case "Fn::And" -> listArg(arg, fn, -1).stream().allMatch(o -> bool(o, at));
            case "Fn::Or" -> listArg(arg, fn, -1).stream().anyMatch(o -> bool(o, at));
            case "Fn::Select" -> {
                List<?> a = listArg(arg, fn, 2);
                int index;
                try {
                    index = Integer.parseInt(string(a.get(0), at));
                } catch (NumberFormatException e) {
                    throw new TemplateException(at, "Fn::Select needs a number as its index");
                }
                Object items = eval(a.get(1));
                if (!(items instanceof List<?> l) || index < 0 || index >= l.size()) {
                    throw new TemplateException(at, "Fn::Select index " + index + " is outside " + describe(items));
                }
                yield l.get(index);
            }
            case "Fn::Split" -> {
                List<?> a = listArg(arg, fn, 2);
                String sep = string(a.get(0), at);
                yield List.of(string(a.get(1), at).split(Pattern.quote(sep), -1));
            }
            case "Fn::FindInMap" -> {
                List<?> a = listArg(arg, fn, 3);
                String map = string(a.get(0), at);
                String top = string(a.get(1), at);
                String second = string(a.get(2), at);
                Object v = mappings.map(map).map(top).get(second);
                if (v == null) {
                    throw new TemplateException(
                            at, "Fn::FindInMap: no " + map + "." + top + "." + second + " in Mappings");
                }
                yield eval(v);
            }
            case "Fn::Base64" ->
                Base64.getEncoder().encodeToString(string(arg, at).getBytes(StandardCharsets.UTF_8));
            case "Fn::GetAZs" -> List.of("us-east-1a", "us-east-1b", "us-east-1c");
            default -> throw new TemplateException(at, fn.function() + " is not supported by bricks-local");
        };
    }

    private Object ref(String name, Location at) {
        switch (name) {
            case "AWS::NoValue":
                return NO_VALUE;
            case "AWS::Region":
                return "us-east-1";
            case "AWS::AccountId":
                return "000000000000";
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::StackName":
                return "bricks-local";
            case "AWS::StackId":
                return "arn:aws:cloudformation:us-east-1:000000000000:stack/bricks-local/local";
            case "AWS::NotificationARNs":
                return List.of();
            default:
                break;
        }
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        if (resources.contains(name)) {
            return resources.ref(name, at);
        }
        throw new TemplateException(at, "unresolved !Ref '" + name + "': no parameter or resource of that name");
    }

    private Object getAtt(Intrinsic fn) {
        List<?> a = listArg(fn.argument(), fn, 2);
        String id = string(a.get(0), fn.location());
        String attribute = string(a.get(1), fn.location());
        if (!resources.contains(id)) {
            throw new TemplateException(
                    fn.location(), "unresolved !GetAtt '" + id + "." + attribute + "': no resource '" + id + "'");
        }
        return resources.getAtt(id, attribute, fn.location());
    }

    private String sub(Intrinsic fn) {
        Object arg = fn.argument();
        String text;
        Map<String, Object> variables = new HashMap<>();
        if (arg instanceof List<?> l) {
            List<?> a = listArg(arg, fn, 2);
            text = string(a.get(0), fn.location());
            if (!(a.get(1) instanceof YamlMap vars)) {
                throw new TemplateException(fn.location(), "Fn::Sub's second item must be a mapping of variables");
            }
            vars.forEach((k, v) -> variables.put(k, v));
        } else {
            text = string(arg, fn.location());
        }
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}";
            } else if (variables.containsKey(name)) {
                replacement = string(variables.get(name), fn.location());
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                String id = name.substring(0, dot);
                if (!resources.contains(id)) {
                    throw new TemplateException(
                            fn.location(), "unresolved ${" + name + "} in !Sub: no resource '" + id + "'");
                }
                replacement = resources.getAtt(id, name.substring(dot + 1), fn.location());
            } else {
                replacement = scalarString(ref(name, fn.location()));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private boolean bool(Object value, Location at) {
        Object v = eval(value);
        if (v instanceof Boolean b) {
            return b;
        }
        if ("true".equalsIgnoreCase(String.valueOf(v)) || "false".equalsIgnoreCase(String.valueOf(v))) {
            return Boolean.parseBoolean(String.valueOf(v));
        }
        throw new TemplateException(at, "expected a condition, found " + describe(v));
    }

    private String stringArg(Object arg, Intrinsic fn) {
        if (!(arg instanceof String s)) {
            throw new TemplateException(fn.location(), fn.function() + " needs a name, found " + describe(arg));
        }
        return s;
    }

    private static List<?> listArg(Object arg, Intrinsic fn, int size) {
        if (!(arg instanceof List<?> l) || size >= 0 && l.size() != size) {
            throw new TemplateException(
                    fn.location(),
                    fn.function() + " needs a list" + (size >= 0 ? " of " + size + " items" : "") + ", found "
                            + describe(arg));
        }
        return l;
    }

    static String scalarString(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(o -> parts.add(scalarString(o)));
            return String.join(",", parts);
        }
        return String.valueOf(v);
    }

    private static String describe(Object v) {
        if (v == null || v == NO_VALUE) {
            return "nothing";
        }
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List<?> l) {
            return "a list of " + l.size();
        }
        return "'" + v + "'";
    }

    private static String known(Set<String> names) {
        return names.isEmpty() ? "" : " (defined: " + String.join(", ", names) + ")";
    }
}
