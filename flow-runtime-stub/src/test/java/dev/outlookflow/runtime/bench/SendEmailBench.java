package dev.outlookflow.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.OutlookRuntime;
import dev.outlookflow.runtime.support.OutlookTenant;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not a test of speed: "Send an email" actions per second through the runtime's API
 * against its embedded sandbox, and token requests per 1,000 sends. Run by {@code bench/send-email.sh}
 * (the {@code bench} profile); figures go to the README.
 */
class SendEmailBench {
  private static final int WARM_UP = 200;
  private static final int SENDS = Integer.getInteger("bench.sends", 1000);
  private static final int CLIENTS = 8;

  @TempDir Path temp;

  @Test
  void sendEmailActionsPerSecond() throws Exception {
    try (OutlookRuntime runtime = OutlookRuntime.start(temp)) {
      ApiClient api = runtime.api();
      OutlookTenant tenant = runtime.tenant();
      String flow = Runs.createFlow(api, Runs.oneStepFlow("Bench mail", "mail", "outlook/send-email",
          new JsonObject().put("connection", tenant.appOnlyConnection(DemoSeed.USER))
              .put("to", new JsonArray().add(DemoSeed.ADMIN)).put("subject", "Bench {{trigger.n}}")
              .put("body", "<p>Mail number {{trigger.n}} of the benchmark.</p>")));
      sendAll(api, flow, 0, WARM_UP);
      long tokensBefore = tenant.tokenRequests();

      long started = System.nanoTime();
      List<JsonObject> runs = sendAll(api, flow, WARM_UP, SENDS);
      double seconds = (System.nanoTime() - started) / 1e9;
      long tokens = tenant.tokenRequests() - tokensBefore;

      List<Long> durations = new ArrayList<>();
      for (JsonObject run : runs) {
        assertThat(run.getString("status")).isEqualTo("succeeded");
        durations.add(Duration.between(Instant.parse(run.getString("createdAt")),
            Instant.parse(run.getString("finishedAt"))).toMillis());
      }
      durations.sort(Long::compare);
      assertThat(tenant.folder(DemoSeed.ADMIN, "inbox")).hasSize(WARM_UP + SENDS);
      System.out.printf(Locale.ROOT, "BENCH send-email: %d sends in %.1f s = %.0f sends/s; run p50 %d ms, p99 %d ms; "
              + "%d token requests per 1,000 sends; %d cores, java %s%n", SENDS, seconds, SENDS / seconds,
          durations.get(durations.size() / 2), durations.get(durations.size() * 99 / 100), tokens * 1000 / SENDS,
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    }
  }

  /** Starts runs n = from .. from + count - 1 from several clients, then waits for each to finish. */
  private static List<JsonObject> sendAll(ApiClient api, String flow, int from, int count) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<String>> started = new ArrayList<>();
      for (int n = from; n < from + count; n++) {
        JsonObject event = new JsonObject().put("n", n);
        started.add(clients.submit(() -> Runs.start(api, flow, event)));
      }
      List<JsonObject> finished = new ArrayList<>();
      for (Future<String> run : started) {
        finished.add(Runs.awaitFinished(api, run.get(), Duration.ofMinutes(10)));
      }
      return finished;
    } finally {
      clients.shutdown();
    }
  }
}
