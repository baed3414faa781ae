package dev.outlookflow.plugin.api.trigger;

import dev.outlookflow.plugin.api.Extension;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Starts flow runs when something happens. One started instance per enabled flow. */
public interface Trigger extends Extension {

  /** Starts listening for the flow; must not block. Called at enable and at every runtime start. */
  Future<TriggerHandle> start(TriggerContext context, JsonObject properties);

  /**
   * Removes what the trigger created remotely (e.g. a webhook subscription), using the durable
   * state it recorded in {@code context.state()}. Called when a flow is disabled or deleted, also
   * after a restart when no started instance exists; the runtime then clears that state.
   */
  default Future<Void> delete(TriggerContext context, JsonObject properties) {
    return Future.succeededFuture();
  }
}
