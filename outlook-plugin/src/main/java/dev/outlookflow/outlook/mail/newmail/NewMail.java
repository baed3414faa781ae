package dev.outlookflow.outlook.mail.newmail;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The event of one new mail: what {@code {{trigger}}} holds in a run, in Graph's names and shapes. */
public record NewMail(
    @JsonPropertyDescription("The message's immutable id (it survives moves): the run's trigger key") String id,
    @JsonPropertyDescription("The Internet Message-ID header, e.g. <abc@contoso.com>") String internetMessageId,
    @JsonPropertyDescription("The conversation (thread) the message belongs to") String conversationId,
    @JsonPropertyDescription("The subject") String subject,
    @JsonPropertyDescription("Who the message is from") Recipient from,
    @JsonPropertyDescription("Who sent it (differs from 'from' when sent on behalf of someone)") Recipient sender,
    @JsonPropertyDescription("The To recipients") List<Recipient> to,
    @JsonPropertyDescription("The Cc recipients") List<Recipient> cc,
    @JsonPropertyDescription("Where replies should go, when the sender asked for another address")
        List<Recipient> replyTo,
    @JsonPropertyDescription("When the mailbox received it, ISO 8601 in UTC, e.g. 2026-11-29T09:00:00Z")
        String receivedDateTime,
    @JsonPropertyDescription("The first characters of the body as plain text") String bodyPreview,
    @JsonPropertyDescription("The body") Body body,
    @JsonPropertyDescription("low, normal or high") String importance,
    @JsonPropertyDescription("Whether it was read when the trigger saw it") boolean isRead,
    @JsonPropertyDescription("Whether it has attachments") boolean hasAttachments,
    @JsonPropertyDescription("Its Outlook categories") List<String> categories,
    @JsonPropertyDescription("A link that opens it in Outlook on the web") String webLink,
    @JsonPropertyDescription("The mailbox it arrived in") String mailbox,
    @JsonPropertyDescription("The folder it arrived in") Folder folder,
    @JsonPropertyDescription("Its attachments, when 'Include attachments' or 'Only with attachments' is on (else "
        + "none): files with their content when 'Include attachments' is on and they are within its bounds, attached "
        + "items and links as metadata. Bind it to the send action's attachments to send the files on")
        List<MailAttachment> attachments,
    @JsonPropertyDescription("Which attachments' content was left out of the event and why (over 3 MB each, over 20 "
        + "MB in all, not files); null when none was") String attachmentsNote) {

  /** The Graph properties the event is made of: the watcher's {@code $select}, frozen in its delta tokens. */
  static final String SELECT = "id,internetMessageId,conversationId,subject,from,sender,toRecipients,ccRecipients,"
      + "replyTo,receivedDateTime,bodyPreview,body,importance,isRead,hasAttachments,categories,webLink";

  public record Recipient(@JsonPropertyDescription("Name and address") EmailAddress emailAddress) {}

  public record EmailAddress(@JsonPropertyDescription("The display name") String name,
      @JsonPropertyDescription("The email address") String address) {}

  public record Body(@JsonPropertyDescription("text or html") String contentType,
      @JsonPropertyDescription("The body's content") String content) {}

  public record Folder(@JsonPropertyDescription("The folder's id") String id,
      @JsonPropertyDescription("The folder's name, e.g. Inbox") String name) {}

  /** The event of {@code message} as Graph answered it with {@link #SELECT}. */
  static NewMail of(JsonObject message, String mailbox, Folder folder) {
    JsonObject body = message.getJsonObject("body");
    return new NewMail(message.getString("id"), message.getString("internetMessageId"),
        message.getString("conversationId"), message.getString("subject"), recipient(message.getValue("from")),
        recipient(message.getValue("sender")), recipients(message.getValue("toRecipients")),
        recipients(message.getValue("ccRecipients")), recipients(message.getValue("replyTo")),
        message.getString("receivedDateTime"), message.getString("bodyPreview"),
        body == null ? null : new Body(lower(body.getString("contentType")), body.getString("content")),
        lower(message.getString("importance")), Boolean.TRUE.equals(message.getBoolean("isRead")),
        Boolean.TRUE.equals(message.getBoolean("hasAttachments")), strings(message.getValue("categories")),
        message.getString("webLink"), mailbox, folder, List.of(), null);
  }

  /** The same event with these attachments and note. */
  NewMail withAttachments(List<MailAttachment> attachments, String attachmentsNote) {
    return new NewMail(id, internetMessageId, conversationId, subject, from, sender, to, cc, replyTo, receivedDateTime,
        bodyPreview, body, importance, isRead, hasAttachments, categories, webLink, mailbox, folder,
        List.copyOf(attachments), attachmentsNote);
  }

  /**
   * What is known of a message whose event could not be made, for its failed run (and its flows' filters): its
   * ids, subject, sender, recipients, importance and received time where Graph answered them as such; never fails.
   */
  static NewMail partial(JsonObject message, String mailbox, Folder folder) {
    return new NewMail(text(message, "id"), text(message, "internetMessageId"), text(message, "conversationId"),
        text(message, "subject"), recipient(message.getValue("from")), recipient(message.getValue("sender")),
        recipients(message.getValue("toRecipients")), recipients(message.getValue("ccRecipients")),
        recipients(message.getValue("replyTo")), text(message, "receivedDateTime"), null, null,
        text(message, "importance") == null ? null : lower(text(message, "importance")), false,
        Boolean.TRUE.equals(message.getValue("hasAttachments")), List.of(), text(message, "webLink"), mailbox, folder,
        List.of(), null);
  }

  /** When the message was received; null when Graph answered something that is not a time. */
  static Instant receivedOf(JsonObject message) {
    try {
      return message.getValue("receivedDateTime") instanceof String text ? Instant.parse(text) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(JsonObject message, String name) {
    return message.getValue(name) instanceof String text ? text : null;
  }

  private static Recipient recipient(Object value) {
    if (!(value instanceof JsonObject recipient) || !(recipient.getValue("emailAddress") instanceof JsonObject email)) {
      return null;
    }
    return new Recipient(new EmailAddress(email.getString("name"), email.getString("address")));
  }

  private static List<Recipient> recipients(Object value) {
    List<Recipient> recipients = new ArrayList<>();
    if (value instanceof JsonArray array) {
      for (Object item : array) {
        Recipient recipient = recipient(item);
        if (recipient != null) {
          recipients.add(recipient);
        }
      }
    }
    return recipients;
  }

  private static List<String> strings(Object value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof JsonArray array) {
      array.forEach(item -> {
        if (item instanceof String text) {
          strings.add(text);
        }
      });
    }
    return strings;
  }

  private static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }
}
