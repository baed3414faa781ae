package dev.outlookflow.outlook.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.plugin.api.connection.Credentials;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Credentials are kept until five minutes before they expire by the runtime's clock, which tests move. */
class CredentialsCacheTest {
  private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
  private final AtomicReference<Instant> now = new AtomicReference<>(NINE);
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  private final Vertx vertx = Vertx.vertx();
  private final CredentialsCache cache = new CredentialsCache(clock);
  private final AtomicInteger acquisitions = new AtomicInteger();

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** Credentials that expire an hour after the clock's time when they are acquired. */
  private Credentials get() throws Exception {
    return cache.get("connection", () -> {
      acquisitions.incrementAndGet();
      return Future.succeededFuture(new Credentials("Bearer", "token-" + acquisitions.get(),
          now.get().plus(Duration.ofHours(1)), null));
    }, vertx.getOrCreateContext()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void credentialsAreKeptUntilFiveMinutesBeforeTheyExpireByTheRuntimesClock() throws Exception {
    assertThat(get().token()).isEqualTo("token-1");

    now.set(NINE.plus(Duration.ofMinutes(54)));
    assertThat(get().token()).as("six minutes before expiry: kept").isEqualTo("token-1");

    now.set(NINE.plus(Duration.ofMinutes(55)));
    assertThat(get().token()).as("five minutes before expiry: acquired again").isEqualTo("token-2");
    assertThat(acquisitions).hasValue(2);
  }
}
