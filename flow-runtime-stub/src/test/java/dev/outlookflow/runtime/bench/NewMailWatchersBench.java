package dev.outlookflow.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.Eventually;
import dev.outlookflow.runtime.support.NewMailFlows;
import dev.outlookflow.runtime.support.NewMailRuntime;
import dev.outlookflow.runtime.support.OutlookTenant;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not a test of speed: the runtime's heap and CPU with {@code bench.watchers} watched folders (one
 * enabled new-mail flow on each, spread over four mailboxes of one app-only connection), polled every
 * {@code bench.interval} seconds (default 60): heap after a full collection per watcher (against the same runtime
 * before the flows were enabled), and cores used over {@code bench.window} seconds of idle polling. Run by
 * {@code bench/new-mail-watchers.sh}; figures go to the README.
 */
class NewMailWatchersBench {
  private static final int WATCHERS = Integer.getInteger("bench.watchers", 1_000);
  private static final int INTERVAL = Integer.getInteger("bench.interval", 60);
  private static final int WINDOW = Integer.getInteger("bench.window", 180);
  private static final List<String> MAILBOXES = List.of(DemoSeed.USER, DemoSeed.ADMIN, DemoSeed.SHARED,
      DemoSeed.SUPPORT);

  @TempDir Path temp;

  @Test
  void heapAndCpuPerWatchedFolder() throws Exception {
    try (NewMailRuntime runtime = NewMailRuntime.start(temp)) {
      ApiClient api = runtime.api();
      OutlookTenant tenant = runtime.tenant();
      String connection = tenant.appOnlyConnection(DemoSeed.USER, DemoSeed.ADMIN, DemoSeed.SHARED, DemoSeed.SUPPORT);
      List<String> flows = new ArrayList<>();
      for (int i = 0; i < WATCHERS; i++) {
        String mailbox = MAILBOXES.get(i % MAILBOXES.size());
        ApiClient.Answer folder = tenant.control("/mailboxes/" + mailbox + "/folders",
            new JsonObject().put("displayName", "Bench " + i));
        assertThat(folder.status()).as(folder.text()).isLessThan(300);
        JsonObject flow = NewMailFlows.flow("Watch " + i, connection, INTERVAL, mailbox);
        flow.getJsonObject("trigger").getJsonObject("properties").put("folder", folder.json().getString("id"));
        flows.add(Runs.createFlow(api, flow));
      }
      ProcessProbe probe = new ProcessProbe(runtime.process().pid());
      long heapBefore = probe.heapAfterGc();
      long started = System.nanoTime();
      for (String flow : flows) {
        ApiClient.Answer enabled = api.post("/api/v1/flows/" + flow + "/enable", null);
        assertThat(enabled.status()).as(enabled.text()).isEqualTo(200);
      }
      for (String flow : flows) {
        NewMailFlows.awaitRound(api, flow);
      }
      double enabling = (System.nanoTime() - started) / 1e9;
      long heapAfter = probe.heapAfterGc();

      long rounds0 = rounds(api, flows);
      double cpu0 = probe.cpuSeconds();
      long wall0 = System.nanoTime();
      Eventually.await("the idle window", Duration.ofSeconds(WINDOW + 60L),
          () -> System.nanoTime() - wall0 >= WINDOW * 1_000_000_000L ? true : null);
      double cores = (probe.cpuSeconds() - cpu0) / ((System.nanoTime() - wall0) / 1e9);
      double polls = (rounds(api, flows) - rounds0) / ((System.nanoTime() - wall0) / 1e9);
      String interval = NewMailFlows.source(NewMailFlows.status(api, flows.get(0))).getString("note");
      System.out.printf(Locale.ROOT, "BENCH new-mail watchers=%d interval=%ds: enabled and polled once in %.0f s; "
              + "heap after GC %.1f MB -> %.1f MB = %.1f KB per watcher; idle %.3f cores at %.1f polls/s%s%n",
          WATCHERS, INTERVAL, enabling, heapBefore / 1e6, heapAfter / 1e6,
          (heapAfter - heapBefore) / 1024.0 / WATCHERS, cores, polls, interval == null ? "" : " (" + interval + ")");
    }
  }

  private static long rounds(ApiClient api, List<String> flows) {
    return flows.stream().mapToLong(f -> NewMailFlows.count(NewMailFlows.status(api, f), "rounds")).sum();
  }
}
