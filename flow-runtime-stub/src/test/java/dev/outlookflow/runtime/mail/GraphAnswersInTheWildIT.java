package dev.outlookflow.runtime.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.OutlookRuntime;
import dev.outlookflow.runtime.support.OutlookTenant;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Graph as it answers in the wild, served by the sandbox's fault rules: error bodies in every shape,
 * mailbox states, and a draft its replicas do not show yet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphAnswersInTheWildIT {
  @TempDir static Path temp;
  private OutlookRuntime runtime;
  private OutlookTenant tenant;
  private String connection;

  @BeforeAll
  void start() throws Exception {
    runtime = OutlookRuntime.start(temp);
    tenant = runtime.tenant();
    connection = tenant.appOnlyConnection(DemoSeed.USER);
  }

  @AfterAll
  void stop() throws Exception {
    runtime.close();
  }

  @BeforeEach
  void reset() {
    tenant.control("/reset", null);
  }

  private void answerNext(String method, String path, int times, int status, Object body) {
    JsonObject fault = new JsonObject().put("type", "status").put("status", status);
    if (body != null) {
      fault.put("body", body);
    }
    tenant.fault(new JsonObject().put("method", method).put("path", path).put("times", times).put("fault", fault));
  }

  private JsonObject listFolders() {
    return runtime.runStep("outlook/list-folders", new JsonObject().put("connection", connection), new JsonObject());
  }

  static List<Arguments> errorBodies() {
    return List.of(
        Arguments.of("documented", new JsonObject().put("error", new JsonObject().put("code", "invalidRequest")
            .put("message", "Invalid request one.").put("innerError", new JsonObject().put("request-id", "r-1"))),
            "500 invalidRequest: Invalid request one."),
        Arguments.of("top-level code and message", new JsonObject().put("code", "BadRequest")
            .put("message", "Invalid request two."), "500 BadRequest: Invalid request two."),
        Arguments.of("error without innerError", new JsonObject().put("error", new JsonObject()
            .put("code", "invalidRequest").put("message", "Invalid request three.")), "500 invalidRequest: Invalid request three."),
        Arguments.of("error as a plain string", new JsonObject().put("error", "Invalid request four."),
            "500: Invalid request four."),
        Arguments.of("not JSON", "Upstream service unavailable, try later.",
            "500: Upstream service unavailable, try later."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorBodies")
  void anErrorBodyInEachShapeKeepsGraphsMessage(String shape, Object body, String expected) {
    answerNext("GET", "/v1.0/users/*/mailFolders", 1, 500, body);

    JsonObject run = listFolders();

    assertThat(run.getString("status")).isEqualTo("failed");
    assertThat(OutlookRuntime.error(run).getString("message")).contains(expected).doesNotContain("no message");
  }

  @Test
  void aMailboxBeingMovedSaysToTryLaterAndWhatAnAdminLooksAt() {
    answerNext("GET", "/v1.0/users/*/mailFolders", 1, 409, new JsonObject().put("error", new JsonObject()
        .put("code", "ErrorMailboxMoveInProgress").put("message", "Mailbox move in progress. Try again later.")));

    JsonObject run = listFolders();

    assertThat(OutlookRuntime.error(run).getString("code")).isEqualTo("mailbox_moving");
    assertThat(OutlookRuntime.error(run).getString("message")).isEqualTo(DemoSeed.USER + " is being moved to another "
        + "Exchange database, and Graph refuses it until the move ends: run the flow again later. An Exchange admin "
        + "can follow the move (Get-MoveRequest).");
  }

  @Test
  void aMailboxGraphCannotReachInTheShapeWithoutInnerErrorIsExplained() {
    answerNext("GET", "/v1.0/users/*/mailFolders", 1, 404, new JsonObject().put("error", new JsonObject()
        .put("code", "MailboxNotEnabledForRESTAPI").put("message", "REST API is not yet supported for this mailbox.")));

    JsonObject error = OutlookRuntime.error(listFolders());

    assertThat(error.getString("code")).isEqualTo("mailbox_not_enabled");
    assertThat(error.getString("message")).startsWith("Microsoft Graph cannot reach a mailbox for " + DemoSeed.USER
        + " (MailboxNotEnabledForRESTAPI: \"REST API is not yet supported for this mailbox.\")");
  }

  private JsonObject send(String subject) {
    return runtime.runStep("outlook/send-email", new JsonObject().put("connection", connection)
        .put("to", new JsonArray().add(DemoSeed.ADMIN)).put("subject", subject).put("body", "Hello"), new JsonObject());
  }

  @Test
  void aSendGraphAnswers404RightAfterTheDraftWasCreatedIsLagAndTheMailArrivesOnce() {
    answerNext("POST", "/v1.0/users/*/messages/*/send", 1, 404, null);

    JsonObject run = send("Lagging replica");

    assertThat(run.getString("status")).as(run.encodePrettily()).isEqualTo("succeeded");
    assertThat(tenant.withSubject(DemoSeed.ADMIN, "inbox", "Lagging replica")).hasSize(1);
    assertThat(tenant.folder(DemoSeed.USER, "drafts")).isEmpty();
  }

  @Test
  void aDraftNotFoundWhenCheckedAfterALaggingSendIsLagTooWithinItsWindow() {
    answerNext("POST", "/v1.0/users/*/messages/*/send", 1, 404, null);
    answerNext("GET", "/v1.0/users/*/messages/*", 1, 404, null);

    JsonObject run = send("Lagging twice");

    assertThat(run.getString("status")).as(run.encodePrettily()).isEqualTo("succeeded");
    assertThat(tenant.withSubject(DemoSeed.ADMIN, "inbox", "Lagging twice")).hasSize(1);
  }

  @Test
  void aDraftThatStaysNotFoundPastTheWindowCountsAsDeletedAndNothingIsSent() {
    answerNext("POST", "/v1.0/users/*/messages/*/send", 1, 404, null);
    answerNext("GET", "/v1.0/users/*/messages/*", 10, 404, null);

    JsonObject run = send("Gone draft");

    assertThat(run.getString("status")).isEqualTo("failed");
    assertThat(OutlookRuntime.error(run).getString("code")).isEqualTo("draft_deleted");
    assertThat(tenant.withSubject(DemoSeed.ADMIN, "inbox", "Gone draft")).isEmpty();
  }
}
