package dev.outlookflow.outlook.mail.newmail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * One attachment of a new mail, shaped so that {@code {{trigger.attachments}}} binds straight into the send action's
 * attachments: the same {@code name}, {@code contentType}, {@code contentBase64} and {@code contentId} (which the send
 * reads as "inline"), and metadata the send ignores. Absent values are left out rather than written as null, which
 * the send's field would refuse.
 */
public record MailAttachment(
    @JsonPropertyDescription("The name shown for it, e.g. invoice.pdf") String name,
    @JsonPropertyDescription("Its media type, e.g. application/pdf")
        @JsonInclude(JsonInclude.Include.NON_NULL) String contentType,
    @JsonPropertyDescription("Its size in bytes as Microsoft Graph tells it (for a link: of the link, not the file)")
        long size,
    @JsonPropertyDescription("Whether it is shown in the body (an image referred to by cid:)") boolean isInline,
    @JsonPropertyDescription("For an inline attachment whose content is included: the ID the body refers to with "
        + "cid:") @JsonInclude(JsonInclude.Include.NON_NULL) String contentId,
    @JsonPropertyDescription("file, item (an attached mail, event or contact) or reference (a link to a file)")
        String kind,
    @JsonPropertyDescription("The file's content as base64, when 'Include attachments' is on and it was within the "
        + "bounds; see attachmentsNote") @JsonInclude(JsonInclude.Include.NON_NULL) String contentBase64) {

  static final String FILE = "file";
  static final String ITEM = "item";
  static final String REFERENCE = "reference";

  boolean isFile() {
    return FILE.equals(kind);
  }

  /**
   * With its content; the content ID only for an inline attachment (Outlook gives IDs to others too, and the send
   * action would make them inline), without the angle brackets of its MIME header, which the send field refuses.
   */
  MailAttachment withContent(String contentId, String contentBase64) {
    String bare = contentId == null ? null : contentId.strip().replaceAll("^<|>$", "");
    return new MailAttachment(name, contentType, size, isInline, isInline && bare != null && !bare.isEmpty() ? bare
        : null, kind, contentBase64);
  }

  MailAttachment withoutContent() {
    return new MailAttachment(name, contentType, size, isInline, null, kind, null);
  }
}
