package dev.outlookflow.runtime.triggers;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Whether a flow's trigger is listening, and if not, why; while it listens, the latest report it gave of
 * itself (bounded JSON, see {@link TriggerReports}) and when, or null for both.
 */
public record TriggerStatus(String state, String message, JsonObject report, Instant reportedAt) {
  static final TriggerStatus STOPPED = new TriggerStatus("stopped", null, null, null);
  static final TriggerStatus RUNNING = new TriggerStatus("running", null, null, null);

  static TriggerStatus failed(String message) {
    return new TriggerStatus("failed", message, null, null);
  }

  TriggerStatus with(TriggerReports.Reported reported) {
    return reported == null ? this : new TriggerStatus(state, message, reported.report(), reported.at());
  }

  /** The state and its message, as a flow's view shows them. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("state", state);
    return message == null ? json : json.put("message", message);
  }
}
