package dev.outlookflow.outlook.mail.send;

import static dev.outlookflow.outlook.PanelValues.bind;
import static dev.outlookflow.outlook.PanelValues.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.outlook.settings.Cloud;
import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The draft Graph gets for a step's properties, and the rules its schema cannot say. */
class OutgoingMailTest {
  private static ObjectNode properties() {
    return values("{to: ['Megan Bowen <megan@contoso.com>', '\"Lee, Gu\" <lee@contoso.com>'], "
        + "cc: [' sales@contoso.com '], subject: 'Hello', bodyType: 'text', body: 'Hi', importance: 'high', "
        + "readReceipt: true, headers: {'x-ticket': '42'}}");
  }

  private static OutgoingMail mail(ObjectNode values) {
    return OutgoingMail.of(bind(SendEmailProperties.class, values));
  }

  @Test
  void theDraftCarriesEveryFieldAndTheIdempotencyKey() {
    JsonObject draft = mail(properties()).draft(null, "run-1:mail");

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
    assertThat(mail(properties()).draft("sales@contoso.com", "k").getJsonObject("from"))
        .isEqualTo(new JsonObject().put("emailAddress", new JsonObject().put("address", "sales@contoso.com")));
  }

  @Test
  void whatThePanelLeftEmptyTakesTheFormsDefaults() {
    OutgoingMail mail = mail(values("{to: ['megan@contoso.com']}"));
    JsonObject draft = mail.draft(null, "k");

    assertThat(draft.getString("subject")).isEmpty();
    assertThat(draft.getJsonObject("body")).isEqualTo(new JsonObject().put("contentType", "HTML").put("content", ""));
    assertThat(draft.getString("importance")).isEqualTo("normal");
    assertThat(draft.getBoolean("isReadReceiptRequested")).isFalse();
    assertThat(draft.getBoolean("isDeliveryReceiptRequested")).isFalse();
    assertThat(draft.getJsonArray("ccRecipients")).isEmpty();
    assertThat(draft.containsKey("internetMessageHeaders")).isFalse();
    assertThat(mail.sendMode()).isEqualTo(SendMode.AS_MAILBOX);
    assertThat(mail.saveToSentItems()).isTrue();
    assertThat(mail.from()).isNull();
  }

  @Test
  void attachmentsFromThreeMegabytesNeedAnUploadSession() {
    String small = Base64.getEncoder().encodeToString(new byte[OutgoingAttachment.UPLOAD_SESSION_BYTES - 1]);
    String large = Base64.getEncoder().encodeToString(new byte[OutgoingAttachment.UPLOAD_SESSION_BYTES]);
    ObjectNode values = properties().put("bodyType", "html");
    ArrayNode attachments = values.putArray("attachments");
    attachments.addObject().put("name", "small").put("contentBase64", small);
    attachments.addObject().put("name", "large").put("contentBase64", large).put("contentId", "logo");
    OutgoingMail mail = mail(values);

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
    String large = Base64.getEncoder().encodeToString(new byte[OutgoingAttachment.UPLOAD_SESSION_BYTES]);
    ObjectNode values = properties();
    values.putArray("attachments").addObject().put("name", "plans.pdf").put("contentBase64", large);
    OutgoingMail mail = mail(values);

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
    OutgoingMail withinCharactersOverBytes = mail(properties().put("body", accented));

    assertThatThrownBy(() -> SendEmailAction.checkDraftSize(withinCharactersOverBytes))
        .isInstanceOf(ExtensionException.class)
        .hasMessageStartingWith("The mail's subject, body, recipients and headers come to 4,19")
        .hasMessageEndingWith("bytes, over the 4,194,304 Graph accepts in one request: shorten the body "
            + "(attachments do not count: each is sent on its own).");
    SendEmailAction.checkDraftSize(mail(properties().put("body", "é".repeat(1024 * 1024))));
  }

  @Test
  void contentThatIsNotBase64IsNamedByItsField() {
    ObjectNode values = properties();
    values.putArray("attachments").addObject().put("name", "x").put("contentBase64", "not base64!");

    assertThatThrownBy(() -> mail(values))
        .isInstanceOf(ExtensionException.class)
        .hasMessageStartingWith("'attachments[0].contentBase64' is not base64");
  }

  @Test
  void rulesSkipFieldsStillHoldingExpressions() {
    assertThat(SendRules.check(values("{to: '{{trigger.recipients}}'}"))).isEmpty();
    assertThat(SendRules.check(values("{to: []}")))
        .containsExactly(new FieldError("to", "name at least one recipient in To, Cc or Bcc"));
    assertThat(SendRules.check(values("{bcc: ['a@b.c'], headers: {'X-Fine': '1', Priority: '2'}}")))
        .extracting(FieldError::field).containsExactly("headers.Priority");
  }

  @Test
  void atRunTimeTheSameRulesRefuseTheResolvedMailNamingTheField() {
    assertThatThrownBy(() -> mail(values("{subject: 'Nobody'}")))
        .isInstanceOf(ExtensionException.class)
        .hasMessage("'to' name at least one recipient in To, Cc or Bcc.")
        .extracting(e -> ((ExtensionException) e).code()).isEqualTo("invalid_mail");
    ObjectNode inlineInText = properties();
    inlineInText.putArray("attachments").addObject().put("name", "logo.png").put("contentBase64", "AA==")
        .put("contentId", "logo");
    assertThatThrownBy(() -> mail(inlineInText))
        .hasMessage("'attachments[0].contentId' inline images need an HTML body: set Body format to HTML, or remove "
            + "the content ID.");
  }
}
