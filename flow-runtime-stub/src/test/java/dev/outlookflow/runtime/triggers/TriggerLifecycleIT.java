package dev.outlookflow.runtime.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.RuntimeConfig;
import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.runtime.support.TestPlugins;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a trigger goes through, told by the test plugin's {@code test/lifecycle} trigger in the run each of
 * its starts emits (a start completes once that run is stored, so each API call below that starts a trigger
 * answers after its run exists): why it was stopped, whether the runtime kept its state, what its connection's
 * shared state held, what it reports of itself, and the plugin settings it was started with.
 */
class TriggerLifecycleIT {
  @TempDir Path temp;
  private InProcessRuntime runtime;
  private ApiClient api;

  @BeforeEach
  void start() throws Exception {
    runtime = InProcessRuntime.start(RuntimeConfig.local(temp.resolve("data"), TestPlugins.folderWithTestPlugin(temp),
        Clock.systemUTC()).withPluginSettings(Map.of("test.greeting", "hello")));
    api = runtime.api();
  }

  @AfterEach
  void stop() throws Exception {
    runtime.close();
  }

  @Test
  void aTriggerKeepsItsStateWhenItsFlowIsDisabledOrEditedItsConnectionChangesOrTheRuntimeRestarts()
      throws Exception {
    String connection = connection("Acme");
    String flow = Runs.createFlow(api, lifecycleFlow("a", connection));
    enable(flow);
    assertThat(stopsOf(flow)).isEqualTo(lived(1, "", ""));

    api.post("/api/v1/flows/" + flow + "/disable", null);
    enable(flow);
    assertThat(stopsOf(flow)).isEqualTo(lived(2, "DISABLED", "DISABLED"));

    assertThat(api.put("/api/v1/flows/" + flow, lifecycleFlow("a", connection).put("name", "Renamed")).status())
        .isEqualTo(200);
    assertThat(stopsOf(flow)).isEqualTo(lived(3, "DISABLED EDITED", "DISABLED EDITED"));

    assertThat(api.put("/api/v1/connections/" + connection, basic("Acme renamed")).status()).isEqualTo(200);
    assertThat(stopsOf(flow)).isEqualTo(lived(4, "DISABLED EDITED CONNECTION_CHANGED",
        "DISABLED EDITED CONNECTION_CHANGED"));

    runtime.restart();
    api = runtime.api();
    assertThat(stopsOf(flow)).as("the plugin restarted too: it has seen nothing since").isEqualTo(
        lived(5, "DISABLED EDITED CONNECTION_CHANGED SHUTDOWN", ""));
    assertThat(runsOf(flow)).hasSize(5);
  }

  @Test
  void aTriggerEndedForGoodLosesItsStateWhenItsFlowTakesAnotherTriggerOrItsConnectionIsDisconnected() {
    String connection = connection("Acme");
    String flow = Runs.createFlow(api, lifecycleFlow("a", connection));
    enable(flow);
    api.post("/api/v1/flows/" + flow + "/disable", null);
    enable(flow);
    assertThat(stopsOf(flow)).isEqualTo(lived(2, "DISABLED", "DISABLED"));

    assertThat(api.post("/api/v1/connections/" + connection + "/disconnect", null).status()).isEqualTo(200);
    assertThat(trigger(flow).getString("state")).isEqualTo("stopped");
    assertThat(api.post("/api/v1/connections/" + connection + "/test", null).json().getBoolean("ok"))
        .as("testing a disconnected connection that works connects it again").isTrue();
    assertThat(stopsOf(flow)).as("started again by the reconnection, its state cleared by the disconnection")
        .isEqualTo(lived(1, "", "DISABLED DISCONNECTED"));

    JsonObject manual = lifecycleFlow("a", connection).put("trigger", new JsonObject().put("type", "manual"));
    assertThat(api.put("/api/v1/flows/" + flow, manual).status()).isEqualTo(200);
    assertThat(api.put("/api/v1/flows/" + flow, lifecycleFlow("a", connection)).status()).isEqualTo(200);
    assertThat(stopsOf(flow)).as("given another trigger, the first one ended for good").isEqualTo(
        lived(1, "", "DISABLED DISCONNECTED DELETED"));

    assertThat(api.delete("/api/v1/flows/" + flow).status()).isEqualTo(204);
    String successor = Runs.createFlow(api, lifecycleFlow("a", connection));
    enable(successor);
    assertThat(latest(successor).getString("seenStops")).as("the deleted flow's trigger was told why")
        .isEqualTo("DISABLED DISCONNECTED DELETED DELETED");
  }

  @Test
  void flowsOnOneConnectionShareItsStateWhoseSealedValuesSurviveARotationAndWhichADisconnectionForgets()
      throws Exception {
    String acme = connection("Acme");
    String other = connection("Other");
    String first = Runs.createFlow(api, lifecycleFlow("first", acme));
    String second = Runs.createFlow(api, lifecycleFlow("second", acme));
    String elsewhere = Runs.createFlow(api, lifecycleFlow("elsewhere", other));

    enable(first);
    String sealed = latest(first).getString("sealed");
    assertThat(latest(first).getString("sharedBefore")).isNull();
    assertThat(sealed).startsWith("sealed by first #");
    enable(second);
    assertThat(latest(second).getString("sharedBefore")).as("the first flow's, on the same connection")
        .isEqualTo("first");
    assertThat(latest(second).getString("sealed")).isEqualTo(sealed);
    enable(elsewhere);
    assertThat(latest(elsewhere).getString("sharedBefore")).as("another connection shares nothing with it").isNull();
    String sealedElsewhere = latest(elsewhere).getString("sealed");
    assertThat(sealedElsewhere).startsWith("sealed by elsewhere #");

    runtime.restart(RuntimeConfig::rotatingMasterKey);
    api = runtime.api();
    assertThat(latest(first).getString("sealed")).as("readable under the new master key").isEqualTo(sealed);
    assertThat(latest(second).getString("sealed")).isEqualTo(sealed);

    api.post("/api/v1/flows/" + second + "/disable", null);
    api.post("/api/v1/connections/" + acme + "/disconnect", null);
    api.post("/api/v1/connections/" + acme + "/test", null);
    assertThat(latest(first).getString("sharedBefore")).as("the disconnection forgot what the flows shared").isNull();
    assertThat(latest(first).getString("sealed")).startsWith("sealed by first #").isNotEqualTo(sealed);
    assertThat(latest(elsewhere).getString("sealed")).as("another connection's stays").isEqualTo(sealedElsewhere);
  }

  @Test
  void theTriggerRouteTellsWhetherItListensAndShowsItsLatestReportBounded() {
    String flow = Runs.createFlow(api, lifecycleFlow("a", null));
    JsonObject stopped = trigger(flow);
    assertThat(stopped).isEqualTo(new JsonObject().put("flowId", flow).put("enabled", false).put("state", "stopped"));

    enable(flow);
    JsonObject running = trigger(flow);
    assertThat(running.getString("state")).isEqualTo("running");
    assertThat(running.getJsonObject("report")).isEqualTo(new JsonObject().put("mode", "test")
        .put("why", "reports what it went through").put("sources", new JsonArray().add(new JsonObject()
            .put("name", "a").put("counts", new JsonObject().put("starts", 1)))));
    assertThat(running.getString("reportedAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

    JsonObject hostile = lifecycleFlow("a", null);
    hostile.getJsonObject("trigger").getJsonObject("properties").put("hostileReport", true);
    api.put("/api/v1/flows/" + flow, hostile);
    JsonObject report = trigger(flow).getJsonObject("report");
    assertThat(report.getString("mode")).as("none given").isEmpty();
    assertThat(report.getString("problem")).hasSize(1_000);
    assertThat(report.getJsonArray("sources")).hasSize(100);
    assertThat(report.getJsonArray("sources").getJsonObject(0).getJsonObject("counts").size()).isEqualTo(30);

    api.post("/api/v1/flows/" + flow + "/disable", null);
    assertThat(trigger(flow)).as("a stopped trigger reports nothing").isEqualTo(new JsonObject().put("flowId", flow)
        .put("enabled", false).put("state", "stopped"));
  }

  @Test
  void theTriggerRouteAnswersForTheFlowsOfTheKeysWorkspaceOnly() {
    String flow = Runs.createFlow(api, lifecycleFlow("a", null));
    String workspace = api.post("/api/v1/workspaces", new JsonObject().put("name", "B")).json().getString("id");
    ApiClient designerOfB = api.withKey(api.post("/api/v1/workspaces/" + workspace + "/keys",
        new JsonObject().put("role", "designer")).json().getString("key"));
    assertThat(designerOfB.get("/api/v1/flows/" + flow + "/trigger").status()).isEqualTo(404);
    assertThat(api.get("/api/v1/flows/no-such-flow/trigger").status()).isEqualTo(404);
    ApiClient designerOfDefault = api.withKey(api.post("/api/v1/workspaces/default/keys",
        new JsonObject().put("role", "designer")).json().getString("key"));
    assertThat(designerOfDefault.get("/api/v1/flows/" + flow + "/trigger").status()).isEqualTo(200);
  }

  @Test
  void pluginsReadTheSettingsTheRuntimeWasStartedWith() {
    String flow = Runs.createFlow(api, lifecycleFlow("a", null));
    enable(flow);
    assertThat(latest(flow).getString("setting")).isEqualTo("hello");
  }

  private String connection(String name) {
    ApiClient.Answer created = api.post("/api/v1/connections", basic(name));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().getString("id");
  }

  private static JsonObject basic(String name) {
    return new JsonObject().put("type", "test/basic").put("name", name)
        .put("properties", new JsonObject().put("apiKey", "good"));
  }

  private void enable(String flowId) {
    ApiClient.Answer enabled = api.post("/api/v1/flows/" + flowId + "/enable", null);
    assertThat(enabled.status()).as(enabled.text()).isEqualTo(200);
    assertThat(enabled.json().getJsonObject("triggerStatus").getString("state")).isEqualTo("running");
  }

  private JsonObject trigger(String flowId) {
    ApiClient.Answer answer = api.get("/api/v1/flows/" + flowId + "/trigger");
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json();
  }

  private static JsonObject lifecycleFlow(String label, String connectionId) {
    JsonObject properties = new JsonObject().put("label", label);
    if (connectionId != null) {
      properties.put("connection", connectionId);
    }
    return new JsonObject().put("name", "Lifecycle " + label)
        .put("trigger", new JsonObject().put("type", "test/lifecycle").put("properties", properties))
        .put("steps", new JsonArray().add(new JsonObject().put("id", "echo").put("type", "test/echo")
            .put("properties", new JsonObject().put("message", "start {{trigger.start}}"))));
  }

  /** A start's number and the stop reasons it was given, kept and seen, as its event tells them. */
  private static JsonObject lived(int start, String keptStops, String seenStops) {
    return new JsonObject().put("start", start).put("keptStops", keptStops).put("seenStops", seenStops);
  }

  /** The event of the flow's newest run. */
  private JsonObject latest(String flowId) {
    return api.get("/api/v1/runs/" + runsOf(flowId).getJsonObject(0).getString("id")).json().getJsonObject("trigger");
  }

  /** What the newest run's event tells of the flow's trigger's starts and stops, as {@link #lived} writes it. */
  private JsonObject stopsOf(String flowId) {
    JsonObject event = latest(flowId);
    return lived(event.getInteger("start"), event.getString("keptStops"), event.getString("seenStops"));
  }

  private JsonArray runsOf(String flowId) {
    return api.get("/api/v1/flows/" + flowId + "/runs").json().getJsonArray("runs");
  }
}
