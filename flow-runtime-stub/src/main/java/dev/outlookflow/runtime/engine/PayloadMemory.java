package dev.outlookflow.runtime.engine;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How much of the heap run payloads may hold at once. A payload costs the runtime many times its size
 * while it is parsed, copied, sealed and stored (H2 writes a commit's data through one buffer that
 * grows by half each time it is full): {@link #WEIGHT} times, measured under {@code -Xmx256m}, where
 * three 4 MB events at once ran H2 out of memory and three of 2 MB did not. Half the heap is theirs;
 * the rest is the runtime's own. Those who wait are served first come, first served, so a large
 * payload is not passed over for ever by small ones.
 */
public final class PayloadMemory {
  static final int WEIGHT = 32;

  /** One who waits for room, and how much. */
  private record Waiter(long cost, Promise<Reservation> promise) {}

  private final long capacity;
  private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
  private long reserved;

  PayloadMemory(long heapBytes) {
    this.capacity = heapBytes / 2;
  }

  /** The budget of this JVM's heap ({@code -Xmx}). */
  public static PayloadMemory ofThisHeap() {
    return new PayloadMemory(Runtime.getRuntime().maxMemory());
  }

  /** The largest payload, in bytes, this runtime can take at all. */
  public long largestPayload() {
    return capacity / WEIGHT;
  }

  /** Room for a payload of {@code size} bytes now, if no one waits before it; else empty. */
  public synchronized Optional<Reservation> tryReserve(long size) {
    long cost = size * WEIGHT;
    if (!waiting.isEmpty() || reserved + cost > capacity) {
      return Optional.empty();
    }
    reserved += cost;
    return Optional.of(new Reservation(cost));
  }

  /**
   * Room for a payload of {@code size} bytes once those before it are served and it fits; one larger
   * than {@link #largestPayload()} never fits, and the caller must not ask.
   */
  public synchronized Future<Reservation> reserve(long size) {
    long cost = size * WEIGHT;
    if (cost > capacity) {
      throw new IllegalArgumentException("a payload of " + size + " bytes never fits in " + capacity / WEIGHT);
    }
    if (waiting.isEmpty() && reserved + cost <= capacity) {
      reserved += cost;
      return Future.succeededFuture(new Reservation(cost));
    }
    Promise<Reservation> promise = Promise.promise();
    waiting.add(new Waiter(cost, promise));
    return promise.future();
  }

  private void free(long cost) {
    List<Runnable> served = new ArrayList<>();
    synchronized (this) {
      reserved -= cost;
      while (!waiting.isEmpty() && reserved + waiting.peek().cost() <= capacity) {
        Waiter next = waiting.poll();
        reserved += next.cost();
        Reservation room = new Reservation(next.cost());
        served.add(() -> next.promise().complete(room));
      }
    }
    // Outside the lock: a waiter's continuation may reserve or free in turn.
    served.forEach(Runnable::run);
  }

  /** Room held for one payload; released once, however often {@link #release} is called. */
  public final class Reservation {
    private final long cost;
    private boolean released;

    private Reservation(long cost) {
      this.cost = cost;
    }

    public void release() {
      synchronized (PayloadMemory.this) {
        if (released) {
          return;
        }
        released = true;
      }
      free(cost);
    }
  }
}
