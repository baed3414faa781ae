package dev.outlookflow.sandbox.state;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The token requests the sandbox answered, oldest first, for tests that count them: the newest
 * {@value #CAPACITY}, none older than {@link #KEPT_FOR} by the sandbox's clock. A buffer that drops its
 * oldest record rather than a cache: a client that counts requests must always find its newest ones, which a
 * cache evicting by frequency (Caffeine) does not promise once it is full.
 */
final class TokenRequestLog {
  static final int CAPACITY = 10_000;
  /** Longer than any test waits between two counts: access tokens live an hour, tests move the clock past it. */
  static final Duration KEPT_FOR = Duration.ofHours(24);

  private final ArrayDeque<Grants.TokenRequest> records = new ArrayDeque<>();
  private final Clock clock;

  TokenRequestLog(Clock clock) {
    this.clock = clock;
  }

  synchronized void add(Grants.TokenRequest request) {
    forgetOld();
    if (records.size() == CAPACITY) {
      records.removeFirst();
    }
    records.addLast(request);
  }

  synchronized List<Grants.TokenRequest> list() {
    forgetOld();
    return List.copyOf(records);
  }

  /** Records are added as the clock goes, so the old ones are at the front. */
  private void forgetOld() {
    long cutoff = clock.millis() - KEPT_FOR.toMillis();
    while (!records.isEmpty() && records.peekFirst().at() < cutoff) {
      records.removeFirst();
    }
  }
}
