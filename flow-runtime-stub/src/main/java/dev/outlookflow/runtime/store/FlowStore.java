package dev.outlookflow.runtime.store;

import dev.outlookflow.runtime.model.FlowRecord;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Flows and the durable state of their triggers. */
public final class FlowStore {
  private static final String COLUMNS = "id, workspace_id, name, definition, enabled, created_at, updated_at";
  private final Database db;

  public FlowStore(Database db) {
    this.db = db;
  }

  public Future<Void> insert(FlowRecord flow) {
    return db.update("INSERT INTO flows (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
        flow.id(), flow.workspaceId(), flow.name(), flow.definition().encode(), flow.enabled(), flow.createdAt(),
        flow.updatedAt()).mapEmpty();
  }

  public Future<Boolean> update(String id, String name, JsonObject definition, long now) {
    return db.update(
        "UPDATE flows SET name = ?, definition = ?, updated_at = ? WHERE id = ?",
        name, definition.encode(), now, id).map(changed -> changed == 1);
  }

  public Future<Boolean> setEnabled(String id, boolean enabled, long now) {
    return db.update(
        "UPDATE flows SET enabled = ?, updated_at = ? WHERE id = ?", enabled, now, id).map(changed -> changed == 1);
  }

  /** The flow, if it exists in this workspace. */
  public Future<Optional<FlowRecord>> find(String workspaceId, String id) {
    return db.read(sql -> Rows.one(sql, "SELECT " + COLUMNS + " FROM flows WHERE workspace_id = ? AND id = ?",
        FlowStore::map, workspaceId, id));
  }

  public Future<List<FlowRecord>> list(String workspaceId) {
    return db.read(sql -> Rows.list(sql,
        "SELECT " + COLUMNS + " FROM flows WHERE workspace_id = ? ORDER BY created_at, id", FlowStore::map,
        workspaceId));
  }

  /** The enabled flows of every workspace, whose triggers start with the runtime. */
  public Future<List<FlowRecord>> listEnabled() {
    return db.read(sql -> Rows.list(sql,
        "SELECT " + COLUMNS + " FROM flows WHERE enabled = TRUE ORDER BY created_at, id", FlowStore::map));
  }

  /** Deletes the flow with its runs and trigger state. */
  public Future<Boolean> delete(String id) {
    return db.update("DELETE FROM flows WHERE id = ?", id).map(changed -> changed == 1);
  }

  public Future<Optional<String>> triggerState(String flowId, String name) {
    return db.read(sql -> Rows.one(sql,
        "SELECT content FROM trigger_state WHERE flow_id = ? AND name = ?",
        row -> row.getString(1), flowId, name));
  }

  public Future<Void> putTriggerState(String flowId, String name, String content) {
    return db.write(sql -> {
      int updated = Rows.update(sql,
          "UPDATE trigger_state SET content = ? WHERE flow_id = ? AND name = ?", content, flowId, name);
      if (updated == 0) {
        Rows.update(sql, "INSERT INTO trigger_state (flow_id, name, content) VALUES (?, ?, ?)",
            flowId, name, content);
      }
      return null;
    });
  }

  public Future<Void> removeTriggerState(String flowId, String name) {
    return db.update("DELETE FROM trigger_state WHERE flow_id = ? AND name = ?", flowId, name).mapEmpty();
  }

  public Future<Void> clearTriggerState(String flowId) {
    return db.update("DELETE FROM trigger_state WHERE flow_id = ?", flowId).mapEmpty();
  }

  private static FlowRecord map(ResultSet row) throws SQLException {
    return new FlowRecord(
        row.getString("id"),
        row.getString("workspace_id"),
        row.getString("name"),
        new JsonObject(row.getString("definition")),
        row.getBoolean("enabled"),
        row.getLong("created_at"),
        row.getLong("updated_at"));
  }
}
