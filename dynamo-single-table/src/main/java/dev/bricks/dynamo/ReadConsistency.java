package dev.bricks.dynamo;

/** How a read sees recent writes. */
public enum ReadConsistency {
    /** DynamoDB's default: may miss a write of the last second; half the read cost. */
    EVENTUAL,
    /** Sees every write acknowledged before the read (table reads only). */
    STRONG
}
