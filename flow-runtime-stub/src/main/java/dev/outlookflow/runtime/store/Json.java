package dev.outlookflow.runtime.store;

import io.vertx.core.json.JsonObject;

/** JSON columns: objects stored as text, null stays null. */
final class Json {
  private Json() {}

  static String text(JsonObject value) {
    return value == null ? null : value.encode();
  }

  static JsonObject object(String text) {
    return text == null ? null : new JsonObject(text);
  }
}
