package dev.bricks.dynamo;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter, bounded by a deadline. */
final class Backoff {
  private static final long MAX_DELAY_MS = 1000;
  private final long deadlineNanos;
  private final long baseMs;
  private int attempt;

  Backoff(Duration deadline, Duration base) {
    this.deadlineNanos = System.nanoTime() + deadline.toNanos();
    this.baseMs = Math.max(1, base.toMillis());
  }

  /** Sleeps before the next retry; false when the deadline does not allow another attempt. */
  boolean pause() {
    long cap = Math.min(MAX_DELAY_MS, baseMs << Math.min(attempt++, 20));
    long delay = ThreadLocalRandom.current().nextLong(cap + 1);
    long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000;
    if (remaining <= delay) {
      return false;
    }
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return true;
  }

  int retries() {
    return attempt;
  }
}
