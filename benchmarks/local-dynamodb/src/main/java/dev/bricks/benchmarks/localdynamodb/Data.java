package dev.bricks.benchmarks.localdynamodb;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The benchmark's items: about 200 bytes, a few attribute types; identical for every target. */
final class Data {
    static final int QUERY_ITEMS = 20;

    private Data() {}

    static Map<String, AttributeValue> item(String pk, int sk) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("pk", AttributeValue.fromS(pk));
        m.put("sk", AttributeValue.fromN(Integer.toString(sk)));
        m.put("customer", AttributeValue.fromS("customer-0042"));
        m.put("status", AttributeValue.fromS("PLACED"));
        m.put("total", AttributeValue.fromN("129.95"));
        m.put("items", AttributeValue.fromN("3"));
        m.put("note", AttributeValue.fromS("leave at the door, ring twice, thank you"));
        m.put("express", AttributeValue.fromBool(true));
        return m;
    }

    static String itemJson(String pk, int sk) {
        return "{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"N\":\"" + sk + "\"},\"customer\":{\"S\":\"customer-0042\"},"
                + "\"status\":{\"S\":\"PLACED\"},\"total\":{\"N\":\"129.95\"},\"items\":{\"N\":\"3\"},"
                + "\"note\":{\"S\":\"leave at the door, ring twice, thank you\"},\"express\":{\"BOOL\":true}}";
    }
}
