package dev.bricks.local.eventbridge;

import java.util.Optional;

/** A rule's target: its id, its ARN (resolved to a registered callback at delivery) and an optional policy. */
record Target(String id, String arn, Optional<DeliveryPolicy> policy) {}
