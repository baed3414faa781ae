package dev.outlookflow.runtime.newmail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.Eventually;
import dev.outlookflow.runtime.support.NewMailFlows;
import dev.outlookflow.runtime.support.NewMailRuntime;
import dev.outlookflow.runtime.support.OutlookTenant;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The new-mail trigger on a chosen folder and its subfolders, through the packaged runtime against the sandbox:
 * mail in a child folder fires, a folder created after the flow was enabled is found within the scan interval and
 * fires from then on (not its older mail), a folder the flow knew catches up after a pause, and a flow on another
 * folder fires for that folder's mail only. One
 * runtime for the class: the flows watch folders apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewMailFoldersIT {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final int SCAN_SECONDS = 2;

  private NewMailRuntime runtime;
  private ApiClient api;
  private OutlookTenant tenant;

  @BeforeAll
  void start(@TempDir Path temp) throws Exception {
    runtime = NewMailRuntime.start(temp, "outlook.newMail.folderScanSeconds=" + SCAN_SECONDS);
    api = runtime.api();
    tenant = runtime.tenant();
  }

  @AfterAll
  void stop() throws Exception {
    runtime.close();
  }

  @Test
  void aFlowOnTheInboxWithSubfoldersFiresForAChildFolderAndForOneCreatedLaterFromWhenItWasFound() {
    String projects = folder("Projects", "inbox");
    String flow = NewMailFlows.enabled(api, inFolder(NewMailFlows.flow("Subfolders", runtime.connection(), 1),
        "inbox", true));
    awaitWatching(flow, "Inbox / Projects");
    Instant listening = Instant.now();

    String inChild = deliver(projects, "In a child folder", null);
    runtime.process().explaining(() -> NewMailFlows.awaitRunsFor(api, flow, List.of(inChild), DEADLINE));
    JsonObject event = NewMailFlows.runs(api, flow).stream().filter(r -> inChild.equals(r.getString("triggerKey")))
        .findFirst().map(r -> api.get("/api/v1/runs/" + r.getString("id")).json().getJsonObject("trigger"))
        .orElseThrow();
    assertThat(event.getJsonObject("folder")).isEqualTo(new JsonObject().put("id", projects).put("name", "Projects"));

    // The older mail: after the flow began to listen (it would fire were the flow's floor the folder's), before
    // the folder can be found.
    Instant older = secondBetween(listening);
    String later = folder("Later", "inbox");
    String olderMail = deliver(later, "Older than the folder's finding", older);
    Instant created = Instant.now();
    awaitWatching(flow, "Inbox / Later");
    Duration toFind = Duration.between(created, Instant.now());
    String newMail = deliver(later, "After the folder was found", null);

    runtime.process().explaining(() -> NewMailFlows.awaitRunsFor(api, flow, List.of(newMail), DEADLINE));
    awaitNextRoundOf(flow, "Inbox / Later");
    assertThat(toFind).as("found within the scan interval, and a round")
        .isLessThan(Duration.ofSeconds(SCAN_SECONDS + 8));
    assertThat(NewMailFlows.runsPerKey(api, flow)).as("the older mail of the folder found later does not fire")
        .doesNotContainKey(olderMail).containsEntry(inChild, 1L).containsEntry(newMail, 1L);
    JsonObject report = NewMailFlows.status(api, flow).getJsonObject("report");
    assertThat(report.getString("why")).contains("With its subfolders: 3 folders").contains("every 2 s");
    assertThat(report.getJsonArray("sources").stream().map(s -> ((JsonObject) s).getString("name")))
        .containsExactly("Inbox of " + DemoSeed.USER, "Inbox / Projects of " + DemoSeed.USER,
            "Inbox / Later of " + DemoSeed.USER);
  }

  @Test
  void aSubfolderTheFlowKnewCatchesUpOnTheMailThatArrivedWhileTheFlowWasDisabled() {
    // A tree of its own, apart from the Inbox's that another test's flow watches.
    String team = folder("Team", null);
    String kept = folder("Kept", team);
    String flow = NewMailFlows.enabled(api, inFolder(NewMailFlows.flow("Paused", runtime.connection(), 1),
        team, true));
    awaitWatching(flow, "Team / Kept");
    Instant listening = Instant.now();
    assertThat(api.post("/api/v1/flows/" + flow + "/disable", null).status()).isEqualTo(200);

    // Before the flow is enabled again: it would not fire were the folder taken for one found then.
    String whileDisabled = deliver(kept, "While the flow was disabled", secondBetween(listening));
    assertThat(api.post("/api/v1/flows/" + flow + "/enable", null).status()).isEqualTo(200);

    runtime.process().explaining(() -> NewMailFlows.awaitRunsFor(api, flow, List.of(whileDisabled), DEADLINE));
    assertThat(NewMailFlows.runsPerKey(api, flow)).containsEntry(whileDisabled, 1L);
  }

  @Test
  void aFlowOnAnotherFolderChosenByIdFiresForThatFoldersMailOnly() {
    String receipts = folder("Receipts", null);
    ApiClient.Answer options = api.post("/api/v1/catalog/triggers/outlook/new-mail/options/folder",
        new JsonObject().put("connection", runtime.connection()));
    assertThat(options.status()).as(options.text()).isEqualTo(200);
    assertThat(options.json().getJsonArray("options")).contains(new JsonObject().put("value", receipts)
        .put("label", "Receipts"));
    String flow = NewMailFlows.enabled(api, inFolder(NewMailFlows.flow("Receipts", runtime.connection(), 1),
        receipts, false));

    String inInbox = deliver("inbox", "In the Inbox", null);
    String inReceipts = deliver(receipts, "In Receipts", null);

    runtime.process().explaining(() -> NewMailFlows.awaitRunsFor(api, flow, List.of(inReceipts), DEADLINE));
    NewMailFlows.awaitNextRound(api, flow);
    assertThat(NewMailFlows.runsPerKey(api, flow)).containsOnlyKeys(inReceipts).doesNotContainKey(inInbox);
    JsonObject status = NewMailFlows.status(api, flow);
    assertThat(NewMailFlows.source(status).getString("name")).isEqualTo("Receipts of " + DemoSeed.USER);
    assertThat(status.getJsonObject("report").getJsonArray("sources")).hasSize(1);
  }

  @Test
  void aFolderTheMailboxDoesNotHaveFailsTheStartNamingTheField() {
    String flow = Runs.createFlow(api,
        inFolder(NewMailFlows.flow("Nowhere", runtime.connection(), 1), "AAMkNoSuchFolder", false));

    assertThat(api.post("/api/v1/flows/" + flow + "/enable", null).status()).isEqualTo(200);

    JsonObject status = NewMailFlows.status(api, flow);
    assertThat(status.getString("state")).isEqualTo("failed");
    assertThat(status.getString("message")).isEqualTo("the trigger could not start: 'folder': " + DemoSeed.USER
        + " has no folder 'AAMkNoSuchFolder' (deleted, or an id of another mailbox): choose one from the list, or a "
        + "well-known name such as inbox.");
  }

  /**
   * A time at least a second after {@code listening} and a second before now, returned once the clock is past it:
   * floors are compared in whole seconds, so a mail of that time is after one and before the other.
   */
  private static Instant secondBetween(Instant listening) {
    Instant between = listening.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    Eventually.await("a second past " + between, () -> Instant.now().isAfter(between.plusSeconds(1)) ? true : null);
    return between;
  }

  private static JsonObject inFolder(JsonObject flow, String folder, boolean includeSubfolders) {
    flow.getJsonObject("trigger").getJsonObject("properties").put("folder", folder)
        .put("includeSubfolders", includeSubfolders);
    return flow;
  }

  /** Creates a folder under {@code parent} (null: the top); answers its id. */
  private String folder(String name, String parent) {
    ApiClient.Answer created = tenant.control("/mailboxes/" + DemoSeed.USER + "/folders",
        new JsonObject().put("displayName", name).put("parent", parent));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().getString("id");
  }

  /** Delivers a mail into {@code folder}, received now or at {@code received}; answers its immutable id. */
  private String deliver(String folder, String subject, Instant received) {
    JsonObject mail = MailUsers.mail(subject, DemoSeed.USER);
    if (received != null) {
      mail.put("receivedDateTime", received.toString());
    }
    ApiClient.Answer delivered = tenant.control("/mailboxes/" + DemoSeed.USER + "/folders/" + folder + "/messages",
        mail);
    assertThat(delivered.status()).as(delivered.text()).isEqualTo(201);
    return delivered.json().getString("id");
  }

  /** Waits until the flow's report has a source for {@code path} that finished a round. */
  private void awaitWatching(String flow, String path) {
    source(flow, path, 1);
  }

  private void awaitNextRoundOf(String flow, String path) {
    long rounds = source(flow, path, 1).getJsonObject("counts").getLong("rounds");
    // One more might have begun before this call: the second one began after it.
    source(flow, path, rounds + 2);
  }

  private JsonObject source(String flow, String path, long rounds) {
    String name = path + " of " + DemoSeed.USER;
    return runtime.process().explaining(() -> Eventually.await(name + " watched, " + rounds + " rounds", DEADLINE,
        () -> {
          JsonObject report = NewMailFlows.status(api, flow).getJsonObject("report");
          JsonArray sources = report == null ? new JsonArray() : report.getJsonArray("sources");
          return sources.stream().map(JsonObject.class::cast).filter(s -> name.equals(s.getString("name")))
              .filter(s -> s.getString("lastRound") != null
                  && s.getJsonObject("counts").getLong("rounds", 0L) >= rounds)
              .findFirst().orElse(null);
        }));
  }
}
