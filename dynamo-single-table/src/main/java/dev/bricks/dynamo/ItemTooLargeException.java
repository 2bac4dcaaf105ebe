package dev.bricks.dynamo;

/** The item is larger than DynamoDB's 400 KB item limit (attribute names included). */
public final class ItemTooLargeException extends InvalidRequestException {
    private final long sizeBytes;

    ItemTooLargeException(String entityType, String key, long sizeBytes) {
        super(
                Reason.ITEM_TOO_LARGE,
                "Item of entity " + entityType + " " + key + " is " + sizeBytes + " bytes, over DynamoDB's limit of "
                        + ItemSize.MAX_ITEM_BYTES + " bytes");
        this.sizeBytes = sizeBytes;
    }

    /** Computed item size in bytes. */
    public long sizeBytes() {
        return sizeBytes;
    }
}
