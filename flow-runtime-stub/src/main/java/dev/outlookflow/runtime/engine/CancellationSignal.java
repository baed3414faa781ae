package dev.outlookflow.runtime.engine;

import dev.outlookflow.plugin.api.Cancellation;
import dev.outlookflow.runtime.logs.LogSafe;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Cancellation of one run; callbacks run once, when it is cancelled. */
final class CancellationSignal implements Cancellation {
  private static final Logger LOG = LoggerFactory.getLogger(CancellationSignal.class);
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
    for (Runnable callback : toRun) {
      try {
        callback.run();
      } catch (RuntimeException e) {
        // An extension's callback failing must not stop the others, nor fail the cancellation.
        LOG.warn("a cancellation callback failed: {}", LogSafe.text(String.valueOf(e)));
      }
    }
  }
}
