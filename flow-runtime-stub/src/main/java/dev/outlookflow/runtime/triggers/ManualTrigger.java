package dev.outlookflow.runtime.triggers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.plugin.api.NoProperties;
import dev.outlookflow.plugin.api.trigger.Trigger;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import dev.outlookflow.plugin.api.trigger.TriggerDescriptor;
import dev.outlookflow.plugin.api.trigger.TriggerHandle;
import io.vertx.core.Future;

/**
 * Built-in trigger {@code manual}: the flow runs only when started through the API. Its event is that
 * request's body, whatever it holds: free-form, so any {@code {{trigger.<path>}}} is accepted at save.
 */
public final class ManualTrigger implements Trigger<NoProperties, ObjectNode> {
  private static final TriggerDescriptor<NoProperties, ObjectNode> DESCRIPTOR = new TriggerDescriptor<>("manual",
      "Manual", "Runs the flow when it is started by POST /api/v1/flows/{id}/run, with that request's body as "
          + "{{trigger}}", NoProperties.class, ObjectNode.class);

  @Override
  public TriggerDescriptor<NoProperties, ObjectNode> descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Future<TriggerHandle> start(TriggerContext<ObjectNode> context, NoProperties properties) {
    return Future.succeededFuture(reason -> Future.succeededFuture());
  }
}
