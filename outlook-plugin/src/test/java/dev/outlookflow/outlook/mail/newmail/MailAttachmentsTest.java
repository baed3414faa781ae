package dev.outlookflow.outlook.mail.newmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outlookflow.outlook.graph.GraphClient;
import dev.outlookflow.outlook.graph.GraphConcurrency;
import dev.outlookflow.outlook.graph.GraphException;
import dev.outlookflow.outlook.graph.PluginEnvironments;
import dev.outlookflow.outlook.graph.RetryPolicy;
import dev.outlookflow.plugin.api.connection.Credentials;
import dev.outlookflow.sandbox.SandboxOptions;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.support.RunningSandbox;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A new mail's attachments read from the sandbox's Graph over real HTTP, through the plugin's Graph client. */
class MailAttachmentsTest {
  private static final NewMail.Folder INBOX = new NewMail.Folder("inbox", "Inbox");
  private static final AttachmentNeeds CONTENT = new AttachmentNeeds(true, false);
  private static final AttachmentNeeds FILTER = new AttachmentNeeds(false, true);
  private static final String SINGLE = "/v1.0/users/{user}/messages/{message}/attachments/{attachment}";
  private static final String LIST = "/v1.0/users/{user}/messages/{message}/attachments";

  private RunningSandbox sandbox;
  private Vertx vertx;
  private Function<String, Future<JsonObject>> graph;

  @BeforeEach
  void start() throws Exception {
    sandbox = RunningSandbox.start(SandboxOptions.demo());
    vertx = Vertx.vertx();
    Credentials app = new Credentials("Bearer", MailUsers.of(sandbox).app, Instant.now().plusSeconds(3000), null);
    // Retries after a millisecond: the test sees what happens once the client gives up, not how long it waits.
    GraphClient client = new GraphClient(PluginEnvironments.of(vertx, sandbox.baseUrl()),
        new RetryPolicy(new Random(1), Clock.systemUTC()), (millis, task) -> vertx.setTimer(1, id -> task.run()),
        GraphConcurrency.DEFAULT);
    graph = path -> client.send(sandbox.baseUrl() + "/v1.0", new GraphClient.Request(HttpMethod.GET,
        "/users/" + DemoSeed.USER + path, null, DemoSeed.USER, true), fresh -> Future.succeededFuture(app));
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    sandbox.close();
  }

  @Test
  void filesWithinTheBoundsArriveWithTheirContentReadyForTheSendActionInlineImagesWithTheirContentId()
      throws Exception {
    byte[] report = bytes(1024 * 1024, 3);
    NewMail mail = deliver("Report", "<p>See <img src=\"cid:logo\"></p>",
        file("report.pdf", report, false, "not-inline-id"), file("logo.png", bytes(300, 5), true, "logo"));

    NewMail prepared = attachments(AttachmentBounds.PER_ATTACHMENT, AttachmentBounds.PER_MAIL).prepare(graph, mail,
        CONTENT).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(prepared.attachments()).extracting(MailAttachment::name).containsExactly("report.pdf", "logo.png");
    MailAttachment file = prepared.attachments().get(0);
    assertThat(Base64.getDecoder().decode(file.contentBase64())).isEqualTo(report);
    assertThat(file.kind()).isEqualTo("file");
    assertThat(file.size()).isEqualTo(report.length);
    assertThat(file.contentId()).as("the send action reads a contentId as inline").isNull();
    assertThat(prepared.attachments().get(1).contentId()).isEqualTo("logo");
    assertThat(prepared.attachments().get(1).isInline()).isTrue();
    assertThat(prepared.attachmentsNote()).isNull();
  }

  @Test
  void pastTheBoundsAMailGetsMetadataAndANoteAndWhatIsOverIsNeverDownloaded() throws Exception {
    NewMail mail = deliver("Many", "", file("big.bin", bytes(1200, 1), false, null),
        file("a.txt", bytes(900, 2), false, null), file("b.txt", bytes(900, 3), false, null),
        file("c.txt", bytes(900, 4), false, null));

    NewMail prepared = attachments(1000, 2000).prepare(graph, mail, CONTENT)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(prepared.attachments()).extracting(MailAttachment::name)
        .containsExactly("big.bin", "a.txt", "b.txt", "c.txt");
    assertThat(prepared.attachments()).extracting(a -> a.contentBase64() != null)
        .containsExactly(false, true, true, false);
    assertThat(prepared.attachmentsNote()).isEqualTo("Content left out of the event: big.bin (1.2 KB), over 1,000 "
        + "bytes each; c.txt (900 bytes), past 2.0 KB for one mail's attachments.");
    assertThat(requests(SINGLE)).as("only the two kept were downloaded").isEqualTo(2);
  }

  @Test
  void aRunEventSmallerThanTheBoundsPerMailBoundsTheContent() throws Exception {
    NewMail mail = deliver("Room", "", file("a.bin", bytes(100_000, 1), false, null));
    long eventBytes = io.vertx.core.json.Json.encodeToBuffer(mail).length() + MailAttachments.METADATA_ROOM + 50_000;

    NewMail prepared = new MailAttachments(new AttachmentBounds(AttachmentBounds.PER_ATTACHMENT,
        AttachmentBounds.PER_MAIL, eventBytes)).prepare(graph, mail, CONTENT)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(prepared.attachments().get(0).contentBase64()).isNull();
    assertThat(prepared.attachmentsNote()).contains("a.bin (97.7 KB), past what this runtime's run events can hold");
    assertThat(requests(SINGLE)).isZero();
  }

  @Test
  void attachedItemsAndLinksAreMetadataAndTheNoteSaysWhy() throws Exception {
    NewMail mail = deliver("Items", "", new JsonObject().put("@odata.type", "#microsoft.graph.itemAttachment")
        .put("name", "Meeting").put("size", 2048), new JsonObject()
        .put("@odata.type", "#microsoft.graph.referenceAttachment").put("name", "Plan.docx").put("size", 512));

    NewMail prepared = attachments(AttachmentBounds.PER_ATTACHMENT, AttachmentBounds.PER_MAIL).prepare(graph, mail,
        CONTENT).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(prepared.attachments()).extracting(MailAttachment::kind).containsExactly("item", "reference");
    assertThat(prepared.attachments()).allMatch(a -> a.contentBase64() == null);
    assertThat(prepared.attachmentsNote()).isEqualTo("Content left out of the event: Meeting (an attached item), "
        + "Plan.docx (a link to a file), not files, which alone have content.");
    assertThat(requests(SINGLE)).isZero();
  }

  @Test
  void onlyWithAttachmentsCountsFilesNotInlineImagesAndAsksNothingOfAMailWithoutAttachments() throws Exception {
    NewMail plain = deliver("Plain", "");
    NewMail inlineOnly = deliver("Signature", "<img src=\"cid:logo\">", file("logo.png", bytes(10, 1), true, "logo"));
    NewMail withFile = deliver("File", "", file("a.pdf", bytes(10, 1), false, null));
    MailAttachments attachments = attachments(AttachmentBounds.PER_ATTACHMENT, AttachmentBounds.PER_MAIL);

    List<Boolean> admitted = new java.util.ArrayList<>();
    for (NewMail mail : List.of(plain, inlineOnly, withFile)) {
      NewMail prepared = attachments.prepare(graph, mail, FILTER).toCompletionStage().toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
      admitted.add(FILTER.admits(prepared));
      assertThat(prepared.attachments()).allMatch(a -> a.contentBase64() == null);
    }

    assertThat(admitted).containsExactly(false, false, true);
    assertThat(requests(LIST)).as("Graph's hasAttachments, false for the first two, spared their lists")
        .isEqualTo(1);
  }

  @Test
  void theImagesOfAMailWithOnlyInlineAttachmentsAreIncludedThoughGraphSaysItHasNone() throws Exception {
    byte[] logo = bytes(10, 1);
    NewMail inlineOnly = deliver("Signature", "<img src=\"cid:logo\">", file("logo.png", logo, true, "logo"));

    NewMail prepared = attachments(AttachmentBounds.PER_ATTACHMENT, AttachmentBounds.PER_MAIL).prepare(graph,
        inlineOnly, CONTENT).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(inlineOnly.hasAttachments()).isFalse();
    assertThat(prepared.attachments()).singleElement().satisfies(a -> {
      assertThat(a.contentId()).isEqualTo("logo");
      assertThat(Base64.getDecoder().decode(a.contentBase64())).isEqualTo(logo);
    });
  }

  @Test
  void eachFlowsEventKeepsWhatTheFlowAskedFor() throws Exception {
    NewMail mail = deliver("Shared", "", file("a.pdf", bytes(10, 1), false, null));
    List<AttachmentNeeds> flows = List.of(CONTENT, FILTER, AttachmentNeeds.NONE);
    NewMail prepared = attachments(AttachmentBounds.PER_ATTACHMENT, AttachmentBounds.PER_MAIL)
        .prepare(graph, mail, AttachmentNeeds.union(flows)).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);

    assertThat(CONTENT.shape(prepared).attachments().get(0).contentBase64()).isNotNull();
    assertThat(FILTER.shape(prepared).attachments()).singleElement()
        .satisfies(a -> assertThat(a.contentBase64()).isNull());
    assertThat(AttachmentNeeds.NONE.shape(prepared).attachments()).isEmpty();
    assertThat(AttachmentNeeds.NONE.admits(mail)).as("no filter, no attachments needed").isTrue();
  }

  @Test
  void anAttachmentDeletedMeanwhileIsNotedNotAFailure() throws Exception {
    NewMail mail = deliver("Gone", "", file("a.pdf", bytes(10, 1), false, null));
    fault("/v1.0/users/*/messages/*/attachments/*", new JsonObject().put("type", "status").put("status", 404), 1);

    NewMail prepared = attachments(AttachmentBounds.PER_ATTACHMENT, AttachmentBounds.PER_MAIL).prepare(graph, mail,
        CONTENT).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(prepared.attachments()).singleElement().satisfies(a -> assertThat(a.contentBase64()).isNull());
    assertThat(prepared.attachmentsNote()).isEqualTo("Content left out of the event: a.pdf, deleted from the mail "
        + "before being read.");
  }

  @Test
  void aTransientFailureThatOutlastsTheRetriesFailsThePreparationSoThatTheRoundIsTriedAgain() throws Exception {
    NewMail mail = deliver("Busy", "", file("a.pdf", bytes(10, 1), false, null));
    fault("/v1.0/users/*/messages/*/attachments/*", new JsonObject().put("type", "status").put("status", 503), 50);

    Future<NewMail> prepared = attachments(AttachmentBounds.PER_ATTACHMENT, AttachmentBounds.PER_MAIL)
        .prepare(graph, mail, CONTENT);

    assertThatThrownBy(() -> prepared.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(GraphException.class)
        .satisfies(e -> assertThat(((GraphException) e).status()).isEqualTo(503));
  }

  private MailAttachments attachments(long perAttachment, long perMail) {
    return new MailAttachments(new AttachmentBounds(perAttachment, perMail, 32L * 1024 * 1024));
  }

  /** Delivers a mail to the Inbox and answers its event as the watcher makes it, from Graph's answer. */
  private NewMail deliver(String subject, String html, JsonObject... attachments) throws Exception {
    JsonObject given = MailUsers.mail(subject, DemoSeed.USER)
        .put("body", new JsonObject().put("contentType", "html").put("content", html))
        .put("attachments", new JsonArray(List.of((Object[]) attachments)));
    String id = sandbox.control("/mailboxes/" + DemoSeed.USER + "/folders/inbox/messages", given).json()
        .getString("id");
    JsonObject message = graph.apply("/messages/" + id + "?$select=" + NewMail.SELECT).toCompletionStage()
        .toCompletableFuture().get(30, TimeUnit.SECONDS);
    sandbox.send("DELETE", "/_sandbox/counters", null, null);
    return NewMail.of(message, DemoSeed.USER, INBOX);
  }

  private static JsonObject file(String name, byte[] content, boolean inline, String contentId) {
    return new JsonObject().put("@odata.type", "#microsoft.graph.fileAttachment").put("name", name)
        .put("contentType", "application/octet-stream").put("isInline", inline).put("contentId", contentId)
        .put("contentBytes", Base64.getEncoder().encodeToString(content));
  }

  private static byte[] bytes(int length, int seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private void fault(String path, JsonObject fault, int times) throws Exception {
    sandbox.control("/faults", new JsonObject().put("method", "GET").put("path", path).put("times", times)
        .put("fault", fault));
  }

  private long requests(String path) throws Exception {
    JsonArray rows = sandbox.get("/_sandbox/counters?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8), null).json().getJsonArray("requests");
    return rows.stream().mapToLong(row -> ((JsonObject) row).getLong("count")).sum();
  }
}
