package dev.outlookflow.sandbox.counters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.state.SandboxClock;
import dev.outlookflow.sandbox.state.SandboxState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The waits told to callers: how long a Retry-After asks for, and the bound on how many are kept. */
class RetryAftersTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final String PATH = "/v1.0/users/{user}/messages";

  /** The sandbox's clock on a base that stands still: it moves only when told. */
  private final SandboxClock clock = SandboxState.open(Optional.empty(), Clock.fixed(T0, ZoneOffset.UTC)).clock();

  private static RetryAfters.Caller caller(String mailbox) {
    return new RetryAfters.Caller("app-1", mailbox);
  }

  /** Whether a request of the caller now is early; counted, as the sandbox would. */
  private static boolean early(RetryAfters retryAfters, RetryAfters.Caller caller) {
    long before = retryAfters.snapshot().getLong("early");
    retryAfters.arrived("GET", PATH, caller);
    return retryAfters.snapshot().getLong("early") > before;
  }

  @Test
  void retryAfterIsWholeOrFractionalSeconds() {
    assertThat(RetryAfters.delay("2")).contains(Duration.ofSeconds(2));
    assertThat(RetryAfters.delay("0.35")).contains(Duration.ofMillis(350));
    assertThat(RetryAfters.delay(" 2.128 ")).contains(Duration.ofMillis(2128));
    assertThat(RetryAfters.delay("0.0000000001")).as("up to the next nanosecond").contains(Duration.ofNanos(1));
    assertThat(RetryAfters.delay("99999999999999999999")).as("kept as a year").contains(Duration.ofDays(365));
  }

  @Test
  void aRetryAfterThatIsNotSecondsAsksForNoWait() {
    assertThat(RetryAfters.delay("Wed, 21 Oct 2015 07:28:00 GMT")).isEmpty();
    assertThat(RetryAfters.delay("-1")).isEmpty();
    assertThat(RetryAfters.delay("soon")).isEmpty();

    RetryAfters retryAfters = new RetryAfters(clock);
    retryAfters.answered(caller("a"), 429, "soon");

    assertThat(early(retryAfters, caller("a"))).isFalse();
    assertThat(retryAfters.snapshot().getLong("told")).as("it was told all the same").isEqualTo(1);
  }

  @Test
  void earlyByIsRoundedUpToTheMillisecond() {
    RetryAfters retryAfters = new RetryAfters(clock);
    retryAfters.answered(caller("a"), 429, "0.0005");

    retryAfters.arrived("GET", PATH, caller("a"));

    assertThat(retryAfters.snapshot().getJsonObject("lastEarly").getLong("earlyByMillis")).isEqualTo(1);
  }

  @Test
  void pastTheBoundWaitsThatAreOverGoFirst() {
    RetryAfters retryAfters = new RetryAfters(clock, 2);
    retryAfters.answered(caller("long"), 429, "10");
    retryAfters.answered(caller("short"), 429, "1");
    clock.advance(Duration.ofSeconds(2));

    retryAfters.answered(caller("new"), 429, "10");

    assertThat(early(retryAfters, caller("long"))).as("kept, though told first").isTrue();
    assertThat(early(retryAfters, caller("new"))).isTrue();
  }

  @Test
  void pastTheBoundTheLeastRecentlyToldGo() {
    RetryAfters retryAfters = new RetryAfters(clock, 2);
    retryAfters.answered(caller("first"), 429, "10");
    retryAfters.answered(caller("second"), 429, "10");
    retryAfters.answered(caller("first"), 429, "10");

    retryAfters.answered(caller("third"), 429, "10");

    assertThat(early(retryAfters, caller("second"))).as("forgotten").isFalse();
    assertThat(early(retryAfters, caller("first"))).as("told again, so newer than second").isTrue();
    assertThat(early(retryAfters, caller("third"))).isTrue();
  }
}
