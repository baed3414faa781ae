package dev.outlookflow.runtime.api;

import dev.outlookflow.runtime.model.ConnectionRecord;
import dev.outlookflow.runtime.model.FlowRecord;
import dev.outlookflow.runtime.model.RunPage;
import dev.outlookflow.runtime.model.RunRecord;
import dev.outlookflow.runtime.model.StepRecord;
import dev.outlookflow.runtime.triggers.TriggerStatus;
import dev.outlookflow.uischema.form.FieldDefinition;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.Form;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The API's JSON shapes of stored records. */
final class Views {
  private Views() {}

  /**
   * {@code actionUrl} is where an admin fixes the status (the admin-consent link); {@code signInUnderWay}
   * tells that a sign-in was begun and until when it may complete, beside the status it does not change.
   * Secret properties are left out; {@code secretsSet} names those that have a value. When the
   * connection's type is not loaded, no property is shown, since which are secret is unknown.
   */
  static JsonObject connection(ConnectionRecord c, Optional<Form> form, Optional<String> actionUrl,
      Optional<Long> signInExpiresAt) {
    JsonObject properties = form.isPresent() ? c.properties().copy() : new JsonObject();
    JsonArray secretsSet = new JsonArray();
    for (FieldDefinition field : form.map(f -> f.fieldsOfType(FieldType.SECRET)).orElse(List.of())) {
      if (properties.remove(field.name()) != null) {
        secretsSet.add(field.name());
      }
    }
    return new JsonObject()
        .put("id", c.id())
        .put("type", c.type())
        .put("name", c.name())
        .put("properties", properties)
        .put("secretsSet", secretsSet)
        .put("status", c.status())
        .put("statusMessage", c.statusMessage())
        .put("actionUrl", actionUrl.orElse(null))
        .put("signInUnderWay", signInExpiresAt.map(expires -> new JsonObject().put("expiresAt", time(expires)))
            .orElse(null))
        .put("createdAt", time(c.createdAt()))
        .put("updatedAt", time(c.updatedAt()));
  }

  static JsonObject connectionSummary(ConnectionRecord c) {
    return new JsonObject().put("id", c.id()).put("type", c.type()).put("name", c.name()).put("status", c.status());
  }

  static JsonObject flow(FlowRecord f, JsonObject triggerStatus) {
    JsonObject definition = f.definition();
    return new JsonObject()
        .put("id", f.id())
        .put("name", f.name())
        .put("trigger", definition.getJsonObject("trigger"))
        .put("steps", definition.getJsonArray("steps"))
        .put("enabled", f.enabled())
        .put("triggerStatus", triggerStatus)
        .put("createdAt", time(f.createdAt()))
        .put("updatedAt", time(f.updatedAt()));
  }

  /**
   * A flow's trigger: whether it listens ({@code running}, {@code stopped}, {@code failed} with its
   * {@code message}) and, while it does, its latest report of itself and when it gave it.
   */
  static JsonObject trigger(FlowRecord f, TriggerStatus status) {
    JsonObject json = new JsonObject().put("flowId", f.id()).put("enabled", f.enabled()).put("state", status.state());
    if (status.message() != null) {
      json.put("message", status.message());
    }
    if (status.report() != null) {
      json.put("report", status.report().copy()).put("reportedAt", status.reportedAt().toString());
    }
    return json;
  }

  static JsonObject runSummary(RunRecord r) {
    return new JsonObject()
        .put("id", r.id())
        .put("flowId", r.flowId())
        .put("triggerKey", r.triggerKey())
        .put("status", r.status().value())
        .put("error", r.error())
        .put("createdAt", time(r.createdAt()))
        .put("startedAt", time(r.startedAt()))
        .put("finishedAt", time(r.finishedAt()))
        .put("cancelRequestedAt", time(r.cancelRequestedAt()));
  }

  static JsonObject runPage(RunPage page) {
    JsonArray runs = new JsonArray();
    page.runs().forEach(r -> runs.add(runSummary(r)));
    return new JsonObject().put("runs", runs)
        .put("next", page.lastSeq() == null ? null : RunCursor.encode(page.lastSeq()));
  }

  static JsonObject run(RunRecord r, List<StepRecord> steps) {
    JsonArray stepsJson = new JsonArray();
    steps.forEach(s -> stepsJson.add(step(s)));
    return runSummary(r).put("trigger", r.triggerEvent()).put("steps", stepsJson);
  }

  private static JsonObject step(StepRecord s) {
    JsonObject json = new JsonObject()
        .put("id", s.stepId())
        .put("type", s.type())
        .put("status", s.status().value())
        .put("input", s.input())
        .put("output", s.output())
        .put("error", s.error())
        .put("state", s.state())
        .put("startedAt", time(s.startedAt()))
        .put("finishedAt", time(s.finishedAt()));
    if (s.startedAt() != null && s.finishedAt() != null) {
      json.put("durationMillis", s.finishedAt() - s.startedAt());
    }
    return json;
  }

  private static String time(Long epochMillis) {
    return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
  }
}
