package dev.outlookflow.outlook.mail.send;

import dev.outlookflow.outlook.mail.Importance;
import dev.outlookflow.outlook.mail.MailFields;
import dev.outlookflow.uischema.form.Attachment;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.FormField;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The property panel of "Send an email". */
public record SendEmailProperties(
    @FormField(label = MailFields.CONNECTION_LABEL, type = FieldType.CONNECTION,
        connectionType = MailFields.CONNECTION_TYPE, required = true)
        String connection,
    @FormField(label = "From", group = "Sender", pattern = MailFields.ADDRESS_PATTERN, expressions = true,
        placeholder = MailFields.ADDRESS_EXAMPLE,
        help = "Empty: the connection's mailbox. Or a shared mailbox's address, to send from it.")
        String from,
    @FormField(label = "Send from another mailbox", group = "Sender", defaultValue = "as_mailbox",
        help = "Only when From names another mailbox. 'As the mailbox' needs Full Access and Send As on it; 'on "
            + "behalf' needs Send on Behalf, and is not possible with a shared-mailboxes-only connection.")
        SendMode sendMode,
    @FormField(label = "To", group = "Recipients", type = FieldType.RECIPIENTS, expressions = true,
        help = "Addresses, e.g. someone@contoso.com or Megan Bowen <megan@contoso.com>.")
        List<String> to,
    @FormField(label = "Cc", group = "Recipients", type = FieldType.RECIPIENTS, expressions = true)
        List<String> cc,
    @FormField(label = "Bcc", group = "Recipients", type = FieldType.RECIPIENTS, expressions = true,
        help = "Recipients the others do not see.")
        List<String> bcc,
    @FormField(label = "Reply to", group = "Recipients", type = FieldType.RECIPIENTS, expressions = true,
        help = "Where replies go, if not to the sender.")
        List<String> replyTo,
    @FormField(label = "Subject", group = "Message", expressions = true, maxLength = 255)
        String subject,
    @FormField(label = "Body format", group = "Message", defaultValue = "html") BodyType bodyType,
    @FormField(label = "Body", group = "Message", type = FieldType.HTML, expressions = true, maxLength = MAX_BODY,
        help = "Inline images: attach them with a content ID and show them with <img src=\"cid:ID\">.")
        String body,
    @FormField(label = "Importance", group = "Message", defaultValue = "normal") Importance importance,
    @FormField(label = "Attachments", group = "Attachments", expressions = true,
        help = "Content as base64, or bound from an earlier step's output. Any size up to the mailbox's limit "
            + "(35 MB unless an admin raised it); files of 3 MB and more are uploaded in chunks.")
        List<Attachment> attachments,
    @FormField(label = "Save a copy in Sent Items", group = "Options", defaultValue = "true") boolean saveToSentItems,
    @FormField(label = "Request a read receipt", group = "Options", defaultValue = "false") boolean readReceipt,
    @FormField(label = "Request a delivery receipt", group = "Options", defaultValue = "false")
        boolean deliveryReceipt,
    @FormField(label = "Custom headers", group = "Options", expressions = true,
        help = "Internet headers to add; their names must start with x-, e.g. x-ticket-id.")
        Map<String, String> headers) {
  /** Characters: the draft carrying the body is one Graph request, and Graph refuses requests over 4 MB. */
  static final int MAX_BODY = 4 * 1024 * 1024;

  /** A field left empty is an empty list, map or text: a mail without a subject has an empty one. */
  public SendEmailProperties {
    to = Objects.requireNonNullElse(to, List.of());
    cc = Objects.requireNonNullElse(cc, List.of());
    bcc = Objects.requireNonNullElse(bcc, List.of());
    replyTo = Objects.requireNonNullElse(replyTo, List.of());
    subject = Objects.requireNonNullElse(subject, "");
    body = Objects.requireNonNullElse(body, "");
    attachments = Objects.requireNonNullElse(attachments, List.of());
    headers = Objects.requireNonNullElse(headers, Map.of());
  }
}
