package dev.outlookflow.runtime.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.Eventually;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.RuntimeProcess;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.runtime.support.TestPlugins;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trigger's keyed emit starts one run per key of its flow: emitted several times at once, and again after a
 * kill -9 and a restart, each key still has exactly one run, until the trigger forgets the keys before a mark.
 */
class KeyedEmitIT {
  @TempDir Path temp;

  @Test
  void aKeyEmittedConcurrentlyAndAgainAfterAKillStartsOneRun() throws Exception {
    Path data = temp.resolve("data");
    Path plugins = TestPlugins.folderWithTestPlugin(temp);
    String flowId;
    try (RuntimeProcess runtime = RuntimeProcess.start(data, "--plugins-dir", plugins.toString())) {
      ApiClient api = runtime.api();
      flowId = Runs.createFlow(api, keyedFlow("a, b, c", 8));
      api.post("/api/v1/flows/" + flowId + "/enable", null);
      String id = flowId;
      assertThat(runtime.explaining(() -> awaitKey(api, id, "start 1"))).containsExactlyInAnyOrder(
          "a", "b", "c", "start 1");
      assertThat(answers(api, id, "start 1")).as("of 8 copies at once, one created the run; all answered it")
          .isEqualTo("a=1/1/new b=1/1/new c=1/1/new");
      runtime.kill9();
    }

    try (RuntimeProcess restarted = RuntimeProcess.start(data, "--plugins-dir", plugins.toString())) {
      ApiClient api = restarted.api();
      String id = flowId;
      assertThat(restarted.explaining(() -> awaitKey(api, id, "start 2")))
          .as("the keys emitted again after the restart start nothing new")
          .containsExactlyInAnyOrder("a", "b", "c", "start 1", "start 2");
      assertThat(answers(api, id, "start 2")).as("after the restart: none created, each the run from before")
          .isEqualTo("a=0/1/same b=0/1/same c=0/1/same");
    }
  }

  @Test
  void aKeyOfAnotherFlowIsItsOwn() throws Exception {
    Path plugins = TestPlugins.folderWithTestPlugin(temp);
    try (RuntimeProcess runtime = RuntimeProcess.start(temp.resolve("data"), "--plugins-dir", plugins.toString())) {
      ApiClient api = runtime.api();
      String first = Runs.createFlow(api, keyedFlow("shared", 3));
      String second = Runs.createFlow(api, keyedFlow("shared", 3));
      api.post("/api/v1/flows/" + first + "/enable", null);
      api.post("/api/v1/flows/" + second + "/enable", null);
      assertThat(runtime.explaining(() -> awaitKey(api, first, "start 1"))).containsExactlyInAnyOrder(
          "shared", "start 1");
      assertThat(runtime.explaining(() -> awaitKey(api, second, "start 1"))).containsExactlyInAnyOrder(
          "shared", "start 1");
      assertThat(answers(api, second, "start 1")).as("the other flow's run does not hold this flow's key")
          .isEqualTo("shared=1/1/new");
    }
  }

  @Test
  void keysForgottenBeforeAMarkStartRunsAgainAndEachRunShowsTheKeyItWasStartedUnder() throws Exception {
    try (InProcessRuntime runtime = InProcessRuntime.start(temp.resolve("data"), TestPlugins.folderWithTestPlugin(temp))) {
      ApiClient api = runtime.api();
      JsonObject flow = keyedFlow("a, b", 2);
      flow.getJsonObject("trigger").getJsonObject("properties").put("keyTime", "2001-01-01T00:00:00Z");
      String flowId = Runs.createFlow(api, flow);
      api.post("/api/v1/flows/" + flowId + "/enable", null);
      awaitKey(api, flowId, "start 1");
      assertThat(answers(api, flowId, "start 1")).isEqualTo("a=1/1/new b=1/1/new");

      flow.getJsonObject("trigger").getJsonObject("properties").put("forgetBefore", "2001-01-02T00:00:00Z");
      api.put("/api/v1/flows/" + flowId, flow);
      awaitKey(api, flowId, "start 2");
      assertThat(answers(api, flowId, "start 2")).as("a and b were of 2001-01-01; 'start 1' was stored now")
          .isEqualTo("forgot=2 a=1/1/changed b=1/1/changed");

      List<String> flowKeys = api.get("/api/v1/flows/" + flowId + "/runs").json().getJsonArray("runs").stream()
          .map(run -> ((JsonObject) run).getString("triggerKey")).toList();
      assertThat(flowKeys).containsExactlyInAnyOrder("a", "b", "start 1", "a", "b", "start 2");
      String manual = Runs.createFlow(api, Runs.oneStepFlow("Manual", "echo", "test/echo",
          new JsonObject().put("message", "m")));
      Runs.start(api, manual, new JsonObject());
      assertThat(api.get("/api/v1/runs?flow=" + manual).json().getJsonArray("runs").getJsonObject(0).encode())
          .as("a run started without a key").contains("\"triggerKey\":null");
    }
  }

  private static JsonObject keyedFlow(String keys, int copies) {
    return new JsonObject().put("name", "Keyed")
        .put("trigger", new JsonObject().put("type", "test/keyed")
            .put("properties", new JsonObject().put("keys", keys).put("copies", copies)))
        .put("steps", new JsonArray().add(new JsonObject().put("id", "echo").put("type", "test/echo")
            .put("properties", new JsonObject().put("message", "{{trigger.key}}"))));
  }

  /** What the trigger was answered, as its start's closing run carries it. */
  private static String answers(ApiClient api, String flowId, String startKey) {
    return triggers(api, flowId).stream().filter(t -> startKey.equals(t.getString("key"))).findFirst()
        .orElseThrow().getString("answers");
  }

  private static List<JsonObject> triggers(ApiClient api, String flowId) {
    return api.get("/api/v1/flows/" + flowId + "/runs").json().getJsonArray("runs").stream()
        .map(JsonObject.class::cast)
        .map(run -> api.get("/api/v1/runs/" + run.getString("id")).json().getJsonObject("trigger")).toList();
  }

  /** The keys of the flow's runs, once the run of {@code last} (emitted after all the others) is stored. */
  private static List<String> awaitKey(ApiClient api, String flowId, String last) {
    return Eventually.await("a run of flow " + flowId + " with key '" + last + "'", () -> {
      List<String> keys = triggers(api, flowId).stream().map(t -> t.getString("key")).toList();
      return keys.contains(last) ? keys : null;
    });
  }
}
