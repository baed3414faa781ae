package dev.outlookflow.runtime.engine;

import dev.outlookflow.plugin.api.Cancellation;
import java.util.ArrayList;
import java.util.List;

/** Cancellation of one run; callbacks run once, when it is cancelled. */
final class CancellationSignal implements Cancellation {
  private final List<Runnable> callbacks = new ArrayList<>();
  private boolean cancelled;

  @Override
  public synchronized boolean isCancelled() {
    return cancelled;
  }

  @Override
  public void onCancel(Runnable callback) {
    synchronized (this) {
      if (!cancelled) {
        callbacks.add(callback);
        return;
      }
    }
    callback.run();
  }

  void cancel() {
    List<Runnable> toRun;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      toRun = List.copyOf(callbacks);
      callbacks.clear();
    }
    toRun.forEach(Runnable::run);
  }
}
