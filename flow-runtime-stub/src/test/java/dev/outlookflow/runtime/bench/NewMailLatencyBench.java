package dev.outlookflow.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not a test of speed: how soon after the sandbox delivers a mail its run is stored (p50, p99), with
 * one flow per mailbox on four mailboxes polled every {@code bench.interval} seconds, Graph's concurrency counted
 * per app or per mailbox ({@code bench.concurrency}); and how many Graph requests an idle poll costs. Run by
 * {@code bench/new-mail.sh}; figures go to the README.
 */
class NewMailLatencyBench {
  private static final int INTERVAL = Integer.getInteger("bench.interval", 1);
  private static final int MAILS = Integer.getInteger("bench.mails", 200);
  private static final int PER_SECOND = Integer.getInteger("bench.perSecond", 4);
  private static final String CONCURRENCY = System.getProperty("bench.concurrency", "app");
  private static final List<String> MAILBOXES = List.of(DemoSeed.USER, DemoSeed.ADMIN, DemoSeed.SHARED,
      DemoSeed.SUPPORT);

  @TempDir Path temp;

  @Test
  void deliveryToRunStored() throws Exception {
    try (NewMailRuntime runtime = NewMailRuntime.start(temp, "outlook.graphConcurrency=" + CONCURRENCY)) {
      ApiClient api = runtime.api();
      OutlookTenant tenant = runtime.tenant();
      String connection = tenant.appOnlyConnection(DemoSeed.USER, DemoSeed.ADMIN, DemoSeed.SHARED, DemoSeed.SUPPORT);
      Map<String, String> flows = new HashMap<>();
      for (String mailbox : MAILBOXES) {
        flows.put(mailbox.toLowerCase(Locale.ROOT), NewMailFlows.enabled(api,
            NewMailFlows.flow("Bench " + mailbox, connection, INTERVAL, mailbox)));
      }

      double perIdlePoll = requestsPerIdlePoll(api, tenant, List.copyOf(flows.values()));

      long before = NewMailFlows.lastDelivery(tenant);
      JsonArray targets = new JsonArray();
      MAILBOXES.forEach(m -> targets.add(new JsonObject().put("mailbox", m)));
      NewMailFlows.stream(tenant, new JsonObject().put("count", MAILS).put("perSecond", PER_SECOND).put("seed", 1)
          .put("targets", targets));
      List<JsonObject> delivered = NewMailFlows.deliveries(tenant, before);
      assertThat(delivered).hasSize(MAILS);

      List<Long> latencies = new ArrayList<>();
      for (Map.Entry<String, String> flow : flows.entrySet()) {
        List<JsonObject> mine = delivered.stream()
            .filter(d -> flow.getKey().equalsIgnoreCase(d.getString("address"))).toList();
        List<String> ids = NewMailFlows.immutableIds(mine);
        NewMailFlows.awaitRunsFor(api, flow.getValue(), ids, Duration.ofSeconds(INTERVAL * 3L + 60));
        Map<String, Instant> stored = new HashMap<>();
        for (JsonObject run : NewMailFlows.runs(api, flow.getValue())) {
          stored.put(run.getString("triggerKey"), Instant.parse(run.getString("createdAt")));
        }
        for (JsonObject delivery : mine) {
          latencies.add(Duration.between(Instant.parse(delivery.getString("deliveredAt")),
              stored.get(delivery.getString("immutableId"))).toMillis());
        }
      }
      latencies.sort(Long::compare);
      System.out.printf(Locale.ROOT, "BENCH new-mail interval=%ds concurrency=%s mails=%d mailboxes=%d "
              + "rate=%d/s: delivery->run stored p50=%d ms p99=%d ms max=%d ms; Graph requests per idle poll=%.2f%n",
          INTERVAL, CONCURRENCY, MAILS, MAILBOXES.size(), PER_SECOND, percentile(latencies, 50),
          percentile(latencies, 99), latencies.get(latencies.size() - 1), perIdlePoll);
    }
  }

  /** Graph requests (all paths of Graph) per finished round, over at least five idle rounds of each watcher. */
  private static double requestsPerIdlePoll(ApiClient api, OutlookTenant tenant, List<String> flows) {
    long rounds0 = rounds(api, flows);
    assertThat(tenant.controlDelete("/counters").status()).isLessThan(300);
    long target = rounds0 + 5L * flows.size();
    long rounds1 = Eventually.await("idle rounds", Duration.ofSeconds(INTERVAL * 6L + 60),
        () -> rounds(api, flows) >= target ? rounds(api, flows) : null);
    long requests = tenant.controlGet("/counters").getJsonArray("requests").stream().map(JsonObject.class::cast)
        .filter(row -> row.getString("path").startsWith("/v1.0/")).mapToLong(row -> row.getLong("count")).sum();
    return (double) requests / (rounds1 - rounds0);
  }

  private static long rounds(ApiClient api, List<String> flows) {
    return flows.stream().mapToLong(f -> NewMailFlows.count(NewMailFlows.status(api, f), "rounds")).sum();
  }

  private static long percentile(List<Long> sorted, int percent) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
  }
}
