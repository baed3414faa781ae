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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's transitions in the runtime's log, and a cancellation that outlives a kill -9. */
class RunTransitionsIT {
  @TempDir Path temp;

  @Test
  void aRunCancelledThenKilledIsNotResumedButItsStepIsAskedWhatItDidAndTheRunEndsCancelled() throws Exception {
    Path data = temp.resolve("data");
    Path plugins = TestPlugins.folderWithTestPlugin(temp);
    String flowId;
    String runId;
    try (RuntimeProcess runtime = RuntimeProcess.start(data, "--plugins-dir", plugins.toString())) {
      ApiClient api = runtime.api();
      // test/hold takes no notice of a cancellation: the run is still running when the runtime dies.
      JsonObject flow = Runs.oneStepFlow("Hold", "only", "test/hold", new JsonObject().put("ticket", "T-1"));
      flow.getJsonArray("steps").add(new JsonObject().put("id", "after").put("type", "test/echo")
          .put("properties", new JsonObject().put("message", "after")));
      flowId = Runs.createFlow(api, flow);
      runId = Runs.start(api, flowId, new JsonObject());
      Eventually.await("run " + runId + " to record its step's progress", () -> {
        JsonArray steps = api.get("/api/v1/runs/" + runId).json().getJsonArray("steps");
        return !steps.isEmpty() && steps.getJsonObject(0).getJsonObject("state").containsKey("phase") ? true : null;
      });

      ApiClient.Answer cancel = api.post("/api/v1/runs/" + runId + "/cancel", new JsonObject());
      assertThat(cancel.status()).as(cancel.text()).isEqualTo(202);
      assertThat(cancel.json().getString("status")).isEqualTo("running");
      runtime.kill9();
    }

    try (RuntimeProcess restarted = RuntimeProcess.start(data, "--plugins-dir", plugins.toString())) {
      ApiClient api = restarted.api();
      JsonObject run = restarted.explaining(() -> Runs.awaitFinished(api, runId));
      assertThat(run.getString("status")).isEqualTo("cancelled");
      JsonArray steps = run.getJsonArray("steps");
      assertThat(steps).as("the step after it never started").hasSize(1);
      JsonObject held = steps.getJsonObject(0);
      assertThat(held.getString("status")).isEqualTo("cancelled");
      assertThat(held.getValue("output")).as("the step was not run again").isNull();
      assertThat(held.getJsonObject("error").getString("message")).isEqualTo("stopped on resuming: its run was "
          + "cancelled");
      // The ending is logged once it is committed, a moment after the API can see it: wait for the line.
      String ended = "run " + runId + " flow " + flowId + " workspace default: cancelled in ";
      Eventually.await("the run's ending in the log", () -> restarted.output().contains(ended) ? true : null);
      assertThat(restarted.output())
          .doesNotContain("run " + runId + " step only: resuming")
          .contains("run " + runId + " step only: taken up after a crash, asked to stop, to record what it did")
          .contains("run " + runId + " flow " + flowId + " workspace default: cancelled in ");
    }
  }

  @Test
  void eachTransitionOfARunIsOneLogLineWithItsDurationAndNoPayload() throws Exception {
    Path plugins = TestPlugins.folderWithTestPlugin(temp);
    try (RuntimeProcess runtime = RuntimeProcess.start(temp.resolve("data"), "--plugins-dir", plugins.toString())) {
      ApiClient api = runtime.api();
      String greet = Runs.createFlow(api, Runs.oneStepFlow("Greet", "only", "test/echo",
          new JsonObject().put("message", "{{trigger.secret}}")));
      String fail = Runs.createFlow(api, Runs.oneStepFlow("Fail", "only", "test/echo",
          new JsonObject().put("message", "m").put("failWith", "refused")));
      String wait = Runs.createFlow(api, Runs.oneStepFlow("Wait", "only", "test/wait-for-cancel", new JsonObject()));
      JsonObject event = new JsonObject().put("secret", "payload-that-stays-out-of-logs");
      String succeeded = Runs.awaitFinished(api, Runs.start(api, greet, event)).getString("id");
      String failed = Runs.awaitFinished(api, Runs.start(api, fail, event)).getString("id");
      String cancelled = Runs.start(api, wait, event);
      Eventually.await("run " + cancelled + " to be running", () ->
          "running".equals(api.get("/api/v1/runs/" + cancelled).json().getString("status")) ? true : null);
      api.post("/api/v1/runs/" + cancelled + "/cancel", new JsonObject());
      Runs.awaitFinished(api, cancelled);

      String log = Eventually.await("the last transition to be logged", () -> {
        String output = runtime.output();
        return output.contains("run " + cancelled + " flow " + wait + " workspace default: cancelled in ") ? output : null;
      });
      assertThat(log)
          .containsPattern("run " + succeeded + " flow " + greet + " workspace default: running\\R")
          .containsPattern("run " + succeeded + " flow " + greet + " workspace default: succeeded in \\d+ ms")
          .containsPattern("run " + failed + " flow " + fail + " workspace default: failed in \\d+ ms")
          .containsPattern("run " + cancelled + " flow " + wait + " workspace default: running\\R")
          .containsPattern("run " + cancelled + " flow " + wait + " workspace default: cancelled in \\d+ ms")
          .doesNotContain("payload-that-stays-out-of-logs");
      assertThat(log.split("run " + succeeded + " flow ", -1)).as("two transitions, one line each").hasSize(3);
    }
  }
}
