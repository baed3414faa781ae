package dev.outlookflow.outlook.graph;

import dev.outlookflow.outlook.graph.GraphConcurrency.Scope;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When a request for a mailbox may go to Graph: once no {@code Retry-After} Graph gave for that mailbox is in
 * force, with a slot free in its pool (the mailbox's own, or the one all mailboxes share, as
 * {@link GraphConcurrency} says). Requests wait for neither while holding the other: one waiting out a
 * mailbox's {@code Retry-After} keeps no slot from another mailbox. Both maps hold only what is in use,
 * however many mailboxes a runtime has talked to: a pool leaves once nothing is in flight or waiting for it,
 * a deadline once it has passed. Entries change only inside the maps' atomic updates.
 */
final class Admission {
  /** The pool every mailbox shares in the app scope (its map then holds no other key). */
  private static final String APP_POOL = "";

  private final GraphConcurrency concurrency;
  private final Clock clock;
  private final GraphClient.Timer timer;
  private final Map<String, Pool> pools = new ConcurrentHashMap<>();
  private final Map<String, Deadline> deadlines = new ConcurrentHashMap<>();

  Admission(GraphConcurrency concurrency, Clock clock, GraphClient.Timer timer) {
    this.concurrency = concurrency;
    this.clock = clock;
    this.timer = timer;
  }

  /** Completes once a request for {@code mailbox} may be sent, holding a slot: {@link #leave} frees it. */
  Future<Void> enter(String mailbox) {
    return deadlinePassed(mailbox).compose(v -> slot(mailbox)).compose(v -> {
      if (!deadlines.containsKey(mailbox)) {
        return Future.succeededFuture();
      }
      // Graph asked to wait while this request waited for its slot: the slot goes to the next in line.
      leave(mailbox);
      return enter(mailbox);
    });
  }

  void leave(String mailbox) {
    AtomicReference<Turn> next = new AtomicReference<>();
    pools.computeIfPresent(poolOf(mailbox), (k, pool) -> {
      next.set(pool.leave());
      return pool.idle() ? null : pool;
    });
    if (next.get() != null) {
      next.get().grant();
    }
  }

  /**
   * Sends nothing more for {@code mailbox} for {@code millis}, as Graph's {@code Retry-After} asked (a
   * {@code Retry-After} of 0 asks for no wait); a deadline already later stands.
   */
  void holdFor(String mailbox, long millis) {
    if (millis <= 0) {
      return;
    }
    Instant until = clock.instant().plusMillis(millis);
    AtomicBoolean later = new AtomicBoolean();
    deadlines.compute(mailbox, (k, held) -> {
      if (held == null || until.isAfter(held.notBefore)) {
        later.set(true);
        return held == null ? new Deadline(until) : held.movedTo(until);
      }
      return held;
    });
    if (later.get()) {
      timer.after(millis, () -> pass(mailbox, until));
    }
  }

  Optional<Instant> pausedUntil(String mailbox) {
    return Optional.ofNullable(deadlines.get(mailbox)).map(held -> held.notBefore);
  }

  /** Lets through who waited for the deadline {@code until}, unless a later one replaced it (its own timer will). */
  private void pass(String mailbox, Instant until) {
    List<Turn> waited = new ArrayList<>();
    deadlines.computeIfPresent(mailbox, (k, held) -> {
      if (held.notBefore.isAfter(until)) {
        return held;
      }
      waited.addAll(held.waiting);
      return null;
    });
    waited.forEach(Turn::grant);
  }

  private Future<Void> deadlinePassed(String mailbox) {
    Turn turn = Turn.here();
    return deadlines.computeIfPresent(mailbox, (k, held) -> held.await(turn)) == null ? Future.succeededFuture()
        : turn.granted().future();
  }

  private Future<Void> slot(String mailbox) {
    Turn turn = Turn.here();
    pools.compute(poolOf(mailbox), (k, pool) -> (pool == null ? new Pool(concurrency.limit()) : pool).enter(turn));
    return turn.granted().future();
  }

  private String poolOf(String mailbox) {
    return concurrency.scope() == Scope.APP ? APP_POOL : mailbox;
  }

  /** How many pools and deadlines are kept: none once nothing is in flight, waiting or held. */
  int entriesKept() {
    return pools.size() + deadlines.size();
  }

  /** How many requests wait for a slot, over all pools. */
  int waitingForSlot() {
    AtomicInteger waiting = new AtomicInteger();
    pools.keySet().forEach(key -> pools.computeIfPresent(key, (k, pool) -> {
      waiting.addAndGet(pool.waiting.size());
      return pool;
    }));
    return waiting.get();
  }

  /** A request waiting its turn, and the context it goes on in: its own, not the one that let it through. */
  private record Turn(Promise<Void> granted, Context context) {
    static Turn here() {
      return new Turn(Promise.promise(), Vertx.currentContext());
    }

    void grant() {
      if (context == null) {
        granted.complete();
      } else {
        context.runOnContext(v -> granted.complete());
      }
    }
  }

  /** A pool's slots and who waits for one. */
  private static final class Pool {
    private final int slots;
    private int inFlight;
    private final Deque<Turn> waiting = new ArrayDeque<>();

    Pool(int slots) {
      this.slots = slots;
    }

    /** Takes a slot for {@code turn} (granted at once: nobody listens to it yet), or queues it. */
    Pool enter(Turn turn) {
      if (inFlight < slots) {
        inFlight++;
        turn.granted().complete();
      } else {
        waiting.add(turn);
      }
      return this;
    }

    /** Frees a slot, handing it to the next who waits: answers that one, to be granted outside the map. */
    Turn leave() {
      Turn next = waiting.poll();
      if (next == null) {
        inFlight--;
      }
      return next;
    }

    boolean idle() {
      return inFlight == 0 && waiting.isEmpty();
    }
  }

  /** The instant before which nothing goes to a mailbox, and who waits for it. */
  private static final class Deadline {
    /** Read by {@link #pausedUntil} outside the map's updates. */
    private volatile Instant notBefore;
    private final List<Turn> waiting = new ArrayList<>();

    Deadline(Instant notBefore) {
      this.notBefore = notBefore;
    }

    Deadline movedTo(Instant later) {
      notBefore = later;
      return this;
    }

    Deadline await(Turn turn) {
      waiting.add(turn);
      return this;
    }
  }
}
