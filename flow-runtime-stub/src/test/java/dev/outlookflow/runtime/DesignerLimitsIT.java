package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.Eventually;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.RuntimeProcess;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.runtime.support.SeededStoreFaults;
import dev.outlookflow.runtime.support.TestPlugins;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A designer cannot exhaust the runtime: what a step's expressions grow to is counted while they are
 * resolved and refused past its bounds, and a run that fails for any reason but the store ends
 * failed, saying why, instead of being tried again for ever.
 */
class DesignerLimitsIT {
  private static final String MEGABYTE = "x".repeat(1024 * 1024);

  @TempDir Path temp;

  /** The runtime jar with the test plugin, in a JVM of 256 MB. */
  private RuntimeProcess onASmallHeap() throws Exception {
    return RuntimeProcess.start(List.of("-Xmx256m"), temp.resolve("data"),
        "--plugins-dir", TestPlugins.folderWithTestPlugin(temp).toString(), "--no-sandbox");
  }

  @Test
  void aMegabyteRepeatedInABoundedFieldEndsTheRunWithASentenceAndASmallHeapStaysUp() throws Exception {
    try (RuntimeProcess runtime = onASmallHeap()) {
      ApiClient api = runtime.api();
      String flowId = Runs.createFlow(api, Runs.oneStepFlow("Probe", "probe", "test/echo",
          new JsonObject().put("message", "m").put("title", "{{trigger.b}}".repeat(2500))));

      String runId = Runs.start(api, flowId, new JsonObject().put("b", MEGABYTE));

      JsonObject run = runtime.explaining(() -> Runs.awaitFinished(api, runId));
      assertThat(run.getString("status")).isEqualTo("failed");
      JsonObject error = run.getJsonArray("steps").getJsonObject(0).getJsonObject("error");
      assertThat(error.getString("code")).isEqualTo("input_too_large");
      assertThat(error.getString("message")).isEqualTo("'title' would take at least 1,048,576 characters once its "
          + "expressions are resolved, over the field's limit (255): bind a shorter value, or fewer of them");
      assertThat(api.get("/api/v1/health").status()).as("the runtime serves").isEqualTo(200);
      assertThat(runtime.output()).doesNotContain("has been blocked for", "OutOfMemoryError");
    }
  }

  @Test
  void aSmallHeapTakesTheEventsItsMemoryAllowsAndRefusesLargerOnesSayingHowLarge() throws Exception {
    try (RuntimeProcess runtime = onASmallHeap()) {
      ApiClient api = runtime.api();
      String flowId = Runs.createFlow(api, Runs.oneStepFlow("Echo", "echo", "test/echo",
          new JsonObject().put("message", "{{trigger.b}}")));

      ApiClient.Answer refused = api.post("/api/v1/flows/" + flowId + "/run",
          new JsonObject().put("b", MEGABYTE.repeat(8)));
      String taken = Runs.start(api, flowId, new JsonObject().put("b", MEGABYTE.repeat(2)));

      assertThat(refused.status()).isEqualTo(413);
      assertThat(refused.json().getString("error")).matches("the event is 8,388,6\\d\\d bytes; this runtime's memory "
          + "takes events of up to [\\d,]+ bytes: send a smaller event, or give the runtime more memory \\(java -Xmx\\)");
      assertThat(runtime.explaining(() -> Runs.awaitFinished(api, taken)).getString("status")).isEqualTo("succeeded");
      assertThat(runtime.output()).doesNotContain("OutOfMemoryError", "has been blocked for");
    }
  }

  @Test
  void aStepsWholeInputPastItsLimitIsRefusedNamingWhereItWentOver() throws Exception {
    try (InProcessRuntime runtime = InProcessRuntime.start(temp.resolve("data"), TestPlugins.folderWithTestPlugin(temp))) {
      ApiClient api = runtime.api();
      String flowId = Runs.createFlow(api, Runs.oneStepFlow("Copies", "copies", "test/echo",
          new JsonObject().put("message", "m").put("tags", new JsonObject().put("all", "{{trigger.b}}".repeat(70)))));

      JsonObject run = Runs.awaitFinished(api, Runs.start(api, flowId, new JsonObject().put("b", MEGABYTE)));

      JsonObject error = run.getJsonArray("steps").getJsonObject(0).getJsonObject("error");
      assertThat(run.getString("status")).isEqualTo("failed");
      assertThat(error.getString("message")).startsWith("the step's input would take at least 67,")
          .endsWith("once 'tags.all' is resolved, over the limit of a step's whole input (67,108,864): bind smaller "
              + "values, or fewer of them");
      assertThat(error.getJsonArray("fields").getJsonObject(0).getString("field")).isEqualTo("tags.all");
    }
  }

  @Test
  void aRunThatFailsForAnyReasonButTheStoreEndsFailedInsteadOfBeingTriedAgain() throws Exception {
    Path data = temp.resolve("data");
    try (InProcessRuntime runtime = InProcessRuntime.start(data, TestPlugins.folderWithTestPlugin(temp))) {
      ApiClient api = runtime.api();
      String flowId = Runs.createFlow(api, Runs.oneStepFlow("Hold", "only", "test/hold",
          new JsonObject().put("ticket", "T-1")));
      String runId = Runs.start(api, flowId, new JsonObject());
      Eventually.await("the step to record its progress", () -> {
        JsonArray steps = api.get("/api/v1/runs/" + runId).json().getJsonArray("steps");
        return !steps.isEmpty() && steps.getJsonObject(0).getJsonObject("state").containsKey("phase") ? true : null;
      });

      runtime.restart(config -> {
        // Its sealed input no longer decrypts: reading it fails the same way on every attempt.
        SeededStoreFaults.sql(data, "UPDATE steps SET sealed_input = '" + "A".repeat(64) + "' WHERE run_id = '" + runId + "'");
        return config;
      });

      ApiClient restarted = runtime.api();
      JsonObject run = Runs.awaitFinished(restarted, runId);
      assertThat(run.getString("status")).isEqualTo("failed");
      JsonObject step = run.getJsonArray("steps").getJsonObject(0);
      assertThat(step.getString("status")).isEqualTo("failed");
      assertThat(step.getJsonObject("error").getString("code")).isEqualTo("step_failed");
      assertThat(run.getJsonObject("error").getString("step")).isEqualTo("only");
    }
  }
}
