package dev.outlookflow.runtime.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition that another process or thread brings about, checking it until a deadline:
 * the wait ends as soon as the condition holds, so no fixed delay stands in for synchronisation.
 */
public final class Eventually {
  private static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

  private Eventually() {}

  public static <T> T await(String what, Supplier<T> probe) {
    return await(what, DEFAULT_DEADLINE, probe);
  }

  /**
   * Checks that something does not happen: {@code condition} is checked over the whole {@code window}
   * and fails the test the first time it does not hold. The window bounds how late an unwanted event may
   * come and still be seen; choose it many times longer than the interval at which it would come.
   */
  public static void holdsFor(String what, Duration window, BooleanSupplier condition) {
    long end = System.nanoTime() + window.toNanos();
    while (true) {
      if (!condition.getAsBoolean()) {
        throw new AssertionError("no longer true: " + what);
      }
      if (System.nanoTime() >= end) {
        return;
      }
      pause(what);
    }
  }

  /** Answers the first non-null value {@code probe} gives. */
  public static <T> T await(String what, Duration deadline, Supplier<T> probe) {
    long end = System.nanoTime() + deadline.toNanos();
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after " + deadline + " waiting for " + what);
      }
      pause(what);
    }
  }

  private static void pause(String what) {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for " + what);
    }
  }
}
