package dev.outlookflow.runtime.connections;

import dev.outlookflow.runtime.secrets.DataKey;
import dev.outlookflow.uischema.form.FieldDefinition;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.Form;
import io.vertx.core.json.JsonObject;

/**
 * Seals a connection's secret fields for storage, each bound to its workspace, connection and field,
 * and opens them again for the extension that needs them.
 */
final class ConnectionSecrets {
  static final String SEALED = "$sealed";

  private ConnectionSecrets() {}

  static JsonObject seal(Form form, JsonObject plaintext, DataKey key, String workspaceId, String connectionId) {
    JsonObject sealed = plaintext.copy();
    for (FieldDefinition field : form.fieldsOfType(FieldType.SECRET)) {
      Object value = sealed.getValue(field.name());
      if (value instanceof String secret) {
        sealed.put(field.name(), new JsonObject().put(SEALED,
            key.seal(secret, workspaceId, connectionId, "field:" + field.name())));
      }
    }
    return sealed;
  }

  /** Throws {@code SecretUnreadableException} if a value was sealed for another place or key. */
  static JsonObject open(JsonObject stored, DataKey key, String workspaceId, String connectionId) {
    JsonObject plaintext = stored.copy();
    for (String name : stored.fieldNames()) {
      if (stored.getValue(name) instanceof JsonObject value && value.containsKey(SEALED)) {
        plaintext.put(name, key.open(value.getString(SEALED), workspaceId, connectionId, "field:" + name));
      }
    }
    return plaintext;
  }
}
