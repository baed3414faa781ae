package dev.outlookflow.sandbox.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** Mail streams from tests: start one, and wait (polling its status, within a bound) until it is over. */
public final class Streams {
  /** Far longer than any test's stream needs on a busy machine; reaching it fails the test. */
  private static final Duration MOST = Duration.ofSeconds(60);

  private Streams() {}

  /** Starts a stream; answers its id. */
  public static String start(RunningSandbox sandbox, JsonObject spec) throws Exception {
    Http.Answer started = sandbox.control("/streams", spec);
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    return started.json().getString("id");
  }

  /** The stream's status once it is no longer running. */
  public static JsonObject finished(RunningSandbox sandbox, String id) throws Exception {
    long giveUpAt = System.nanoTime() + MOST.toNanos();
    while (true) {
      JsonObject status = sandbox.get("/_sandbox/streams/" + id, null).json();
      if (!"running".equals(status.getString("state"))) {
        return status;
      }
      assertThat(System.nanoTime()).as("stream %s still running after %s: %s", id, MOST, status).isLessThan(giveUpAt);
      Thread.sleep(10);
    }
  }
}
