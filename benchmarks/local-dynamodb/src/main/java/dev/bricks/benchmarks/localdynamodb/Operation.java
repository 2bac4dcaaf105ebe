package dev.bricks.benchmarks.localdynamodb;

/** The measured operations: a ~200-byte PutItem, a GetItem of one item, a Query returning 20 items. */
enum Operation {
    PUT_ITEM("PutItem"),
    GET_ITEM("GetItem"),
    QUERY("Query(20)");

    final String label;

    Operation(String label) {
        this.label = label;
    }
}
