package dev.outlookflow.runtime.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedAttemptsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FailedAttempts attempts = new FailedAttempts(clock);

  @Test
  void theFirstFailuresAreAnsweredAtOnceThenLaterAndLater() {
    for (int i = 0; i < FailedAttempts.FREE; i++) {
      assertThat(attempts.failed("10.0.0.1")).isZero();
    }
    assertThat(attempts.failed("10.0.0.1")).isEqualTo(Duration.ofMillis(100));
    assertThat(attempts.failed("10.0.0.1")).isEqualTo(Duration.ofMillis(200));
    assertThat(attempts.failed("10.0.0.1")).isEqualTo(Duration.ofMillis(400));
    for (int i = 0; i < 20; i++) {
      attempts.failed("10.0.0.1");
    }
    assertThat(attempts.failed("10.0.0.1")).isEqualTo(FailedAttempts.MAX_DELAY);
  }

  @Test
  void addressesAreCountedApartAndTheWindowForgets() {
    for (int i = 0; i <= FailedAttempts.FREE; i++) {
      attempts.failed("10.0.0.1");
    }
    assertThat(attempts.failed("10.0.0.2")).isZero();
    clock.advance(FailedAttempts.WINDOW.plusSeconds(1));
    assertThat(attempts.failed("10.0.0.1")).isZero();
  }
}
