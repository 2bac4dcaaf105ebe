package dev.bricks.dynamo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one adapter from core's SDK-free stream model ({@link dev.bricks.core.dynamodb.AttributeValue}) to the
 * SDK v2 {@link AttributeValue}. Stateless and thread-safe.
 */
public final class CoreAttributeValues {
    private CoreAttributeValues() {}

    /** Converts a whole image (a new or old image of a stream record); null becomes an empty map. */
    public static Map<String, AttributeValue> toSdk(Map<String, dev.bricks.core.dynamodb.AttributeValue> image) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        if (image != null) {
            image.forEach((k, v) -> out.put(k, toSdk(v)));
        }
        return out;
    }

    /** Converts one value. */
    public static AttributeValue toSdk(dev.bricks.core.dynamodb.AttributeValue v) {
        if (v instanceof dev.bricks.core.dynamodb.AttributeValue.S s) {
            return AttributeValue.fromS(s.value());
        }
        if (v instanceof dev.bricks.core.dynamodb.AttributeValue.N n) {
            return AttributeValue.fromN(n.value());
        }
        if (v instanceof dev.bricks.core.dynamodb.AttributeValue.B b) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(b.value()));
        }
        if (v instanceof dev.bricks.core.dynamodb.AttributeValue.BOOL b) {
            return AttributeValue.fromBool(b.value());
        }
        if (v instanceof dev.bricks.core.dynamodb.AttributeValue.NULL) {
            return AttributeValue.fromNul(true);
        }
        if (v instanceof dev.bricks.core.dynamodb.AttributeValue.M m) {
            return AttributeValue.fromM(toSdk(m.value()));
        }
        if (v instanceof dev.bricks.core.dynamodb.AttributeValue.L l) {
            List<AttributeValue> list = new ArrayList<>(l.value().size());
            l.value().forEach(e -> list.add(toSdk(e)));
            return AttributeValue.fromL(list);
        }
        if (v instanceof dev.bricks.core.dynamodb.AttributeValue.SS ss) {
            return AttributeValue.fromSs(ss.value());
        }
        if (v instanceof dev.bricks.core.dynamodb.AttributeValue.NS ns) {
            return AttributeValue.fromNs(ns.value());
        }
        if (v instanceof dev.bricks.core.dynamodb.AttributeValue.BS bs) {
            List<SdkBytes> list = new ArrayList<>();
            bs.value().forEach(b -> list.add(SdkBytes.fromByteArray(b)));
            return AttributeValue.fromBs(list);
        }
        throw new IllegalArgumentException("Unknown attribute value " + v);
    }
}
