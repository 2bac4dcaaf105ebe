package dev.bricks.local.template;

/** The kinds of a function's {@code Events} that bricks-local runs. */
public enum EventType {
    /** {@code HttpApi}: a route of an HTTP API (payload 2.0 by default). */
    HTTP_API("HttpApi"),
    /** {@code Api}: a route of a REST API (payload 1.0). */
    API("Api"),
    /** {@code DynamoDB}: an event source mapping on a table's stream. */
    DYNAMODB("DynamoDB"),
    /** {@code EventBridgeRule}: a rule on a bus with the function as its target. */
    EVENT_BRIDGE_RULE("EventBridgeRule"),
    /** {@code S3}: bucket notifications. */
    S3("S3");

    private final String samName;

    EventType(String samName) {
        this.samName = samName;
    }

    /** The {@code Type} as written in a SAM template. */
    public String samName() {
        return samName;
    }

    static EventType ofSamName(String name) {
        for (EventType t : values()) {
            if (t.samName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
