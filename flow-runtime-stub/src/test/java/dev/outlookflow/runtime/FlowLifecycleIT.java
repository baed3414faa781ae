package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.Eventually;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.runtime.support.TestPlugins;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A flow built over HTTP from the test plugin's extensions, run end to end, kept across restarts. */
class FlowLifecycleIT {
  @TempDir Path temp;

  private static JsonObject connection(String apiKey) {
    return new JsonObject().put("type", "test/basic").put("name", "Acme")
        .put("properties", new JsonObject().put("apiKey", apiKey).put("account", "acme"));
  }

  private static JsonObject echoFlow(String connectionId) {
    return new JsonObject()
        .put("name", "Greet")
        .put("trigger", new JsonObject().put("type", "manual"))
        .put("steps", new JsonArray()
            .add(new JsonObject().put("id", "first").put("type", "test/echo").put("properties", new JsonObject()
                .put("connection", connectionId)
                .put("message", "Hello {{trigger.who}}, you have {{trigger.count}} new")
                .put("count", "{{trigger.count}}")))
            .add(new JsonObject().put("id", "second").put("type", "test/echo").put("properties", new JsonObject()
                .put("message", "{{steps.first.message}}")
                .put("count", "{{ steps.first.count }}")
                .put("tags", new JsonObject().put("key", "{{steps.first.idempotencyKey}}")))));
  }

  @Test
  void flowRunsEndToEndWithWholeValueAndInterpolatedBindings() throws Exception {
    try (InProcessRuntime runtime = InProcessRuntime.start(temp.resolve("data"), TestPlugins.folderWithTestPlugin(temp))) {
      ApiClient api = runtime.api();
      String connectionId = api.post("/api/v1/connections", connection("good")).json().getString("id");
      String flowId = Runs.createFlow(api, echoFlow(connectionId));

      String runId = Runs.start(api, flowId, new JsonObject().put("who", "Adele").put("count", 3));
      JsonObject run = Runs.awaitFinished(api, runId);

      assertThat(run.getString("status")).as(run.encodePrettily()).isEqualTo("succeeded");
      JsonObject first = run.getJsonArray("steps").getJsonObject(0);
      JsonObject second = run.getJsonArray("steps").getJsonObject(1);
      assertThat(first.getJsonObject("input").getString("message")).isEqualTo("Hello Adele, you have 3 new");
      assertThat(first.getJsonObject("input").getValue("count")).as("whole-value binding keeps the number").isEqualTo(3);
      assertThat(first.getJsonObject("output").getString("authorization")).isEqualTo("Bearer");
      assertThat(second.getJsonObject("output").getString("message")).isEqualTo("Hello Adele, you have 3 new");
      assertThat(second.getJsonObject("output").getValue("count")).isEqualTo(3);
      assertThat(second.getJsonObject("output").getJsonObject("tags").getString("key")).isEqualTo(runId + ":first");
      assertThat(first.getString("startedAt")).isNotNull();
      assertThat(first.getLong("durationMillis")).isNotNegative();

      JsonArray runs = api.get("/api/v1/flows/" + flowId + "/runs").json().getJsonArray("runs");
      assertThat(runs).hasSize(1);
      assertThat(runs.getJsonObject(0).getString("id")).isEqualTo(runId);
    }
  }

  @Test
  void dynamicOptionsLoadWithTheChosenConnection() throws Exception {
    try (InProcessRuntime runtime = InProcessRuntime.start(temp.resolve("data"), TestPlugins.folderWithTestPlugin(temp))) {
      ApiClient api = runtime.api();
      String connectionId = api.post("/api/v1/connections", connection("good")).json().getString("id");

      ApiClient.Answer options = api.post("/api/v1/catalog/actions/test/echo/options/colour",
          new JsonObject().put("connection", connectionId));

      assertThat(options.status()).isEqualTo(200);
      assertThat(options.json().getJsonArray("options").getJsonObject(0).encode())
          .isEqualTo("{\"value\":\"red\",\"label\":\"Red (acme)\"}");
      assertThat(api.post("/api/v1/catalog/actions/test/echo/options/message", new JsonObject()).status())
          .as("a field that is not a dynamic dropdown").isEqualTo(404);
    }
  }

  @Test
  void pathThatResolvesToNothingFailsTheStepNamingIt() throws Exception {
    try (InProcessRuntime runtime = InProcessRuntime.start(temp.resolve("data"), TestPlugins.folderWithTestPlugin(temp))) {
      ApiClient api = runtime.api();
      String flowId = Runs.createFlow(api, Runs.oneStepFlow("Missing", "only", "test/echo",
          new JsonObject().put("message", "{{trigger.subject}}")));

      JsonObject run = Runs.awaitFinished(api, Runs.start(api, flowId, new JsonObject().put("from", "x")));

      assertThat(run.getString("status")).isEqualTo("failed");
      assertThat(run.getJsonObject("error").getString("step")).isEqualTo("only");
      assertThat(run.getJsonObject("error").getString("code")).isEqualTo("unresolved_expression");
      assertThat(run.getJsonObject("error").getString("message"))
          .isEqualTo("{{trigger.subject}} resolves to nothing: 'trigger' (object) has no subject");
    }
  }

  @Test
  void aStepErrorNamesTheStepAndTheUpstreamRequest() throws Exception {
    try (InProcessRuntime runtime = InProcessRuntime.start(temp.resolve("data"), TestPlugins.folderWithTestPlugin(temp))) {
      ApiClient api = runtime.api();
      String flowId = Runs.createFlow(api, Runs.oneStepFlow("Fails", "boom", "test/echo",
          new JsonObject().put("message", "m").put("failWith", "the mailbox is full")));

      String runId = Runs.start(api, flowId, new JsonObject());
      JsonObject run = Runs.awaitFinished(api, runId);

      assertThat(run.getJsonObject("error").encode()).isEqualTo("{\"code\":\"requested_failure\","
          + "\"message\":\"the mailbox is full\",\"upstreamRequestId\":\"upstream-" + runId + ":boom\",\"step\":\"boom\"}");
    }
  }

  @Test
  void failingStepFailsTheRunWithItsErrorAndLaterStepsDoNotRun() throws Exception {
    try (InProcessRuntime runtime = InProcessRuntime.start(temp.resolve("data"), TestPlugins.folderWithTestPlugin(temp))) {
      ApiClient api = runtime.api();
      String connectionId = api.post("/api/v1/connections", connection("wrong")).json().getString("id");
      String flowId = Runs.createFlow(api, echoFlow(connectionId));

      JsonObject run = Runs.awaitFinished(api, Runs.start(api, flowId, new JsonObject().put("who", "A").put("count", 1)));

      assertThat(run.getString("status")).isEqualTo("failed");
      assertThat(run.getJsonObject("error").encode())
          .isEqualTo("{\"code\":\"bad_key\",\"message\":\"the API key was refused\",\"step\":\"first\"}");
      assertThat(run.getJsonArray("steps")).hasSize(1);
    }
  }

  @Test
  void triggerStartsRunsAndFlowsRunsAndConnectionsSurviveARestart() throws Exception {
    Path data = temp.resolve("data");
    try (InProcessRuntime runtime = InProcessRuntime.start(data, TestPlugins.folderWithTestPlugin(temp))) {
      ApiClient api = runtime.api();
      String connectionId = api.post("/api/v1/connections", connection("good")).json().getString("id");
      String flowId = Runs.createFlow(api, counterFlow(3));

      JsonObject enabled = api.post("/api/v1/flows/" + flowId + "/enable", null).json();
      assertThat(enabled.getBoolean("enabled")).isTrue();
      assertThat(enabled.getJsonObject("triggerStatus").getString("state")).isEqualTo("running");
      List<String> messages = awaitMessages(api, flowId, 3);
      assertThat(messages).containsExactlyInAnyOrder("tick 1", "tick 2", "tick 3");

      runtime.restart();
      ApiClient after = runtime.api();

      assertThat(after.get("/api/v1/connections/" + connectionId).json().getString("name")).isEqualTo("Acme");
      JsonObject flow = after.get("/api/v1/flows/" + flowId).json();
      assertThat(flow.getBoolean("enabled")).isTrue();
      assertThat(flow.getJsonObject("triggerStatus").getString("state")).isEqualTo("running");
      assertThat(after.get("/api/v1/flows/" + flowId + "/runs").json().getJsonArray("runs")).hasSize(3);
      // The counter ticks every 5 ms: a tick repeated after the restart would show well within a second.
      Eventually.holdsFor("the counter resumes from its stored state: no tick repeats", Duration.ofSeconds(1),
          () -> after.get("/api/v1/flows/" + flowId + "/runs").json().getJsonArray("runs").size() == 3);
      assertThat(messages(after, flowId)).containsExactlyInAnyOrder("tick 1", "tick 2", "tick 3");
    }
  }

  @Test
  void disablingAFlowStopsItsTriggerAndKeepsItsStateForWhenItIsEnabledAgain() throws Exception {
    try (InProcessRuntime runtime = InProcessRuntime.start(temp.resolve("data"), TestPlugins.folderWithTestPlugin(temp))) {
      ApiClient api = runtime.api();
      String flowId = Runs.createFlow(api, counterFlow(2));
      api.post("/api/v1/flows/" + flowId + "/enable", null);
      awaitMessages(api, flowId, 2);

      JsonObject disabled = api.post("/api/v1/flows/" + flowId + "/disable", null).json();
      assertThat(disabled.getJsonObject("triggerStatus").getString("state")).isEqualTo("stopped");
      api.put("/api/v1/flows/" + flowId, counterFlow(4));
      api.post("/api/v1/flows/" + flowId + "/enable", null);

      assertThat(awaitMessages(api, flowId, 4)).as("the counter goes on from its kept state: 3 is next")
          .containsExactlyInAnyOrder("tick 1", "tick 2", "tick 3", "tick 4");
    }
  }

  /** A counter-triggered flow echoing each tick's number. */
  private static JsonObject counterFlow(int limit) {
    return new JsonObject().put("name", "Count")
        .put("trigger", new JsonObject().put("type", "test/counter")
            .put("properties", new JsonObject().put("limit", limit).put("intervalMillis", 5)))
        .put("steps", new JsonArray().add(new JsonObject().put("id", "echo").put("type", "test/echo")
            .put("properties", new JsonObject().put("message", "tick {{trigger.n}}"))));
  }

  private static List<String> awaitMessages(ApiClient api, String flowId, int count) {
    return Eventually.await(count + " finished runs of flow " + flowId, () -> {
      List<String> messages = messages(api, flowId);
      return messages.size() == count ? messages : null;
    });
  }

  /** The echoed message of each succeeded run of the flow. */
  private static List<String> messages(ApiClient api, String flowId) {
    return api.get("/api/v1/flows/" + flowId + "/runs").json().getJsonArray("runs").stream()
        .map(JsonObject.class::cast)
        .filter(r -> r.getString("status").equals("succeeded"))
        .map(r -> api.get("/api/v1/runs/" + r.getString("id")).json().getJsonArray("steps")
            .getJsonObject(0).getJsonObject("output").getString("message"))
        .toList();
  }
}
