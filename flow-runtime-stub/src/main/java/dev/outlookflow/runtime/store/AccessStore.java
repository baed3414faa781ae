package dev.outlookflow.runtime.store;

import io.vertx.core.Future;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Workspaces and their API keys. */
public final class AccessStore {
  private static final String KEY_COLUMNS = "id, workspace_id, role, key_hash, created_at, revoked_at";
  private final Database db;

  public AccessStore(Database db) {
    this.db = db;
  }

  public Future<Void> insertWorkspace(String id, String name, long now) {
    return db.update("INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)", id, name, now).mapEmpty();
  }

  public Future<Optional<String>> workspaceName(String id) {
    return db.read(sql -> Rows.one(sql, "SELECT name FROM workspaces WHERE id = ?", row -> row.getString(1), id));
  }

  /** Each workspace as {@code [id, name, createdAt]}, oldest first. */
  public Future<List<WorkspaceRow>> workspaces() {
    return db.read(sql -> Rows.list(sql, "SELECT id, name, created_at FROM workspaces ORDER BY created_at, id",
        row -> new WorkspaceRow(row.getString(1), row.getString(2), row.getLong(3))));
  }

  public record WorkspaceRow(String id, String name, long createdAt) {}

  public Future<Void> insertKey(ApiKeyRecord key) {
    return db.update("INSERT INTO api_keys (" + KEY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
        key.id(), key.workspaceId(), key.role(), key.keyHash(), key.createdAt(), key.revokedAt()).mapEmpty();
  }

  /** The key with this hash, unless revoked. */
  public Future<Optional<ApiKeyRecord>> activeKey(String keyHash) {
    return db.read(sql -> Rows.one(sql,
        "SELECT " + KEY_COLUMNS + " FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL",
        AccessStore::mapKey, keyHash));
  }

  public Future<List<ApiKeyRecord>> keys(String workspaceId) {
    return db.read(sql -> Rows.list(sql,
        "SELECT " + KEY_COLUMNS + " FROM api_keys WHERE workspace_id = ? ORDER BY created_at, id",
        AccessStore::mapKey, workspaceId));
  }

  /** Answers false when the workspace has no such active key. */
  public Future<Boolean> revoke(String workspaceId, String keyId, long now) {
    return db.update("UPDATE api_keys SET revoked_at = ? WHERE workspace_id = ? AND id = ? AND revoked_at IS NULL",
        now, workspaceId, keyId).map(changed -> changed == 1);
  }

  private static ApiKeyRecord mapKey(ResultSet row) throws SQLException {
    return new ApiKeyRecord(row.getString("id"), row.getString("workspace_id"), row.getString("role"),
        row.getString("key_hash"), row.getLong("created_at"), Rows.nullableLong(row, "revoked_at"));
  }
}
