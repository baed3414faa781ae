package dev.outlookflow.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunEngineRetryTest {
  @Test
  void aRunTheStoreStoppedIsTriedAgainSoonThenLessOftenUpToOnceAMinute() {
    assertThat(RunEngine.retryDelay(1)).isEqualTo(Duration.ofMillis(250));
    assertThat(RunEngine.retryDelay(2)).isEqualTo(Duration.ofMillis(500));
    assertThat(RunEngine.retryDelay(5)).isEqualTo(Duration.ofSeconds(4));
    assertThat(RunEngine.retryDelay(9)).isEqualTo(Duration.ofMinutes(1));
    assertThat(RunEngine.retryDelay(10_000)).isEqualTo(Duration.ofMinutes(1));
  }
}
