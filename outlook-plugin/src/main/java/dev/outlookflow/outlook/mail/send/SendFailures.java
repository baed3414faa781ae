package dev.outlookflow.outlook.mail.send;

import dev.outlookflow.outlook.graph.GraphException;
import dev.outlookflow.outlook.mail.MailFailures;
import dev.outlookflow.outlook.mail.MailGraph;
import dev.outlookflow.outlook.mail.Mailbox;
import dev.outlookflow.outlook.mail.Sizes;
import dev.outlookflow.plugin.api.ExtensionException;
import java.util.Locale;

/** Graph's refusals of a send, as sentences that say what to do. */
final class SendFailures {
  private SendFailures() {}

  /** {@code drafted}: the draft was created in {@code plan.draftBox()}, which proves access to it. */
  static Throwable explain(Throwable failure, SendPlan plan, MailGraph graph, long size, boolean drafted) {
    if (!(failure instanceof GraphException error)) {
      return failure;
    }
    String code = error.graphCode() == null ? "" : error.graphCode();
    if ("ErrorSendAsDenied".equals(code)) {
      return refusal("send_as_denied", sendAsSentence(plan, graph, drafted), error);
    }
    if ("ErrorInvalidRecipients".equals(code)) {
      return refusal("invalid_recipients", "Microsoft 365 refused a recipient (" + error.graphMessage() + "): check "
          + "To, Cc, Bcc and Reply to.", error);
    }
    String mailSize = "The mail's body and attachments come to " + Sizes.describe(size) + ", and encoding makes "
        + "attachments about a third larger";
    if ("ErrorMessageSizeExceeded".equals(code)) {
      return refusal("message_too_large", "Microsoft 365 refused the mail as larger than " + plan.draftBox().describe()
          + " may send (ErrorMessageSizeExceeded): the limit set for the mailbox or the organisation was exceeded (35 "
          + "MB unless an Exchange admin changed it). " + mailSize + ": send large files as links, spread them over "
          + "several mails, or ask an Exchange admin about the limit.", error);
    }
    if (error.status() == 413) {
      return refusal("request_too_large", "Microsoft Graph refused one request of this send as too large (HTTP 413: "
          + error.graphMessage() + "). " + mailSize + ".", error);
    }
    if ("InvalidInternetMessageHeader".equals(code)) {
      return refusal("invalid_header", "Microsoft 365 refused a custom header (" + error.graphMessage() + "): "
          + "custom header names must start with x-.", error);
    }
    return MailFailures.explain(failure, plan.draftBox(), graph);
  }

  private static String sendAsSentence(SendPlan plan, MailGraph graph, boolean drafted) {
    String who = graph.fence().appOnly() ? "The app's mailbox " + plan.draftBox().describe()
        : graph.account() == null ? "The signed-in user" : graph.account();
    String from = plan.from() == null ? plan.draftBox().describe() : plan.from();
    if (plan.mode() == SendMode.ON_BEHALF) {
      return who + " may not send on behalf of " + from + ": an Exchange admin must grant " + who
          + " 'Send on Behalf' (or 'Send As') on " + from + " (Exchange admin center > Recipients > Mailboxes > "
          + from + " > Delegation).";
    }
    // A draft created in the mailbox it is sent from proves Full Access there: only Send As is missing.
    String rights = drafted && plan.draftBox().is(from) ? "'Send As'" : "'Send As' and 'Full Access'";
    return who + " may not send as " + from + ": an Exchange admin must grant " + who + " " + rights + " on " + from
        + " (Exchange admin center > Recipients > Mailboxes > " + from + " > Delegation), or choose 'on behalf' if "
        + who + " has 'Send on Behalf'.";
  }

  private static ExtensionException refusal(String code, String sentence, GraphException cause) {
    return new ExtensionException(code, sentence, cause.upstreamRequestId(), cause);
  }

  /** The draft vanished (someone deleted it) before it was sent. */
  static ExtensionException draftGone(SendPlan plan, String draftId) {
    return new ExtensionException("draft_deleted", "The draft of this mail was deleted from "
        + plan.draftBox().describe() + " before it was sent (id " + draftId + "): the mail was not sent. Run the "
        + "flow again to send it.");
  }

  /** An attachment that needs an upload session, in a cloud that has none. */
  static ExtensionException draftTooLarge(long bytes, long limit) {
    return new ExtensionException("mail_too_large", String.format(Locale.ROOT, "The mail's subject, body, recipients "
        + "and headers come to %,d bytes, over the %,d Graph accepts in one request: shorten the body (attachments "
        + "do not count: each is sent on its own).", bytes, limit));
  }

  static ExtensionException noUploadSessions(String cloud, OutgoingAttachment attachment, int index) {
    return new ExtensionException("upload_sessions_unavailable", String.format(Locale.ROOT, "Attachment %d (%s) is "
        + "%.1f MB; files of 3 MB and more need Graph's upload sessions, which %s does not offer: share the file as "
        + "a link, or send files under 3 MB.", index + 1, attachment.name(), attachment.content().length / 1048576.0,
        cloud));
  }
}
