package dev.outlookflow.runtime.flows;

import dev.outlookflow.plugin.api.trigger.StopReason;
import dev.outlookflow.runtime.engine.PayloadMemory;
import dev.outlookflow.runtime.engine.RunEngine;
import dev.outlookflow.runtime.environment.RuntimeEnvironment;
import dev.outlookflow.runtime.model.FlowDefinition;
import dev.outlookflow.runtime.model.FlowRecord;
import dev.outlookflow.runtime.problem.Problem;
import dev.outlookflow.runtime.store.FlowStore;
import dev.outlookflow.runtime.triggers.TriggerStatus;
import dev.outlookflow.runtime.triggers.TriggerSupervisor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/** Flows: stored validated, their triggers kept in step with whether they are enabled. */
public final class FlowService {
  private final FlowStore flows;
  private final FlowValidator validator;
  private final TriggerSupervisor triggers;
  private final RunEngine engine;
  private final RuntimeEnvironment environment;

  public FlowService(FlowStore flows, FlowValidator validator, TriggerSupervisor triggers, RunEngine engine,
      RuntimeEnvironment environment) {
    this.flows = flows;
    this.validator = validator;
    this.triggers = triggers;
    this.engine = engine;
    this.environment = environment;
  }

  /** Stores a new flow, disabled: enabling it starts its trigger. */
  public Future<FlowRecord> create(String workspaceId, JsonObject body) {
    return validator.validate(workspaceId, body).compose(definition -> {
      long now = environment.now();
      FlowRecord flow = new FlowRecord(UUID.randomUUID().toString(), workspaceId, definition.name(),
          definition.toJson(), false, now, now);
      return flows.insert(flow).map(flow);
    });
  }

  /**
   * Replaces the definition. An enabled flow's trigger is stopped and started again as edited ({@code EDITED}:
   * its state kept) when its type stays; another type ends the old trigger for good ({@code DELETED}: it
   * deletes what it created remotely, its state is cleared), even while the flow is disabled.
   */
  public Future<FlowRecord> update(String workspaceId, String id, JsonObject body) {
    return get(workspaceId, id).compose(existing -> validator.validate(workspaceId, body).compose(definition -> {
      boolean sameTrigger = FlowDefinition.fromJson(existing.definition()).trigger().type()
          .equals(definition.trigger().type());
      return triggers.restart(existing, sameTrigger ? StopReason.EDITED : StopReason.DELETED,
              () -> flows.update(id, definition.name(), definition.toJson(), environment.now()))
          .compose(v -> get(workspaceId, id));
    }));
  }

  public Future<FlowRecord> get(String workspaceId, String id) {
    return flows.find(workspaceId, id).map(found -> found.orElseThrow(() -> Problem.notFound("flow", id)));
  }

  public Future<List<FlowRecord>> list(String workspaceId) {
    return flows.list(workspaceId);
  }

  /** Ends the flow's trigger for good (it deletes what it created remotely), then deletes the flow and its runs. */
  public Future<Void> delete(String workspaceId, String id) {
    return get(workspaceId, id).compose(flow -> triggers.stop(flow, StopReason.DELETED))
        .compose(v -> flows.delete(id)).mapEmpty();
  }

  public Future<FlowRecord> enable(String workspaceId, String id) {
    return get(workspaceId, id).compose(flow -> {
      if (flow.enabled()) {
        return Future.succeededFuture(flow);
      }
      return flows.setEnabled(id, true, environment.now())
          .compose(v -> get(workspaceId, id))
          .compose(enabled -> triggers.start(enabled).map(enabled));
    });
  }

  /** Stops the flow's trigger ({@code DISABLED}): its state and what it created remotely stay for enabling. */
  public Future<FlowRecord> disable(String workspaceId, String id) {
    return get(workspaceId, id).compose(flow -> flows.setEnabled(id, false, environment.now())
        .compose(v -> flow.enabled() ? triggers.stop(flow, StopReason.DISABLED) : Future.<Void>succeededFuture())
        .compose(v -> get(workspaceId, id)));
  }

  /**
   * Starts a run now with {@code event} as {@code {{trigger}}}; answers its id once stored. {@code room}:
   * the memory reserved for the event as it was received, which the run keeps until it has executed.
   */
  public Future<String> run(String workspaceId, String id, JsonObject event, PayloadMemory.Reservation room) {
    return get(workspaceId, id)
        .compose(flow -> engine.enqueue(workspaceId, id, FlowDefinition.fromJson(flow.definition()), event, room));
  }

  /** Whether the flow's trigger listens, and while it does, its latest report. */
  public TriggerStatus triggerStatus(String flowId) {
    return triggers.status(flowId);
  }
}
