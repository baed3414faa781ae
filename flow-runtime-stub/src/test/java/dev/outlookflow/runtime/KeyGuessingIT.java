package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.TestPlugins;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An address that keeps presenting wrong keys is answered later and later, through HTTP: five wrong keys
 * are free, then each answer waits 100 ms, 200 ms, ... Only lower bounds are asserted: a timer never
 * fires early, whatever the machine's speed.
 */
class KeyGuessingIT {
  @TempDir Path temp;

  private static Duration timed401(ApiClient guesser) {
    long started = System.nanoTime();
    ApiClient.Answer answer = guesser.get("/api/v1/flows");
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(answer.status()).isEqualTo(401);
    return took;
  }

  @Test
  void afterFiveWrongKeysEachAnswerIsHeldBackLongerThanTheOneBefore() throws Exception {
    try (InProcessRuntime runtime = InProcessRuntime.start(temp.resolve("data"), TestPlugins.folderWithTestPlugin(temp))) {
      ApiClient guesser = runtime.api().withKey("a-guess");
      for (int i = 0; i < 5; i++) {
        timed401(guesser);
      }

      assertThat(timed401(guesser)).as("the sixth wrong key").isGreaterThanOrEqualTo(Duration.ofMillis(100));
      assertThat(timed401(guesser)).as("the seventh").isGreaterThanOrEqualTo(Duration.ofMillis(200));
      assertThat(timed401(guesser)).as("the eighth").isGreaterThanOrEqualTo(Duration.ofMillis(400));
      assertThat(runtime.api().get("/api/v1/flows").status()).as("a right key is answered").isEqualTo(200);
    }
  }
}
