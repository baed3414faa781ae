package dev.outlookflow.sandbox.stream;

import dev.outlookflow.sandbox.mail.MailDelivery;
import dev.outlookflow.sandbox.mail.MailStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The mail streams started through the control API. Each ticks on its own Vert.x periodic timer, on the
 * event loop of the request that started it, until it has delivered its count or is cancelled. At most
 * {@value #MOST_RUNNING} run at once; the newest {@value #KEPT} are remembered for their status.
 */
public final class MailStreams {
  static final long TICK_MILLIS = 10;
  static final int MOST_RUNNING = 4;
  static final int KEPT = 1_000;

  private final Vertx vertx;
  private final MailStore mail;
  private final MailDelivery delivery;
  private final Clock sandboxClock;
  private final Clock wallClock;
  private final Map<String, Started> streams = new LinkedHashMap<>();

  private record Started(MailStream stream, long timer) {}

  public MailStreams(Vertx vertx, MailStore mail, MailDelivery delivery, Clock sandboxClock, Clock wallClock) {
    this.vertx = vertx;
    this.mail = mail;
    this.delivery = delivery;
    this.sandboxClock = sandboxClock;
    this.wallClock = wallClock;
  }

  /** Starts a stream and answers its status; empty when {@value #MOST_RUNNING} already run. */
  public synchronized Optional<JsonObject> start(StreamSpec spec) {
    if (streams.values().stream().filter(s -> s.stream().running()).count() >= MOST_RUNNING) {
      return Optional.empty();
    }
    forgetOldest();
    MailStream stream = new MailStream(UUID.randomUUID().toString(), spec, new MailGenerator(spec, mail.mailboxes()),
        delivery, sandboxClock, wallClock);
    long timer = vertx.setPeriodic(TICK_MILLIS, t -> {
      if (!stream.tick()) {
        vertx.cancelTimer(t);
      }
    });
    streams.put(stream.id(), new Started(stream, timer));
    return Optional.of(stream.status());
  }

  public synchronized Optional<JsonObject> status(String id) {
    return Optional.ofNullable(streams.get(id)).map(s -> s.stream().status());
  }

  /** Stops a stream where it is; what it delivered stays. */
  public synchronized Optional<JsonObject> cancel(String id) {
    return Optional.ofNullable(streams.get(id)).map(s -> {
      stop(s);
      return s.stream().status();
    });
  }

  /** Cancels every stream and forgets them all (a reset, the sandbox stopping). */
  public synchronized void forget() {
    streams.values().forEach(this::stop);
    streams.clear();
  }

  private void stop(Started started) {
    started.stream().cancel();
    vertx.cancelTimer(started.timer());
  }

  /** Makes room for one more by forgetting the oldest finished streams. */
  private void forgetOldest() {
    Iterator<Started> oldestFirst = streams.values().iterator();
    while (streams.size() >= KEPT && oldestFirst.hasNext()) {
      if (!oldestFirst.next().stream().running()) {
        oldestFirst.remove();
      }
    }
  }
}
