package dev.outlookflow.sandbox.delta;

import dev.outlookflow.sandbox.mail.StoredMessage;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/** How a delta page shows a message: created in full (or as selected), updated, or removed. */
final class DeltaItems {
  private static final Set<String> HEAVY = Set.of("internetMessageHeaders", "attachments",
      "singleValueExtendedProperties");

  private DeltaItems() {}

  /** A created item in full, or as selected: Graph's standard representation. */
  static JsonObject created(StoredMessage message, DeltaOptions options, boolean immutableIds) {
    JsonObject view = message.view(immutableIds);
    JsonObject item = new JsonObject().put("@odata.type", "#microsoft.graph.message");
    if (options.select().isEmpty()) {
      view.forEach(e -> {
        if (!HEAVY.contains(e.getKey())) {
          item.put(e.getKey(), e.getValue());
        }
      });
      return item;
    }
    item.put("@odata.etag", view.getValue("@odata.etag"));
    options.select().stream().filter(view::containsKey).forEach(field -> item.put(field, view.getValue(field)));
    return item.put("id", view.getValue("id"));
  }

  /** An updated item: its id and the properties that changed. */
  static JsonObject updated(StoredMessage message, Set<String> fields, boolean immutableIds) {
    JsonObject view = message.view(immutableIds);
    JsonObject item = new JsonObject().put("@odata.type", "#microsoft.graph.message")
        .put("@odata.etag", view.getValue("@odata.etag"));
    fields.stream().sorted().filter(view::containsKey).forEach(field -> item.put(field, view.getValue(field)));
    return item.put("id", view.getValue("id"));
  }

  static JsonObject removed(String id) {
    return new JsonObject().put("@odata.type", "#microsoft.graph.message").put("id", id)
        .put("@removed", new JsonObject().put("reason", "deleted"));
  }

  static boolean isRemoval(JsonObject item) {
    return item.containsKey("@removed");
  }
}
