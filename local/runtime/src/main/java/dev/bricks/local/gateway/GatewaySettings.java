package dev.bricks.local.gateway;

import java.time.Clock;

/** The gateway-wide values events and ARNs carry. */
record GatewaySettings(String region, String accountId, Clock clock) {}
