package dev.outlookflow.outlook.mail.send;

import io.vertx.core.json.JsonObject;

/**
 * What Graph says of a sent message that later steps get: its Message-ID, the addresses its From and
 * Sender ended up with, and when it went. Recorded with the step's state, so it is read only once.
 */
record SentMessage(String internetMessageId, String from, String sender, String sentDateTime) {

  /** From Graph's message ({@code $select=internetMessageId,from,sender,sentDateTime}); what it lacks stays null. */
  static SentMessage of(JsonObject message) {
    return new SentMessage(message.getString("internetMessageId"), address(message.getJsonObject("from")),
        address(message.getJsonObject("sender")), message.getString("sentDateTime"));
  }

  private static String address(JsonObject recipient) {
    return recipient == null ? null : recipient.getJsonObject("emailAddress", new JsonObject()).getString("address");
  }
}
