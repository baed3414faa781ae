package dev.outlookflow.outlook.auth;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.outlookflow.plugin.api.connection.Credentials;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Credentials per connection until five minutes before they expire; callers asking at once share one
 * acquisition. A refused acquisition reaches everyone waiting on it and is then forgotten. It is kept
 * as an outcome rather than a failed future, which Caffeine would log with its whole stack trace: a
 * refusal is handled (it becomes the connection's status and the step's sentence), not an incident.
 */
final class CredentialsCache {
  private static final Duration SKEW = Duration.ofMinutes(5);

  private sealed interface Outcome permits Got, Refused {}

  private record Got(Credentials credentials) implements Outcome {}

  private record Refused(Throwable cause) implements Outcome {}

  private final Clock clock;
  private final AsyncCache<String, Outcome> outcomes;

  /** {@code clock}: the runtime's; credentials expire five minutes before their expiry by it. */
  CredentialsCache(Clock clock) {
    this.clock = clock;
    this.outcomes = Caffeine.newBuilder()
        .maximumSize(10_000)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .expireAfter(new Expiry<String, Outcome>() {
          @Override
          public long expireAfterCreate(String key, Outcome outcome, long now) {
            return outcome instanceof Got got ? Math.max(0, TimeUnit.MILLISECONDS.toNanos(
                got.credentials().expiresAt().minus(SKEW).toEpochMilli() - clock.millis())) : 0;
          }

          @Override
          public long expireAfterUpdate(String key, Outcome outcome, long now, long current) {
            return expireAfterCreate(key, outcome, now);
          }

          @Override
          public long expireAfterRead(String key, Outcome outcome, long now, long current) {
            return current;
          }
        })
        .buildAsync();
  }

  /**
   * The cached credentials for {@code key}, else those {@code acquire} gives (one call for all who ask),
   * answered on {@code context}.
   */
  Future<Credentials> get(String key, Supplier<Future<Credentials>> acquire, Context context) {
    CompletableFuture<Outcome> outcome = outcomes.get(key, (k, executor) -> acquire.get()
        .<Outcome>map(Got::new).otherwise(Refused::new).toCompletionStage().toCompletableFuture());
    return Future.fromCompletionStage(outcome, context).compose(done -> done instanceof Got got
        ? Future.succeededFuture(got.credentials())
        : Future.failedFuture(((Refused) done).cause()));
  }

  void invalidate(String key) {
    outcomes.synchronous().invalidate(key);
  }

  /** Drops every entry whose key starts with {@code prefix}. */
  void forgetStartingWith(String prefix) {
    outcomes.synchronous().asMap().keySet().removeIf(k -> k.startsWith(prefix));
  }
}
