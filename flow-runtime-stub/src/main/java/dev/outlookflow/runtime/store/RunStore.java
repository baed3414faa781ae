package dev.outlookflow.runtime.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Runs and their steps. Every write completes only once committed. */
public final class RunStore {
  private static final String RUN_COLUMNS =
      "id, flow_id, flow_snapshot, trigger_event, status, error, created_at, started_at, finished_at";
  private static final String STEP_COLUMNS =
      "run_id, step_id, position, type, status, input, output, error, state, started_at, finished_at";
  private final Database db;

  public RunStore(Database db) {
    this.db = db;
  }

  public Future<Void> insert(RunRecord run) {
    return db.update("INSERT INTO runs (" + RUN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        run.id(), run.flowId(), run.flowSnapshot().encode(), run.triggerEvent().encode(),
        run.status().value(), Json.text(run.error()), run.createdAt(), run.startedAt(),
        run.finishedAt()).mapEmpty();
  }

  public Future<Void> markRunning(String runId, long now) {
    return db.update(
        "UPDATE runs SET status = ?, started_at = COALESCE(started_at, ?) WHERE id = ?",
        RunStatus.RUNNING.value(), now, runId).mapEmpty();
  }

  public Future<Void> finish(String runId, RunStatus status, JsonObject error, long now) {
    return db.update("UPDATE runs SET status = ?, error = ?, finished_at = ? WHERE id = ?",
        status.value(), Json.text(error), now, runId).mapEmpty();
  }

  public Future<Optional<RunRecord>> find(String runId) {
    return db.read(sql -> Rows.one(sql, "SELECT " + RUN_COLUMNS + " FROM runs WHERE id = ?",
        RunStore::mapRun, runId));
  }

  /** The newest runs of a flow first. */
  public Future<List<RunRecord>> listByFlow(String flowId, int limit) {
    return db.read(sql -> Rows.list(sql,
        "SELECT " + RUN_COLUMNS + " FROM runs WHERE flow_id = ? ORDER BY seq DESC LIMIT ?",
        RunStore::mapRun, flowId, limit));
  }

  /** Runs a crash or shutdown left queued or running, oldest first. */
  public Future<List<RunRecord>> listUnfinished() {
    return db.read(sql -> Rows.list(sql,
        "SELECT " + RUN_COLUMNS + " FROM runs WHERE status IN (?, ?) ORDER BY seq",
        RunStore::mapRun, RunStatus.QUEUED.value(), RunStatus.RUNNING.value()));
  }

  /** Records that a step started (or restarted) with its resolved input. */
  public Future<Void> startStep(StepRecord step) {
    return db.write(sql -> {
      Rows.update(sql, "DELETE FROM steps WHERE run_id = ? AND step_id = ?", step.runId(), step.stepId());
      return Rows.update(sql, "INSERT INTO steps (" + STEP_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          step.runId(), step.stepId(), step.position(), step.type(), step.status().value(),
          Json.text(step.input()), Json.text(step.output()), Json.text(step.error()),
          Json.text(step.state()), step.startedAt(), step.finishedAt());
    }).mapEmpty();
  }

  public Future<Void> recordStepState(String runId, String stepId, JsonObject state) {
    return db.update("UPDATE steps SET state = ? WHERE run_id = ? AND step_id = ?",
        state.encode(), runId, stepId).mapEmpty();
  }

  public Future<Void> finishStep(
      String runId, String stepId, RunStatus status, JsonObject output, JsonObject error, long now) {
    return db.update(
        "UPDATE steps SET status = ?, output = ?, error = ?, finished_at = ? WHERE run_id = ? AND step_id = ?",
        status.value(), Json.text(output), Json.text(error), now, runId, stepId).mapEmpty();
  }

  public Future<List<StepRecord>> steps(String runId) {
    return db.read(sql -> Rows.list(sql,
        "SELECT " + STEP_COLUMNS + " FROM steps WHERE run_id = ? ORDER BY position",
        RunStore::mapStep, runId));
  }

  private static RunRecord mapRun(ResultSet row) throws SQLException {
    return new RunRecord(
        row.getString("id"),
        row.getString("flow_id"),
        new JsonObject(row.getString("flow_snapshot")),
        new JsonObject(row.getString("trigger_event")),
        RunStatus.of(row.getString("status")),
        Json.object(row.getString("error")),
        row.getLong("created_at"),
        Rows.nullableLong(row, "started_at"),
        Rows.nullableLong(row, "finished_at"));
  }

  private static StepRecord mapStep(ResultSet row) throws SQLException {
    return new StepRecord(
        row.getString("run_id"),
        row.getString("step_id"),
        row.getInt("position"),
        row.getString("type"),
        RunStatus.of(row.getString("status")),
        Json.object(row.getString("input")),
        Json.object(row.getString("output")),
        Json.object(row.getString("error")),
        Json.object(row.getString("state")),
        Rows.nullableLong(row, "started_at"),
        Rows.nullableLong(row, "finished_at"));
  }
}
