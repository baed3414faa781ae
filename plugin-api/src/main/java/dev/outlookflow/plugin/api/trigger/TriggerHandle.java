package dev.outlookflow.plugin.api.trigger;

import io.vertx.core.Future;

/** A started trigger. */
public interface TriggerHandle {
  /** Stops listening; local only: what was created remotely stays (see {@link Trigger#delete}). */
  Future<Void> stop();
}
