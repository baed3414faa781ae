package dev.outlookflow.runtime.model;

import dev.outlookflow.runtime.secrets.WrappedKey;
import io.vertx.core.json.JsonObject;

/**
 * A stored connection. Secret properties are sealed ({@code {"$sealed": ...}}) with the connection's
 * data key, which is stored wrapped by the master key.
 */
public record ConnectionRecord(
    String id,
    String workspaceId,
    String type,
    String name,
    JsonObject properties,
    WrappedKey dataKey,
    String status,
    String statusMessage,
    long createdAt,
    long updatedAt) {

  public ConnectionRecord withProperties(JsonObject newProperties) {
    return new ConnectionRecord(id, workspaceId, type, name, newProperties, dataKey, status, statusMessage,
        createdAt, updatedAt);
  }
}
