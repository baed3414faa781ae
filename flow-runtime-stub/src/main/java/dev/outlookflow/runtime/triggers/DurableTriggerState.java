package dev.outlookflow.runtime.triggers;

import dev.outlookflow.plugin.api.trigger.TriggerState;
import dev.outlookflow.runtime.store.FlowStore;
import io.vertx.core.Future;
import java.util.Optional;

/** The trigger state of one flow, in the store. */
final class DurableTriggerState implements TriggerState {
  private final FlowStore flows;
  private final String flowId;

  DurableTriggerState(FlowStore flows, String flowId) {
    this.flows = flows;
    this.flowId = flowId;
  }

  @Override
  public Future<Optional<String>> get(String key) {
    return flows.triggerState(flowId, key);
  }

  @Override
  public Future<Void> put(String key, String value) {
    return flows.putTriggerState(flowId, key, value);
  }

  @Override
  public Future<Void> remove(String key) {
    return flows.removeTriggerState(flowId, key);
  }
}
