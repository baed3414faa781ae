package dev.outlookflow.outlook.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.jackson.VertxModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Graph's answers, read as Vert.x JSON, as Jackson trees for what goes to the runtime (a list step's
 * output): the runtime writes it with its own Jackson mapper, which knows nothing of Vert.x's types.
 * Converted value to value with Vert.x's Jackson module, never through text.
 */
public final class GraphJson {
  private static final ObjectMapper VERTX_AWARE = new ObjectMapper().registerModule(new VertxModule());

  private GraphJson() {}

  /** The items of a Graph collection, e.g. a page's {@code value}, each as Graph wrote it. */
  public static List<JsonNode> items(JsonArray collection) {
    List<JsonNode> items = new ArrayList<>(collection.size());
    VERTX_AWARE.<JsonNode>valueToTree(collection).forEach(items::add);
    return items;
  }
}
