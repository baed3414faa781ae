package dev.outlookflow.sandbox.state;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/** The sandbox's time: a base clock moved forward by the control API, so tokens and codes expire on demand. */
public final class SandboxClock extends Clock {
  private final Clock base;
  private final SandboxState state;

  SandboxClock(Clock base, SandboxState state) {
    this.base = base;
    this.state = state;
  }

  public void advance(Duration by) {
    state.advanceClock(by.toMillis());
  }

  /**
   * This clock for Caffeine, in nanoseconds since the epoch: caches built with it expire their entries when
   * the control API moves the clock, as codes and tokens do, and tests need no sleeps.
   */
  public Ticker ticker() {
    return () -> TimeUnit.MILLISECONDS.toNanos(millis());
  }

  @Override
  public Instant instant() {
    return base.instant().plusMillis(state.clockOffsetMillis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
