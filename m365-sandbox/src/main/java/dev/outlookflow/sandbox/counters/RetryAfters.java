package dev.outlookflow.sandbox.counters;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Graph's answers told clients about waiting, and who came back too soon: a client test proves its
 * retries honour {@code Retry-After} by finding no early request. Each 429 or 503 with {@code Retry-After}
 * tells its app and mailbox to wait until then (the later time wins); a request of theirs that arrives before
 * is early. Timed by the sandbox's clock, as the throttling window that sends most of these answers is: the
 * clock runs on its own, and a test that stands it still or moves it decides exactly when a wait is over.
 */
public final class RetryAfters implements CounterSection {
  /** Apps and mailboxes come from requests (a forged token names any app), so the waits kept are bounded. */
  public static final int MAX_WAITS = 10_000;
  /** Longer waits are kept as this long: no test waits longer, and instants then never overflow. */
  private static final Duration LONGEST_WAIT = Duration.ofDays(365);
  /** Delay-seconds as Graph sends them, and fractions as injected faults may ({@code 0.35}). */
  private static final Pattern SECONDS = Pattern.compile("[0-9]+(\\.[0-9]+)?");

  /** Whose requests a wait applies to: a counters row's app and mailbox. */
  public record Caller(String app, String mailbox) {
    public Caller {
      app = RequestCounters.bounded(app);
      mailbox = RequestCounters.bounded(mailbox);
    }
  }

  private record EarlyRequest(String method, String path, Caller caller, long earlyByMillis) {
    EarlyRequest {
      method = RequestCounters.bounded(method);
      path = RequestCounters.bounded(path);
    }
  }

  private final Clock clock;
  private final int maxWaits;
  /** Until when each caller was told to wait, the least recently told first. Guarded by this, as are the counts. */
  private final Map<Caller, Instant> waits = new LinkedHashMap<>();
  private long told;
  private long early;
  private EarlyRequest lastEarly;

  public RetryAfters(Clock clock) {
    this(clock, MAX_WAITS);
  }

  /** With another bound, so a test reaches it in a few requests. */
  RetryAfters(Clock clock, int maxWaits) {
    this.clock = clock;
    this.maxWaits = maxWaits;
  }

  /**
   * A request arrived. Decided now, not when it is answered: a request already under way when its caller was
   * told to wait did not ignore the answer.
   */
  public void arrived(String method, String pathTemplate, Caller caller) {
    Instant now = clock.instant();
    synchronized (this) {
      Instant until = waits.get(caller);
      if (until == null) {
        return;
      }
      if (!now.isBefore(until)) {
        waits.remove(caller);
        return;
      }
      early++;
      lastEarly = new EarlyRequest(method, pathTemplate, caller, millisUp(Duration.between(now, until)));
    }
  }

  /** A request was answered: a 429 or 503 with {@code Retry-After} ({@code null}: none) tells its caller to wait. */
  public void answered(Caller caller, int status, String retryAfter) {
    if ((status != 429 && status != 503) || retryAfter == null) {
      return;
    }
    Instant now = clock.instant();
    Optional<Duration> wait = delay(retryAfter);
    synchronized (this) {
      told++;
      wait.ifPresent(delay -> remember(caller, now.plus(delay), now));
    }
  }

  /** Kept as the newest told; past the bound, waits that are over go first, then the least recently told. */
  private void remember(Caller caller, Instant until, Instant now) {
    Instant earlier = waits.remove(caller);
    Instant latest = earlier != null && earlier.isAfter(until) ? earlier : until;
    if (!latest.isAfter(now)) {
      return;
    }
    if (waits.size() >= maxWaits) {
      waits.values().removeIf(end -> !end.isAfter(now));
    }
    if (waits.size() >= maxWaits) {
      Iterator<Caller> oldest = waits.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    waits.put(caller, latest);
  }

  /**
   * How long {@code Retry-After} asks to wait, to the nanosecond; none when it is not a number of seconds (an
   * HTTP date, which Graph does not send, or what a fault made up).
   */
  static Optional<Duration> delay(String retryAfter) {
    String text = retryAfter.trim();
    if (!SECONDS.matcher(text).matches()) {
      return Optional.empty();
    }
    BigDecimal seconds = new BigDecimal(text);
    if (seconds.compareTo(BigDecimal.valueOf(LONGEST_WAIT.toSeconds())) > 0) {
      return Optional.of(LONGEST_WAIT);
    }
    return Optional.of(Duration.ofNanos(seconds.movePointRight(9).setScale(0, RoundingMode.CEILING).longValueExact()));
  }

  /** Rounded up, so a request early by less than a millisecond does not read as on time. */
  private static long millisUp(Duration duration) {
    return (duration.toNanos() + 999_999) / 1_000_000;
  }

  @Override
  public synchronized JsonObject snapshot() {
    JsonObject last = lastEarly == null ? null : new JsonObject().put("method", lastEarly.method())
        .put("path", lastEarly.path()).put("app", lastEarly.caller().app())
        .put("mailbox", lastEarly.caller().mailbox()).put("earlyByMillis", lastEarly.earlyByMillis());
    return new JsonObject().put("told", told).put("early", early).put("lastEarly", last);
  }

  /** Forgets the waits with the counts, so early requests are counted against answers told since. */
  @Override
  public synchronized void reset() {
    waits.clear();
    told = 0;
    early = 0;
    lastEarly = null;
  }
}
