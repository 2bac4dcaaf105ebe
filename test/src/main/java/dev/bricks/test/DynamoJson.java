package dev.bricks.test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Writes Java values and SDK attribute values as DynamoDB JSON ({@code {"S":"x"}}, {@code {"N":"1"}}, …). */
final class DynamoJson {

    private DynamoJson() {}

    static Map<String, Object> item(Map<String, ?> values) {
        Map<String, Object> item = new LinkedHashMap<>();
        values.forEach((name, value) -> item.put(name, value(name, value)));
        return item;
    }

    static Map<String, Object> value(String path, Object value) {
        if (value instanceof AttributeValue av) {
            return sdk(path, av);
        }
        if (value == null) {
            return Map.of("NULL", true);
        }
        if (value instanceof String s) {
            return Map.of("S", s);
        }
        if (value instanceof BigDecimal d) {
            return Map.of("N", d.toPlainString());
        }
        if (value instanceof Number n) {
            return Map.of("N", n.toString());
        }
        if (value instanceof Boolean b) {
            return Map.of("BOOL", b);
        }
        if (value instanceof byte[] bytes) {
            return Map.of("B", Base64.getEncoder().encodeToString(bytes));
        }
        if (value instanceof SdkBytes bytes) {
            return Map.of("B", Base64.getEncoder().encodeToString(bytes.asByteArray()));
        }
        if (value instanceof Enum<?> e) {
            return Map.of("S", e.name());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> m = new LinkedHashMap<>();
            map.forEach((k, v) -> m.put(String.valueOf(k), value(path + "." + k, v)));
            return Map.of("M", m);
        }
        if (value instanceof Set<?> set) {
            return set(path, set);
        }
        if (value instanceof Collection<?> list) {
            List<Object> l = new ArrayList<>();
            int i = 0;
            for (Object element : list) {
                l.add(value(path + "[" + i++ + "]", element));
            }
            return Map.of("L", l);
        }
        return Map.of("S", value.toString()); // Instant, UUID, LocalDate…: their ISO text, as the SDK stores them
    }

    private static Map<String, Object> set(String path, Set<?> set) {
        if (set.isEmpty()) {
            throw new IllegalArgumentException(path + ": DynamoDB has no empty set; leave the attribute out");
        }
        if (set.stream().allMatch(String.class::isInstance)) {
            return Map.of("SS", List.copyOf(set));
        }
        if (set.stream().allMatch(Number.class::isInstance)) {
            return Map.of(
                    "NS",
                    set.stream()
                            .map(n -> n instanceof BigDecimal d ? d.toPlainString() : n.toString())
                            .toList());
        }
        throw new IllegalArgumentException(path + ": a set must hold only strings or only numbers, was " + set);
    }

    private static Map<String, Object> sdk(String path, AttributeValue av) {
        return switch (av.type()) {
            case S -> Map.of("S", av.s());
            case N -> Map.of("N", av.n());
            case B -> Map.of("B", Base64.getEncoder().encodeToString(av.b().asByteArray()));
            case BOOL -> Map.of("BOOL", av.bool());
            case NUL -> Map.of("NULL", true);
            case SS -> Map.of("SS", av.ss());
            case NS -> Map.of("NS", av.ns());
            case BS ->
                Map.of(
                        "BS",
                        av.bs().stream()
                                .map(b -> Base64.getEncoder().encodeToString(b.asByteArray()))
                                .toList());
            case M -> Map.of("M", item(av.m()));
            case L ->
                Map.of(
                        "L",
                        av.l().stream().map(v -> (Object) sdk(path + "[]", v)).toList());
            case UNKNOWN_TO_SDK_VERSION ->
                throw new IllegalArgumentException(path + ": attribute value of no known type");
        };
    }
}
