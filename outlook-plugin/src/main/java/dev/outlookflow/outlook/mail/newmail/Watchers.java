package dev.outlookflow.outlook.mail.newmail;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The running watchers of one plugin instance, one per {@link WatchKey}. A watcher whose last flow left closes;
 * one made again for the same key starts only once the closing one has finished, so that two never hold the same
 * cursor at once.
 */
final class Watchers {
  private final Map<WatchKey, FolderWatcher> running = new HashMap<>();
  private final Map<WatchKey, Future<Void>> closing = new HashMap<>();
  private final PollBudget budget = new PollBudget();

  PollBudget budget() {
    return budget;
  }

  /** Joins the key's watcher, made by {@code make} (given what it must wait for) when none runs. */
  synchronized FolderWatcher join(WatchKey key, Subscriber subscriber, Function<Future<Void>, FolderWatcher> make) {
    FolderWatcher watcher = running.get(key);
    if (watcher == null) {
      watcher = make.apply(closing.getOrDefault(key, Future.succeededFuture()));
      running.put(key, watcher);
      budget.add(key.mailboxKey());
    }
    watcher.join(subscriber);
    return watcher;
  }

  /** Leaves the watcher; completes once it has closed when this was its last flow. */
  synchronized Future<Void> leave(WatchKey key, FolderWatcher watcher, Subscriber subscriber) {
    if (!watcher.leave(subscriber) || running.get(key) != watcher) {
      return Future.succeededFuture();
    }
    running.remove(key);
    budget.remove(key.mailboxKey());
    Future<Void> closed = watcher.close();
    closing.put(key, closed);
    closed.onComplete(done -> forget(key, closed));
    return closed;
  }

  private synchronized void forget(WatchKey key, Future<Void> closed) {
    closing.remove(key, closed);
  }
}
