package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.store.Database;
import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.Eventually;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.MutableClock;
import dev.outlookflow.runtime.support.RefusedRunStarts;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.runtime.support.TestPlugins;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace's runs listed, filtered and paged; runs cancelled queued, in flight, finished or shut down. */
class RunsIT {
  private static final JsonObject HELLO = new JsonObject().put("message", "hello");

  @TempDir Path temp;

  @AfterEach
  void letRunsStart() {
    RefusedRunStarts.refuse(false);
  }

  private InProcessRuntime start(Clock clock) throws Exception {
    return InProcessRuntime.start(RuntimeConfig.local(temp.resolve("data"), TestPlugins.folderWithTestPlugin(temp),
        clock));
  }

  @Test
  void theWorkspaceListFiltersByFlowStatusAndSinceNewestFirstAndOnlyItsOwnRuns() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2024-05-01T08:00:00Z"));
    try (InProcessRuntime runtime = start(clock)) {
      ApiClient api = runtime.api();
      String greet = Runs.createFlow(api, Runs.oneStepFlow("Greet", "only", "test/echo", HELLO));
      String fail = Runs.createFlow(api, Runs.oneStepFlow("Fail", "only", "test/echo",
          HELLO.copy().put("failWith", "refused")));
      List<String> run = new ArrayList<>();
      for (String flow : List.of(greet, fail, greet, fail, greet)) {
        run.add(Runs.awaitFinished(api, Runs.start(api, flow, new JsonObject())).getString("id"));
        clock.advance(Duration.ofMinutes(1));
      }

      assertThat(ids(api, "/api/v1/runs")).containsExactly(run.get(4), run.get(3), run.get(2), run.get(1), run.get(0));
      assertThat(ids(api, "/api/v1/runs?flow=" + greet)).containsExactly(run.get(4), run.get(2), run.get(0));
      assertThat(ids(api, "/api/v1/runs?status=failed")).containsExactly(run.get(3), run.get(1));
      assertThat(ids(api, "/api/v1/runs?status=failed&flow=" + greet)).isEmpty();
      assertThat(ids(api, "/api/v1/runs?since=2024-05-01T08:02:00Z")).containsExactly(run.get(4), run.get(3), run.get(2));
      assertThat(ids(api, "/api/v1/runs?since=2024-05-01T10:02:00%2B02:00&status=succeeded"))
          .containsExactly(run.get(4), run.get(2));
      assertThat(ids(api, "/api/v1/flows/" + fail + "/runs?status=failed")).containsExactly(run.get(3), run.get(1));
      assertThat(ids(api, "/api/v1/flows/" + greet + "/runs?status=failed")).isEmpty();
      assertThat(ids(api, "/api/v1/flows/" + greet + "/runs?since=2024-05-01T08:01:00Z"))
          .containsExactly(run.get(4), run.get(2));
      JsonObject newest = api.get("/api/v1/runs?limit=1").json().getJsonArray("runs").getJsonObject(0);
      assertThat(newest.getString("flowId")).isEqualTo(greet);
      assertThat(newest.getString("status")).isEqualTo("succeeded");
      assertThat(newest.getString("createdAt")).isEqualTo("2024-05-01T08:04:00Z");

      ApiClient other = otherWorkspace(api);
      assertThat(ids(other, "/api/v1/runs")).isEmpty();
      assertThat(other.get("/api/v1/runs?flow=" + greet).status()).isEqualTo(404);
      assertThat(other.get("/api/v1/flows/" + greet + "/runs").status()).isEqualTo(404);
      assertThat(other.get("/api/v1/runs/" + run.get(0)).status()).isEqualTo(404);
      assertThat(other.post("/api/v1/runs/" + run.get(0) + "/cancel", new JsonObject()).status()).isEqualTo(404);
    }
  }

  @Test
  void pagesFollowEachOtherWithoutDuplicatesOrGapsWhileNewRunsArrive() throws Exception {
    try (InProcessRuntime runtime = start(Clock.systemUTC())) {
      ApiClient api = runtime.api();
      String flow = Runs.createFlow(api, Runs.oneStepFlow("Greet", "only", "test/echo", HELLO));
      List<String> newestFirst = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        newestFirst.add(0, Runs.start(api, flow, new JsonObject()));
      }

      JsonObject first = page(api, "/api/v1/runs?limit=3");
      String arrivedMeanwhile = Runs.start(api, flow, new JsonObject());
      JsonObject second = page(api, "/api/v1/runs?limit=3&cursor=" + first.getString("next"));
      JsonObject last = page(api, "/api/v1/runs?limit=3&cursor=" + second.getString("next"));

      List<String> paged = new ArrayList<>();
      for (JsonObject page : List.of(first, second, last)) {
        paged.addAll(ids(page));
      }
      assertThat(ids(first)).hasSize(3);
      assertThat(ids(second)).hasSize(3);
      assertThat(paged).containsExactlyElementsOf(newestFirst);
      assertThat(last.getValue("next")).as("the last page has no next").isNull();

      newestFirst.add(0, arrivedMeanwhile);
      JsonObject ofFlow = page(api, "/api/v1/flows/" + flow + "/runs?limit=5");
      JsonObject restOfFlow = page(api, "/api/v1/flows/" + flow + "/runs?limit=5&cursor=" + ofFlow.getString("next"));
      List<String> flowPaged = new ArrayList<>(ids(ofFlow));
      flowPaged.addAll(ids(restOfFlow));
      assertThat(flowPaged).containsExactlyElementsOf(newestFirst);
      assertThat(restOfFlow.getValue("next")).isNull();
      assertThat(page(api, "/api/v1/runs").getJsonArray("runs")).as("50 by default").hasSize(8);
    }
  }

  @Test
  void bothListsPageThroughMoreThanFiveHundredRunsOfOneFlowWithoutACap() throws Exception {
    try (InProcessRuntime runtime = start(Clock.systemUTC())) {
      String flow = Runs.createFlow(runtime.api(), Runs.oneStepFlow("Greet", "only", "test/echo", HELLO));
      List<String> newestFirst = new ArrayList<>();
      runtime.restartAfter(() -> newestFirst.addAll(storeFinishedRuns(runtime.dataDir(), flow, 520)));
      ApiClient api = runtime.api();

      assertThat(pageThrough(api, "/api/v1/flows/" + flow + "/runs?limit=200")).containsExactlyElementsOf(newestFirst);
      assertThat(pageThrough(api, "/api/v1/runs?flow=" + flow + "&limit=200")).containsExactlyElementsOf(newestFirst);
    }
  }

  /** Stores finished runs of the flow straight into a stopped runtime's database: quicker than 520 runs through the API. */
  private static List<String> storeFinishedRuns(Path dataDir, String flowId, int count) throws Exception {
    List<String> newestFirst = new ArrayList<>();
    long now = System.currentTimeMillis();
    try (Connection db = DriverManager.getConnection(Database.jdbcUrl(dataDir));
        PreparedStatement insert = db.prepareStatement("INSERT INTO runs (id, workspace_id, flow_id, flow_snapshot, "
            + "trigger_event, status, created_at, finished_at) VALUES (?, 'default', ?, '{}', '{}', 'succeeded', ?, ?)")) {
      for (int i = 0; i < count; i++) {
        String id = UUID.randomUUID().toString();
        insert.setString(1, id);
        insert.setString(2, flowId);
        insert.setLong(3, now);
        insert.setLong(4, now);
        insert.addBatch();
        newestFirst.add(0, id);
      }
      insert.executeBatch();
    }
    return newestFirst;
  }

  /** The ids of every page of a run list, following each page's {@code next}. */
  private static List<String> pageThrough(ApiClient api, String firstPage) {
    List<String> ids = new ArrayList<>();
    String path = firstPage;
    while (path != null) {
      JsonObject page = page(api, path);
      ids.addAll(ids(page));
      path = page.getValue("next") == null ? null : firstPage + "&cursor=" + page.getString("next");
    }
    return ids;
  }

  @Test
  void everyMalformedParameterAnswers400NamingItAndTheFix() throws Exception {
    try (InProcessRuntime runtime = start(Clock.systemUTC())) {
      ApiClient api = runtime.api();
      String flow = Runs.createFlow(api, Runs.oneStepFlow("Greet", "only", "test/echo", HELLO));

      assertRefused(api.get("/api/v1/runs?status=bogus"), "status",
          "queued, running, succeeded, failed, interrupted, cancelled");
      assertRefused(api.get("/api/v1/flows/" + flow + "/runs?status=done"), "status", "cancelled");
      assertRefused(api.get("/api/v1/runs?since=yesterday"), "since", "ISO-8601");
      assertRefused(api.get("/api/v1/runs?since=2024-05-01"), "since", "2024-05-01T08:00:00Z");
      assertRefused(api.get("/api/v1/runs?cursor=bm9wZQ"), "cursor", "malformed");
      assertRefused(api.get("/api/v1/runs?cursor=%25%25"), "cursor", "previous page's \"next\"");
      assertRefused(api.get("/api/v1/runs?limit=0"), "limit", "from 1 to 200");
      assertRefused(api.get("/api/v1/runs?limit=201"), "limit", "from 1 to 200");
      assertRefused(api.get("/api/v1/runs?limit=ten"), "limit", "whole number");
      assertRefused(api.get("/api/v1/runs?status=failed&status=running"), "status", "give it once");
      assertRefused(api.get("/api/v1/runs?stauts=failed"), "stauts", "flow, status, since, limit, cursor");
      assertRefused(api.get("/api/v1/flows/" + flow + "/runs?flow=" + flow), "flow", "status, since, limit, cursor");
      assertRefused(api.get("/api/v1/runs?flow="), "flow", "flow's id");
      ApiClient.Answer unknownFlow = api.get("/api/v1/runs?flow=no-such-flow");
      assertThat(unknownFlow.status()).isEqualTo(404);
      assertThat(unknownFlow.json().getString("error")).contains("no-such-flow");
    }
  }

  @Test
  void aStepInFlightIsAskedToStopTheRunEndsCancelledAndLaterStepsDoNotStart() throws Exception {
    try (InProcessRuntime runtime = start(Clock.systemUTC())) {
      ApiClient api = runtime.api();
      String flow = Runs.createFlow(api, waitThenEcho(new JsonObject()));
      String runId = Runs.start(api, flow, new JsonObject());
      awaitWaiting(api, runId);

      ApiClient.Answer cancel = api.post("/api/v1/runs/" + runId + "/cancel", new JsonObject());

      assertThat(cancel.status()).as(cancel.text()).isEqualTo(202);
      assertThat(cancel.json().getString("id")).isEqualTo(runId);
      assertThat(cancel.json().getString("cancelRequestedAt")).isNotNull();
      JsonObject run = Runs.awaitFinished(api, runId);
      assertThat(run.getString("status")).isEqualTo("cancelled");
      assertThat(run.getJsonObject("error").getString("code")).isEqualTo("cancelled");
      assertThat(run.getJsonObject("error").getString("step")).isEqualTo("wait");
      JsonArray steps = run.getJsonArray("steps");
      assertThat(steps).as("the step after the cancelled one never started").hasSize(1);
      assertThat(steps.getJsonObject(0).getString("status")).isEqualTo("cancelled");
      assertThat(steps.getJsonObject(0).getString("finishedAt")).isNotNull();
      assertThat(ids(api, "/api/v1/runs?status=cancelled")).containsExactly(runId);
    }
  }

  @Test
  void aStepThatCompletesDespiteTheCancelIsRecordedSucceededInsideTheCancelledRun() throws Exception {
    try (InProcessRuntime runtime = start(Clock.systemUTC())) {
      ApiClient api = runtime.api();
      String flow = Runs.createFlow(api, waitThenEcho(new JsonObject().put("finishAnyway", true)));
      String runId = Runs.start(api, flow, new JsonObject());
      awaitWaiting(api, runId);

      assertThat(api.post("/api/v1/runs/" + runId + "/cancel", new JsonObject()).status()).isEqualTo(202);

      JsonObject run = Runs.awaitFinished(api, runId);
      assertThat(run.getString("status")).isEqualTo("cancelled");
      JsonArray steps = run.getJsonArray("steps");
      assertThat(steps).as("the step after it never started").hasSize(1);
      assertThat(steps.getJsonObject(0).getString("status")).isEqualTo("succeeded");
      assertThat(steps.getJsonObject(0).getJsonObject("output").getString("finished"))
          .isEqualTo("despite the cancellation");
    }
  }

  @Test
  void aQueuedRunCancelledEndsCancelledWithoutStarting() throws Exception {
    try (InProcessRuntime runtime = start(Clock.systemUTC())) {
      ApiClient api = runtime.api();
      RefusedRunStarts.install(temp.resolve("data"));
      String flow = Runs.createFlow(api, Runs.oneStepFlow("Greet", "only", "test/echo", HELLO));
      RefusedRunStarts.refuse(true);
      String runId = Runs.start(api, flow, new JsonObject());
      Eventually.await("the store to refuse the run's start", () -> RefusedRunStarts.refused() > 0 ? true : null);
      assertThat(api.get("/api/v1/runs/" + runId).json().getString("status")).isEqualTo("queued");

      assertThat(api.post("/api/v1/runs/" + runId + "/cancel", new JsonObject()).status()).isEqualTo(202);

      // Starts are still refused: the run ends cancelled without having started.
      JsonObject run = Runs.awaitFinished(api, runId);
      assertThat(run.getString("status")).isEqualTo("cancelled");
      assertThat(run.getValue("startedAt")).isNull();
      assertThat(run.getJsonArray("steps")).isEmpty();
    }
  }

  @Test
  void cancellingAFinishedRunAnswers409WithItsStatusAndAnUnknownRun404() throws Exception {
    try (InProcessRuntime runtime = start(Clock.systemUTC())) {
      ApiClient api = runtime.api();
      String flow = Runs.createFlow(api, Runs.oneStepFlow("Greet", "only", "test/echo", HELLO));
      String runId = Runs.start(api, flow, new JsonObject());
      Runs.awaitFinished(api, runId);

      ApiClient.Answer finished = api.post("/api/v1/runs/" + runId + "/cancel", new JsonObject());
      assertThat(finished.status()).isEqualTo(409);
      assertThat(finished.json().getString("error")).contains("already ended", "succeeded");
      assertThat(api.get("/api/v1/runs/" + runId).json().getValue("cancelRequestedAt")).isNull();

      ApiClient.Answer unknown = api.post("/api/v1/runs/no-such-run/cancel", new JsonObject());
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.json().getString("error")).contains("no-such-run");
    }
  }

  @Test
  void aShutdownIsNoCancellationTheStepStaysRecordedAndResumes() throws Exception {
    try (InProcessRuntime runtime = start(Clock.systemUTC())) {
      ApiClient api = runtime.api();
      String flow = Runs.createFlow(api, waitThenEcho(new JsonObject()));
      String runId = Runs.start(api, flow, new JsonObject());
      awaitWaiting(api, runId);

      // The step sees the shutdown as a cancellation and stops, yet stays recorded in flight.
      runtime.restart();

      JsonObject run = Runs.awaitFinished(runtime.api(), runId);
      assertThat(run.getString("status")).isEqualTo("succeeded");
      JsonArray steps = run.getJsonArray("steps");
      assertThat(steps.getJsonObject(0).getJsonObject("output").getBoolean("resumed")).isTrue();
      assertThat(steps.getJsonObject(1).getString("status")).isEqualTo("succeeded");
    }
  }

  private static JsonObject waitThenEcho(JsonObject waitProperties) {
    JsonObject flow = Runs.oneStepFlow("Wait", "wait", "test/wait-for-cancel", waitProperties);
    flow.getJsonArray("steps").add(new JsonObject().put("id", "after").put("type", "test/echo").put("properties", HELLO));
    return flow;
  }

  private static void awaitWaiting(ApiClient api, String runId) {
    Eventually.await("run " + runId + " to wait in its first step", () -> {
      JsonArray steps = api.get("/api/v1/runs/" + runId).json().getJsonArray("steps");
      return !steps.isEmpty() && steps.getJsonObject(0).getJsonObject("state").containsKey("phase") ? true : null;
    });
  }

  private static ApiClient otherWorkspace(ApiClient instance) {
    String workspace = instance.post("/api/v1/workspaces", new JsonObject().put("name", "Other")).json().getString("id");
    String key = instance.post("/api/v1/workspaces/" + workspace + "/keys", new JsonObject().put("role", "designer"))
        .json().getString("key");
    return instance.withKey(key);
  }

  private static JsonObject page(ApiClient api, String path) {
    ApiClient.Answer answer = api.get(path);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json();
  }

  private static List<String> ids(ApiClient api, String path) {
    return ids(page(api, path));
  }

  private static List<String> ids(JsonObject page) {
    List<String> ids = new ArrayList<>();
    page.getJsonArray("runs").forEach(run -> ids.add(((JsonObject) run).getString("id")));
    return ids;
  }

  private static void assertRefused(ApiClient.Answer answer, String field, String fix) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    assertThat(answer.json().getJsonArray("fields").getJsonObject(0).getString("field")).isEqualTo(field);
    assertThat(answer.json().getString("error")).contains(fix);
  }
}
