package dev.outlookflow.outlook.mail.send;

import dev.outlookflow.outlook.mail.MailGraph;
import io.vertx.core.json.JsonObject;

/** What later steps get from a sent mail. */
final class SendOutput {
  private SendOutput() {}

  static JsonObject of(OutgoingMail mail, SendPlan plan, MailGraph graph, SendProgress progress) {
    JsonObject sent = progress.sent() == null ? new JsonObject() : progress.sent();
    JsonObject properties = mail.properties();
    String owner = plan.draftBox().isMe() ? graph.account() : plan.draftBox().address();
    return new JsonObject()
        .put("messageId", progress.draftId())
        .put("internetMessageId", sent.getString("internetMessageId"))
        .put("from", address(sent.getJsonObject("from"), plan.from() != null ? plan.from() : owner))
        .put("sender", address(sent.getJsonObject("sender"), owner))
        .put("to", Recipients.addresses(Recipients.of(properties.getJsonArray("to"))))
        .put("cc", Recipients.addresses(Recipients.of(properties.getJsonArray("cc"))))
        .put("bcc", Recipients.addresses(Recipients.of(properties.getJsonArray("bcc"))))
        .put("replyTo", Recipients.addresses(Recipients.of(properties.getJsonArray("replyTo"))))
        .put("subject", properties.getString("subject", ""))
        .put("sentDateTime", sent.getString("sentDateTime"))
        .put("size", mail.size())
        .put("attachmentCount", mail.attachments().size())
        .put("sentItemsMailbox", mail.saveToSentItems() ? owner : null);
  }

  private static String address(JsonObject recipient, String fallback) {
    return recipient == null ? fallback : recipient.getJsonObject("emailAddress", new JsonObject()).getString("address",
        fallback);
  }
}
