package dev.outlookflow.runtime.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Holds what actions really return to what they declare: each succeeded step's output must match the
 * {@code output} schema the catalog publishes for its action, where an object from a record allows no
 * property it does not list ({@code additionalProperties: false}). A schema that drifted from the code
 * fails the end-to-end test that ran the step.
 */
public final class DeclaredOutputs {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private DeclaredOutputs() {}

  /** Fails with the step, its action and the mismatches when an output is not as declared. */
  public static void check(ApiClient api, JsonObject run) {
    JsonArray steps = run.getJsonArray("steps", new JsonArray());
    if (steps.stream().noneMatch(s -> "succeeded".equals(((JsonObject) s).getString("status")))) {
      return;
    }
    JsonArray actions = api.get("/api/v1/catalog").json().getJsonArray("actions");
    for (Object item : steps) {
      JsonObject step = (JsonObject) item;
      if ("succeeded".equals(step.getString("status")) && step.getValue("output") != null) {
        conforms("step " + step.getString("id") + "'s output", declared(actions, step.getString("type")),
            step.getString("type"), step.getValue("output"));
      }
    }
  }

  /** The same for an event a trigger of type {@code type} emitted. */
  public static void checkEvent(ApiClient api, String type, JsonObject event) {
    conforms("the event", declared(api.get("/api/v1/catalog").json().getJsonArray("triggers"), type), type, event);
  }

  private static void conforms(String what, JsonObject schema, String type, Object value) {
    Set<ValidationMessage> mismatches = SCHEMAS.getSchema(tree(schema)).validate(tree(value));
    if (!mismatches.isEmpty()) {
      throw new AssertionError(what + " does not match the output " + type + " declares: " + mismatches.stream()
          .map(ValidationMessage::getMessage).collect(Collectors.joining("; ")) + "\nvalue: " + value);
    }
  }

  private static JsonObject declared(JsonArray entries, String type) {
    return entries.stream().map(JsonObject.class::cast).filter(a -> type.equals(a.getString("id"))).findFirst()
        .map(a -> a.getJsonObject("output"))
        .orElseThrow(() -> new AssertionError("the catalog declares no output for " + type));
  }

  private static JsonNode tree(Object json) {
    try {
      return JSON.readTree(json instanceof JsonObject object ? object.encode() : String.valueOf(json));
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
