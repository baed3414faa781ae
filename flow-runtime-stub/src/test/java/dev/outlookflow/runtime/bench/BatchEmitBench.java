package dev.outlookflow.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.RuntimeConfig;
import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.Eventually;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.runtime.support.TestPlugins;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not a test of speed: how many runs a second a trigger's {@code emitAll} stores (each acknowledged
 * batch committed, H2 writing at every commit), through a test-plugin trigger ({@code test/batch}) emitting
 * batches one after another while the runs execute (at most 16 at once, one echo step each); and the heap used
 * before the emits, once they are stored (the backlog waiting in the store, not in memory) and once every run
 * ended. Run by {@code bench/batch-emit.sh}; figures go to the README.
 */
class BatchEmitBench {
  private static final int BATCH = Integer.getInteger("bench.batch", 100);
  private static final int RUNS = Integer.getInteger("bench.runs", 20_000);
  private static final int EXECUTING = Integer.getInteger("bench.executing", RuntimeConfig.DEFAULT_MAX_CONCURRENT_RUNS);
  private static final Pattern MILLIS = Pattern.compile("created=(\\d+) .* ms=(\\d+)");

  @TempDir Path temp;

  @Test
  void runsStoredPerSecondByBatches() throws Exception {
    RuntimeConfig config = RuntimeConfig.local(temp.resolve("data"), TestPlugins.folderWithTestPlugin(temp),
        Clock.systemUTC()).withMaxConcurrentRuns(EXECUTING);
    try (InProcessRuntime runtime = InProcessRuntime.start(config)) {
      ApiClient api = runtime.api();
      long heapBefore = heapUsed();
      String flow = Runs.createFlow(api, new JsonObject().put("name", "Batches")
          .put("trigger", new JsonObject().put("type", "test/batch")
              .put("properties", new JsonObject().put("batches", RUNS / BATCH).put("size", BATCH)))
          .put("steps", new JsonArray().add(new JsonObject().put("id", "echo").put("type", "test/echo")
              .put("properties", new JsonObject().put("message", "{{trigger.key}}")))));
      api.post("/api/v1/flows/" + flow + "/enable", null);
      String answers = Eventually.await("every batch stored", Duration.ofMinutes(10), () -> {
        JsonArray newest = api.get("/api/v1/runs?flow=" + flow + "&limit=1").json().getJsonArray("runs");
        return !newest.isEmpty() && "start 1".equals(newest.getJsonObject(0).getString("triggerKey"))
            ? api.get("/api/v1/runs/" + newest.getJsonObject(0).getString("id")).json().getJsonObject("trigger")
                .getString("answers") : null;
      });
      long heapStored = heapUsed();
      Matcher figures = MILLIS.matcher(answers);
      assertThat(figures.find()).as(answers).isTrue();
      int created = Integer.parseInt(figures.group(1));
      long millis = Long.parseLong(figures.group(2));
      assertThat(created).isEqualTo(RUNS);
      Eventually.await("every run ended", Duration.ofMinutes(30), () ->
          api.get("/api/v1/runs?flow=" + flow + "&status=queued&limit=1").json().getJsonArray("runs").isEmpty()
              && api.get("/api/v1/runs?flow=" + flow + "&status=running&limit=1").json().getJsonArray("runs").isEmpty()
              ? true : null);
      long heapEnded = heapUsed();
      System.out.printf(Locale.ROOT, "BENCH batch-emit: %d runs in batches of %d stored in %d ms: %.0f runs/s "
              + "(while executing, %d at once); heap used %d MB before, %d MB once stored, %d MB once all ended; "
              + "%d cores, java %s%n", RUNS, BATCH, millis, RUNS * 1000.0 / millis, EXECUTING, heapBefore >> 20,
          heapStored >> 20, heapEnded >> 20, Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
    }
  }

  /** The heap in use after a collection: what is still referenced. */
  private static long heapUsed() {
    System.gc();
    Runtime heap = Runtime.getRuntime();
    return heap.totalMemory() - heap.freeMemory();
  }
}
