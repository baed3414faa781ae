package dev.outlookflow.outlook.mail.send;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A mail as the step's resolved properties describe it, and the draft Graph gets for it. */
record OutgoingMail(JsonObject properties, List<OutgoingAttachment> attachments) {
  /**
   * The single-value extended property that tags each draft with its step's idempotency key, so a
   * draft whose creation was in doubt can be found with {@code $filter} (a named property in our own
   * GUID namespace).
   */
  static final String KEY_PROPERTY = "String {6a2c7e15-84d3-4b0f-9f61-2d5b8c3e7a90} Name OutlookFlowIdempotencyKey";

  static OutgoingMail of(JsonObject properties) {
    SendRules.require(properties);
    List<OutgoingAttachment> attachments = new ArrayList<>();
    JsonArray items = properties.getJsonArray("attachments", new JsonArray());
    for (int i = 0; i < items.size(); i++) {
      attachments.add(OutgoingAttachment.of(items.getJsonObject(i), i));
    }
    return new OutgoingMail(properties, List.copyOf(attachments));
  }

  String from() {
    String from = properties.getString("from");
    return from == null || from.isBlank() ? null : from.trim();
  }

  SendMode sendMode() {
    return SendMode.valueOf(properties.getString("sendMode", "as_mailbox").toUpperCase(Locale.ROOT));
  }

  boolean saveToSentItems() {
    return properties.getBoolean("saveToSentItems", true);
  }

  /** Body and attachments in bytes: what counts against the mailbox's message size limit. */
  long size() {
    long size = properties.getString("body", "").getBytes(StandardCharsets.UTF_8).length;
    for (OutgoingAttachment attachment : attachments) {
      size += attachment.content().length;
    }
    return size;
  }

  /** The draft, without attachments; {@code fromHeader} is set only when sending on behalf of another mailbox. */
  /** The size of the draft request as UTF-8, without its {@code from} (the sender is not known yet). */
  long draftBytes() {
    return draft(null, UUID.randomUUID().toString()).encode().getBytes(StandardCharsets.UTF_8).length;
  }

  JsonObject draft(String fromHeader, String idempotencyKey) {
    BodyType bodyType = BodyType.valueOf(properties.getString("bodyType", "html").toUpperCase(Locale.ROOT));
    JsonObject draft = new JsonObject()
        .put("subject", properties.getString("subject", ""))
        .put("body", new JsonObject().put("contentType", bodyType.graphName()).put("content", properties.getString("body", "")))
        .put("toRecipients", Recipients.of(properties.getJsonArray("to")))
        .put("ccRecipients", Recipients.of(properties.getJsonArray("cc")))
        .put("bccRecipients", Recipients.of(properties.getJsonArray("bcc")))
        .put("replyTo", Recipients.of(properties.getJsonArray("replyTo")))
        .put("importance", properties.getString("importance", "normal"))
        .put("isReadReceiptRequested", properties.getBoolean("readReceipt", false))
        .put("isDeliveryReceiptRequested", properties.getBoolean("deliveryReceipt", false))
        .put("singleValueExtendedProperties", new JsonArray().add(new JsonObject().put("id", KEY_PROPERTY)
            .put("value", idempotencyKey)));
    JsonObject headers = properties.getJsonObject("headers", new JsonObject());
    if (!headers.isEmpty()) {
      JsonArray internetHeaders = new JsonArray();
      headers.forEach(header -> internetHeaders.add(new JsonObject().put("name", header.getKey())
          .put("value", String.valueOf(header.getValue()))));
      draft.put("internetMessageHeaders", internetHeaders);
    }
    if (fromHeader != null) {
      draft.put("from", Recipients.recipient(fromHeader));
    }
    return draft;
  }
}
