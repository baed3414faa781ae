package dev.outlookflow.runtime.store;

import dev.outlookflow.runtime.model.ApiKeyRecord;
import dev.outlookflow.runtime.model.WorkspaceRecord;
import io.vertx.core.Future;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Workspaces and their API keys. */
public final class AccessStore {
  /** The role of instance admin keys, as stored. */
  private static final String INSTANCE_ADMIN = "instance_admin";
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

  /** Every workspace, oldest first. */
  public Future<List<WorkspaceRecord>> workspaces() {
    return db.read(sql -> Rows.list(sql, "SELECT id, name, created_at FROM workspaces ORDER BY created_at, id",
        row -> new WorkspaceRecord(row.getString(1), row.getString(2), row.getLong(3))));
  }

  public Future<Void> insertKey(ApiKeyRecord key) {
    return db.update("INSERT INTO api_keys (" + KEY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
        key.id(), key.workspaceId(), key.role(), key.keyHash(), key.createdAt(), key.revokedAt()).mapEmpty();
  }

  /** The key with this hash, revoked or not. */
  public Future<Optional<ApiKeyRecord>> keyByHash(String keyHash) {
    return db.read(sql -> Rows.one(sql, "SELECT " + KEY_COLUMNS + " FROM api_keys WHERE key_hash = ?",
        AccessStore::mapKey, keyHash));
  }

  /** The key with this hash, unless revoked. */
  public Future<Optional<ApiKeyRecord>> activeKey(String keyHash) {
    return db.read(sql -> Rows.one(sql,
        "SELECT " + KEY_COLUMNS + " FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL",
        AccessStore::mapKey, keyHash));
  }

  /** A workspace's own keys: instance admin keys are not a workspace's, even of the one they act in. */
  public Future<List<ApiKeyRecord>> keys(String workspaceId) {
    return db.read(sql -> Rows.list(sql, "SELECT " + KEY_COLUMNS + " FROM api_keys WHERE workspace_id = ? AND role <> ? "
        + "ORDER BY created_at, id", AccessStore::mapKey, workspaceId, INSTANCE_ADMIN));
  }

  /** Answers false when the workspace has no such active key of its own. */
  public Future<Boolean> revoke(String workspaceId, String keyId, long now) {
    return db.update("UPDATE api_keys SET revoked_at = ? WHERE workspace_id = ? AND id = ? AND role <> ? "
        + "AND revoked_at IS NULL", now, workspaceId, keyId, INSTANCE_ADMIN).map(changed -> changed == 1);
  }

  public Future<List<ApiKeyRecord>> instanceKeys() {
    return db.read(sql -> Rows.list(sql, "SELECT " + KEY_COLUMNS + " FROM api_keys WHERE role = ? "
        + "ORDER BY created_at, id", AccessStore::mapKey, INSTANCE_ADMIN));
  }

  /** What became of a request to revoke an instance key. */
  public enum Revocation { REVOKED, NOT_FOUND, LAST_KEY }

  /**
   * Revokes an active instance key, inserting {@code replacement} (may be null) in the same
   * transaction; never the last one. The active instance keys are locked first, so that two
   * revocations at once cannot leave none.
   */
  public Future<Revocation> revokeInstanceKey(String keyId, ApiKeyRecord replacement, long now) {
    return db.write(sql -> {
      List<String> active = Rows.list(sql, "SELECT id FROM api_keys WHERE role = ? AND revoked_at IS NULL FOR UPDATE",
          row -> row.getString(1), INSTANCE_ADMIN);
      if (!active.contains(keyId)) {
        return Revocation.NOT_FOUND;
      }
      if (replacement == null && active.size() == 1) {
        return Revocation.LAST_KEY;
      }
      if (replacement != null) {
        Rows.update(sql, "INSERT INTO api_keys (" + KEY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", replacement.id(),
            replacement.workspaceId(), replacement.role(), replacement.keyHash(), replacement.createdAt(), null);
      }
      Rows.update(sql, "UPDATE api_keys SET revoked_at = ? WHERE id = ?", now, keyId);
      return Revocation.REVOKED;
    });
  }

  private static ApiKeyRecord mapKey(ResultSet row) throws SQLException {
    return new ApiKeyRecord(row.getString("id"), row.getString("workspace_id"), row.getString("role"),
        row.getString("key_hash"), row.getLong("created_at"), Rows.nullableLong(row, "revoked_at"));
  }
}
