package dev.outlookflow.runtime.engine;

import dev.outlookflow.runtime.environment.RuntimeEnvironment;
import dev.outlookflow.runtime.logs.LogSafe;
import dev.outlookflow.runtime.model.RunRecord;
import dev.outlookflow.runtime.model.RunStart;
import dev.outlookflow.runtime.model.RunStatus;
import dev.outlookflow.runtime.store.RunStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's changes of status, stored and then logged, one line each: which run, flow and workspace,
 * the status, and for an ending how long the run took. Never its event, inputs or outputs.
 */
final class RunTransitions {
  private static final Logger LOG = LoggerFactory.getLogger(RunTransitions.class);

  private final RunStore runs;
  private final RuntimeEnvironment environment;

  RunTransitions(RunStore runs, RuntimeEnvironment environment) {
    this.runs = runs;
    this.environment = environment;
  }

  /** Marks the run running unless it was asked to cancel (see {@link RunStore#start}). */
  Future<RunStart> start(RunRecord run) {
    return runs.start(run.id(), environment.now()).onSuccess(start -> {
      if (start == RunStart.STARTED) {
        LOG.info("{}: running", subject(run));
      } else if (start == RunStart.RESUMED) {
        LOG.info("{}: running again, resumed", subject(run));
      }
    });
  }

  /** Ends the run; logged only by the call that ended it, so each ending is told once. */
  Future<Void> end(RunRecord run, RunStatus status, JsonObject error) {
    return runs.finish(run.id(), status, error, environment.now())
        .onSuccess(took -> took.ifPresent(millis -> LOG.info("{}: {} in {} ms", subject(run), status.value(), millis)))
        .mapEmpty();
  }

  /** A run stored ended by its trigger, which could not make its event: told as it is stored, never executed. */
  void storedFailed(RunRecord run) {
    LOG.info("{}: failed before its first step: its trigger could not make its event", subject(run));
  }

  private static String subject(RunRecord run) {
    return "run " + run.id() + " flow " + LogSafe.text(run.flowId()) + " workspace " + LogSafe.text(run.workspaceId());
  }
}
