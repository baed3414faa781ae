package dev.outlookflow.runtime.newmail;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a round, after some of its runs were stored and before its cursor was: after the restart
 * the round is read again, and every mail still has exactly one run per flow.
 */
class NewMailCrashIT {
  private static final int MAILS = 300;
  private static final String DELTA = "/v1.0/users/*/mailFolders/*/messages/delta";

  @TempDir Path temp;

  @Test
  void aKillBetweenRunsStoredAndCursorStoredLeavesOneRunPerMailPerFlow() throws Exception {
    try (NewMailRuntime runtime = NewMailRuntime.start(temp)) {
      ApiClient api = runtime.api();
      OutlookTenant tenant = runtime.tenant();
      List<String> flows = List.of(
          NewMailFlows.enabled(api, NewMailFlows.flow("First", runtime.connection(), 1)),
          NewMailFlows.enabled(api, NewMailFlows.flow("Second", runtime.connection(), 1)));
      long before = NewMailFlows.lastDelivery(tenant);

      // The next round's first delta request waits while all the mail arrives, so that one round brings it all;
      // each later page of that round comes a second late, so the kill lands inside the round.
      tenant.fault(new JsonObject().put("method", "GET").put("path", DELTA).put("times", 1)
          .put("fault", new JsonObject().put("type", "hold")));
      Eventually.await("the next round's request to be held",
          () -> tenant.controlGet("/faults").getInteger("held") == 1 ? true : null);
      NewMailFlows.stream(tenant, new JsonObject().put("count", MAILS).put("seed", 11)
          .put("targets", new JsonArray().add(new JsonObject().put("mailbox", DemoSeed.USER))));
      tenant.fault(new JsonObject().put("method", "GET").put("path", DELTA).put("times", 1000)
          .put("fault", new JsonObject().put("type", "latency").put("millis", 1000)));
      tenant.control("/faults/release", new JsonObject());
      Eventually.await("the round to store some runs", Duration.ofSeconds(60),
          () -> NewMailFlows.runs(api, flows.get(0)).size() >= 30 ? true : null);
      int storedBeforeKill = NewMailFlows.runs(api, flows.get(0)).size();
      runtime.killAndRestart();
      assertThat(storedBeforeKill).as("killed inside the round").isLessThan(MAILS);
      tenant.controlDelete("/faults");

      List<String> ids = NewMailFlows.immutableIds(NewMailFlows.deliveries(tenant, before));
      assertThat(ids).hasSize(MAILS);
      ApiClient restarted = runtime.api();
      for (String flow : flows) {
        Map<String, Long> perKey = runtime.process().explaining(() ->
            NewMailFlows.awaitRunsFor(restarted, flow, ids, Duration.ofMinutes(3)));
        assertThat(NewMailFlows.discrepancies(perKey, ids)).as(flow).isEmpty();
      }
      JsonObject status = NewMailFlows.awaitNextRound(restarted, flows.get(0));
      assertThat(NewMailFlows.count(status, "duplicatesSuppressed")).as("the round read again after the restart "
          + "brought mail whose runs were stored before the kill").isGreaterThan(0);
    }
  }
}
