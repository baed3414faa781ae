package dev.outlookflow.runtime.store;

import dev.outlookflow.runtime.model.ConnectionRecord;
import dev.outlookflow.runtime.secrets.WrappedKey;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Connections and their private blobs. */
public final class ConnectionStore {
  private static final String COLUMNS =
      "id, workspace_id, type, name, properties, status, status_message, created_at, updated_at";
  private static final String SELECT = "SELECT c.id, c.workspace_id, c.type, c.name, c.properties, c.status, "
      + "c.status_message, c.created_at, c.updated_at, k.master_key_id, k.wrapped_key "
      + "FROM connections c LEFT JOIN connection_keys k ON k.connection_id = c.id ";
  private final Database db;

  public ConnectionStore(Database db) {
    this.db = db;
  }

  /** Stores the connection and its wrapped data key together. */
  public Future<Void> insert(ConnectionRecord c) {
    return db.write(sql -> {
      Rows.update(sql, "INSERT INTO connections (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          c.id(), c.workspaceId(), c.type(), c.name(), c.properties().encode(), c.status(), c.statusMessage(),
          c.createdAt(), c.updatedAt());
      return Rows.update(sql, "INSERT INTO connection_keys (connection_id, master_key_id, wrapped_key) VALUES (?, ?, ?)",
          c.id(), c.dataKey().masterKeyId(), c.dataKey().wrapped());
    }).mapEmpty();
  }

  /** Replaces name and properties; answers false when the connection does not exist. */
  public Future<Boolean> update(String id, String name, JsonObject properties, long now) {
    return db.update(
        "UPDATE connections SET name = ?, properties = ?, updated_at = ? WHERE id = ?",
        name, properties.encode(), now, id).map(changed -> changed == 1);
  }

  /** Every wrapped data key, for master key rotation. */
  public Future<List<WrappedKeyRow>> wrappedKeys() {
    return db.read(sql -> Rows.list(sql, "SELECT connection_id, master_key_id, wrapped_key FROM connection_keys",
        row -> new WrappedKeyRow(row.getString(1), new WrappedKey(row.getString(2), row.getString(3)))));
  }

  public record WrappedKeyRow(String connectionId, WrappedKey key) {}

  /** Replaces wrapped data keys in one transaction. */
  public Future<Void> rewrap(List<WrappedKeyRow> keys) {
    return db.write(sql -> {
      for (WrappedKeyRow row : keys) {
        Rows.update(sql, "UPDATE connection_keys SET master_key_id = ?, wrapped_key = ? WHERE connection_id = ?",
            row.key().masterKeyId(), row.key().wrapped(), row.connectionId());
      }
      return null;
    });
  }

  /**
   * Sets the status and its message, unless both are already so: a status is written only when it changes.
   * Answers the status it replaced, empty when it wrote nothing.
   */
  public Future<Optional<String>> updateStatus(String id, String status, String message, long now) {
    return replaceStatus(id, status, message, now, "NOT (status = ? AND status_message IS NOT DISTINCT FROM ?)",
        status, message);
  }

  /**
   * Sets {@code connected} with the message, unless the connection already is (its message then stays).
   * Answers the status it replaced, empty when it wrote nothing.
   */
  public Future<Optional<String>> confirmConnected(String id, String message, long now) {
    return replaceStatus(id, "connected", message, now, "status <> 'connected'");
  }

  /** Writes the status where the fixed {@code condition} holds; answers the status it replaced. */
  private Future<Optional<String>> replaceStatus(String id, String status, String message, long now,
      String condition, Object... parameters) {
    Object[] selected = new Object[parameters.length + 1];
    selected[0] = id;
    System.arraycopy(parameters, 0, selected, 1, parameters.length);
    return db.write(sql -> {
      Optional<String> before = Rows.one(sql, "SELECT status FROM connections WHERE id = ? AND " + condition
          + " FOR UPDATE", row -> row.getString(1), selected);
      if (before.isPresent()) {
        Rows.update(sql, "UPDATE connections SET status = ?, status_message = ?, updated_at = ? WHERE id = ?",
            status, message, now, id);
      }
      return before;
    });
  }

  /** The connection with this id in whichever workspace holds it: for links opened without a key. */
  public Future<Optional<ConnectionRecord>> findAnywhere(String id) {
    return db.read(sql -> Rows.one(sql, SELECT + "WHERE c.id = ?", ConnectionStore::map, id));
  }

  /** The connection, if it exists in this workspace. */
  public Future<Optional<ConnectionRecord>> find(String workspaceId, String id) {
    return db.read(sql -> Rows.one(sql, SELECT + "WHERE c.workspace_id = ? AND c.id = ?",
        ConnectionStore::map, workspaceId, id));
  }

  public Future<List<ConnectionRecord>> list(String workspaceId) {
    return db.read(sql -> Rows.list(sql, SELECT + "WHERE c.workspace_id = ? ORDER BY c.created_at, c.id",
        ConnectionStore::map, workspaceId));
  }

  /** Deletes the connection with its data key (so its ciphertexts become unreadable), blobs and sign-ins. */
  public Future<Boolean> delete(String id) {
    return db.update("DELETE FROM connections WHERE id = ?", id).map(changed -> changed == 1);
  }

  public Future<Optional<Buffer>> blob(String connectionId, String name) {
    return db.read(sql -> Rows.one(sql,
        "SELECT content_base64 FROM connection_blobs WHERE connection_id = ? AND name = ?",
        row -> Buffer.buffer(Base64.getDecoder().decode(row.getString(1))), connectionId, name));
  }

  public Future<Void> putBlob(String connectionId, String name, Buffer content, long now) {
    String encoded = Base64.getEncoder().encodeToString(content.getBytes());
    return db.write(sql -> {
      int updated = Rows.update(sql,
          "UPDATE connection_blobs SET content_base64 = ?, updated_at = ? WHERE connection_id = ? AND name = ?",
          encoded, now, connectionId, name);
      if (updated == 0) {
        Rows.update(sql,
            "INSERT INTO connection_blobs (connection_id, name, content_base64, updated_at) VALUES (?, ?, ?, ?)",
            connectionId, name, encoded, now);
      }
      return null;
    });
  }

  public Future<Void> deleteBlob(String connectionId, String name) {
    return db.update("DELETE FROM connection_blobs WHERE connection_id = ? AND name = ?",
        connectionId, name).mapEmpty();
  }

  private static ConnectionRecord map(ResultSet row) throws SQLException {
    return new ConnectionRecord(
        row.getString("id"),
        row.getString("workspace_id"),
        row.getString("type"),
        row.getString("name"),
        new JsonObject(row.getString("properties")),
        row.getString("wrapped_key") == null
            ? null
            : new WrappedKey(row.getString("master_key_id"), row.getString("wrapped_key")),
        row.getString("status"),
        row.getString("status_message"),
        row.getLong("created_at"),
        row.getLong("updated_at"));
  }
}
