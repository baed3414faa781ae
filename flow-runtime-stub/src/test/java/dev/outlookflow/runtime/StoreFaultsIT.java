package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.Eventually;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.runtime.support.SeededStoreFaults;
import dev.outlookflow.runtime.support.TestPlugins;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run the store fails to advance is not left hanging until the next restart. */
class StoreFaultsIT {
  @TempDir Path temp;
  private Path data;
  private InProcessRuntime runtime;
  private String flowId;

  @BeforeEach
  void echoFlowOnAStoreThatCanFail() throws Exception {
    data = temp.resolve("data");
    runtime = InProcessRuntime.start(data, TestPlugins.folderWithTestPlugin(temp));
    flowId = Runs.createFlow(runtime.api(), Runs.oneStepFlow("Echo", "only", "test/echo",
        new JsonObject().put("message", "{{trigger.text}}")));
    SeededStoreFaults.install(data);
  }

  @AfterEach
  void stop() throws Exception {
    SeededStoreFaults.failNext(0);
    SeededStoreFaults.runOutOfMemoryOnNext(0);
    runtime.close();
  }

  @Test
  void aRunIsTakenUpAgainAfterTheStoreFailedAndFinishesOnce() throws Exception {
    SeededStoreFaults.failNext(3);

    JsonObject run = Runs.awaitFinished(runtime.api(),
        Runs.start(runtime.api(), flowId, new JsonObject().put("text", "hello")));

    assertThat(SeededStoreFaults.remaining()).as("every seeded fault was hit").isZero();
    assertThat(run.getString("status")).isEqualTo("succeeded");
    assertThat(run.getJsonArray("steps")).hasSize(1);
    assertThat(run.getJsonArray("steps").getJsonObject(0).getJsonObject("output").getString("message"))
        .isEqualTo("hello");
  }

  @Test
  void aDatabaseClosedUnderTheRuntimeIsOpenedAgainAndTheNextRequestsAndRunsGoOn() throws Exception {
    // H2 closes its database when it runs out of memory; SHUTDOWN from a second connection does the same.
    SeededStoreFaults.sql(data, "SHUTDOWN");

    JsonObject run = Runs.awaitFinished(runtime.api(),
        Runs.start(runtime.api(), flowId, new JsonObject().put("text", "after the store was closed")));

    assertThat(run.getString("status")).isEqualTo("succeeded");
    assertThat(runtime.api().get("/api/v1/flows").status()).isEqualTo(200);
  }

  @Test
  void aStepThatRunsTheStoreOutOfMemoryFailsSayingSoOnceAndTheStoreServesTheNextRun() throws Exception {
    SeededStoreFaults.runOutOfMemoryOnNext(1);

    JsonObject failed = Runs.awaitFinished(runtime.api(),
        Runs.start(runtime.api(), flowId, new JsonObject().put("text", "too much")));

    assertThat(SeededStoreFaults.runOutOfMemoryRemaining()).as("the store was asked once, not again").isZero();
    assertThat(failed.getString("status")).isEqualTo("failed");
    assertThat(failed.getJsonObject("error").getString("message")).isEqualTo("the runtime ran out of memory running "
        + "this step: make the data it handles smaller, or give the runtime more memory");
    JsonObject next = Runs.awaitFinished(runtime.api(),
        Runs.start(runtime.api(), flowId, new JsonObject().put("text", "after")));
    assertThat(next.getString("status")).isEqualTo("succeeded");
  }

  @Test
  void aRequestTheStoreFailsAnswers503SayingToTryAgainAndTheSameRequestThenSucceeds() throws Exception {
    SeededStoreFaults.sql(data, "CREATE TRIGGER seeded_flow_faults BEFORE INSERT ON flows FOR EACH ROW CALL '"
        + SeededStoreFaults.class.getName() + "'");
    JsonObject flow = Runs.oneStepFlow("Later", "only", "test/echo", new JsonObject().put("message", "m"));
    SeededStoreFaults.failNext(1);

    ApiClient.Answer refused = runtime.api().post("/api/v1/flows", flow);

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.json().getString("error")).startsWith("the runtime's store could not answer (incident ")
        .endsWith(" is in its log): try again shortly");
    assertThat(runtime.api().post("/api/v1/flows", flow).status()).isEqualTo(201);
  }

  @Test
  void aRunWhoseKeyIsLostEndsSayingSoInsteadOfBeingTriedForever() throws Exception {
    SeededStoreFaults.failNext(Integer.MAX_VALUE);
    String runId = Runs.start(runtime.api(), flowId, new JsonObject().put("text", "lost"));
    Eventually.await("the store to stop the run", () -> SeededStoreFaults.remaining() < Integer.MAX_VALUE ? true : null);

    runtime.restart(config -> {
      SeededStoreFaults.failNext(0);
      SeededStoreFaults.sql(data, "DELETE FROM run_keys WHERE run_id = '" + runId + "'");
      return config;
    });

    JsonObject run = Runs.awaitFinished(runtime.api(), runId);
    assertThat(run.getString("status")).isEqualTo("failed");
    assertThat(run.getJsonObject("error").getString("message"))
        .isEqualTo("the runtime lost this run's key, so its event and step data cannot be read: run the flow again");
  }
}
