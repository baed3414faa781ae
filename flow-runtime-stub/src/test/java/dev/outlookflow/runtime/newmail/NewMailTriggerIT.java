package dev.outlookflow.runtime.newmail;

import static dev.outlookflow.runtime.support.NewMailFlows.count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.Eventually;
import dev.outlookflow.runtime.support.NewMailFlows;
import dev.outlookflow.runtime.support.NewMailRuntime;
import dev.outlookflow.runtime.support.OutlookTenant;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "When a new email arrives" through the packaged runtime against the sandbox: one run per mail with the mail's
 * fields, one watcher for every flow on an Inbox, and a paused flow catching up when enabled again.
 */
class NewMailTriggerIT {
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final String DELTA = "/v1.0/users/{user}/mailFolders/{folder}/messages/delta";

  @TempDir Path temp;
  private NewMailRuntime runtime;
  private ApiClient api;
  private OutlookTenant tenant;

  @BeforeEach
  void start() throws Exception {
    runtime = NewMailRuntime.start(temp);
    api = runtime.api();
    tenant = runtime.tenant();
  }

  @AfterEach
  void stop() throws Exception {
    runtime.close();
  }

  @Test
  void eachStreamedMailStartsExactlyOneRunCarryingTheMailsFields() {
    String flow = NewMailFlows.enabled(api, NewMailFlows.flow("Inbox", runtime.connection(), 1));
    long before = NewMailFlows.lastDelivery(tenant);

    NewMailFlows.stream(tenant, new JsonObject().put("count", 40).put("perSecond", 40).put("seed", 17)
        .put("targets", new JsonArray().add(new JsonObject().put("mailbox", DemoSeed.USER))));

    List<JsonObject> delivered = NewMailFlows.deliveries(tenant, before);
    List<String> ids = NewMailFlows.immutableIds(delivered);
    assertThat(ids).hasSize(40);
    Map<String, Long> perKey = runtime.process().explaining(() -> NewMailFlows.awaitRunsFor(api, flow, ids, DEADLINE));
    assertThat(NewMailFlows.discrepancies(perKey, ids)).isEmpty();

    JsonObject message = tenant.folder(DemoSeed.USER, "inbox").stream().map(JsonObject.class::cast)
        .filter(m -> ids.get(7).equals(m.getString("id"))).findFirst().orElseThrow();
    JsonObject event = runOf(flow, ids.get(7)).getJsonObject("trigger");
    assertThat(event.fieldNames()).containsExactlyInAnyOrder("id", "internetMessageId", "conversationId", "subject",
        "from", "sender", "to", "cc", "replyTo", "receivedDateTime", "bodyPreview", "body", "importance", "isRead",
        "hasAttachments", "categories", "webLink", "mailbox", "folder", "attachments", "attachmentsNote");
    assertThat(event.getString("id")).isEqualTo(ids.get(7));
    assertThat(event.getString("subject")).isEqualTo(message.getString("subject"));
    assertThat(event.getString("internetMessageId")).isEqualTo(message.getString("internetMessageId"));
    assertThat(event.getString("conversationId")).isEqualTo(message.getString("conversationId"));
    assertThat(event.getJsonObject("from")).isEqualTo(message.getJsonObject("from"));
    assertThat(event.getJsonObject("sender")).isEqualTo(message.getJsonObject("sender"));
    assertThat(event.getJsonArray("to")).isEqualTo(message.getJsonArray("toRecipients"));
    assertThat(event.getJsonArray("cc")).isEqualTo(message.getJsonArray("ccRecipients"));
    assertThat(event.getJsonArray("replyTo")).isEqualTo(message.getJsonArray("replyTo", new JsonArray()));
    assertThat(event.getString("receivedDateTime")).isEqualTo(message.getString("receivedDateTime"));
    assertThat(event.getString("bodyPreview")).isEqualTo(message.getString("bodyPreview"));
    assertThat(event.getJsonObject("body").getString("content"))
        .isEqualTo(message.getJsonObject("body").getString("content"));
    assertThat(event.getJsonObject("body").getString("contentType"))
        .isEqualToIgnoringCase(message.getJsonObject("body").getString("contentType"));
    assertThat(event.getString("importance")).isEqualToIgnoringCase(message.getString("importance"));
    assertThat(event.getBoolean("hasAttachments")).isEqualTo(message.getBoolean("hasAttachments"));
    assertThat(event.getJsonArray("categories")).isEqualTo(message.getJsonArray("categories", new JsonArray()));
    assertThat(event.getString("webLink")).isEqualTo(message.getString("webLink"));
    assertThat(event.getString("mailbox")).isEqualToIgnoringCase(DemoSeed.USER);
    assertThat(event.getJsonObject("folder").getString("name")).isEqualTo("Inbox");

    JsonObject status = NewMailFlows.awaitNextRound(api, flow);
    assertThat(status.getString("state")).isEqualTo("running");
    assertThat(status.getJsonObject("report").getString("mode")).isEqualTo("polling");
    assertThat(status.getJsonObject("report").getString("why")).contains("every 1 s");
    assertThat(NewMailFlows.source(status).getString("name")).isEqualToIgnoringCase("Inbox of " + DemoSeed.USER);
    assertThat(NewMailFlows.source(status).getString("nextRound")).isNotNull();
    assertThat(count(status, "flowRunsStarted")).isEqualTo(40);
    assertThat(count(status, "mailsSeen")).isGreaterThanOrEqualTo(40);
  }

  @Test
  void twoFlowsOnOneInboxShareOneWatchersRequestsAndEachRunsOncePerMail() {
    String first = NewMailFlows.enabled(api, NewMailFlows.flow("First", runtime.connection(), 1));
    double alone = deltaRequestsPerRound(first);

    String second = NewMailFlows.enabled(api, NewMailFlows.flow("Second", runtime.connection(), 1));
    double together = deltaRequestsPerRound(first);
    long before = NewMailFlows.lastDelivery(tenant);
    NewMailFlows.stream(tenant, new JsonObject().put("count", 15).put("seed", 3)
        .put("targets", new JsonArray().add(new JsonObject().put("mailbox", DemoSeed.USER))));

    assertThat(alone).as("an idle round is one delta request").isEqualTo(1.0);
    assertThat(together).as("a second flow adds no request").isEqualTo(alone);
    List<String> ids = NewMailFlows.immutableIds(NewMailFlows.deliveries(tenant, before));
    for (String flow : List.of(first, second)) {
      Map<String, Long> perKey = runtime.process().explaining(() -> NewMailFlows.awaitRunsFor(api, flow, ids, DEADLINE));
      assertThat(NewMailFlows.discrepancies(perKey, ids)).as(flow).isEmpty();
    }
  }

  @Test
  void aDisabledFlowCatchesUpWhenEnabledWhileAnotherOnTheSameInboxGoesOn() {
    String paused = NewMailFlows.enabled(api, NewMailFlows.flow("Paused", runtime.connection(), 1));
    String steady = NewMailFlows.enabled(api, NewMailFlows.flow("Steady", runtime.connection(), 1));
    assertThat(api.post("/api/v1/flows/" + paused + "/disable", null).status()).isEqualTo(200);
    long before = NewMailFlows.lastDelivery(tenant);

    NewMailFlows.stream(tenant, new JsonObject().put("count", 20).put("seed", 5)
        .put("targets", new JsonArray().add(new JsonObject().put("mailbox", DemoSeed.USER))));
    List<String> ids = NewMailFlows.immutableIds(NewMailFlows.deliveries(tenant, before));
    Map<String, Long> steadyRuns = runtime.process().explaining(() ->
        NewMailFlows.awaitRunsFor(api, steady, ids, DEADLINE));
    NewMailFlows.awaitNextRound(api, steady);
    assertThat(NewMailFlows.runs(api, paused)).as("nothing runs while disabled").isEmpty();
    assertThat(api.post("/api/v1/flows/" + paused + "/enable", null).status()).isEqualTo(200);

    Map<String, Long> caughtUp = runtime.process().explaining(() -> NewMailFlows.awaitRunsFor(api, paused, ids, DEADLINE));
    assertThat(NewMailFlows.discrepancies(caughtUp, ids)).isEmpty();
    assertThat(NewMailFlows.discrepancies(steadyRuns, ids)).isEmpty();
    NewMailFlows.awaitNextRound(api, paused);
    assertThat(NewMailFlows.discrepancies(NewMailFlows.runsPerKey(api, steady), ids)).as("unaffected").isEmpty();
    assertThat(NewMailFlows.discrepancies(NewMailFlows.runsPerKey(api, paused), ids)).as("still once").isEmpty();
  }

  @Test
  void aConnectionWhoseTokenGraphRefusesIsAProblemToActOnAndIsAskedLessOften() {
    String flow = NewMailFlows.enabled(api, NewMailFlows.flow("Refused", runtime.connection(), 1));

    tenant.fault(new JsonObject().put("method", "GET").put("path", "/v1.0/users/*/mailFolders/*/messages/delta")
        .put("times", 1000).put("fault", new JsonObject().put("type", "status").put("status", 401)));

    JsonObject status = Eventually.await("the problem to show", DEADLINE, () -> {
      JsonObject now = NewMailFlows.status(api, flow);
      return now.getJsonObject("report").getString("problem") != null ? now : null;
    });
    String problem = status.getJsonObject("report").getString("problem");
    assertThat(problem).startsWith("Microsoft 365 refused the connection's token even after a new one was obtained")
        .contains("test the connection (POST /api/v1/connections/" + runtime.connection() + "/test)");
    JsonObject source = NewMailFlows.source(status);
    assertThat(source.getString("lastError")).isEqualTo(problem);
    assertThat(Duration.between(Instant.parse(source.getString("lastRound")), Instant.parse(source.getString("nextRound"))))
        .as("a signed-out watcher asks once a minute").isGreaterThanOrEqualTo(Duration.ofSeconds(59));
  }

  @Test
  void aStartThatFailsWhileGraphIsDownIsTriedAgainAndMissesNoMail() {
    tenant.fault(new JsonObject().put("method", "GET").put("path", "/v1.0/users/*/mailFolders/inbox").put("times", 8)
        .put("fault", new JsonObject().put("type", "status").put("status", 503)));
    String flow = Runs.createFlow(api, NewMailFlows.flow("Early", runtime.connection(), 1));
    assertThat(api.post("/api/v1/flows/" + flow + "/enable", null).status()).isEqualTo(200);
    assertThat(NewMailFlows.status(api, flow).getString("state")).as("Graph answered 503 four times").isEqualTo("failed");
    long before = NewMailFlows.lastDelivery(tenant);
    tenant.control("/mailboxes/" + DemoSeed.USER + "/folders/inbox/messages", MailUsers.mail("While down", DemoSeed.USER));

    List<String> ids = NewMailFlows.immutableIds(NewMailFlows.deliveries(tenant, before));
    Map<String, Long> perKey = runtime.process().explaining(() -> NewMailFlows.awaitRunsFor(api, flow, ids, DEADLINE));
    assertThat(NewMailFlows.discrepancies(perKey, ids)).isEmpty();
    assertThat(NewMailFlows.status(api, flow).getString("state")).isEqualTo("running");
  }

  @Test
  void aFlowPointedAtAnotherMailboxStartsAfreshThereFiringNoneOfItsOlderMail() {
    String connection = tenant.appOnlyConnection(DemoSeed.USER, DemoSeed.ADMIN);
    String flow = NewMailFlows.enabled(api, NewMailFlows.flow("Moving", connection, 1));
    // Four more rounds a second apart: the flow has listened for over two seconds.
    NewMailFlows.awaitNextRound(api, flow);
    NewMailFlows.awaitNextRound(api, flow);
    long before = NewMailFlows.lastDelivery(tenant);
    // After the flow began to listen, and over a second before the edit (floors are whole seconds, so mail of
    // the edit's own second would fire: none is lost).
    tenant.control("/mailboxes/" + DemoSeed.ADMIN + "/folders/inbox/messages", MailUsers.mail("Before the edit",
        DemoSeed.ADMIN).put("receivedDateTime", Instant.now().minusMillis(1500).toString()));

    ApiClient.Answer edited = api.put("/api/v1/flows/" + flow, NewMailFlows.flow("Moving", connection, 1, DemoSeed.ADMIN));
    assertThat(edited.status()).as(edited.text()).isEqualTo(200);
    NewMailFlows.awaitNextRound(api, flow);
    tenant.control("/mailboxes/" + DemoSeed.ADMIN + "/folders/inbox/messages",
        MailUsers.mail("After the edit", DemoSeed.ADMIN));

    List<String> ids = NewMailFlows.immutableIds(NewMailFlows.deliveries(tenant, before));
    Map<String, Long> perKey = runtime.process().explaining(() ->
        NewMailFlows.awaitRunsFor(api, flow, List.of(ids.get(1)), DEADLINE));
    NewMailFlows.awaitNextRound(api, flow);
    assertThat(NewMailFlows.runsPerKey(api, flow)).as("the mail of before the edit is not caught up on")
        .containsOnlyKeys(ids.get(1));
    assertThat(perKey.get(ids.get(1))).isEqualTo(1L);
  }

  /** Delta requests per round over at least ten idle rounds of the flow's watcher. */
  private double deltaRequestsPerRound(String flow) {
    long rounds0 = rounds(flow);
    long requests0 = deltaRequests();
    long rounds1 = Eventually.await("ten more rounds", DEADLINE, () -> rounds(flow) >= rounds0 + 10 ? rounds(flow) : null);
    long requests1 = deltaRequests();
    long rounds = rounds1 - rounds0;
    // A request sent while the first or last round of the window had not ended is counted on one side only.
    long requests = requests1 - requests0;
    return Math.abs(requests - rounds) <= 1 ? 1.0 : (double) requests / rounds;
  }

  private long rounds(String flow) {
    return count(NewMailFlows.status(api, flow), "rounds");
  }

  private long deltaRequests() {
    JsonArray rows = tenant.controlGet("/counters?path=" + URLEncoder.encode(DELTA, StandardCharsets.UTF_8)).getJsonArray("requests");
    return rows.stream().mapToLong(row -> ((JsonObject) row).getLong("count")).sum();
  }

  private JsonObject runOf(String flow, String key) {
    JsonObject summary = NewMailFlows.runs(api, flow).stream().filter(r -> key.equals(r.getString("triggerKey")))
        .findFirst().orElseThrow();
    ApiClient.Answer run = api.get("/api/v1/runs/" + summary.getString("id"));
    assertThat(run.status()).as(run.text()).isEqualTo(200);
    return run.json();
  }
}
