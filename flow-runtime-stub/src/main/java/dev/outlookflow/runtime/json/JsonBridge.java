package dev.outlookflow.runtime.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.VertxModule;
import java.util.Map;

/**
 * Between Vert.x JSON (the HTTP API's and the store's records) and Jackson trees (forms, expressions,
 * the plugin contract), tree to tree: nothing is written out as text and parsed again, so a value
 * holding a 47-million-character attachment is converted without copying it. Text is parsed and
 * written here with the runtime's limits ({@link JsonLimits}).
 */
public final class JsonBridge {
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonLimits.factory()).registerModule(new VertxModule());

  private JsonBridge() {}

  public static ObjectNode tree(JsonObject json) {
    return MAPPER.valueToTree(json);
  }

  @SuppressWarnings("unchecked")
  public static JsonObject object(JsonNode node) {
    return new JsonObject(MAPPER.convertValue(node, Map.class));
  }

  /** Refuses (with a sentence) text past the runtime's JSON limits, e.g. nested deeper than it reads. */
  public static ObjectNode parse(String text) {
    try {
      return (ObjectNode) MAPPER.readTree(text);
    } catch (StreamConstraintsException e) {
      throw new IllegalArgumentException("the value is past the runtime's JSON limits (nesting "
          + JsonLimits.MAX_NESTING + " levels, strings " + JsonLimits.MAX_STRING_LENGTH + " characters)", e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the stored value is not a JSON object: " + e.getOriginalMessage(), e);
    }
  }

  public static String text(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree always writes as JSON", e);
    }
  }
}
