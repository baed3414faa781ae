package dev.outlookflow.outlook.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
  private final RetryPolicy policy = new RetryPolicy(new Random(7), clock);

  @Test
  void retryAfterInSecondsFractionalSecondsOrADate() {
    assertThat(policy.delayMillis(429, "2", 1, true)).isEqualTo(2000);
    assertThat(policy.delayMillis(429, "2.128", 1, true)).isEqualTo(2128);
    assertThat(policy.delayMillis(503, "Mon, 02 Mar 2026 10:00:07 GMT", 1, true)).isEqualTo(7000);
  }

  @Test
  void withoutRetryAfterTheBackoffGrowsAndIsCapped() {
    long first = policy.delayMillis(504, null, 1, true);
    long third = policy.delayMillis(504, null, 3, true);
    assertThat(first).isBetween(500L, 999L);
    assertThat(third).isBetween(2000L, 2499L);
    assertThat(policy.delayMillis(429, "3600", 1, true)).isEqualTo(RetryPolicy.MAX_DELAY.toMillis());
  }

  @Test
  void onlyThrottlingAndUnavailableAreRetriedOnlyWhenHarmlessAndNotForever() {
    assertThat(policy.delayMillis(500, "1", 1, true)).isEqualTo(-1);
    assertThat(policy.delayMillis(429, "1", 1, false)).as("throttled: Graph did not handle it").isEqualTo(1000);
    assertThat(policy.delayMillis(503, "1", 1, false)).as("maybe handled").isEqualTo(-1);
    assertThat(policy.delayMillis(504, "1", 1, false)).as("maybe handled").isEqualTo(-1);
    assertThat(policy.delayMillis(429, "1", RetryPolicy.MAX_ATTEMPTS, true)).isEqualTo(-1);
  }


  @Test
  void onlyThrottlingAndUnavailableAnswersAskTheMailboxToBeLeftAlone() {
    assertThat(policy.retryAfterMillis(429, "1.5")).hasValue(1500);
    assertThat(policy.retryAfterMillis(503, "Mon, 02 Mar 2026 10:00:07 GMT")).hasValue(7000);
    assertThat(policy.retryAfterMillis(504, "120")).as("in full: no request goes inside it").hasValue(120_000);
    assertThat(policy.retryAfterMillis(504, "36000")).as("at most Graph's throttling window")
        .hasValue(RetryPolicy.MAX_HOLD.toMillis());
    assertThat(policy.retryAfterMillis(500, "1")).isEmpty();
    assertThat(policy.retryAfterMillis(429, null)).as("backing off is the request's own affair").isEmpty();
  }
}
