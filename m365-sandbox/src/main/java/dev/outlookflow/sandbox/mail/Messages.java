package dev.outlookflow.sandbox.mail;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Builds message resources the way Exchange fills them in. */
public final class Messages {
  /** A message's times: kept as precise as they happened, answered in whole seconds ({@link #inWholeSeconds}). */
  private static final List<String> TIMES = List.of("createdDateTime", "lastModifiedDateTime", "receivedDateTime",
      "sentDateTime");

  public static final String FILE = "#microsoft.graph.fileAttachment";
  public static final String ITEM = "#microsoft.graph.itemAttachment";
  public static final String REFERENCE = "#microsoft.graph.referenceAttachment";

  private Messages() {}

  /** A resource from what a client sent, completed with Exchange's defaults; its times are {@code now}, precisely. */
  public static JsonObject resource(JsonObject given, JsonObject from, JsonObject sender, boolean draft, Instant now) {
    String time = now.toString();
    JsonObject body = given.getJsonObject("body", new JsonObject().put("contentType", "text").put("content", ""));
    JsonObject normalisedBody = new JsonObject()
        .put("contentType", body.getString("contentType", "text").toLowerCase(java.util.Locale.ROOT))
        .put("content", body.getString("content", ""));
    JsonArray attachments = new JsonArray();
    given.getJsonArray("attachments", new JsonArray()).forEach(a -> attachments.add(attachment((JsonObject) a, now)));
    return new JsonObject()
        .put("@odata.etag", "W/\"" + UUID.randomUUID() + "\"")
        .put("createdDateTime", time)
        .put("lastModifiedDateTime", time)
        .put("changeKey", UUID.randomUUID().toString())
        .put("categories", given.getJsonArray("categories", new JsonArray()))
        .put("receivedDateTime", time)
        .put("sentDateTime", draft ? null : time)
        .put("hasAttachments", hasAttachments(attachments))
        .put("internetMessageId", "<" + UUID.randomUUID() + "@sandbox.m365>")
        .put("subject", given.getString("subject", ""))
        .put("bodyPreview", preview(normalisedBody.getString("content")))
        .put("importance", given.getString("importance", "normal").toLowerCase(java.util.Locale.ROOT))
        .put("conversationId", "AAQk" + UUID.randomUUID().toString().replace("-", ""))
        .put("isDeliveryReceiptRequested", given.getBoolean("isDeliveryReceiptRequested", false))
        .put("isReadReceiptRequested", given.getBoolean("isReadReceiptRequested", false))
        .put("isRead", draft || given.getBoolean("isRead", false))
        .put("isDraft", draft)
        .put("webLink", "https://outlook.office365.com/owa/?ItemID=sandbox&exvsurl=1&viewmodel=ReadMessageItem")
        .put("inferenceClassification", "focused")
        .put("body", normalisedBody)
        .put("sender", sender)
        .put("from", from)
        .put("toRecipients", given.getJsonArray("toRecipients", new JsonArray()))
        .put("ccRecipients", given.getJsonArray("ccRecipients", new JsonArray()))
        .put("bccRecipients", given.getJsonArray("bccRecipients", new JsonArray()))
        .put("replyTo", given.getJsonArray("replyTo", new JsonArray()))
        .put("flag", given.getJsonObject("flag", new JsonObject().put("flagStatus", "notFlagged")))
        .put("internetMessageHeaders", given.getJsonArray("internetMessageHeaders", new JsonArray()))
        .put("singleValueExtendedProperties", given.getJsonArray("singleValueExtendedProperties", new JsonArray()))
        .put("attachments", attachments);
  }

  /**
   * A message's {@code hasAttachments} as Graph answers it: "This property doesn't include inline attachments, so if
   * a message contains only inline attachments, this property is false" (Graph's message resource).
   */
  public static boolean hasAttachments(JsonArray attachments) {
    return attachments.stream().anyMatch(a -> a instanceof JsonObject attachment
        && !attachment.getBoolean("isInline", false));
  }

  /**
   * An attachment as Graph answers it. A file (the default): id, size from the content, defaults filled in. An
   * attached item or a link to a file ({@code @odata.type} {@code #microsoft.graph.itemAttachment} or
   * {@code referenceAttachment}, as the control API delivers them): their metadata, {@code size} as given.
   */
  public static JsonObject attachment(JsonObject given, Instant now) {
    String type = given.getString("@odata.type", FILE);
    if (type.equals(ITEM) || type.equals(REFERENCE)) {
      return new JsonObject()
          .put("@odata.type", type)
          .put("id", Mailbox.newId("AAMkADAtt"))
          .put("lastModifiedDateTime", now.truncatedTo(ChronoUnit.SECONDS).toString())
          .put("name", given.getString("name"))
          .put("contentType", given.getString("contentType"))
          .put("size", given.getLong("size", 0L))
          .put("isInline", false);
    }
    String content = given.getString("contentBytes", "");
    return new JsonObject()
        .put("@odata.type", FILE)
        .put("@odata.mediaContentType", given.getString("contentType", "application/octet-stream"))
        .put("id", Mailbox.newId("AAMkADAtt"))
        .put("lastModifiedDateTime", now.truncatedTo(ChronoUnit.SECONDS).toString())
        .put("name", given.getString("name"))
        .put("contentType", given.getString("contentType", "application/octet-stream"))
        .put("size", content.length() * 3 / 4 - (content.endsWith("==") ? 2 : content.endsWith("=") ? 1 : 0))
        .put("isInline", given.getBoolean("isInline", false))
        .put("contentId", given.getString("contentId"))
        .put("contentLocation", null)
        .put("contentBytes", content);
  }

  /**
   * A message's times as Exchange answers them, in whole seconds. Exchange keeps them to the sub-second and
   * compares a {@code $filter} bound with what it keeps, so a mail shown as received at {@code 01:41:32Z}
   * matches {@code receivedDateTime gt 2024-06-05T01:41:32Z} (python-o365 #1084, ews-managed-api #139): the
   * sandbox stores them precisely and rewrites only the copy it answers, which this changes and returns.
   */
  public static JsonObject inWholeSeconds(JsonObject answered) {
    for (String field : TIMES) {
      String time = answered.getString(field);
      if (time != null) {
        answered.put(field, Instant.parse(time).truncatedTo(ChronoUnit.SECONDS).toString());
      }
    }
    return answered;
  }

  public static JsonObject recipient(String address, String name) {
    return new JsonObject().put("emailAddress", new JsonObject().put("name", name).put("address", address));
  }

  private static String preview(String content) {
    String text = content.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
    return text.length() > 255 ? text.substring(0, 255) : text;
  }
}
