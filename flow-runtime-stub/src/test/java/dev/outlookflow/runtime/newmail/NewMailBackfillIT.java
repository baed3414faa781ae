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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Start from: now, and the mail of the days before": the mail of the chosen days fires once each, oldest first,
 * with its progress in the trigger's status, across a kill -9; older mail does not fire; disconnecting the
 * connection cancels the backfill, after which it sends Graph nothing more.
 */
class NewMailBackfillIT {
  private static final int MAILS = 2_000;
  private static final String LIST = "/v1.0/users/*/mailFolders/*/messages";
  private static final String LIST_TEMPLATE = "/v1.0/users/{user}/mailFolders/{folder}/messages";

  @TempDir Path temp;

  @Test
  void sevenDaysOfMailFireOnceEachOldestFirstAcrossAKillInTheMiddle() throws Exception {
    try (NewMailRuntime runtime = NewMailRuntime.start(temp)) {
      OutlookTenant tenant = runtime.tenant();
      Instant now = Instant.now();
      long before = NewMailFlows.lastDelivery(tenant);
      past(tenant, MAILS, now.minus(Duration.ofDays(6)), now.minus(Duration.ofHours(1)), 21);
      List<JsonObject> backfilled = NewMailFlows.deliveries(tenant, before);
      long older = NewMailFlows.lastDelivery(tenant);
      past(tenant, 30, now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)), 22);
      List<String> tooOld = NewMailFlows.immutableIds(NewMailFlows.deliveries(tenant, older));
      // Each page of the backfill comes a little late, so that the kill lands within it.
      tenant.fault(new JsonObject().put("method", "GET").put("path", LIST).put("times", 100_000)
          .put("fault", new JsonObject().put("type", "latency").put("millis", 1_000)));

      ApiClient api = runtime.api();
      String flow = NewMailFlows.enabled(api, backfillFlow(runtime.connection(), 7));
      long doneAtKill = Eventually.await("the backfill to be between 20 and 80 % done", Duration.ofSeconds(90), () -> {
        long done = NewMailFlows.count(NewMailFlows.status(api, flow), "backfillDone");
        return done >= MAILS / 5 && done <= MAILS * 4 / 5 ? done : null;
      });
      runtime.killAndRestart();
      tenant.controlDelete("/faults");

      ApiClient restarted = runtime.api();
      List<String> ids = NewMailFlows.immutableIds(backfilled);
      Map<String, Long> perKey = runtime.process().explaining(() ->
          NewMailFlows.awaitRunsFor(restarted, flow, ids, Duration.ofMinutes(3)));
      assertThat(doneAtKill).as("killed in the middle").isBetween((long) MAILS / 5, (long) MAILS * 4 / 5);
      assertThat(NewMailFlows.discrepancies(perKey, ids)).as("each mail of the 7 days once, no older mail")
          .isEmpty();
      assertThat(perKey).doesNotContainKeys(tooOld.toArray(String[]::new));

      Map<String, Instant> received = backfilled.stream().collect(Collectors.toMap(d -> d.getString("immutableId"),
          d -> Instant.parse(d.getString("receivedDateTime")).truncatedTo(ChronoUnit.SECONDS)));
      List<JsonObject> oldestRunFirst = new ArrayList<>(NewMailFlows.runs(restarted, flow));
      Collections.reverse(oldestRunFirst);
      List<Instant> inRunOrder = oldestRunFirst.stream().map(r -> received.get(r.getString("triggerKey"))).toList();
      assertThat(inRunOrder).as("runs created in receivedDateTime order").isSorted();

      JsonObject status = Eventually.await("the backfill to be reported done", () -> {
        JsonObject now2 = NewMailFlows.status(restarted, flow);
        String note = NewMailFlows.source(now2).getString("note");
        return note != null && note.contains("done") ? now2 : null;
      });
      assertThat(NewMailFlows.count(status, "backfillDone")).as("counted once each across the kill")
          .isEqualTo(MAILS);
    }
  }

  @Test
  void disconnectingTheConnectionCancelsTheBackfillAndItsRequests() throws Exception {
    try (NewMailRuntime runtime = NewMailRuntime.start(temp)) {
      OutlookTenant tenant = runtime.tenant();
      Instant now = Instant.now();
      past(tenant, 1_200, now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(1)), 23);
      // Every list request waits until released: the test knows which page the backfill is at.
      tenant.fault(new JsonObject().put("method", "GET").put("path", LIST).put("times", 100_000)
          .put("fault", new JsonObject().put("type", "hold")));
      ApiClient api = runtime.api();
      String flow = NewMailFlows.enabled(api, backfillFlow(runtime.connection(), 7));
      awaitHeldList(tenant);
      tenant.control("/faults/release", new JsonObject());
      Eventually.await("the first page fired", () ->
          NewMailFlows.count(NewMailFlows.status(api, flow), "backfillDone") == 500 ? true : null);
      awaitHeldList(tenant);

      ApiClient.Answer disconnected = api.post("/api/v1/connections/" + runtime.connection() + "/disconnect", null);
      assertThat(disconnected.status()).as(disconnected.text()).isBetween(200, 204);
      tenant.control("/faults/release", new JsonObject());
      long lists = lists(tenant);
      // A backfill that went on would ask for its next page at once, and after a failure again within a second: a
      // window of no requests, not a wait for something to happen.
      Thread.sleep(3_000);
      assertThat(tenant.controlGet("/faults").getInteger("held")).as("no list request waiting").isZero();
      assertThat(lists(tenant)).as("no list request after the disconnect").isEqualTo(lists);
    }
  }

  private static void awaitHeldList(OutlookTenant tenant) {
    Eventually.await("the backfill's list request", () ->
        tenant.controlGet("/faults").getInteger("held") == 1 ? true : null);
  }

  private static long lists(OutlookTenant tenant) {
    return tenant.controlGet("/counters?method=GET&path="
        + URLEncoder.encode(LIST_TEMPLATE, StandardCharsets.UTF_8)).getJsonArray("requests").stream()
        .map(JsonObject.class::cast).mapToLong(row -> row.getLong("count")).sum();
  }

  private static JsonObject backfillFlow(String connection, int days) {
    JsonObject flow = NewMailFlows.flow("Backfill", connection, 1);
    flow.getJsonObject("trigger").getJsonObject("properties").put("startFrom", "past_days").put("backfillDays", days);
    return flow;
  }

  private static void past(OutlookTenant tenant, int count, Instant from, Instant to, int seed) {
    NewMailFlows.stream(tenant, new JsonObject().put("count", count).put("perSecond", 5_000).put("seed", seed)
        .put("receivedBetween", new JsonObject().put("from", from.toString()).put("to", to.toString()))
        .put("targets", new JsonArray().add(new JsonObject().put("mailbox", DemoSeed.USER))));
  }
}
