package dev.outlookflow.runtime.newmail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.NewMailFlows;
import dev.outlookflow.runtime.support.NewMailRuntime;
import dev.outlookflow.runtime.support.OutlookTenant;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "When a new email arrives" with "Include attachments", through the packaged runtime against the sandbox: a file
 * arrives in the event and a following send step sends it on; a mail past the bounds gets metadata and a note,
 * without its content ever being downloaded; a slow attachment holds back no other mail.
 */
class NewMailAttachmentsIT {
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final String ATTACHMENT = "/v1.0/users/{user}/messages/{message}/attachments/{attachment}";

  @TempDir Path temp;
  private NewMailRuntime runtime;
  private ApiClient api;
  private OutlookTenant tenant;

  @BeforeEach
  void start() throws Exception {
    runtime = NewMailRuntime.start(temp);
    api = runtime.api();
    tenant = runtime.tenant();
  }

  @AfterEach
  void stop() throws Exception {
    runtime.close();
  }

  @Test
  void aOneMegabyteFileArrivesInTheEventAndAFollowingSendStepSendsTheSameBytes() {
    String flow = NewMailFlows.enabled(api, forwarding("Forward files"));
    byte[] report = bytes(1024 * 1024, 7);

    String id = deliver("Quarterly report", file("report.pdf", report));

    JsonObject run = finishedRunOf(flow, id);
    assertThat(run.getString("status")).as(run.encodePrettily()).isEqualTo("succeeded");
    JsonObject event = run.getJsonObject("trigger");
    assertThat(event.getString("attachmentsNote")).isNull();
    JsonObject sent = tenant.withSubject(DemoSeed.ADMIN, "inbox", "Fwd: Quarterly report").get(0);
    JsonObject attachment = sent.getJsonArray("attachments").getJsonObject(0);
    assertThat(attachment.getString("name")).isEqualTo("report.pdf");
    assertThat(attachment.getBoolean("isInline")).isFalse();
    assertThat(Base64.getDecoder().decode(attachment.getString("contentBytes"))).isEqualTo(report);
  }

  @Test
  void aFortyMegabyteMailGetsMetadataAndTheNoteWithoutItsContentBeingDownloaded() {
    String flow = NewMailFlows.enabled(api, echoing("Large mail"));

    String id = deliver("Scans", file("scans.zip", bytes(40 * 1024 * 1024, 9)));

    JsonObject event = finishedRunOf(flow, id).getJsonObject("trigger");
    JsonObject attachment = event.getJsonArray("attachments").getJsonObject(0);
    assertThat(attachment.getString("name")).isEqualTo("scans.zip");
    assertThat(attachment.getString("kind")).isEqualTo("file");
    assertThat(attachment.getLong("size")).isEqualTo(40L * 1024 * 1024);
    assertThat(attachment.containsKey("contentBase64")).isFalse();
    assertThat(event.getString("attachmentsNote")).isEqualTo("Content left out of the event: scans.zip (40.0 MB), "
        + "over 3.0 MB each.");
    assertThat(requests(ATTACHMENT)).as("the file was never asked for").isZero();
  }

  @Test
  void smallMailBehindAMailWhoseAttachmentIsSlowHaveTheirRunsWhileItIsStillInFlight() {
    String flow = NewMailFlows.enabled(api, echoing("Held"));
    assertThat(api.post("/api/v1/flows/" + flow + "/disable", null).status()).isEqualTo(200);
    tenant.fault(new JsonObject().put("method", "GET").put("path", "/v1.0/users/*/messages/*/attachments/*")
        .put("times", 1).put("fault", new JsonObject().put("type", "hold")));
    // Delivered while the flow is disabled, so that its catch-up reads them in one page, the slow one first.
    String slow = deliver("Slow", file("a.pdf", bytes(1024, 1)));
    List<String> small = List.of(deliver("Small 1"), deliver("Small 2"), deliver("Small 3"));

    assertThat(api.post("/api/v1/flows/" + flow + "/enable", null).status()).isEqualTo(200);

    runtime.process().explaining(() -> NewMailFlows.awaitRunsFor(api, flow, small, DEADLINE));
    assertThat(tenant.controlGet("/faults").getInteger("held")).as("the slow mail's attachment is in flight")
        .isEqualTo(1);
    assertThat(NewMailFlows.runsPerKey(api, flow)).doesNotContainKey(slow);
    tenant.control("/faults/release", new JsonObject());
    NewMailFlows.awaitRunsFor(api, flow, List.of(slow), DEADLINE);
  }

  @Test
  void aMailWhoseAttachmentsCanNeverBeReadEndsAsOneFailedRunWithTheReasonAndTheMailsAfterItFire() {
    String flow = NewMailFlows.enabled(api, echoing("Poison"));
    assertThat(api.post("/api/v1/flows/" + flow + "/disable", null).status()).isEqualTo(200);
    // Delivered while the flow is disabled, so that its catch-up reads them in one page, the bad one first.
    String bad = deliver("Cannot be read", file("a.pdf", bytes(1024, 3)));
    tenant.fault(new JsonObject().put("method", "GET").put("path", "/v1.0/users/*/messages/" + bad + "/attachments")
        .put("times", 1_000).put("fault", new JsonObject().put("type", "status").put("status", 500)));
    List<String> after = List.of(deliver("After 1"), deliver("After 2"));

    assertThat(api.post("/api/v1/flows/" + flow + "/enable", null).status()).isEqualTo(200);

    runtime.process().explaining(() -> NewMailFlows.awaitRunsFor(api, flow, after, DEADLINE));
    JsonObject failed = finishedRunOf(flow, bad);
    assertThat(failed.getString("status")).as(failed.encodePrettily()).isEqualTo("failed");
    assertThat(failed.getJsonObject("error").getString("code")).isEqualTo("trigger_failed");
    assertThat(failed.getJsonObject("error").getString("message")).contains("in 5 rounds in a row")
        .contains("500");
    assertThat(failed.getJsonObject("trigger").getString("subject")).isEqualTo("Cannot be read");
    assertThat(NewMailFlows.runsPerKey(api, flow)).containsEntry(bad, 1L);
    JsonObject status = NewMailFlows.awaitNextRound(api, flow);
    assertThat(NewMailFlows.count(status, "failedRuns")).isEqualTo(1);
    assertThat(NewMailFlows.source(status).getString("lastError")).as("the cursor moved on").isNull();
  }

  /** New mail with its attachments, then "Send an email" to another user with {{trigger.attachments}}. */
  private JsonObject forwarding(String name) {
    JsonObject flow = trigger(name);
    return flow.put("steps", new JsonArray().add(new JsonObject().put("id", "forward").put("type", "outlook/send-email")
        .put("properties", new JsonObject().put("connection", runtime.connection())
            .put("to", new JsonArray().add(DemoSeed.ADMIN)).put("subject", "Fwd: {{trigger.subject}}")
            .put("body", "<p>Forwarded</p>").put("attachments", "{{trigger.attachments}}"))));
  }

  private JsonObject echoing(String name) {
    return trigger(name).put("steps", new JsonArray().add(new JsonObject().put("id", "echo").put("type", "test/echo")
        .put("properties", new JsonObject().put("message", "{{trigger.attachmentsNote}}"))));
  }

  private JsonObject trigger(String name) {
    JsonObject flow = NewMailFlows.flow(name, runtime.connection(), 1);
    flow.getJsonObject("trigger").getJsonObject("properties").put("includeAttachments", true);
    return flow;
  }

  /** Delivers mail to the demo user's Inbox from outside; answers its immutable id, the run's key. */
  private String deliver(String subject, JsonObject... attachments) {
    long before = NewMailFlows.lastDelivery(tenant);
    ApiClient.Answer delivered = tenant.control("/mailboxes/" + DemoSeed.USER + "/folders/inbox/messages",
        MailUsers.mail(subject, DemoSeed.USER).put("attachments", new JsonArray(List.of((Object[]) attachments))));
    assertThat(delivered.status()).isEqualTo(201);
    return NewMailFlows.immutableIds(NewMailFlows.deliveries(tenant, before)).get(0);
  }

  private JsonObject finishedRunOf(String flow, String key) {
    runtime.process().explaining(() -> NewMailFlows.awaitRunsFor(api, flow, List.of(key), DEADLINE));
    JsonObject summary = NewMailFlows.runs(api, flow).stream().filter(r -> key.equals(r.getString("triggerKey")))
        .findFirst().orElseThrow();
    return Runs.awaitFinished(api, summary.getString("id"), DEADLINE);
  }

  private static JsonObject file(String name, byte[] content) {
    return new JsonObject().put("name", name).put("contentType", "application/octet-stream")
        .put("contentBytes", Base64.getEncoder().encodeToString(content));
  }

  private static byte[] bytes(int length, int seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private long requests(String path) {
    JsonArray rows = tenant.controlGet("/counters?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8))
        .getJsonArray("requests");
    return rows.stream().mapToLong(row -> ((JsonObject) row).getLong("count")).sum();
  }
}
