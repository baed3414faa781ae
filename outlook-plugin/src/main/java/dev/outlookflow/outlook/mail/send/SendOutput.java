package dev.outlookflow.outlook.mail.send;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** What later steps get from a sent mail. */
public record SendOutput(
    @JsonPropertyDescription("The sent message's immutable Graph id (its Sent Items copy's, when one was kept)")
        String messageId,
    @JsonPropertyDescription("The Message-ID header recipients see, e.g. to find replies; null if Graph did not say")
        String internetMessageId,
    @JsonPropertyDescription("The address the mail was sent from") String from,
    @JsonPropertyDescription("The address that sent it: the From address, or the sender's own when sent on behalf")
        String sender,
    @JsonPropertyDescription("The addresses in To") List<String> to,
    @JsonPropertyDescription("The addresses in Cc") List<String> cc,
    @JsonPropertyDescription("The addresses in Bcc") List<String> bcc,
    @JsonPropertyDescription("The addresses replies go to, if not to the sender") List<String> replyTo,
    @JsonPropertyDescription("The subject") String subject,
    @JsonPropertyDescription("When it was sent (ISO 8601, UTC); null if Graph did not say") String sentDateTime,
    @JsonPropertyDescription("Body and attachments in bytes") long size,
    @JsonPropertyDescription("How many files were attached, inline images included") int attachmentCount,
    @JsonPropertyDescription("The mailbox whose Sent Items keeps the copy; null when no copy was kept")
        String sentItemsMailbox) {

  /**
   * {@code account}: the signed-in user, for delegated connections. What Graph did not say of the sent
   * message (its answer was lost, or not read yet) is what the mail and its plan say.
   */
  static SendOutput of(OutgoingMail mail, SendPlan plan, String account, SendProgress progress) {
    SentMessage sent = progress.sent() == null ? new SentMessage(null, null, null, null) : progress.sent();
    SendEmailProperties properties = mail.properties();
    String owner = plan.draftBox().isMe() ? account : plan.draftBox().address();
    return new SendOutput(
        progress.draftId(),
        sent.internetMessageId(),
        sent.from() != null ? sent.from() : plan.from() != null ? plan.from() : owner,
        sent.sender() != null ? sent.sender() : owner,
        Recipients.addresses(properties.to()),
        Recipients.addresses(properties.cc()),
        Recipients.addresses(properties.bcc()),
        Recipients.addresses(properties.replyTo()),
        properties.subject(),
        sent.sentDateTime(),
        mail.size(),
        mail.attachments().size(),
        mail.saveToSentItems() ? owner : null);
  }
}
