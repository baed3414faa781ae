package dev.outlookflow.runtime.engine;

import dev.outlookflow.runtime.logs.LogSafe;
import dev.outlookflow.runtime.model.RunRecord;
import dev.outlookflow.runtime.model.RunStatus;
import dev.outlookflow.runtime.store.RunStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which stored runs execute: at most {@code capacity} at once, the others waiting in the store, not in memory.
 * When a run's slot frees, the next is taken from the store, oldest (lowest seq) first, from a page of at most
 * {@value #PAGE} ids read ahead. Once started, it first takes the runs a crash or shutdown left running, then the
 * queued ones. A run is taken again only once its slot is free and only while its status is the one it was
 * listed with, so a run never executes twice at once.
 */
final class RunQueue {
  private static final Logger LOG = LoggerFactory.getLogger(RunQueue.class);
  static final int PAGE = 100;
  /** How long a page the store failed to read waits before it is read again. */
  private static final long STORE_RETRY_MS = 1_000;

  private final RunStore runs;
  private final Vertx vertx;
  private final int capacity;
  private final Function<RunRecord, Future<Void>> execution;
  /** Runs holding a slot: taken, loading, executing, or waiting to be tried again. */
  private final Set<String> taken = new HashSet<>();
  private final ArrayDeque<Listed> page = new ArrayDeque<>();
  private boolean started;
  private boolean stopped;
  private boolean reading;
  /** Runs may wait in the store beyond the page: stored since the last read, or the last read was full. */
  private boolean more;
  /** Resuming runs left running: listed in seq order after this seq. */
  private boolean resuming;
  private long resumedUpTo;

  /** A run read ahead, with the status it was listed with. */
  private record Listed(String id, RunStatus status) {}

  /**
   * {@code execution}: executes a run taken; completes once the run has executed, ended or been left to the next
   * start, which frees its slot.
   */
  RunQueue(RunStore runs, Vertx vertx, int capacity, Function<RunRecord, Future<Void>> execution) {
    if (capacity < 1) {
      throw new IllegalArgumentException("at least one run must be able to execute at once");
    }
    this.runs = runs;
    this.vertx = vertx;
    this.capacity = capacity;
    this.execution = execution;
  }

  /** Starts taking runs: first those left running, then the queued. */
  void start() {
    synchronized (this) {
      started = true;
      resuming = true;
      more = true;
    }
    fill();
  }

  /** Runs were stored as queued. */
  void stored() {
    synchronized (this) {
      more = true;
    }
    fill();
  }

  /** Takes no more runs; those executing end as the engine stops them. */
  synchronized void stop() {
    stopped = true;
    page.clear();
  }

  /** How many runs hold a slot. */
  synchronized int executing() {
    return taken.size();
  }

  /** Takes runs from the page into free slots, and reads the next page when the page is used up. */
  private void fill() {
    List<Listed> toTake = new ArrayList<>();
    boolean read = false;
    RunStatus listing;
    int limit;
    long after;
    synchronized (this) {
      if (!started || stopped) {
        return;
      }
      while (taken.size() < capacity && !page.isEmpty()) {
        Listed next = page.poll();
        if (taken.add(next.id())) {
          toTake.add(next);
        }
      }
      listing = resuming ? RunStatus.RUNNING : RunStatus.QUEUED;
      // Queued runs are read from the oldest each time, those holding a slot skipped: a run committed after a
      // newer one (two writers at once) has a lower seq, so no cursor may pass it. Runs left running are all
      // stored before the start, so a cursor passes each once.
      limit = resuming ? PAGE : PAGE + taken.size();
      after = resuming ? resumedUpTo : 0;
      if (taken.size() < capacity && page.isEmpty() && more && !reading) {
        reading = true;
        more = false;
        read = true;
      }
    }
    toTake.forEach(this::take);
    if (read) {
      read(listing, after, limit);
    }
  }

  private void read(RunStatus status, long after, int limit) {
    runs.waiting(status, after, limit).onComplete(listed -> {
      synchronized (this) {
        reading = false;
        if (listed.failed()) {
          more = true;
        } else if (status == RunStatus.RUNNING) {
          List<RunStore.Waiting> found = listed.result();
          if (found.isEmpty()) {
            resuming = false;
          } else {
            resumedUpTo = found.get(found.size() - 1).seq();
          }
          found.forEach(waiting -> page.add(new Listed(waiting.id(), status)));
          more = true;
        } else {
          listed.result().stream().filter(waiting -> !taken.contains(waiting.id())).forEach(waiting -> page.add(new Listed(waiting.id(), status)));
          more |= listed.result().size() == limit;
        }
      }
      if (listed.failed()) {
        LOG.error("the store could not list the runs waiting ({}); trying again in {} ms",
            LogSafe.text(listed.cause().toString()), STORE_RETRY_MS);
        vertx.setTimer(STORE_RETRY_MS, t -> fill());
      } else {
        fill();
      }
    });
  }

  /** Loads the run, if its status is still the one it was listed with, and executes it; then frees its slot. */
  private void take(Listed listed) {
    String runId = listed.id();
    runs.toExecute(runId, listed.status())
        .compose(found -> found.map(execution).orElseGet(Future::succeededFuture))
        .onComplete(done -> {
          if (done.failed()) {
            // Only the store fails here (the execution answers its own failures): the run waits its turn again.
            LOG.error("run {}: the store could not load it ({}); trying again in {} ms", runId,
                LogSafe.text(done.cause().toString()), STORE_RETRY_MS);
            synchronized (this) {
              taken.remove(runId);
              if (!stopped) {
                page.addFirst(listed);
              }
            }
            vertx.setTimer(STORE_RETRY_MS, t -> fill());
            return;
          }
          synchronized (this) {
            taken.remove(runId);
          }
          fill();
        });
  }
}
