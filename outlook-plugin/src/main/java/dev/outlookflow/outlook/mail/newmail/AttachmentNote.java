package dev.outlookflow.outlook.mail.newmail;

import dev.outlookflow.outlook.mail.Sizes;
import java.util.ArrayList;
import java.util.List;

/** The sentence of an event's {@code attachmentsNote}: which attachments' content was left out, and why. */
final class AttachmentNote {
  /** Names listed per reason; more are counted. */
  static final int NAMES_SHOWN = 10;

  private final List<String> overEach = new ArrayList<>();
  private final List<String> overMail = new ArrayList<>();
  private final List<String> notFiles = new ArrayList<>();
  private final List<String> deleted = new ArrayList<>();
  private final List<String> noContent = new ArrayList<>();
  private boolean notRead;

  void overEach(MailAttachment attachment) {
    overEach.add(sized(attachment));
  }

  void overMail(MailAttachment attachment) {
    overMail.add(sized(attachment));
  }

  void notFile(MailAttachment attachment) {
    notFiles.add(name(attachment) + (MailAttachment.ITEM.equals(attachment.kind()) ? " (an attached item)"
        : " (a link to a file)"));
  }

  void deleted(MailAttachment attachment) {
    deleted.add(name(attachment));
  }

  void noContent(MailAttachment attachment) {
    noContent.add(name(attachment));
  }

  /** More attachments than {@link MailAttachments#MAX_LISTED}, or than Graph answered in one page. */
  void notRead() {
    notRead = true;
  }

  /** The note, or null when nothing was left out; {@code byEvent}: the event's room bounded the mail, not 20 MB. */
  String text(AttachmentBounds bounds, boolean byEvent) {
    List<String> parts = new ArrayList<>();
    part(parts, overEach, "over " + Sizes.describe(bounds.perAttachment()) + " each");
    part(parts, overMail, byEvent ? "past what this runtime's run events can hold ("
        + Sizes.describe(bounds.eventBytes()) + " with the mail)" : "past " + Sizes.describe(bounds.perMail())
        + " for one mail's attachments");
    part(parts, notFiles, "not files, which alone have content");
    part(parts, deleted, "deleted from the mail before being read");
    part(parts, noContent, "Microsoft Graph answered no content");
    if (notRead) {
      parts.add("attachments past the first " + MailAttachments.MAX_LISTED + ", or past Microsoft Graph's first page "
          + "of them, were not read");
    }
    return parts.isEmpty() ? null : "Content left out of the event: " + String.join("; ", parts) + ".";
  }

  private static void part(List<String> parts, List<String> names, String reason) {
    if (names.isEmpty()) {
      return;
    }
    String shown = String.join(", ", names.subList(0, Math.min(names.size(), NAMES_SHOWN)));
    int more = names.size() - NAMES_SHOWN;
    parts.add(shown + (more > 0 ? " and " + more + " more" : "") + ", " + reason);
  }

  private static String sized(MailAttachment attachment) {
    return name(attachment) + " (" + Sizes.describe(attachment.size()) + ")";
  }

  private static String name(MailAttachment attachment) {
    String name = attachment.name();
    return name == null || name.isBlank() ? "an attachment without a name" : name;
  }
}
