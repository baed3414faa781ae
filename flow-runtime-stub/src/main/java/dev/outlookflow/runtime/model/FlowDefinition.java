package dev.outlookflow.runtime.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** A validated flow: one trigger and ordered steps. */
public record FlowDefinition(String name, TriggerSpec trigger, List<StepSpec> steps) {

  public record TriggerSpec(String type, JsonObject properties) {}

  public record StepSpec(String id, String type, JsonObject properties) {}

  public FlowDefinition {
    steps = List.copyOf(steps);
  }

  /** Reads a definition that was validated when stored. */
  public static FlowDefinition fromJson(JsonObject json) {
    JsonObject trigger = json.getJsonObject("trigger");
    List<StepSpec> steps = new ArrayList<>();
    for (Object step : json.getJsonArray("steps")) {
      JsonObject s = (JsonObject) step;
      steps.add(new StepSpec(s.getString("id"), s.getString("type"), s.getJsonObject("properties")));
    }
    return new FlowDefinition(json.getString("name"),
        new TriggerSpec(trigger.getString("type"), trigger.getJsonObject("properties")), steps);
  }

  public JsonObject toJson() {
    JsonArray stepsJson = new JsonArray();
    steps.forEach(s -> stepsJson.add(new JsonObject().put("id", s.id()).put("type", s.type())
        .put("properties", s.properties())));
    return new JsonObject()
        .put("name", name)
        .put("trigger", new JsonObject().put("type", trigger.type()).put("properties", trigger.properties()))
        .put("steps", stepsJson);
  }
}
