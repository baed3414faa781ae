package dev.outlookflow.sandbox.stream;

import dev.outlookflow.sandbox.mail.MailDelivery;
import dev.outlookflow.sandbox.mail.Messages;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One stream under way. Each tick delivers the messages due by the wall-clock time elapsed since the start
 * ({@code perSecond} × seconds, or all of them without a rate), but at most {@value #MOST_PER_TICK} or
 * {@value #MOST_MILLIS_PER_TICK} ms worth, so the event loop it runs on keeps serving requests in between;
 * what is left is due at the next tick.
 */
final class MailStream {
  static final int MOST_PER_TICK = 1_000;
  static final long MOST_MILLIS_PER_TICK = 20;

  enum State { RUNNING, DONE, CANCELLED }

  private final String id;
  private final StreamSpec spec;
  private final MailGenerator generator;
  private final MailDelivery delivery;
  private final Clock sandboxClock;
  private final Clock wallClock;
  private final long startNanos = System.nanoTime();
  private final Instant startedAt;
  private Instant finishedAt;
  private State state = State.RUNNING;
  private int delivered;
  /** How late, at worst, a message arrived behind its time on the schedule (with a rate only). */
  private long maxBehindNanos;

  /**
   * {@code sandboxClock} stamps messages received now (tests move it); {@code wallClock} and the monotonic
   * {@link System#nanoTime()} keep the schedule and the start and finish, in real time.
   */
  MailStream(String id, StreamSpec spec, MailGenerator generator, MailDelivery delivery, Clock sandboxClock,
      Clock wallClock) {
    this.id = id;
    this.spec = spec;
    this.generator = generator;
    this.delivery = delivery;
    this.sandboxClock = sandboxClock;
    this.wallClock = wallClock;
    this.startedAt = now();
  }

  String id() {
    return id;
  }

  /** Delivers what is due; false once the stream is over (delivered or cancelled). */
  synchronized boolean tick() {
    if (state != State.RUNNING) {
      return false;
    }
    long tickStart = System.nanoTime();
    long due = due(tickStart - startNanos);
    long stopAt = tickStart + TimeUnit.MILLISECONDS.toNanos(MOST_MILLIS_PER_TICK);
    for (int n = 0; delivered < due && n < MOST_PER_TICK && System.nanoTime() < stopAt; n++) {
      deliverNext();
    }
    if (delivered == spec.count()) {
      finish(State.DONE);
    }
    return state == State.RUNNING;
  }

  private long due(long elapsedNanos) {
    return spec.perSecond().isEmpty() ? spec.count()
        : Math.min(spec.count(), elapsedNanos * spec.perSecond().getAsInt() / TimeUnit.SECONDS.toNanos(1));
  }

  private void deliverNext() {
    StreamSpec.Target target = spec.target(delivered);
    JsonObject message = generator.next(target);
    Instant received = spec.receivedBetween().map(r -> r.of(delivered, spec.count())).orElseGet(sandboxClock::instant);
    JsonObject from = message.getJsonObject("from");
    delivery.deliver(target.mailbox(), target.folder().id(), Messages.resource(message, from, from, false, received),
        received);
    delivered++;
    spec.perSecond().ifPresent(rate -> {
      long scheduledNanos = delivered * TimeUnit.SECONDS.toNanos(1) / rate;
      maxBehindNanos = Math.max(maxBehindNanos, System.nanoTime() - startNanos - scheduledNanos);
    });
  }

  synchronized void cancel() {
    if (state == State.RUNNING) {
      finish(State.CANCELLED);
    }
  }

  synchronized boolean running() {
    return state == State.RUNNING;
  }

  private void finish(State end) {
    state = end;
    finishedAt = now();
  }

  /** {@code finishedAt} is null while it runs; {@code perSecond} and {@code maxBehindMillis} null without a rate. */
  synchronized JsonObject status() {
    return new JsonObject().put("id", id).put("count", spec.count()).put("delivered", delivered)
        .put("perSecond", spec.perSecond().isPresent() ? spec.perSecond().getAsInt() : null)
        .put("startedAt", startedAt.toString())
        .put("finishedAt", finishedAt == null ? null : finishedAt.toString())
        .put("state", state.name().toLowerCase(Locale.ROOT))
        .put("maxBehindMillis", spec.perSecond().isPresent() ? TimeUnit.NANOSECONDS.toMillis(maxBehindNanos) : null);
  }

  private Instant now() {
    return Instant.ofEpochMilli(wallClock.millis());
  }
}
