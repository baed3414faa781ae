package dev.outlookflow.plugin.api;

/** Tells long work that its run was cancelled or the runtime is shutting down. */
public interface Cancellation {
  boolean isCancelled();

  /** Called once, on the event loop, when cancellation happens (at once if it already has). */
  void onCancel(Runnable callback);
}
