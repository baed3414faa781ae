package dev.outlookflow.runtime.newmail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.NewMailFlows;
import dev.outlookflow.runtime.support.NewMailRuntime;
import dev.outlookflow.runtime.support.OutlookTenant;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 300 mails through every hazard Graph documents for delta and every fault a network brings: replays, replication
 * lag, reordered pages, a mail left out of delta, tokens expiring both ways, 429 storms with fractional
 * Retry-After, 503s and dropped connections. None lost, none run twice.
 */
class NewMailHazardsIT {
  private static final String DELTA = "/v1.0/users/*/mailFolders/*/messages/delta";
  private static final String LIST = "/v1.0/users/*/mailFolders/*/messages";

  @TempDir Path temp;

  @Test
  void threeHundredMailsThroughEveryHazardStartOneRunEach() throws Exception {
    try (NewMailRuntime runtime = NewMailRuntime.start(temp, "outlook.newMail.auditSeconds=1")) {
      ApiClient api = runtime.api();
      OutlookTenant tenant = runtime.tenant();
      String flow = NewMailFlows.enabled(api, NewMailFlows.flow("Hazards", runtime.connection(), 1));
      long before = NewMailFlows.lastDelivery(tenant);
      fault(tenant, DELTA, new JsonObject().put("seed", 1).put("probability", 0.15), throttled());
      fault(tenant, DELTA, new JsonObject().put("seed", 2).put("probability", 0.05), unavailable());
      fault(tenant, DELTA, new JsonObject().put("seed", 3).put("probability", 0.05), dropped());
      // Audits are few (one a second): their faults come first, a fixed number of times.
      fault(tenant, LIST, new JsonObject().put("times", 2), throttled());
      fault(tenant, LIST, new JsonObject().put("times", 1), unavailable());
      fault(tenant, LIST, new JsonObject().put("times", 1), dropped());

      List<String> ids = new ArrayList<>();
      for (String expiry : List.of("gone", "syncStateNotFound")) {
        ApiClient.Answer set = tenant.controlPut("/mailboxes/" + DemoSeed.USER + "/delta", new JsonObject()
            .put("expiry", expiry).put("hazards", new JsonObject().put("seed", expiry.length())
                .put("replay", new JsonObject().put("probability", 0.3)).put("lagMillis", 300).put("reorder", true)
                .put("omit", new JsonObject().put("times", 1))));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        long phase = NewMailFlows.lastDelivery(tenant);
        NewMailFlows.stream(tenant, stream(75, expiry.length()));
        tenant.control("/mailboxes/" + DemoSeed.USER + "/delta/invalidate", new JsonObject());
        NewMailFlows.stream(tenant, stream(75, expiry.length() + 100));
        List<String> delivered = NewMailFlows.immutableIds(NewMailFlows.deliveries(tenant, phase));
        ids.addAll(delivered);
        runtime.process().explaining(() -> NewMailFlows.awaitRunsFor(api, flow, delivered, Duration.ofMinutes(3)));
      }

      assertThat(ids).hasSize(300).doesNotHaveDuplicates();
      assertThat(NewMailFlows.deliveries(tenant, before)).hasSize(300);
      Map<String, Long> perKey = NewMailFlows.runsPerKey(api, flow);
      assertThat(NewMailFlows.discrepancies(perKey, ids)).isEmpty();
      JsonObject counters = tenant.controlGet("/counters");
      JsonObject hazards = counters.getJsonObject("hazards").getJsonObject("total");
      for (String hazard : List.of("replay", "lag", "reorder", "omit", "gone", "syncStateNotFound")) {
        assertThat(hazards.getLong(hazard)).as(hazard + " fired").isGreaterThan(0);
      }
      assertThat(hazards.getLong("initial")).as("every resync asked only for the mail since the last seen").isZero();
      assertThat(hazards.getLong("initialFiltered")).as("the baseline and the two resyncs").isGreaterThanOrEqualTo(3);
      for (Object rule : counters.getJsonArray("faults")) {
        assertThat(((JsonObject) rule).getLong("fired")).as(((JsonObject) rule).encode()).isGreaterThan(0);
      }
      assertThat(counters.getJsonObject("retryAfter").getLong("told")).isGreaterThan(0);
      assertThat(counters.getJsonObject("retryAfter").getLong("early")).as("requests inside a Retry-After: "
          + counters.getJsonObject("retryAfter").encode()).isZero();
      JsonObject status = NewMailFlows.awaitNextRound(api, flow);
      assertThat(NewMailFlows.count(status, "resyncs")).isGreaterThanOrEqualTo(2);
      assertThat(NewMailFlows.count(status, "foundByAudit")).as("the mails left out of delta").isGreaterThanOrEqualTo(2);
    }
  }

  private static JsonObject stream(int count, int seed) {
    return new JsonObject().put("count", count).put("perSecond", 25).put("seed", seed)
        .put("targets", new JsonArray().add(new JsonObject().put("mailbox", DemoSeed.USER)));
  }

  private static void fault(OutlookTenant tenant, String path, JsonObject when, JsonObject fault) {
    tenant.fault(when.put("method", "GET").put("path", path).put("fault", fault));
  }

  private static JsonObject throttled() {
    return new JsonObject().put("type", "status").put("status", 429).put("retryAfter", "0.35");
  }

  private static JsonObject unavailable() {
    return new JsonObject().put("type", "status").put("status", 503);
  }

  private static JsonObject dropped() {
    return new JsonObject().put("type", "dropBefore");
  }
}
