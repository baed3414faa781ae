package dev.outlookflow.runtime.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.OutlookRuntime;
import dev.outlookflow.runtime.support.OutlookRuntimePerTest;
import dev.outlookflow.runtime.support.OutlookTenant;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Send an email" through the runtime's API against the sandbox tenant: what arrives, where, and how it fails. */
class SendEmailIT {
  private static final String SEND = "outlook/send-email";
  private static final String EXTERNAL = "friend@example.com";
  private static final String HIDDEN = "auditor@example.org";

  @RegisterExtension final OutlookRuntimePerTest outlook = new OutlookRuntimePerTest();
  private OutlookRuntime runtime;
  private OutlookTenant tenant;

  @BeforeEach
  void bind() {
    runtime = outlook.runtime();
    tenant = runtime.tenant();
  }

  private static JsonObject attachment(String name, String contentType, byte[] content) {
    return new JsonObject().put("name", name).put("contentType", contentType)
        .put("contentBase64", Base64.getEncoder().encodeToString(content));
  }

  private static byte[] bytes(int size, long seed) {
    byte[] content = new byte[size];
    new Random(seed).nextBytes(content);
    return content;
  }

  private static String sha256(String base64) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(base64)));
  }

  private static String address(JsonObject recipient) {
    return recipient.getJsonObject("emailAddress").getString("address");
  }

  private static JsonObject mailTo(String connection, String subject, String... to) {
    return new JsonObject().put("connection", connection).put("subject", subject)
        .put("to", new JsonArray(List.of((Object[]) to))).put("body", "<p>" + subject + "</p>");
  }

  @Test
  void aMailWithEveryFieldArrivesExactlyAsSentAndOnlyOnce() throws Exception {
    String connection = tenant.appOnlyConnection(DemoSeed.USER);
    byte[] logo = bytes(2_000, 1);
    byte[] report = bytes(150_000, 2);
    JsonObject properties = new JsonObject().put("connection", connection)
        .put("to", new JsonArray().add("Megan Bowen <" + DemoSeed.ADMIN + ">").add(EXTERNAL))
        .put("cc", new JsonArray().add(DemoSeed.SHARED))
        .put("bcc", new JsonArray().add(HIDDEN))
        .put("replyTo", new JsonArray().add("Help desk <" + DemoSeed.SUPPORT + ">"))
        .put("subject", "Report for {{trigger.quarter}}")
        .put("bodyType", "html")
        .put("body", "<p>Numbers for {{trigger.quarter}}</p><img src=\"cid:logo\">")
        .put("importance", "high")
        .put("readReceipt", true)
        .put("deliveryReceipt", true)
        .put("headers", new JsonObject().put("x-ticket-id", "T-{{trigger.ticket}}"))
        .put("attachments", new JsonArray()
            .add(attachment("logo.png", "image/png", logo).put("contentId", "logo"))
            .add(attachment("report.pdf", "application/pdf", report))
            .add(attachment("notes.txt", "text/plain", "plain notes".getBytes(StandardCharsets.UTF_8))));

    JsonObject run = runtime.runStep(SEND, properties, new JsonObject().put("quarter", "Q3").put("ticket", 42));

    assertThat(run.getString("status")).as(run.encodePrettily()).isEqualTo("succeeded");
    JsonObject output = OutlookRuntime.output(run);
    List<JsonObject> inMegansInbox = tenant.withSubject(DemoSeed.ADMIN, "inbox", "Report for Q3");
    List<JsonObject> inSalesInbox = tenant.withSubject(DemoSeed.SHARED, "inbox", "Report for Q3");
    List<JsonObject> sentCopies = tenant.withSubject(DemoSeed.USER, "sentitems", "Report for Q3");
    assertThat(inMegansInbox).hasSize(1);
    assertThat(inSalesInbox).hasSize(1);
    assertThat(sentCopies).hasSize(1);
    assertThat(tenant.folder(DemoSeed.USER, "drafts")).as("no draft left behind").isEmpty();
    for (JsonObject received : List.of(inMegansInbox.get(0), inSalesInbox.get(0))) {
      assertThat(address(received.getJsonObject("from"))).isEqualTo(DemoSeed.USER);
      assertThat(address(received.getJsonObject("sender"))).isEqualTo(DemoSeed.USER);
      assertThat(received.getJsonArray("toRecipients").getJsonObject(0).getJsonObject("emailAddress"))
          .isEqualTo(new JsonObject().put("address", DemoSeed.ADMIN).put("name", "Megan Bowen"));
      assertThat(address(received.getJsonArray("toRecipients").getJsonObject(1))).isEqualTo(EXTERNAL);
      assertThat(address(received.getJsonArray("ccRecipients").getJsonObject(0))).isEqualTo(DemoSeed.SHARED);
      assertThat(received.getJsonArray("bccRecipients")).as("recipients never see Bcc").isEmpty();
      assertThat(received.getJsonArray("replyTo").getJsonObject(0).getJsonObject("emailAddress"))
          .isEqualTo(new JsonObject().put("address", DemoSeed.SUPPORT).put("name", "Help desk"));
      assertThat(received.getJsonObject("body")).isEqualTo(new JsonObject().put("contentType", "html")
          .put("content", "<p>Numbers for Q3</p><img src=\"cid:logo\">"));
      assertThat(received.getString("importance")).isEqualTo("high");
      assertThat(received.getBoolean("isReadReceiptRequested")).isTrue();
      assertThat(received.getBoolean("isDeliveryReceiptRequested")).isTrue();
      assertThat(received.getJsonArray("internetMessageHeaders")).containsExactly(
          new JsonObject().put("name", "x-ticket-id").put("value", "T-42"));
      assertThat(received.getString("internetMessageId")).isEqualTo(output.getString("internetMessageId"));
      JsonArray attachments = received.getJsonArray("attachments");
      assertThat(attachments).hasSize(3);
      JsonObject inline = attachments.getJsonObject(0);
      assertThat(inline.getString("name")).isEqualTo("logo.png");
      assertThat(inline.getBoolean("isInline")).isTrue();
      assertThat(inline.getString("contentId")).isEqualTo("logo");
      assertThat(inline.getString("contentType")).isEqualTo("image/png");
      assertThat(Base64.getDecoder().decode(inline.getString("contentBytes"))).isEqualTo(logo);
      assertThat(attachments.getJsonObject(1).getString("name")).isEqualTo("report.pdf");
      assertThat(attachments.getJsonObject(1).getInteger("size")).isEqualTo(report.length);
      assertThat(Base64.getDecoder().decode(attachments.getJsonObject(1).getString("contentBytes"))).isEqualTo(report);
      assertThat(attachments.getJsonObject(2).getBoolean("isInline")).isFalse();
    }
    assertThat(sentCopies.get(0).getJsonArray("bccRecipients").getJsonObject(0).getJsonObject("emailAddress")
        .getString("address")).as("the sender's copy keeps Bcc").isEqualTo(HIDDEN);
    assertThat(sentCopies.get(0).getString("id")).isEqualTo(output.getString("messageId"));
    assertThat(tenant.outbox().stream().map(JsonObject.class::cast)
        .filter(m -> "Report for Q3".equals(m.getString("subject"))).map(m -> m.getString("deliveredTo")))
        .containsExactlyInAnyOrder(EXTERNAL, HIDDEN);
    assertThat(output.getString("from")).isEqualTo(DemoSeed.USER);
    assertThat(output.getString("sender")).isEqualTo(DemoSeed.USER);
    assertThat(output.getJsonArray("to")).containsExactly(DemoSeed.ADMIN, EXTERNAL);
    assertThat(output.getJsonArray("bcc")).containsExactly(HIDDEN);
    assertThat(output.getString("subject")).isEqualTo("Report for Q3");
    assertThat(output.getInteger("attachmentCount")).isEqualTo(3);
    assertThat(output.getLong("size")).isGreaterThan(report.length + logo.length);
    assertThat(output.getString("sentItemsMailbox")).isEqualTo(DemoSeed.USER);
  }

  @Test
  void aMailWithoutRecipientsOrWithABadHeaderIsRefusedWhenTheFlowIsSaved() {
    String connection = tenant.appOnlyConnection(DemoSeed.USER);
    ApiClient api = runtime.api();

    ApiClient.Answer refused = api.post("/api/v1/flows", Runs.oneStepFlow("Bad mail", "mail", SEND,
        new JsonObject().put("connection", connection).put("subject", "Nobody")
            .put("headers", new JsonObject().put("ticket", "1"))
            .put("attachments", new JsonArray().add(new JsonObject().put("name", "a.png").put("contentBase64", "AA==")
                .put("contentId", "a"))).put("bodyType", "text")));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().getJsonArray("fields").stream().map(f -> ((JsonObject) f).getString("field"))
        .map(field -> field.substring(field.indexOf("properties.") + "properties.".length())))
        .containsExactlyInAnyOrder("to", "headers.ticket", "attachments[0].contentId");
    assertThat(api.post("/api/v1/flows", Runs.oneStepFlow("Bound later", "mail", SEND, new JsonObject()
        .put("connection", connection).put("to", "{{trigger.recipients}}"))).status())
        .as("recipients bound to the trigger are checked when the step runs").isEqualTo(201);
  }

  @Test
  void withoutACopyInSentItemsTheSentCopyIsRemovedOnceSent() {
    String connection = tenant.appOnlyConnection(DemoSeed.USER);
    JsonObject run = runtime.runStep(SEND, mailTo(connection, "No copy", DemoSeed.ADMIN)
        .put("saveToSentItems", false), new JsonObject());

    assertThat(run.getString("status")).as(run.encodePrettily()).isEqualTo("succeeded");
    assertThat(tenant.withSubject(DemoSeed.ADMIN, "inbox", "No copy")).hasSize(1);
    assertThat(tenant.withSubject(DemoSeed.USER, "sentitems", "No copy")).isEmpty();
    assertThat(tenant.folder(DemoSeed.USER, "deleteditems")).isEmpty();
    assertThat(OutlookRuntime.output(run).getString("sentItemsMailbox")).isNull();
  }

  @Test
  void onceSentAFailureToTidyUpDoesNotFailTheStepWhichWouldInviteASecondMail() {
    String connection = tenant.appOnlyConnection(DemoSeed.USER);
    tenant.fault(new JsonObject().put("method", "POST").put("path", "/v1.0/users/*/messages/*/permanentDelete")
        .put("times", 1).put("fault", new JsonObject().put("type", "status").put("status", 507)));

    JsonObject run = runtime.runStep(SEND, mailTo(connection, "Sent anyway", DemoSeed.ADMIN)
        .put("saveToSentItems", false), new JsonObject());

    assertThat(run.getString("status")).as(run.encodePrettily()).isEqualTo("succeeded");
    assertThat(tenant.withSubject(DemoSeed.ADMIN, "inbox", "Sent anyway")).hasSize(1);
    assertThat(tenant.withSubject(DemoSeed.USER, "sentitems", "Sent anyway")).as("the copy could not go").hasSize(1);
    assertThat(tenant.firedFaults()).isEqualTo(1);
  }

  @Nested
  class Refusals {
    private JsonObject failed(String connection, JsonObject properties) {
      JsonObject run = runtime.runStep(SEND, properties.put("connection", connection), new JsonObject());
      assertThat(run.getString("status")).as(run.encodePrettily()).isEqualTo("failed");
      return OutlookRuntime.error(run);
    }

    @Test
    void anUnresolvableRecipientIsNamedAndTheDraftRemoved() {
      String connection = tenant.appOnlyConnection(DemoSeed.USER);
      JsonObject error = failed(connection, mailTo(connection, "Nowhere", "someone@localhost"));
      assertThat(error.getString("code")).isEqualTo("invalid_recipients");
      assertThat(error.getString("message")).startsWith("Microsoft 365 refused a recipient (")
          .contains("'someone@localhost'").endsWith("): check To, Cc, Bcc and Reply to.");
      assertThat(tenant.folder(DemoSeed.USER, "drafts")).isEmpty();
    }

    @Test
    void aMailboxWithoutExchangeOnlineIsExplained() {
      String connection = tenant.appOnlyConnection(DemoSeed.UNLICENSED);
      JsonObject error = failed(connection, mailTo(connection, "Unlicensed", DemoSeed.ADMIN));
      assertThat(error.getString("code")).isEqualTo("mailbox_not_enabled");
      assertThat(error.getString("message")).isEqualTo("Microsoft Graph cannot reach a mailbox for " + DemoSeed.UNLICENSED
          + " (MailboxNotEnabledForRESTAPI: \"The mailbox is either inactive, soft-deleted, or is hosted on-premise.\"). "
          + "An admin checks in the Microsoft 365 admin center that the user has an Exchange Online license (without "
          + "one there is no mailbox), that the mailbox is not inactive or soft-deleted, and that it is hosted in "
          + "Exchange Online, not on-premises.");
    }

    @Test
    void draftingInASharedMailboxWithoutFullAccessNamesTheRight() throws Exception {
      String connection = tenant.signedInConnection(DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD, new JsonObject());
      JsonObject error = failed(connection, mailTo(connection, "No access", DemoSeed.USER).put("from", DemoSeed.SHARED));
      assertThat(error.getString("code")).isEqualTo("access_denied");
      assertThat(error.getString("message")).isEqualTo("Access to " + DemoSeed.SHARED + " was denied. " + DemoSeed.ADMIN
          + " needs Full Access to " + DemoSeed.SHARED + " (an Exchange admin grants it under Recipients > Mailboxes "
          + "> Delegation), and the connection's sign-in must include Mail.ReadWrite.Shared and Mail.Send.Shared.");
    }

    @Test
    void aRevokedSignInAsksForANewOneAndMarksTheConnection() throws Exception {
      String connection = tenant.signedInConnection(DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD, new JsonObject());
      tenant.control("/tenants/" + DemoSeed.TENANT_ID + "/users/" + DemoSeed.ADMIN + "/revokeSessions", null);

      JsonObject error = failed(connection, mailTo(connection, "Revoked", DemoSeed.USER));

      assertThat(error.getString("code")).isEqualTo("needs_reconnect");
      assertThat(error.getString("message")).isEqualTo("Your sign-in was revoked or has expired (AADSTS50173): sign "
          + "in again.");
      assertThat(runtime.api().get("/api/v1/connections/" + connection).json().getString("status"))
          .isEqualTo("needs_reconnect");
      assertThat(tenant.withSubject(DemoSeed.USER, "inbox", "Revoked")).isEmpty();
    }
  }

  @Nested
  class LargeAttachments {
    private static final int TWENTY_MB = 20 * 1024 * 1024;
    private static final Duration BIG_STEP = Duration.ofMinutes(3);

    @Test
    void aTwentyMegabyteFileGoesThroughAnUploadSessionThatResumesAfterALostChunkAnswer() throws Exception {
      String connection = tenant.appOnlyConnection(DemoSeed.USER);
      String content = Base64.getEncoder().encodeToString(bytes(TWENTY_MB, 3));
      // The first chunk is stored but its answer is lost: re-sending it would overlap, so the upload must ask.
      tenant.fault(new JsonObject().put("method", "PUT").put("path", "/_upload/*").put("times", 1)
          .put("fault", new JsonObject().put("type", "dropAfter")));

      JsonObject run = runtime.runStep(SEND, mailTo(connection, "Big file", DemoSeed.ADMIN)
          .put("attachments", new JsonArray().add(new JsonObject().put("name", "big.bin")
              .put("contentBase64", "{{trigger.file}}"))), new JsonObject().put("file", content), BIG_STEP);

      assertThat(run.getString("status")).as(run.encodePrettily()).isEqualTo("succeeded");
      List<JsonObject> received = tenant.withSubject(DemoSeed.ADMIN, "inbox", "Big file");
      assertThat(received).hasSize(1);
      JsonObject file = received.get(0).getJsonArray("attachments").getJsonObject(0);
      assertThat(file.getInteger("size")).isEqualTo(TWENTY_MB);
      assertThat(sha256(file.getString("contentBytes"))).isEqualTo(sha256(content));
      assertThat(tenant.withSubject(DemoSeed.USER, "sentitems", "Big file")).hasSize(1);
      assertThat(run.encode()).as("the pre-authenticated upload URL is a secret").doesNotContain("/_upload/")
          .doesNotContain("authtoken");
    }

    @Test
    void aSmallMailTheTenantsLimitRefusesGivesItsRealSize() {
      String connection = tenant.appOnlyConnection(DemoSeed.USER);
      tenant.fault(new JsonObject().put("method", "POST").put("path", "/v1.0/users/*/messages/*/send").put("times", 1)
          .put("fault", new JsonObject().put("type", "status").put("status", 400).put("body", new JsonObject()
              .put("error", new JsonObject().put("code", "ErrorMessageSizeExceeded")
                  .put("message", "The message exceeds the maximum supported size.")))));

      JsonObject run = runtime.runStep(SEND, mailTo(connection, "Small", DemoSeed.ADMIN).put("body", "x".repeat(2048)),
          new JsonObject());

      assertThat(run.getString("status")).isEqualTo("failed");
      assertThat(OutlookRuntime.error(run).getString("code")).isEqualTo("message_too_large");
      assertThat(OutlookRuntime.error(run).getString("message")).contains("The mail's body and attachments come to "
          + "2.0 KB,").doesNotContain("0.0 MB");
    }

    @Test
    void aFortyMegabyteMailFailsWithTheSizeSentenceAndLeavesNoDraft() {
      String connection = tenant.appOnlyConnection(DemoSeed.USER);
      JsonObject half = new JsonObject().put("name", "half.bin").put("contentBase64", "{{trigger.file}}");

      JsonObject run = runtime.runStep(SEND, mailTo(connection, "Too big", DemoSeed.ADMIN)
              .put("attachments", new JsonArray().add(half).add(half.copy().put("name", "other-half.bin"))),
          new JsonObject().put("file", Base64.getEncoder().encodeToString(bytes(TWENTY_MB, 4))), BIG_STEP);

      assertThat(run.getString("status")).isEqualTo("failed");
      assertThat(OutlookRuntime.error(run).getString("code")).isEqualTo("message_too_large");
      assertThat(OutlookRuntime.error(run).getString("message")).startsWith("Microsoft 365 refused the mail as larger "
          + "than " + DemoSeed.USER + " may send (ErrorMessageSizeExceeded): the limit set for the mailbox or the "
          + "organisation was exceeded (35 MB unless an Exchange admin changed it). The mail's body and attachments "
          + "come to 40.0 MB");
      assertThat(tenant.withSubject(DemoSeed.ADMIN, "inbox", "Too big")).isEmpty();
      assertThat(tenant.folder(DemoSeed.USER, "drafts")).isEmpty();
    }
  }

  @Nested
  class SharedMailboxes {
    @Test
    void asTheMailboxTheSharedMailboxIsFromAndSenderAndKeepsTheCopy() throws Exception {
      String connection = tenant.signedInConnection(DemoSeed.USER, DemoSeed.USER_PASSWORD, new JsonObject());

      JsonObject run = runtime.runStep(SEND, mailTo(connection, "From sales", DemoSeed.ADMIN)
          .put("from", DemoSeed.SHARED).put("sendMode", "as_mailbox"), new JsonObject());

      assertThat(run.getString("status")).as(run.encodePrettily()).isEqualTo("succeeded");
      JsonObject received = tenant.withSubject(DemoSeed.ADMIN, "inbox", "From sales").get(0);
      assertThat(address(received.getJsonObject("from"))).isEqualTo(DemoSeed.SHARED);
      assertThat(address(received.getJsonObject("sender"))).isEqualTo(DemoSeed.SHARED);
      assertThat(tenant.withSubject(DemoSeed.SHARED, "sentitems", "From sales")).hasSize(1);
      assertThat(tenant.withSubject(DemoSeed.USER, "sentitems", "From sales")).isEmpty();
      assertThat(OutlookRuntime.output(run).getString("sentItemsMailbox")).isEqualTo(DemoSeed.SHARED);
    }

    @Test
    void onBehalfTheUserIsSenderAndKeepsTheCopy() throws Exception {
      String connection = tenant.signedInConnection(DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD, new JsonObject());

      JsonObject run = runtime.runStep(SEND, mailTo(connection, "On behalf of sales", DemoSeed.USER)
          .put("from", DemoSeed.SHARED).put("sendMode", "on_behalf"), new JsonObject());

      assertThat(run.getString("status")).as(run.encodePrettily()).isEqualTo("succeeded");
      JsonObject received = tenant.withSubject(DemoSeed.USER, "inbox", "On behalf of sales").get(0);
      assertThat(address(received.getJsonObject("from"))).isEqualTo(DemoSeed.SHARED);
      assertThat(address(received.getJsonObject("sender"))).isEqualTo(DemoSeed.ADMIN);
      assertThat(tenant.withSubject(DemoSeed.ADMIN, "sentitems", "On behalf of sales")).hasSize(1);
      assertThat(tenant.withSubject(DemoSeed.SHARED, "sentitems", "On behalf of sales")).isEmpty();
      JsonObject output = OutlookRuntime.output(run);
      assertThat(output.getString("from")).isEqualTo(DemoSeed.SHARED);
      assertThat(output.getString("sender")).isEqualTo(DemoSeed.ADMIN);
    }

    @Test
    void aUserWithoutSendAsIsToldWhichRightAnAdminMustGrantOnWhichMailbox() throws Exception {
      String connection = tenant.signedInConnection(DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD, new JsonObject());

      JsonObject run = runtime.runStep(SEND, mailTo(connection, "Pretending", DemoSeed.USER)
          .put("from", DemoSeed.SUPPORT), new JsonObject());

      assertThat(run.getString("status")).isEqualTo("failed");
      JsonObject error = OutlookRuntime.error(run);
      assertThat(error.getString("code")).isEqualTo("send_as_denied");
      assertThat(error.getString("message")).as("the draft was created there: Full Access is proven")
          .isEqualTo(DemoSeed.ADMIN + " may not send as " + DemoSeed.SUPPORT
          + ": an Exchange admin must grant " + DemoSeed.ADMIN + " 'Send As' on " + DemoSeed.SUPPORT
          + " (Exchange admin center > Recipients > Mailboxes > " + DemoSeed.SUPPORT + " > Delegation), or choose "
          + "'on behalf' if " + DemoSeed.ADMIN + " has 'Send on Behalf'.");
      assertThat(error.getString("upstreamRequestId")).isNotBlank();
      assertThat(tenant.folder(DemoSeed.SUPPORT, "drafts")).as("the refused draft is not left behind").isEmpty();
      assertThat(tenant.withSubject(DemoSeed.USER, "inbox", "Pretending")).isEmpty();
    }

    @Test
    void sharedMailboxesOnlyRefusesTheOwnMailboxBeforeAnyGraphCall() throws Exception {
      String connection = tenant.signedInConnection(DemoSeed.USER, DemoSeed.USER_PASSWORD, new JsonObject()
          .put("sharedMailboxesOnly", true).put("mailbox", DemoSeed.SHARED));
      // Any Graph request would spend this fault: it must still be there afterwards.
      tenant.fault(new JsonObject().put("path", "/v1.0/**").put("times", 1)
          .put("fault", new JsonObject().put("type", "status").put("status", 500)));

      JsonObject fromOwn = runtime.runStep(SEND, mailTo(connection, "Mine", DemoSeed.ADMIN)
          .put("from", DemoSeed.USER), new JsonObject());
      JsonObject onBehalf = runtime.runStep(SEND, mailTo(connection, "Behalf", DemoSeed.ADMIN)
          .put("from", DemoSeed.SUPPORT).put("sendMode", "on_behalf"), new JsonObject());

      assertThat(OutlookRuntime.error(fromOwn).getString("code")).isEqualTo("own_mailbox_not_allowed");
      assertThat(OutlookRuntime.error(fromOwn).getString("message")).isEqualTo("'from': this connection may use "
          + "shared mailboxes only, and " + DemoSeed.USER + " is the signed-in user's own mailbox. Name a shared "
          + "mailbox instead.");
      assertThat(OutlookRuntime.error(onBehalf).getString("code")).isEqualTo("own_mailbox_not_allowed");
      assertThat(tenant.activeFaults()).as("the sandbox saw no Graph request").isEqualTo(1);
    }

    @Test
    void anAppOnlyConnectionIsFencedToItsMailboxes() {
      String connection = tenant.appOnlyConnection(DemoSeed.USER);
      tenant.fault(new JsonObject().put("path", "/v1.0/**").put("times", 1)
          .put("fault", new JsonObject().put("type", "status").put("status", 500)));

      JsonObject run = runtime.runStep(SEND, mailTo(connection, "Fenced", DemoSeed.ADMIN)
          .put("from", DemoSeed.SHARED), new JsonObject());

      assertThat(OutlookRuntime.error(run).getString("code")).isEqualTo("mailbox_not_allowed");
      assertThat(OutlookRuntime.error(run).getString("message")).isEqualTo("'from': this app-only connection may use "
          + "only " + DemoSeed.USER + ", not " + DemoSeed.SHARED + ". Pick one of those, or have an admin add "
          + DemoSeed.SHARED + " to 'Other mailboxes this connection may use' on the connection.");
      assertThat(tenant.activeFaults()).isEqualTo(1);
    }
  }
}
