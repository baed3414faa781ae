package dev.outlookflow.outlook.mail.send;

import dev.outlookflow.outlook.mail.Importance;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A mail as the step's resolved properties describe it, and the draft Graph gets for it. */
record OutgoingMail(SendEmailProperties properties, List<OutgoingAttachment> attachments) {
  /**
   * The single-value extended property that tags each draft with its step's idempotency key, so a
   * draft whose creation was in doubt can be found with {@code $filter} (a named property in our own
   * GUID namespace).
   */
  static final String KEY_PROPERTY = "String {6a2c7e15-84d3-4b0f-9f61-2d5b8c3e7a90} Name OutlookFlowIdempotencyKey";

  static OutgoingMail of(SendEmailProperties properties) {
    SendRules.require(properties);
    List<OutgoingAttachment> attachments = new ArrayList<>();
    for (int i = 0; i < properties.attachments().size(); i++) {
      attachments.add(OutgoingAttachment.of(properties.attachments().get(i), i));
    }
    return new OutgoingMail(properties, List.copyOf(attachments));
  }

  String from() {
    String from = properties.from();
    return from == null || from.isBlank() ? null : from.trim();
  }

  SendMode sendMode() {
    return properties.sendMode();
  }

  boolean saveToSentItems() {
    return properties.saveToSentItems();
  }

  /** Body and attachments in bytes: what counts against the mailbox's message size limit. */
  long size() {
    long size = properties.body().getBytes(StandardCharsets.UTF_8).length;
    for (OutgoingAttachment attachment : attachments) {
      size += attachment.content().length;
    }
    return size;
  }

  /** The size of the draft request as UTF-8, without its {@code from} (the sender is not known yet). */
  long draftBytes() {
    return draft(null, UUID.randomUUID().toString()).encode().getBytes(StandardCharsets.UTF_8).length;
  }

  /** The draft, without attachments; {@code fromHeader} is set only when sending on behalf of another mailbox. */
  JsonObject draft(String fromHeader, String idempotencyKey) {
    JsonObject draft = new JsonObject()
        .put("subject", properties.subject())
        .put("body", new JsonObject().put("contentType", properties.bodyType().graphName())
            .put("content", properties.body()))
        .put("toRecipients", Recipients.of(properties.to()))
        .put("ccRecipients", Recipients.of(properties.cc()))
        .put("bccRecipients", Recipients.of(properties.bcc()))
        .put("replyTo", Recipients.of(properties.replyTo()))
        .put("importance", properties.importance().graphName())
        .put("isReadReceiptRequested", properties.readReceipt())
        .put("isDeliveryReceiptRequested", properties.deliveryReceipt())
        .put("singleValueExtendedProperties", new JsonArray().add(new JsonObject().put("id", KEY_PROPERTY)
            .put("value", idempotencyKey)));
    if (!properties.headers().isEmpty()) {
      JsonArray internetHeaders = new JsonArray();
      properties.headers().forEach((name, value) -> internetHeaders.add(new JsonObject().put("name", name)
          .put("value", String.valueOf(value))));
      draft.put("internetMessageHeaders", internetHeaders);
    }
    if (fromHeader != null) {
      draft.put("from", Recipients.recipient(fromHeader));
    }
    return draft;
  }
}
