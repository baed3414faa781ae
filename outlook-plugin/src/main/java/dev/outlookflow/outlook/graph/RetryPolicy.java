package dev.outlookflow.outlook.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

/**
 * When to retry a Graph request, as Graph's own SDK does: 429 always (Graph refused the request
 * without handling it), 503 and 504 only for requests whose repetition is harmless, after {@code
 * Retry-After} (seconds, possibly fractional, or an HTTP date) or a capped exponential backoff with
 * jitter, at most {@link #MAX_ATTEMPTS} attempts.
 */
public final class RetryPolicy {
  static final Set<Integer> RETRIED = Set.of(429, 503, 504);
  static final int MAX_ATTEMPTS = 4;
  static final Duration MAX_DELAY = Duration.ofSeconds(30);
  /**
   * The longest a mailbox is left alone on Graph's word: its throttling window is 10 minutes, so a longer
   * {@code Retry-After} is taken as a mistake rather than let one answer silence a mailbox for hours.
   */
  static final Duration MAX_HOLD = Duration.ofMinutes(10);
  private static final Duration BASE = Duration.ofMillis(500);

  private final Random jitter;
  private final Clock clock;

  public RetryPolicy(Random jitter, Clock clock) {
    this.jitter = jitter;
    this.clock = clock;
  }

  /** The delay before the next attempt, or -1 for none. */
  long delayMillis(int status, String retryAfter, int attempt, boolean repeatable) {
    if (!RETRIED.contains(status) || (!repeatable && status != 429) || attempt >= MAX_ATTEMPTS) {
      return -1;
    }
    return delayMillis(retryAfter, attempt);
  }

  /** The delay before attempt {@code attempt + 1}: {@code Retry-After} if given, else the backoff. */
  long delayMillis(String retryAfter, int attempt) {
    return retryAfterMillis(retryAfter).orElseGet(() -> capped(
        BASE.toMillis() * (1L << (attempt - 1)) + jitter.nextInt((int) BASE.toMillis())));
  }

  /**
   * How long Graph asked that the mailbox be left alone: the {@code Retry-After} of a 429, 503 or 504, in full up
   * to {@link #MAX_HOLD}; empty for any other answer, or one without a readable {@code Retry-After}.
   */
  OptionalLong retryAfterMillis(int status, String retryAfter) {
    Long given = RETRIED.contains(status) ? retryAfter(retryAfter) : null;
    return given == null ? OptionalLong.empty()
        : OptionalLong.of(Math.min(Math.max(given, 0), MAX_HOLD.toMillis()));
  }

  private OptionalLong retryAfterMillis(String retryAfter) {
    Long given = retryAfter(retryAfter);
    return given == null ? OptionalLong.empty() : OptionalLong.of(capped(given));
  }

  private static long capped(long delay) {
    return Math.min(Math.max(delay, 0), MAX_DELAY.toMillis());
  }

  private Long retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Math.round(Double.parseDouble(value.trim()) * 1000);
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        return Duration.between(clock.instant(), at.toInstant()).toMillis();
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
