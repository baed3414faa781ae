package dev.outlookflow.outlook.mail.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outlookflow.outlook.connection.Cloud;
import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The draft Graph gets for a step's properties, and the rules its schema cannot say. */
class OutgoingMailTest {
  private static JsonObject properties() {
    return new JsonObject()
        .put("to", new JsonArray().add("Megan Bowen <megan@contoso.com>").add("\"Lee, Gu\" <lee@contoso.com>"))
        .put("cc", new JsonArray().add(" sales@contoso.com "))
        .put("subject", "Hello").put("bodyType", "text").put("body", "Hi")
        .put("importance", "high").put("readReceipt", true)
        .put("headers", new JsonObject().put("x-ticket", "42"));
  }

  @Test
  void theDraftCarriesEveryFieldAndTheIdempotencyKey() {
    JsonObject draft = OutgoingMail.of(properties()).draft(null, "run-1:mail");

    assertThat(draft.getJsonArray("toRecipients")).containsExactly(
        new JsonObject().put("emailAddress", new JsonObject().put("address", "megan@contoso.com").put("name", "Megan Bowen")),
        new JsonObject().put("emailAddress", new JsonObject().put("address", "lee@contoso.com").put("name", "Lee, Gu")));
    assertThat(draft.getJsonArray("ccRecipients").getJsonObject(0).getJsonObject("emailAddress"))
        .isEqualTo(new JsonObject().put("address", "sales@contoso.com"));
    assertThat(draft.getJsonObject("body")).isEqualTo(new JsonObject().put("contentType", "Text").put("content", "Hi"));
    assertThat(draft.getString("importance")).isEqualTo("high");
    assertThat(draft.getBoolean("isReadReceiptRequested")).isTrue();
    assertThat(draft.getJsonArray("internetMessageHeaders")).containsExactly(
        new JsonObject().put("name", "x-ticket").put("value", "42"));
    assertThat(draft.getJsonArray("singleValueExtendedProperties")).containsExactly(
        new JsonObject().put("id", OutgoingMail.KEY_PROPERTY).put("value", "run-1:mail"));
    assertThat(draft.containsKey("from")).isFalse();
    assertThat(OutgoingMail.of(properties()).draft("sales@contoso.com", "k").getJsonObject("from"))
        .isEqualTo(new JsonObject().put("emailAddress", new JsonObject().put("address", "sales@contoso.com")));
  }

  @Test
  void attachmentsFromThreeMegabytesNeedAnUploadSession() {
    String small = java.util.Base64.getEncoder().encodeToString(new byte[OutgoingAttachment.UPLOAD_SESSION_BYTES - 1]);
    String large = java.util.Base64.getEncoder().encodeToString(new byte[OutgoingAttachment.UPLOAD_SESSION_BYTES]);
    OutgoingMail mail = OutgoingMail.of(properties().put("bodyType", "html").put("attachments", new JsonArray()
        .add(new JsonObject().put("name", "small").put("contentBase64", small))
        .add(new JsonObject().put("name", "large").put("contentBase64", large).put("contentId", "logo"))));

    assertThat(mail.attachments().get(0).needsUploadSession()).isFalse();
    assertThat(mail.attachments().get(1).needsUploadSession()).isTrue();
    assertThat(mail.attachments().get(1).attachmentItem().getJsonObject("AttachmentItem"))
        .isEqualTo(new JsonObject().put("attachmentType", "file").put("name", "large")
            .put("size", OutgoingAttachment.UPLOAD_SESSION_BYTES).put("contentType", "application/octet-stream")
            .put("isInline", true).put("contentId", "logo"));
    assertThat(mail.size()).isEqualTo(2L + 2L * OutgoingAttachment.UPLOAD_SESSION_BYTES - 1);
  }

  @Test
  void inTheUsGovernmentCloudsAMailNeedingAnUploadSessionFailsAtOnceSayingWhy() {
    String large = java.util.Base64.getEncoder().encodeToString(new byte[OutgoingAttachment.UPLOAD_SESSION_BYTES]);
    OutgoingMail mail = OutgoingMail.of(properties().put("attachments", new JsonArray()
        .add(new JsonObject().put("name", "plans.pdf").put("contentBase64", large))));

    SendEmailAction.checkUploadSessions(mail, Cloud.GLOBAL);
    SendEmailAction.checkUploadSessions(mail, Cloud.CHINA);
    assertThatThrownBy(() -> SendEmailAction.checkUploadSessions(mail, Cloud.US_GOV_GCC_HIGH))
        .isInstanceOf(ExtensionException.class)
        .hasMessage("Attachment 1 (plans.pdf) is 3.0 MB; files of 3 MB and more need Graph's upload sessions, which "
            + "US Government GCC High does not offer: share the file as a link, or send files under 3 MB.");
    assertThatThrownBy(() -> SendEmailAction.checkUploadSessions(mail, Cloud.US_GOV_DOD))
        .hasMessageContaining("US Government DoD does not offer");
  }

  @Test
  void aDraftOverGraphsFourMegabyteRequestFailsBeforeAnyCallAndItsBytesCountNotItsCharacters() {
    String accented = "é".repeat(2 * 1024 * 1024);
    OutgoingMail withinCharactersOverBytes = OutgoingMail.of(properties().put("body", accented));

    assertThatThrownBy(() -> SendEmailAction.checkDraftSize(withinCharactersOverBytes))
        .isInstanceOf(ExtensionException.class)
        .hasMessageStartingWith("The mail's subject, body, recipients and headers come to 4,19")
        .hasMessageEndingWith("bytes, over the 4,194,304 Graph accepts in one request: shorten the body "
            + "(attachments do not count: each is sent on its own).");
    SendEmailAction.checkDraftSize(OutgoingMail.of(properties().put("body", "é".repeat(1024 * 1024))));
  }

  @Test
  void contentThatIsNotBase64IsNamedByItsField() {
    assertThatThrownBy(() -> OutgoingMail.of(properties().put("attachments", new JsonArray()
        .add(new JsonObject().put("name", "x").put("contentBase64", "not base64!")))))
        .isInstanceOf(ExtensionException.class)
        .hasMessageStartingWith("'attachments[0].contentBase64' is not base64");
  }

  @Test
  void rulesSkipFieldsStillHoldingExpressions() {
    assertThat(SendRules.check(new JsonObject().put("to", "{{trigger.recipients}}"))).isEmpty();
    assertThat(SendRules.check(new JsonObject().put("to", new JsonArray())))
        .containsExactly(new FieldError("to", "name at least one recipient in To, Cc or Bcc"));
    assertThat(SendRules.check(new JsonObject().put("bcc", new JsonArray().add("a@b.c"))
        .put("headers", new JsonObject().put("X-Fine", "1").put("Priority", "2"))))
        .extracting(FieldError::field).containsExactly("headers.Priority");
  }
}
