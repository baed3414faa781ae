package dev.outlookflow.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonObject;

/** Converts between Vert.x JSON (the plugin API's) and Jackson trees (the form library's). */
public final class JsonBridge {
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonLimits.factory());

  private JsonBridge() {}

  /** Refuses (with a sentence) a value past the runtime's JSON limits, e.g. nested deeper than it reads. */
  public static ObjectNode tree(JsonObject json) {
    try {
      return (ObjectNode) MAPPER.readTree(json.encode());
    } catch (StreamConstraintsException e) {
      throw new IllegalArgumentException("the value is past the runtime's JSON limits (nesting "
          + JsonLimits.MAX_NESTING + " levels, strings " + JsonLimits.MAX_STRING_LENGTH + " characters)", e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JsonObject always encodes to an object", e);
    }
  }

  public static JsonObject object(JsonNode node) {
    return new JsonObject(node.toString());
  }
}
