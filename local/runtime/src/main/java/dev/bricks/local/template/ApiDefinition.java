package dev.bricks.local.template;

import java.util.Map;
import java.util.Objects;

/**
 * An {@code AWS::Serverless::HttpApi} or {@code AWS::Serverless::Api}, or SAM's implicit
 * {@code ServerlessHttpApi} / {@code ServerlessRestApi} for routes that name no API.
 *
 * @param logicalId the resource's name; never null
 * @param kind HTTP API or REST API; never null
 * @param stageName {@code StageName} ({@code $default} for an HTTP API, {@code Prod} for a REST API unless set)
 * @param auth the {@code Auth} property (authorizers, default authorizer), intrinsics evaluated; never null,
 *     empty when not set
 * @param location where it is defined (the first route's event for an implicit API); never null
 */
public record ApiDefinition(
        String logicalId, Kind kind, String stageName, Map<String, Object> auth, Location location) {

    /** HTTP API (payload 2.0 by default) or REST API (payload 1.0). */
    public enum Kind {
        HTTP,
        REST
    }

    /** Checks and copies. */
    public ApiDefinition {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stageName, "stageName");
        auth = Map.copyOf(auth);
        Objects.requireNonNull(location, "location");
    }
}
