package dev.bricks.local.template;

import java.util.Map;
import java.util.Objects;

/**
 * An {@code AWS::DynamoDB::Table}.
 *
 * @param logicalId the resource's name; never null
 * @param tableName {@code TableName}, else the logical id; never null
 * @param createTableRequest the DynamoDB {@code CreateTable} request the properties describe (keys, attribute
 *     definitions, GSIs, LSIs, billing, stream); never null, unmodifiable
 * @param ttlAttribute {@code TimeToLiveSpecification.AttributeName} when enabled; null otherwise
 * @param streamViewType {@code StreamSpecification.StreamViewType}; null without a stream
 * @param location where the resource is defined; never null
 */
public record TableDefinition(
        String logicalId,
        String tableName,
        Map<String, Object> createTableRequest,
        String ttlAttribute,
        String streamViewType,
        Location location) {

    /** Checks and copies. */
    public TableDefinition {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(tableName, "tableName");
        createTableRequest = Map.copyOf(createTableRequest);
        Objects.requireNonNull(location, "location");
    }
}
