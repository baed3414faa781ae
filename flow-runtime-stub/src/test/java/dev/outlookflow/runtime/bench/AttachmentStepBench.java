package dev.outlookflow.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.runtime.support.TestPlugins;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not a test of speed: what the runtime's contract costs a step carrying a 20 MB attachment
 * (its event parsed, {@code {{trigger.attachment}}} resolved into 27 million characters, validated,
 * copied for display, sealed, handed to the action, its output taken back), with an action that only
 * measures what it got ({@code test/secret-sink}), so Graph is not in the figure. Run by
 * {@code bench/attachment-step.sh}; figures go to the README.
 */
class AttachmentStepBench {
  private static final int MEGABYTES = 20;
  private static final int WARM_UP = 3;
  private static final int RUNS = Integer.getInteger("bench.runs", 10);

  @TempDir Path temp;

  @Test
  void aTwentyMegabyteAttachmentStep() throws Exception {
    byte[] content = new byte[MEGABYTES * 1024 * 1024];
    new Random(14).nextBytes(content);
    JsonObject event = new JsonObject().put("attachment", Base64.getEncoder().encodeToString(content));
    Path plugins = TestPlugins.folderWithTestPlugin(temp);
    try (InProcessRuntime runtime = InProcessRuntime.start(temp.resolve("data"), plugins)) {
      ApiClient api = runtime.api();
      String flow = Runs.createFlow(api, Runs.oneStepFlow("Attachment", "sink", "test/secret-sink",
          new JsonObject().put("token", "{{trigger.token}}").put("attachment", "{{trigger.attachment}}")));
      event.put("token", "bench-token");
      for (int i = 0; i < WARM_UP; i++) {
        run(api, flow, event);
      }
      List<Long> millis = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        millis.add(run(api, flow, event));
      }
      millis.sort(Long::compare);
      System.out.printf(Locale.ROOT, "BENCH attachment-step: %d MB attachment (%d characters as base64), %d runs one "
              + "after another: run p50 %d ms, min %d ms, max %d ms (queued to finished); %d cores, java %s%n",
          MEGABYTES,
          event.getString("attachment").length(), RUNS, millis.get(RUNS / 2), millis.get(0), millis.get(RUNS - 1),
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    }
  }

  private static long run(ApiClient api, String flow, JsonObject event) {
    JsonObject run = Runs.awaitFinished(api, Runs.start(api, flow, event), Duration.ofMinutes(2));
    assertThat(run.getString("status")).isEqualTo("succeeded");
    return Duration.between(Instant.parse(run.getString("createdAt")), Instant.parse(run.getString("finishedAt")))
        .toMillis();
  }
}
