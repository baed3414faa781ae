package dev.outlookflow.outlook.mail.send;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.vertx.core.json.JsonObject;
import java.util.Map;

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

  /**
   * A recorded state read back, as this version records it or as versions before plugin API 0.3.0 did
   * (Graph's message as it came, From and Sender as recipient objects): a send recorded as sent before an
   * upgrade resumes as sent after it, and is not sent again.
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static SentMessage recorded(Map<String, Object> recorded) {
    return new SentMessage(text(recorded.get("internetMessageId")), recordedAddress(recorded.get("from")),
        recordedAddress(recorded.get("sender")), text(recorded.get("sentDateTime")));
  }

  private static String recordedAddress(Object value) {
    if (value instanceof Map<?, ?> recipient && recipient.get("emailAddress") instanceof Map<?, ?> email) {
      return text(email.get("address"));
    }
    return text(value);
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  private static String address(JsonObject recipient) {
    return recipient == null ? null : recipient.getJsonObject("emailAddress", new JsonObject()).getString("address");
  }
}
