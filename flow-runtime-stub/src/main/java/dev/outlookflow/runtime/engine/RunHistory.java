package dev.outlookflow.runtime.engine;

import dev.outlookflow.runtime.model.RunPage;
import dev.outlookflow.runtime.model.RunQuery;
import dev.outlookflow.runtime.model.RunRecord;
import dev.outlookflow.runtime.model.StepRecord;
import dev.outlookflow.runtime.problem.Problem;
import dev.outlookflow.runtime.store.RunStore;
import io.vertx.core.Future;
import java.util.List;

/** The runs of a workspace as they were recorded: pages of them, and one with its steps. */
public final class RunHistory {
  private final RunStore runs;

  public RunHistory(RunStore runs) {
    this.runs = runs;
  }

  /** A run and its steps, as recorded (display copies; sealed values are never loaded). */
  public record RecordedRun(RunRecord run, List<StepRecord> steps) {}

  public Future<RunPage> list(RunQuery query) {
    return runs.list(query);
  }

  /** The run of the workspace with its steps; none, or another workspace's, is a 404. */
  public Future<RecordedRun> find(String workspaceId, String runId) {
    return runs.find(workspaceId, runId)
        .map(found -> found.orElseThrow(() -> Problem.notFound("run", runId)))
        .compose(run -> runs.stepRecords(runId).map(steps -> new RecordedRun(run, steps)));
  }
}
