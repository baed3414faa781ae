package dev.outlookflow.runtime.engine;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much of the heap run payloads may hold at once. A payload costs the runtime many times its size
 * while it is parsed, copied, sealed and stored (H2 writes a commit's data through one buffer that
 * grows by half each time it is full): {@link #WEIGHT} times, measured under {@code -Xmx256m}, where
 * three 4 MB events at once ran H2 out of memory and three of 2 MB did not. Half the heap is theirs;
 * the rest is the runtime's own.
 */
public final class PayloadMemory {
  static final int WEIGHT = 32;

  private final long capacity;
  private final AtomicLong reserved = new AtomicLong();

  PayloadMemory(long heapBytes) {
    this.capacity = heapBytes / 2;
  }

  /** The budget of this JVM's heap ({@code -Xmx}). */
  public static PayloadMemory ofThisHeap() {
    return new PayloadMemory(Runtime.getRuntime().maxMemory());
  }

  /** The largest payload, in bytes or characters, this runtime can take at all. */
  public long largestPayload() {
    return capacity / WEIGHT;
  }

  /** Room for a payload of {@code size} while it is handled; empty when it does not fit now. */
  public Optional<Reservation> tryReserve(long size) {
    long cost = size * WEIGHT;
    while (true) {
      long now = reserved.get();
      if (now + cost > capacity) {
        return Optional.empty();
      }
      if (reserved.compareAndSet(now, now + cost)) {
        return Optional.of(new Reservation(cost));
      }
    }
  }

  /** Room held for one payload; released once, however often {@link #release} is called. */
  public final class Reservation {
    private final long cost;
    private final AtomicBoolean released = new AtomicBoolean();

    private Reservation(long cost) {
      this.cost = cost;
    }

    public void release() {
      if (released.compareAndSet(false, true)) {
        reserved.addAndGet(-cost);
      }
    }
  }
}
