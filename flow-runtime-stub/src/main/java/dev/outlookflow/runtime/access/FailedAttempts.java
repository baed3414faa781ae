package dev.outlookflow.runtime.access;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down key guessing: after {@link #FREE} failed attempts from one address within {@link
 * #WINDOW}, each further failure is answered later, doubling up to {@link #MAX_DELAY}.
 */
public final class FailedAttempts {
  static final int FREE = 5;
  static final Duration WINDOW = Duration.ofMinutes(5);
  static final Duration MAX_DELAY = Duration.ofSeconds(5);
  private static final Duration FIRST_DELAY = Duration.ofMillis(100);
  private static final int MAX_TRACKED = 10_000;

  private final Clock clock;
  private final Map<String, Window> byAddress = new ConcurrentHashMap<>();

  private record Window(long startedAt, int failures) {}

  public FailedAttempts(Clock clock) {
    this.clock = clock;
  }

  /** Records a failure and answers how long to hold its answer back. */
  public Duration failed(String address) {
    long now = clock.millis();
    if (byAddress.size() > MAX_TRACKED) {
      byAddress.values().removeIf(w -> now - w.startedAt() > WINDOW.toMillis());
    }
    Window window = byAddress.merge(address, new Window(now, 1), (old, one) ->
        now - old.startedAt() > WINDOW.toMillis() ? one : new Window(old.startedAt(), old.failures() + 1));
    int excess = window.failures() - FREE;
    if (excess <= 0) {
      return Duration.ZERO;
    }
    Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(excess - 1, 16));
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }
}
