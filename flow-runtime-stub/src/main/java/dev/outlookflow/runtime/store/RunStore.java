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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    return db.write(sql -> {
      insertRun(sql, run, runKey);
      return null;
    });
  }

  private static final String INSERT_RUN = "INSERT INTO runs (" + RUN_COLUMNS
      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_RUN_KEY = "INSERT INTO run_keys (run_id, master_key_id, wrapped_key) "
      + "VALUES (?, ?, ?)";

  private static void insertRun(Connection sql, RunRecord run, WrappedKey runKey) throws SQLException {
    Rows.update(sql, INSERT_RUN, runRow(run));
    Rows.update(sql, INSERT_RUN_KEY, runKeyRow(run.id(), runKey));
  }

  private static Object[] runRow(RunRecord run) {
    return new Object[] {run.id(), run.workspaceId(), run.flowId(), run.flowSnapshot().encode(),
        run.triggerEvent().encode(), run.sealedEvent(), run.status().value(), Json.text(run.error()), run.createdAt(),
        run.startedAt(), run.finishedAt(), run.cancelRequestedAt(), run.triggerKey()};
  }

  private static Object[] runKeyRow(String runId, WrappedKey runKey) {
    return new Object[] {runId, runKey.masterKeyId(), runKey.wrapped()};
  }

  /** The most keys one {@link #insertAll} takes. */
  public static final int MOST_KEYS = 500;

  private static Map<String, String> holders(Connection sql, String flowId, List<String> keys) throws SQLException {
    if (keys.isEmpty()) {
      return Map.of();
    }
    if (keys.size() > MOST_KEYS) {
      throw new IllegalArgumentException(keys.size() + " keys at once; the store takes at most " + MOST_KEYS);
    }
    Object[] parameters = new Object[keys.size() + 1];
    parameters[0] = flowId;
    for (int i = 0; i < keys.size(); i++) {
      parameters[i + 1] = keys.get(i);
    }
    Map<String, String> holders = new HashMap<>();
    for (String[] row : Rows.list(sql, "SELECT trigger_key, run_id FROM trigger_keys WHERE flow_id = ? AND trigger_key "
        + "IN (" + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")",
        row -> new String[] {row.getString(1), row.getString(2)}, parameters)) {
      holders.put(row[0], row[1]);
    }
    return holders;
  }

  /**
   * A run to store under its trigger's key ({@code run.triggerKey()}, distinct within a batch), with the key's
   * time (epoch millis) and its wrapped run key (null for a run stored already ended, which has no sealed data).
   */
  public record KeyedRun(RunRecord run, WrappedKey runKey, long keyTime) {}

  /**
   * Stores each run under its key for its flow, unless the key already has one: answers, in order, the id of the
   * run that holds each key ({@code run.id()} when this call stored it). One transaction: the key rows and the
   * new runs, inserted in the given order, so the runs' {@code seq} follows it. Callers keep one write per key at
   * a time ({@code RunEngine}): H2 answers a second writer of an uncommitted key by retrying until its lock
   * timeout, not by waiting for the commit. A key another process stored meanwhile refuses the batch, which is
   * then read and stored again, the key now answered by its holder.
   */
  public Future<List<String>> insertAll(String flowId, List<KeyedRun> batch) {
    return db.write(sql -> {
      for (int attempt = 1; ; attempt++) {
        Savepoint before = sql.setSavepoint();
        try {
          return insertNew(sql, flowId, batch);
        } catch (SQLException e) {
          if (!Rows.UNIQUE_VIOLATION.equals(e.getSQLState()) || attempt == 3) {
            throw e;
          }
          // PostgreSQL aborts a transaction at its first error: back to before the batch, whose keys are read
          // again (the other writer's committed: visible at READ COMMITTED, the isolation the store uses).
          sql.rollback(before);
        }
      }
    });
  }

  private static List<String> insertNew(Connection sql, String flowId, List<KeyedRun> batch) throws SQLException {
    Map<String, String> holders = holders(sql, flowId, batch.stream().map(item -> item.run().triggerKey()).toList());
    List<KeyedRun> fresh = batch.stream().filter(item -> !holders.containsKey(item.run().triggerKey())).toList();
    Rows.each(sql, "INSERT INTO trigger_keys (flow_id, trigger_key, run_id, created_at, key_time) VALUES (?, ?, ?, ?, ?)",
        fresh.stream().map(item -> new Object[] {flowId, item.run().triggerKey(), item.run().id(),
            item.run().createdAt(), item.keyTime()}).toList());
    Rows.each(sql, INSERT_RUN, fresh.stream().map(item -> runRow(item.run())).toList());
    Rows.each(sql, INSERT_RUN_KEY, fresh.stream().filter(item -> item.runKey() != null)
        .map(item -> runKeyRow(item.run().id(), item.runKey())).toList());
    return batch.stream().map(item -> holders.getOrDefault(item.run().triggerKey(), item.run().id())).toList();
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

  /** A run waiting in the store to execute, with its place in the order runs were stored. */
  public record Waiting(long seq, String id) {}

  /** The oldest runs of {@code status} stored after {@code afterSeq}, at most {@code limit}: ids only. */
  public Future<List<Waiting>> waiting(RunStatus status, long afterSeq, int limit) {
    return db.read(sql -> Rows.list(sql, "SELECT seq, id FROM runs WHERE status = ? AND seq > ? ORDER BY seq LIMIT ?",
        row -> new Waiting(row.getLong(1), row.getString(2)), status.value(), afterSeq, limit));
  }

  /** The run with what the engine needs to execute it (its sealed event), if its status is still {@code status}. */
  public Future<Optional<RunRecord>> toExecute(String runId, RunStatus status) {
    return db.read(sql -> Rows.one(sql, "SELECT " + RUN_COLUMNS + " FROM runs WHERE id = ? AND status = ?",
        RunStore::mapRun, runId, status.value()));
  }

  /** How many runs are queued or running. */
  public Future<Long> countUnfinished() {
    return db.read(sql -> Rows.one(sql, "SELECT COUNT(*) FROM runs WHERE " + UNFINISHED, row -> row.getLong(1))
        .orElse(0L));
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

  /** How a step ended: its status, its output (display and sealed copies) or error, and when. */
  public record StepEnd(String stepId, RunStatus status, JsonObject output, String sealedOutput, JsonObject error,
      long at) {}

  /** Ends a step; its sealed input is no longer needed once it has an outcome. */
  public Future<Void> finishStep(String runId, StepEnd end) {
    return db.write(sql -> {
      endStep(sql, runId, end);
      return null;
    });
  }

  private static void endStep(Connection sql, String runId, StepEnd end) throws SQLException {
    Rows.update(sql, "UPDATE steps SET status = ?, output = ?, sealed_output = ?, sealed_input = NULL, error = ?, "
            + "finished_at = ? WHERE run_id = ? AND step_id = ?",
        end.status().value(), Json.text(end.output()), end.sealedOutput(), Json.text(end.error()), end.at(), runId,
        end.stepId());
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
