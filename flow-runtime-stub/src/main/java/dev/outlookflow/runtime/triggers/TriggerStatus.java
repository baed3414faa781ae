package dev.outlookflow.runtime.triggers;

import io.vertx.core.json.JsonObject;

/** Whether a flow's trigger is listening, and if not, why. */
public record TriggerStatus(String state, String message) {
  static final TriggerStatus STOPPED = new TriggerStatus("stopped", null);
  static final TriggerStatus RUNNING = new TriggerStatus("running", null);

  static TriggerStatus failed(String message) {
    return new TriggerStatus("failed", message);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("state", state);
    return message == null ? json : json.put("message", message);
  }
}
