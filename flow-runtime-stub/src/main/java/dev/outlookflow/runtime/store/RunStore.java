package dev.outlookflow.runtime.store;

import dev.outlookflow.runtime.model.RunPage;
import dev.outlookflow.runtime.model.RunQuery;
import dev.outlookflow.runtime.model.RunRecord;
import dev.outlookflow.runtime.model.RunStart;
import dev.outlookflow.runtime.model.RunStatus;
import dev.outlookflow.runtime.model.StepRecord;
import dev.outlookflow.runtime.secrets.WrappedKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Runs, their steps and run keys. Every write completes only once committed. */
public final class RunStore {
  private static final String RUN_COLUMNS = "id, workspace_id, flow_id, flow_snapshot, trigger_event, "
      + "sealed_event, status, error, created_at, started_at, finished_at, cancel_requested_at, trigger_key";
  /** A run not yet ended: the only kind whose status may change. */
  private static final String UNFINISHED = "status IN ('" + RunStatus.QUEUED.value() + "', '"
      + RunStatus.RUNNING.value() + "')";
  /** For readers of records: the sealed event stays in the database (see {@link #stepRecords}). */
  private static final String RECORD_COLUMNS = RUN_COLUMNS.replace("sealed_event", "NULL AS sealed_event");
  private static final String STEP_COLUMNS = "run_id, step_id, position, type, status, input, sealed_input, "
      + "output, sealed_output, error, started_at, finished_at";
  private final Database db;

  public RunStore(Database db) {
    this.db = db;
  }

  /** Stores a new run with its wrapped run key. */
  public Future<Void> insert(RunRecord run, WrappedKey runKey) {
    return db.write(sql -> insertRun(sql, run, runKey)).mapEmpty();
  }

  private static int insertRun(Connection sql, RunRecord run, WrappedKey runKey) throws SQLException {
    Rows.update(sql, "INSERT INTO runs (" + RUN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        run.id(), run.workspaceId(), run.flowId(), run.flowSnapshot().encode(), run.triggerEvent().encode(),
        run.sealedEvent(), run.status().value(), Json.text(run.error()), run.createdAt(), run.startedAt(),
        run.finishedAt(), run.cancelRequestedAt(), run.triggerKey());
    return Rows.update(sql, "INSERT INTO run_keys (run_id, master_key_id, wrapped_key) VALUES (?, ?, ?)",
        run.id(), runKey.masterKeyId(), runKey.wrapped());
  }

  /** The run that holds a trigger's key for its flow, if the key was used (the run may since be purged). */
  public Future<Optional<String>> runForKey(String flowId, String triggerKey) {
    return db.read(sql -> Rows.one(sql, "SELECT run_id FROM trigger_keys WHERE flow_id = ? AND trigger_key = ?",
        row -> row.getString(1), flowId, triggerKey));
  }

  /**
   * Stores the run under its trigger's key ({@code run.triggerKey()}) for its flow, unless the key already has
   * one: answers the id of the run that holds the key ({@code run.id()} when this call stored it). The key row,
   * with the key's time ({@code keyTime}, epoch millis), and the run are one transaction. Callers keep one
   * write per key at a time ({@code RunEngine.enqueueOnce}): H2 answers a second writer of an uncommitted key
   * by retrying until its lock timeout, not by waiting for the commit.
   */
  public Future<String> insertOnce(RunRecord run, WrappedKey runKey, long keyTime) {
    String triggerKey = run.triggerKey();
    return db.write(sql -> {
      Savepoint beforeKey = sql.setSavepoint();
      try {
        Rows.update(sql, "INSERT INTO trigger_keys (flow_id, trigger_key, run_id, created_at, key_time) "
            + "VALUES (?, ?, ?, ?, ?)", run.flowId(), triggerKey, run.id(), run.createdAt(), keyTime);
      } catch (SQLException e) {
        if (!Rows.UNIQUE_VIOLATION.equals(e.getSQLState())) {
          throw e;
        }
        // PostgreSQL aborts a transaction at its first error; back to before it, then read the key's run
        // (committed by the other writer: visible at READ COMMITTED, the isolation the store uses).
        sql.rollback(beforeKey);
        return Rows.one(sql, "SELECT run_id FROM trigger_keys WHERE flow_id = ? AND trigger_key = ?",
            row -> row.getString(1), run.flowId(), triggerKey).orElseThrow(() -> new IllegalStateException(
                "flow " + run.flowId() + " was deleted while its trigger emitted a key", e));
      }
      insertRun(sql, run, runKey);
      return run.id();
    });
  }

  /** Forgets the flow's trigger keys whose time is before {@code mark} (epoch millis); answers how many. */
  public Future<Long> forgetKeysBefore(String flowId, long mark) {
    return db.update("DELETE FROM trigger_keys WHERE flow_id = ? AND key_time < ?", flowId, mark)
        .map(Integer::longValue);
  }

  public Future<Optional<WrappedKey>> runKey(String runId) {
    return db.read(sql -> Rows.one(sql, "SELECT master_key_id, wrapped_key FROM run_keys WHERE run_id = ?",
        row -> new WrappedKey(row.getString(1), row.getString(2)), runId));
  }

  /** Every wrapped run key, for master key rotation. */
  public Future<List<KeyRow>> wrappedKeys() {
    return db.read(sql -> Rows.list(sql, "SELECT run_id, master_key_id, wrapped_key FROM run_keys",
        row -> new KeyRow(row.getString(1), new WrappedKey(row.getString(2), row.getString(3)))));
  }

  public record KeyRow(String runId, WrappedKey key) {}

  public Future<Void> rewrap(List<KeyRow> keys) {
    return db.write(sql -> {
      for (KeyRow row : keys) {
        Rows.update(sql, "UPDATE run_keys SET master_key_id = ?, wrapped_key = ? WHERE run_id = ?",
            row.key().masterKeyId(), row.key().wrapped(), row.runId());
      }
      return null;
    });
  }

  /**
   * Marks the run running, unless a cancellation was asked for or it has ended: the row is locked as
   * {@link #requestCancel} locks it, so a run is never started after its cancellation is stored.
   */
  public Future<RunStart> start(String runId, long now) {
    return db.write(sql -> {
      if (Rows.update(sql, "UPDATE runs SET status = ?, started_at = ? WHERE id = ? AND status = ? "
          + "AND cancel_requested_at IS NULL", RunStatus.RUNNING.value(), now, runId, RunStatus.QUEUED.value()) == 1) {
        return RunStart.STARTED;
      }
      return Rows.one(sql, "SELECT id FROM runs WHERE id = ? AND status = ? AND cancel_requested_at IS NULL FOR UPDATE",
          row -> RunStart.RESUMED, runId, RunStatus.RUNNING.value()).orElse(RunStart.REFUSED);
    });
  }

  /**
   * Stores that the run is to be cancelled, if it has not ended; answers the run as it is then (empty
   * when the workspace has no such run). Asked again, the first request's time stays.
   */
  public Future<Optional<RunRecord>> requestCancel(String workspaceId, String runId, long now) {
    return db.write(sql -> {
      Rows.update(sql, "UPDATE runs SET cancel_requested_at = COALESCE(cancel_requested_at, ?) "
          + "WHERE workspace_id = ? AND id = ? AND " + UNFINISHED, now, workspaceId, runId);
      return Rows.one(sql, "SELECT " + RECORD_COLUMNS + " FROM runs WHERE workspace_id = ? AND id = ?",
          RunStore::mapRun, workspaceId, runId);
    });
  }

  /**
   * Ends a run: its status, and the hygiene of its record: the sealed full values are cleared and
   * the run key destroyed, so only the display copies remain. A run already ended keeps how it ended.
   * A cancelled run's steps still recorded running (a crash or shutdown left them so) end cancelled with
   * {@code error}. Answers how long the run took, from its start (or creation, if it never started) to
   * {@code now}; empty when it had ended already.
   */
  public Future<OptionalLong> finish(String runId, RunStatus status, JsonObject error, long now) {
    return db.write(sql -> {
      Optional<Long> began = Rows.one(sql, "SELECT COALESCE(started_at, created_at) FROM runs WHERE id = ? AND "
          + UNFINISHED + " FOR UPDATE", row -> row.getLong(1), runId);
      if (began.isEmpty()) {
        return OptionalLong.empty();
      }
      Rows.update(sql, "UPDATE runs SET status = ?, error = ?, finished_at = ?, sealed_event = NULL WHERE id = ?",
          status.value(), Json.text(error), now, runId);
      if (status == RunStatus.CANCELLED) {
        Rows.update(sql, "UPDATE steps SET status = ?, error = ?, finished_at = ? WHERE run_id = ? AND status = ?",
            RunStatus.CANCELLED.value(), Json.text(error), now, runId, RunStatus.RUNNING.value());
      }
      Rows.update(sql, "UPDATE steps SET sealed_input = NULL, sealed_output = NULL WHERE run_id = ?", runId);
      Rows.update(sql, "DELETE FROM run_keys WHERE run_id = ?", runId);
      return OptionalLong.of(now - began.get());
    });
  }

  /** The run, if it belongs to this workspace. */
  public Future<Optional<RunRecord>> find(String workspaceId, String runId) {
    return db.read(sql -> Rows.one(sql, "SELECT " + RECORD_COLUMNS + " FROM runs WHERE workspace_id = ? AND id = ?",
        RunStore::mapRun, workspaceId, runId));
  }

  /** A page of the workspace's runs that pass the query's filters, newest first. */
  public Future<RunPage> list(RunQuery query) {
    StringBuilder where = new StringBuilder("workspace_id = ?");
    List<Object> parameters = new ArrayList<>(List.of(query.workspaceId()));
    filter(where, parameters, "flow_id = ?", query.flowId());
    filter(where, parameters, "status = ?", query.status() == null ? null : query.status().value());
    filter(where, parameters, "created_at >= ?", query.since());
    filter(where, parameters, "seq < ?", query.beforeSeq());
    // One more than asked for tells whether another page follows.
    parameters.add(query.limit() + 1);
    return db.read(sql -> Rows.list(sql, "SELECT seq, " + RECORD_COLUMNS + " FROM runs WHERE " + where
            + " ORDER BY seq DESC LIMIT ?", row -> new Listed(row.getLong("seq"), mapRun(row)), parameters.toArray()))
        .map(rows -> {
          List<Listed> page = rows.subList(0, Math.min(rows.size(), query.limit()));
          Long lastSeq = rows.size() > query.limit() ? page.get(page.size() - 1).seq() : null;
          return new RunPage(page.stream().map(Listed::run).toList(), lastSeq);
        });
  }

  /** A run with its place in the order runs were stored. */
  private record Listed(long seq, RunRecord run) {}

  /** Adds a fixed condition on a column when its value is given; values only ever go in as parameters. */
  private static void filter(StringBuilder where, List<Object> parameters, String condition, Object value) {
    if (value != null) {
      where.append(" AND ").append(condition);
      parameters.add(value);
    }
  }

  /** Runs a crash or shutdown left queued or running, oldest first. */
  public Future<List<RunRecord>> listUnfinished() {
    return db.read(sql -> Rows.list(sql,
        "SELECT " + RUN_COLUMNS + " FROM runs WHERE status IN (?, ?) ORDER BY seq",
        RunStore::mapRun, RunStatus.QUEUED.value(), RunStatus.RUNNING.value()));
  }

  /** Deletes finished runs older than the cutoff with their steps; answers how many. */
  public Future<Integer> purgeFinishedBefore(long cutoff) {
    return db.update("DELETE FROM runs WHERE finished_at IS NOT NULL AND finished_at < ?", cutoff);
  }

  /** Records that a step started (or restarted) with its resolved input. */
  public Future<Void> startStep(StepRecord step) {
    return db.write(sql -> {
      Rows.update(sql, "DELETE FROM steps WHERE run_id = ? AND step_id = ?", step.runId(), step.stepId());
      Rows.update(sql, "DELETE FROM step_states WHERE run_id = ? AND step_id = ?", step.runId(), step.stepId());
      if (step.state() != null && !step.state().isEmpty()) {
        Rows.update(sql, "INSERT INTO step_states (run_id, step_id, state) VALUES (?, ?, ?)", step.runId(),
            step.stepId(), step.state().encode());
      }
      return Rows.update(sql,
          "INSERT INTO steps (" + STEP_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          step.runId(), step.stepId(), step.position(), step.type(), step.status().value(),
          Json.text(step.input()), step.sealedInput(), Json.text(step.output()), step.sealedOutput(),
          Json.text(step.error()), step.startedAt(), step.finishedAt());
    }).mapEmpty();
  }

  public Future<Void> recordStepState(String runId, String stepId, JsonObject state) {
    return db.update("MERGE INTO step_states (run_id, step_id, state) KEY (run_id, step_id) VALUES (?, ?, ?)",
        runId, stepId, state.encode()).mapEmpty();
  }

  /** Ends a step; its sealed input is no longer needed once it has an outcome. */
  public Future<Void> finishStep(String runId, String stepId, RunStatus status, JsonObject output,
      String sealedOutput, JsonObject error, long now) {
    return db.update("UPDATE steps SET status = ?, output = ?, sealed_output = ?, sealed_input = NULL, error = ?, "
            + "finished_at = ? WHERE run_id = ? AND step_id = ?",
        status.value(), Json.text(output), sealedOutput, Json.text(error), now, runId, stepId).mapEmpty();
  }

  /** A run's steps with everything the engine needs to resume them, sealed data included. */
  public Future<List<StepRecord>> steps(String runId) {
    return db.read(sql -> Rows.list(sql,
        "SELECT s." + STEP_COLUMNS.replace(", ", ", s.") + ", t.state FROM steps s LEFT JOIN step_states t "
            + "ON t.run_id = s.run_id AND t.step_id = s.step_id WHERE s.run_id = ? ORDER BY s.position",
        RunStore::mapStep, runId));
  }

  /**
   * A run's steps as records show them: without the sealed copies, which may be tens of megabytes
   * and are of no use to a reader (they are unreadable without the run key).
   */
  public Future<List<StepRecord>> stepRecords(String runId) {
    return db.read(sql -> Rows.list(sql,
        "SELECT s." + STEP_COLUMNS.replace(", ", ", s.").replace("s.sealed_input", "NULL AS sealed_input")
            .replace("s.sealed_output", "NULL AS sealed_output") + ", t.state FROM steps s LEFT JOIN step_states t "
            + "ON t.run_id = s.run_id AND t.step_id = s.step_id WHERE s.run_id = ? ORDER BY s.position",
        RunStore::mapStep, runId));
  }

  private static RunRecord mapRun(ResultSet row) throws SQLException {
    return new RunRecord(
        row.getString("id"),
        row.getString("workspace_id"),
        row.getString("flow_id"),
        new JsonObject(row.getString("flow_snapshot")),
        new JsonObject(row.getString("trigger_event")),
        row.getString("sealed_event"),
        RunStatus.of(row.getString("status")),
        Json.object(row.getString("error")),
        row.getLong("created_at"),
        Rows.nullableLong(row, "started_at"),
        Rows.nullableLong(row, "finished_at"),
        Rows.nullableLong(row, "cancel_requested_at"),
        row.getString("trigger_key"));
  }

  private static StepRecord mapStep(ResultSet row) throws SQLException {
    return new StepRecord(
        row.getString("run_id"),
        row.getString("step_id"),
        row.getInt("position"),
        row.getString("type"),
        RunStatus.of(row.getString("status")),
        Json.object(row.getString("input")),
        row.getString("sealed_input"),
        Json.object(row.getString("output")),
        row.getString("sealed_output"),
        Json.object(row.getString("error")),
        // No row in step_states: nothing recorded yet.
        row.getString("state") == null ? new JsonObject() : Json.object(row.getString("state")),
        Rows.nullableLong(row, "started_at"),
        Rows.nullableLong(row, "finished_at"));
  }
}
