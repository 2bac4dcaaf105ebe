package dev.bricks.local.app;

import dev.bricks.local.dynamodb.EngineCall;
import java.util.List;
import java.util.Objects;

/**
 * What a kill hook of {@link FaultInjection} did.
 *
 * @param functionId the function whose environments were killed; never null
 * @param processIds the killed JVMs' process ids (at least one); never null
 * @param after the DynamoDB operation after which they were killed (applied, not yet answered); never null
 */
public record KilledEnvironments(String functionId, List<Long> processIds, EngineCall after) {

    /** Checks and copies. */
    public KilledEnvironments {
        Objects.requireNonNull(functionId, "functionId");
        processIds = List.copyOf(processIds);
        Objects.requireNonNull(after, "after");
    }
}
