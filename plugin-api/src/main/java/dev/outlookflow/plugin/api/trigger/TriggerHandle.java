package dev.outlookflow.plugin.api.trigger;

import io.vertx.core.Future;

/** A started trigger. */
public interface TriggerHandle {
  /**
   * Stops listening, told why; local only: what was created remotely stays (see {@link Trigger#delete}), and
   * so does the flow's {@link TriggerState} unless the reason {@link StopReason#endsForGood() ends it for good}
   * (the runtime then clears it after {@code delete}).
   */
  Future<Void> stop(StopReason reason);
}
