package dev.outlookflow.outlook.mail.send;

import dev.outlookflow.uischema.form.Attachment;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.Objects;

/** An attachment decoded from the step's input; files of {@link #UPLOAD_SESSION_BYTES} and more need an upload session. */
record OutgoingAttachment(String name, String contentType, byte[] content, String contentId) {
  /** Graph's threshold: "If the file size is under 3 MB, do a single POST" (outlook-large-attachments). */
  static final int UPLOAD_SESSION_BYTES = 3 * 1024 * 1024;

  /** Decoded from the step's resolved item; without a content type, Graph is told the file is bytes. */
  static OutgoingAttachment of(Attachment item, int index) {
    byte[] content;
    try {
      content = Base64.getMimeDecoder().decode(Objects.requireNonNullElse(item.contentBase64(), ""));
    } catch (IllegalArgumentException notBase64) {
      throw SendRules.invalid("attachments[" + index + "].contentBase64", "is not base64: bind it to base64 content, "
          + "e.g. an earlier step's contentBytes");
    }
    String contentId = item.contentId();
    String contentType = Objects.requireNonNullElse(item.contentType(), "application/octet-stream");
    return new OutgoingAttachment(item.name(), contentType, content,
        contentId == null || contentId.isBlank() ? null : contentId);
  }

  boolean needsUploadSession() {
    return content.length >= UPLOAD_SESSION_BYTES;
  }

  /** For {@code POST attachments}. */
  JsonObject fileAttachment() {
    JsonObject attachment = new JsonObject().put("@odata.type", "#microsoft.graph.fileAttachment").put("name", name)
        .put("contentType", contentType).put("contentBytes", Base64.getEncoder().encodeToString(content));
    return inline(attachment);
  }

  /** For {@code createUploadSession}. */
  JsonObject attachmentItem() {
    return new JsonObject().put("AttachmentItem", inline(new JsonObject().put("attachmentType", "file")
        .put("name", name).put("size", content.length).put("contentType", contentType)));
  }

  private JsonObject inline(JsonObject attachment) {
    return contentId == null ? attachment : attachment.put("isInline", true).put("contentId", contentId);
  }
}
