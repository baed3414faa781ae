package dev.outlookflow.plugin.api.trigger;

/**
 * Why the runtime stops a started trigger. Only the reasons that {@link #endsForGood() end the trigger for
 * good} are followed by {@link Trigger#delete} and the runtime clearing the flow's {@link TriggerState}; after
 * the others the trigger starts again with its state as it left it (a paused flow catches up when enabled).
 */
public enum StopReason {
  /** The flow was disabled; enabling it starts the trigger again with its state. */
  DISABLED,
  /** The flow was saved with changed properties for the same trigger; it starts again at once. */
  EDITED,
  /** The flow was deleted, or saved with another trigger. */
  DELETED,
  /** The connection the trigger uses was disconnected: its sign-in is gone. */
  DISCONNECTED,
  /** The connection the trigger uses was deleted. */
  CONNECTION_REMOVED,
  /** The connection the trigger uses was updated, signed in again or reconnected; it starts again at once. */
  CONNECTION_CHANGED,
  /** The runtime is shutting down; the trigger starts again with the runtime. */
  SHUTDOWN;

  /** Whether the trigger ends for good: what it created remotely is deleted and its state cleared. */
  public boolean endsForGood() {
    return this == DELETED || this == DISCONNECTED || this == CONNECTION_REMOVED;
  }
}
