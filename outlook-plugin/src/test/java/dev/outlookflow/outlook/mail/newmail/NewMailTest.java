package dev.outlookflow.outlook.mail.newmail;

import static dev.outlookflow.outlook.OutputContract.problem;
import static dev.outlookflow.outlook.OutputContract.schemaKeys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.uischema.binding.RecordBinding;
import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class NewMailTest {
  private static final NewMail.Folder INBOX = new NewMail.Folder("AAMkInbox", "Inbox");

  private static JsonObject address(String name, String address) {
    return new JsonObject().put("emailAddress", new JsonObject().put("name", name).put("address", address));
  }

  @Test
  void anEventCarriesTheMessageInGraphsShapesUnderTheTriggersNames() {
    JsonObject message = new JsonObject().put("id", "AAkALgImmutable").put("internetMessageId", "<1@contoso.com>")
        .put("conversationId", "AAQkConv").put("subject", "Order 42").put("from", address("Ann", "ann@contoso.com"))
        .put("sender", address("Ann", "ann@contoso.com"))
        .put("toRecipients", new JsonArray().add(address("Adele", "adele@contoso.com")))
        .put("ccRecipients", new JsonArray()).put("replyTo", new JsonArray().add(address(null, "orders@contoso.com")))
        .put("receivedDateTime", "2026-11-29T09:00:00Z").put("bodyPreview", "Hello")
        .put("body", new JsonObject().put("contentType", "HTML").put("content", "<p>Hello</p>"))
        .put("importance", "High").put("isRead", false).put("hasAttachments", true)
        .put("categories", new JsonArray().add("Orders")).put("webLink", "https://outlook.office365.com/owa/?ItemID=1");

    NewMail mail = NewMail.of(message, "adele@contoso.com", INBOX);

    assertThat(mail.id()).isEqualTo("AAkALgImmutable");
    assertThat(mail.from().emailAddress().address()).isEqualTo("ann@contoso.com");
    assertThat(mail.to()).extracting(r -> r.emailAddress().address()).containsExactly("adele@contoso.com");
    assertThat(mail.cc()).isEmpty();
    assertThat(mail.replyTo()).extracting(r -> r.emailAddress().name()).containsExactly((String) null);
    assertThat(mail.body()).isEqualTo(new NewMail.Body("html", "<p>Hello</p>"));
    assertThat(mail.importance()).as("enums written lower case, as the runtime writes them").isEqualTo("high");
    assertThat(mail.hasAttachments()).isTrue();
    assertThat(mail.categories()).containsExactly("Orders");
    assertThat(mail.mailbox()).isEqualTo("adele@contoso.com");
    assertThat(mail.folder()).isEqualTo(INBOX);
  }

  @Test
  void propertiesGraphLeftOutAreEmptyNotFailures() {
    NewMail mail = NewMail.of(new JsonObject().put("id", "x").put("receivedDateTime", "2026-11-29T09:00:00Z")
        .put("from", "not an object").put("toRecipients", new JsonArray().add(7)), null, INBOX);

    assertThat(mail.from()).isNull();
    assertThat(mail.to()).isEmpty();
    assertThat(mail.body()).isNull();
    assertThat(mail.isRead()).isFalse();
  }

  @Test
  void theCatalogOffersTheAttachmentsAndTheirContentToLaterSteps() {
    assertThat(schemaKeys(NewMail.class)).endsWith("attachments", "attachmentsNote");
    assertThat(problem(NewMail.class, "attachments[0].contentBase64")).isEmpty();
    assertThat(problem(NewMail.class, "attachments[0].kind")).isEmpty();
  }

  @Test
  void anAttachmentIsWrittenInTheSendFieldsShapeLeavingOutWhatItLacks() {
    MailAttachment metadata = new MailAttachment("scans.zip", null, 42, false, null, "file", null);
    MailAttachment inline = new MailAttachment("logo.png", "image/png", 3, true, null, "file", null)
        .withContent("<logo>", "AQID");

    assertThat(RecordBinding.object(metadata).toString())
        .isEqualTo("{\"name\":\"scans.zip\",\"size\":42,\"isInline\":false,\"kind\":\"file\"}");
    assertThat(RecordBinding.object(inline).toString()).isEqualTo("{\"name\":\"logo.png\",\"contentType\":"
        + "\"image/png\",\"size\":3,\"isInline\":true,\"contentId\":\"logo\",\"kind\":\"file\",\"contentBase64\":\"AQID\"}");
    assertThat(NewMail.of(new JsonObject().put("id", "x"), null, INBOX).withAttachments(List.of(metadata), null)
        .attachments()).containsExactly(metadata);
  }
}
