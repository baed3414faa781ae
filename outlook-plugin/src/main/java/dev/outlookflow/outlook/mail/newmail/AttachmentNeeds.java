package dev.outlookflow.outlook.mail.newmail;

import java.util.List;

/**
 * What flows want of a mail's attachments: their metadata ({@code onlyWithAttachments} needs it to decide), their
 * content ({@code includeAttachments}), and whether a mail without a file attachment starts no run. A watcher
 * prepares each mail with the union of its flows' needs; each flow's event then keeps what the flow asked for.
 */
record AttachmentNeeds(boolean content, boolean onlyWithAttachments) {
  static final AttachmentNeeds NONE = new AttachmentNeeds(false, false);

  static AttachmentNeeds of(NewMailProperties properties) {
    return new AttachmentNeeds(properties.includeAttachments(), properties.onlyWithAttachments());
  }

  /** Whether the attachments must be listed at all. */
  boolean metadata() {
    return content || onlyWithAttachments;
  }

  /**
   * What preparing a mail once must fetch for all of {@code flows}. Its filter only says that some flow filters (so
   * the metadata is read); each flow filters by its own needs ({@link #admits}).
   */
  static AttachmentNeeds union(List<AttachmentNeeds> flows) {
    return new AttachmentNeeds(flows.stream().anyMatch(AttachmentNeeds::content),
        flows.stream().anyMatch(AttachmentNeeds::onlyWithAttachments));
  }

  /**
   * Whether a mail prepared with at least these needs starts a run for this flow: with {@code onlyWithAttachments},
   * only a mail with a file attachment that is not inline (an image in a signature alone does not count).
   */
  boolean admits(NewMail prepared) {
    return !onlyWithAttachments || prepared.attachments().stream().anyMatch(a -> a.isFile() && !a.isInline());
  }

  /**
   * The flow's event of a mail prepared for the union: the content and its note only when the flow asked for the
   * content; the metadata only when it asked for attachments at all. An event's shape never depends on which other
   * flows share the watcher.
   */
  NewMail shape(NewMail prepared) {
    if (content) {
      return prepared;
    }
    List<MailAttachment> kept = metadata()
        ? prepared.attachments().stream().map(MailAttachment::withoutContent).toList() : List.of();
    return prepared.withAttachments(kept, null);
  }
}
