package dev.outlookflow.runtime.engine;

import dev.outlookflow.uischema.form.FieldDefinition;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.Form;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The display copy of what a run handled: secret fields redacted, long strings (attachments, mail
 * bodies) cut with a note of their original size, so run records do not become a second copy of
 * everyone's mail and secrets.
 */
public final class RecordHygiene {
  static final int MAX_STRING = 4096;
  static final int KEPT = 64;
  static final String REDACTED = "[redacted]";

  private RecordHygiene() {}

  public static JsonObject display(JsonObject value, Form form) {
    JsonObject copy = truncated(value);
    if (form != null) {
      for (FieldDefinition field : form.fieldsOfType(FieldType.SECRET)) {
        if (copy.containsKey(field.name())) {
          copy.put(field.name(), REDACTED);
        }
      }
    }
    return copy;
  }

  public static JsonObject truncated(JsonObject value) {
    JsonObject copy = new JsonObject();
    value.forEach(entry -> copy.put(entry.getKey(), cut(entry.getValue())));
    return copy;
  }

  private static Object cut(Object value) {
    if (value instanceof String text && text.length() > MAX_STRING) {
      return text.substring(0, KEPT) + "… [truncated: " + text.length() + " characters]";
    }
    if (value instanceof JsonObject object) {
      return truncated(object);
    }
    if (value instanceof JsonArray array) {
      JsonArray copy = new JsonArray();
      array.forEach(item -> copy.add(cut(item)));
      return copy;
    }
    return value;
  }
}
