package dev.outlookflow.runtime.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Connections, their private blobs and pending interactive sign-ins. */
public final class ConnectionStore {
  private static final String COLUMNS =
      "id, type, name, properties, status, status_message, action_url, created_at, updated_at";
  private final Database db;

  public ConnectionStore(Database db) {
    this.db = db;
  }

  public Future<Void> insert(ConnectionRecord c) {
    return db.update("INSERT INTO connections (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.id(), c.type(), c.name(), c.properties().encode(), c.status(), c.statusMessage(),
        c.actionUrl(), c.createdAt(), c.updatedAt()).mapEmpty();
  }

  /** Replaces name and properties; answers false when the connection does not exist. */
  public Future<Boolean> update(String id, String name, JsonObject properties, long now) {
    return db.update(
        "UPDATE connections SET name = ?, properties = ?, updated_at = ? WHERE id = ?",
        name, properties.encode(), now, id).map(changed -> changed == 1);
  }

  public Future<Void> updateStatus(String id, String status, String message, String actionUrl, long now) {
    return db.update(
        "UPDATE connections SET status = ?, status_message = ?, action_url = ?, updated_at = ? WHERE id = ?",
        status, message, actionUrl, now, id).mapEmpty();
  }

  public Future<Optional<ConnectionRecord>> find(String id) {
    return db.read(sql -> Rows.one(sql,
        "SELECT " + COLUMNS + " FROM connections WHERE id = ?", ConnectionStore::map, id));
  }

  public Future<List<ConnectionRecord>> list() {
    return db.read(sql -> Rows.list(sql,
        "SELECT " + COLUMNS + " FROM connections ORDER BY created_at, id", ConnectionStore::map));
  }

  /** Deletes the connection with its blobs and pending sign-ins. */
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

  public Future<Void> putSignIn(String state, String connectionId, JsonObject pending, long expiresAt) {
    return db.update(
        "INSERT INTO sign_ins (state, connection_id, pending, expires_at) VALUES (?, ?, ?, ?)",
        state, connectionId, pending.encode(), expiresAt).mapEmpty();
  }

  /** Removes and answers the pending sign-in for {@code state}, if it exists and has not expired. */
  public Future<Optional<PendingSignIn>> takeSignIn(String state, long now) {
    return db.write(sql -> {
      Optional<PendingSignIn> found = Rows.one(sql,
          "SELECT connection_id, pending, expires_at FROM sign_ins WHERE state = ?",
          row -> new PendingSignIn(row.getString(1), new JsonObject(row.getString(2)), row.getLong(3)),
          state);
      Rows.update(sql, "DELETE FROM sign_ins WHERE state = ? OR expires_at < ?", state, now);
      return found.filter(p -> p.expiresAt() >= now);
    });
  }

  /** A sign-in started and not yet completed. */
  public record PendingSignIn(String connectionId, JsonObject pending, long expiresAt) {}

  private static ConnectionRecord map(ResultSet row) throws SQLException {
    return new ConnectionRecord(
        row.getString("id"),
        row.getString("type"),
        row.getString("name"),
        new JsonObject(row.getString("properties")),
        row.getString("status"),
        row.getString("status_message"),
        row.getString("action_url"),
        row.getLong("created_at"),
        row.getLong("updated_at"));
  }
}
