package dev.outlookflow.runtime.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.store.Database;
import dev.outlookflow.runtime.support.Eventually;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.OutlookRuntimePerTest;
import dev.outlookflow.runtime.support.OutlookTenant;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cancelling a run whose send is in flight: before Graph was asked to send, nothing is sent; after, the
 * send stands and is recorded as succeeded inside the cancelled run.
 */
class SendEmailCancelIT {
  /** Long enough to cancel while Graph holds the request, whatever the machine's load. */
  private static final int HELD_MILLIS = 5_000;
  @RegisterExtension final OutlookRuntimePerTest outlook = new OutlookRuntimePerTest();
  private ApiClient api;
  private OutlookTenant tenant;
  private String connection;

  @BeforeEach
  void start() {
    api = outlook.runtime().api();
    tenant = outlook.runtime().tenant();
    connection = tenant.appOnlyConnection(DemoSeed.USER);
  }

  private String sendHeldAt(String path, String subject) {
    return sendHeldAt("POST", path, subject);
  }

  /** Starts a send whose request to {@code path} Graph holds; answers the run once that request is held. */
  private String sendHeldAt(String method, String path, String subject) {
    tenant.fault(new JsonObject().put("method", method).put("path", path).put("times", 1)
        .put("fault", new JsonObject().put("type", "latency").put("millis", HELD_MILLIS)));
    String flow = Runs.createFlow(api, Runs.oneStepFlow("Cancel", "mail", "outlook/send-email", new JsonObject()
        .put("connection", connection).put("to", new JsonArray().add(DemoSeed.ADMIN)).put("subject", subject)
        .put("body", "Hello")));
    String run = Runs.start(api, flow, new JsonObject());
    Eventually.await("Graph to hold the request", Duration.ofSeconds(30), () -> tenant.firedFaults() > 0 ? true : null);
    return run;
  }

  private static String stepStatus(JsonObject run) {
    return run.getJsonArray("steps").getJsonObject(0).getString("status");
  }

  @Test
  void cancelledWhileTheDraftIsBeingCreatedNothingIsSent() {
    String run = sendHeldAt("/v1.0/users/*/messages", "Cancelled early");

    assertThat(api.post("/api/v1/runs/" + run + "/cancel", null).status()).isEqualTo(202);

    JsonObject finished = Runs.awaitFinished(api, run);
    assertThat(finished.getString("status")).isEqualTo("cancelled");
    assertThat(stepStatus(finished)).isEqualTo("cancelled");
    assertThat(tenant.withSubject(DemoSeed.ADMIN, "inbox", "Cancelled early")).isEmpty();
  }

  @Test
  void cancelledOnceGraphWasAskedToSendTheSendStandsAndIsRecorded() {
    String run = sendHeldAt("/v1.0/users/*/messages/*/send", "Cancelled late");

    assertThat(api.post("/api/v1/runs/" + run + "/cancel", null).status()).isEqualTo(202);

    JsonObject finished = Runs.awaitFinished(api, run);
    assertThat(finished.getString("status")).isEqualTo("cancelled");
    assertThat(stepStatus(finished)).isEqualTo("succeeded");
    assertThat(tenant.withSubject(DemoSeed.ADMIN, "inbox", "Cancelled late")).hasSize(1);
  }

  @Test
  void aCancelStoredWhileTheRuntimeWasDownRecordsTheSendThatHadHappened() throws Exception {
    // The send reached Graph; the runtime stops while reading the sent mail back, and the run is cancelled then.
    String run = sendHeldAt("GET", "/v1.0/users/*/messages/*", "Sent before the cancel");
    InProcessRuntime runtime = outlook.runtime().inProcess();
    Path data = runtime.dataDir();

    runtime.restartAfter(() -> {
      try (Connection sql = DriverManager.getConnection(Database.jdbcUrl(data))) {
        sql.createStatement().executeUpdate("UPDATE runs SET cancel_requested_at = 1 WHERE id = '" + run + "'");
      }
      return null;
    });

    ApiClient restarted = runtime.api();
    JsonObject finished = Runs.awaitFinished(restarted, run);
    assertThat(finished.getString("status")).isEqualTo("cancelled");
    assertThat(stepStatus(finished)).as("the mail went out: the record says so").isEqualTo("succeeded");
    OutlookTenant sandbox = new OutlookTenant(restarted, runtime.runtime().sandboxUrl().orElseThrow());
    assertThat(sandbox.withSubject(DemoSeed.ADMIN, "inbox", "Sent before the cancel")).hasSize(1);
  }
}
