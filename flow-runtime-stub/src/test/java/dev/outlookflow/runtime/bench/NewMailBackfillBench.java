package dev.outlookflow.runtime.bench;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.Eventually;
import dev.outlookflow.runtime.support.NewMailFlows;
import dev.outlookflow.runtime.support.NewMailRuntime;
import dev.outlookflow.runtime.support.OutlookTenant;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not a test of speed: a new-mail flow that backfills 30 days of a folder holding {@code bench.mails}
 * messages (default 100,000): runs stored per second while it does (from enabling the flow until the backfill
 * reports done), and the runtime's heap after a full collection before and after (the runs wait in the store,
 * not in memory). Run by {@code bench/new-mail-backfill.sh}; figures go to the README.
 */
class NewMailBackfillBench {
  private static final int MAILS = Integer.getInteger("bench.mails", 100_000);

  @TempDir Path temp;

  @Test
  void backfillOfALargeFolder() throws Exception {
    try (NewMailRuntime runtime = NewMailRuntime.start(temp)) {
      ApiClient api = runtime.api();
      OutlookTenant tenant = runtime.tenant();
      Instant now = Instant.now();
      NewMailFlows.stream(tenant, new JsonObject().put("count", MAILS).put("perSecond", 10_000).put("seed", 5)
          .put("bodyBytes", new JsonObject().put("min", 100).put("max", 300))
          .put("receivedBetween", new JsonObject().put("from", now.minus(Duration.ofDays(29)).toString())
              .put("to", now.minus(Duration.ofHours(1)).toString()))
          .put("targets", new JsonArray().add(new JsonObject().put("mailbox", DemoSeed.USER))));
      ProcessProbe probe = new ProcessProbe(runtime.process().pid());
      long heapBefore = probe.heapAfterGc();

      JsonObject flow = NewMailFlows.flow("Backfill bench", runtime.connection(), 30);
      flow.getJsonObject("trigger").getJsonObject("properties").put("startFrom", "past_days").put("backfillDays", 30);
      long started = System.nanoTime();
      String id = NewMailFlows.enabled(api, flow);
      Eventually.await("the backfill to finish", Duration.ofMinutes(30), () -> {
        String note = NewMailFlows.source(NewMailFlows.status(api, id)).getString("note");
        return note != null && note.contains(": done") ? true : null;
      });
      double seconds = (System.nanoTime() - started) / 1e9;
      long done = NewMailFlows.count(NewMailFlows.status(api, id), "backfillDone");
      long heapAfter = probe.heapAfterGc();
      System.out.printf(Locale.ROOT, "BENCH new-mail backfill mails=%d: %d fired in %.1f s = %.0f runs stored/s; "
              + "heap after GC before %.1f MB, after %.1f MB%n", MAILS, done, seconds, done / seconds,
          heapBefore / 1e6, heapAfter / 1e6);
    }
  }
}
