package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.Eventually;
import dev.outlookflow.runtime.support.RuntimeProcess;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.runtime.support.TestPlugins;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 loses nothing acknowledged, and in-flight steps follow the recovery contract. */
class CrashRecoveryIT {
  @TempDir Path temp;

  @Test
  void everyAcknowledgedRunSurvivesKill9() throws Exception {
    Path data = temp.resolve("data");
    Path plugins = TestPlugins.folderWithTestPlugin(temp);
    List<String> acknowledged = new ArrayList<>();
    try (RuntimeProcess runtime = RuntimeProcess.start(data, "--plugins-dir", plugins.toString())) {
      ApiClient api = runtime.api();
      String flowId = Runs.createFlow(api, Runs.oneStepFlow("Echo", "only", "test/echo", new JsonObject().put("message", "m")));
      acknowledged.add(flowId);
      ExecutorService clients = Executors.newFixedThreadPool(4);
      List<Future<ApiClient.Answer>> posts = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        JsonObject event = new JsonObject().put("i", i);
        posts.add(clients.submit(() -> api.post("/api/v1/flows/" + flowId + "/run", event)));
      }
      for (Future<ApiClient.Answer> post : posts) {
        ApiClient.Answer answer = post.get();
        assertThat(answer.status()).isEqualTo(202);
        acknowledged.add(answer.json().getString("runId"));
      }
      clients.shutdown();
      runtime.kill9();
    }

    try (RuntimeProcess restarted = RuntimeProcess.start(data, "--plugins-dir", plugins.toString())) {
      ApiClient api = restarted.api();
      assertThat(api.get("/api/v1/flows/" + acknowledged.get(0)).status()).isEqualTo(200);
      for (String runId : acknowledged.subList(1, acknowledged.size())) {
        // Sixty runs resume at once on a machine that may be shared: a minute each, not the usual half.
        JsonObject run = restarted.explaining(() -> Runs.awaitFinished(api, runId, Duration.ofMinutes(1)));
        assertThat(run.getString("status")).as("run " + runId).isEqualTo("succeeded");
      }
    }
  }

  @Test
  void inFlightStepResumesIfItsActionRecoversAndIsInterruptedOtherwise() throws Exception {
    Path data = temp.resolve("data");
    Path plugins = TestPlugins.folderWithTestPlugin(temp);
    String recoverableRun;
    String onceRun;
    try (RuntimeProcess runtime = RuntimeProcess.start(data, "--plugins-dir", plugins.toString())) {
      ApiClient api = runtime.api();
      JsonObject ticket = new JsonObject().put("ticket", "T-{{trigger.n}}");
      String recoverable = Runs.createFlow(api, Runs.oneStepFlow("Hold", "only", "test/hold", ticket));
      String once = Runs.createFlow(api, Runs.oneStepFlow("Hold once", "only", "test/hold-once", ticket));
      recoverableRun = Runs.start(api, recoverable, new JsonObject().put("n", 1));
      onceRun = Runs.start(api, once, new JsonObject().put("n", 2));
      awaitRecordedProgress(api, recoverableRun);
      awaitRecordedProgress(api, onceRun);

      runtime.kill9();
    }

    try (RuntimeProcess restarted = RuntimeProcess.start(data, "--plugins-dir", plugins.toString())) {
      ApiClient api = restarted.api();

      JsonObject resumed = restarted.explaining(() -> Runs.awaitFinished(api, recoverableRun));
      assertThat(resumed.getString("status")).isEqualTo("succeeded");
      JsonObject output = resumed.getJsonArray("steps").getJsonObject(0).getJsonObject("output");
      assertThat(output.getString("ticket")).as("the input resolved before the crash").isEqualTo("T-1");
      assertThat(output.getJsonObject("resumedFrom").encode())
          .isEqualTo("{\"phase\":\"draft-created\",\"draftId\":\"d-" + recoverableRun + "\"}");

      JsonObject interrupted = restarted.explaining(() -> Runs.awaitFinished(api, onceRun));
      assertThat(interrupted.getString("status")).isEqualTo("interrupted");
      JsonObject step = interrupted.getJsonArray("steps").getJsonObject(0);
      assertThat(step.getString("status")).isEqualTo("interrupted");
      assertThat(step.getJsonObject("error").getString("message")).contains("cannot be safely re-run");
      assertThat(restarted.output()).contains("step only: interrupted by a crash");
    }
  }

  private static void awaitRecordedProgress(ApiClient api, String runId) {
    Eventually.await("run " + runId + " to record its step's progress", () -> {
      JsonArray steps = api.get("/api/v1/runs/" + runId).json().getJsonArray("steps");
      return !steps.isEmpty() && steps.getJsonObject(0).getJsonObject("state").containsKey("phase") ? true : null;
    });
  }

  @Test
  void sigtermStopsGracefully() throws Exception {
    RuntimeProcess runtime = RuntimeProcess.start(temp.resolve("data"),
        "--plugins-dir", TestPlugins.folderWithTestPlugin(temp).toString());
    int exit = runtime.terminate();
    assertThat(exit).isEqualTo(143);
    assertThat(runtime.output()).contains("flow runtime stopped");
  }
}
