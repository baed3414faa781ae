package dev.outlookflow.outlook.mail.newmail;

import dev.outlookflow.outlook.settings.ConnectionSettings;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One enabled flow listening to a watcher: its context (where its runs start), its connection, its interval,
 * when it joined (it fires for rounds that start after that), since when it listens at all ({@link #SINCE}, kept
 * in its own trigger state from its first start) and up to when its earlier rounds covered the folder
 * ({@link #COVERED}: where it catches up from when enabled again).
 */
final class Subscriber {
  static final String SINCE = "since";
  static final String COVERED = "covered";
  /** How often, at most, a flow's progress is written when rounds bring it nothing. */
  private static final Duration COVERED_EVERY = Duration.ofMinutes(1);

  /** What one emit did for this flow. */
  enum Outcome { CREATED, REPEATED, SKIPPED, FILTERED }

  final TriggerContext<NewMail> context;
  final ConnectionHandle connection;
  final ConnectionSettings settings;
  final Duration interval;
  final Instant joinedAt;
  final Instant since;
  final Instant covered;
  final AtomicLong runsStarted = new AtomicLong();
  final AtomicLong duplicatesSuppressed = new AtomicLong();
  private final MailFilter filter;
  final FilteredOut filteredOut = new FilteredOut();
  private volatile boolean left;
  /** Set while the mail since {@link #covered} is not yet fired: until then no round records progress. */
  private final AtomicBoolean catchUpDue;
  private final AtomicBoolean catchUpQueued = new AtomicBoolean();
  private volatile Instant coveredWritten;
  private volatile boolean firedSinceWritten;

  Subscriber(TriggerContext<NewMail> context, ConnectionHandle connection, ConnectionSettings settings,
      Duration interval, Instant joinedAt, Instant since, Instant covered, MailFilter filter) {
    this.context = context;
    this.connection = connection;
    this.settings = settings;
    this.interval = interval;
    this.joinedAt = joinedAt;
    this.since = since;
    this.covered = covered;
    this.coveredWritten = joinedAt;
    this.catchUpDue = new AtomicBoolean(covered != null);
    this.filter = filter;
  }

  /** Whether a catch-up should be queued now: one is due and none is queued; marks it queued. */
  boolean queueCatchUp() {
    return catchUpDue.get() && !left && catchUpQueued.compareAndSet(false, true);
  }

  /** The queued catch-up ended; {@code done}: it fired everything, else it is tried again after the next round. */
  void catchUpEnded(boolean done) {
    if (done) {
      catchUpDue.set(false);
    }
    catchUpQueued.set(false);
  }

  String flowId() {
    return context.flowId();
  }

  void leave() {
    left = true;
  }

  boolean hasLeft() {
    return left;
  }

  /**
   * Starts this flow's run for {@code mail}, keyed by its id, unless it was received before {@code floor}. A flow
   * that left meanwhile (its emits fail fast) is skipped: its mail is its catch-up's business when it returns. A
   * mail the flow's filters refuse starts nothing and is counted.
   */
  Future<Outcome> emit(NewMail mail, Instant received, Instant floor) {
    if (left || received.isBefore(floor)) {
      return Future.succeededFuture(Outcome.SKIPPED);
    }
    Optional<String> refusal = filter.refusal(mail);
    if (refusal.isPresent()) {
      filteredOut.count(refusal.get());
      return Future.succeededFuture(Outcome.FILTERED);
    }
    return context.emit(mail, mail.id(), received).map(emitted -> {
      firedSinceWritten = true;
      if (emitted.created()) {
        runsStarted.incrementAndGet();
        return Outcome.CREATED;
      }
      duplicatesSuppressed.incrementAndGet();
      return Outcome.REPEATED;
    }).recover(failure -> left ? Future.succeededFuture(Outcome.SKIPPED) : Future.failedFuture(failure));
  }

  /**
   * Records that rounds up to one started at {@code roundStart} fired everything for this flow: written when the
   * round fired something (or {@code always}), else at most once a minute (an idle poll costs no write per flow);
   * never while a catch-up is due, which would then start from too late.
   */
  Future<Void> coveredUntil(Instant roundStart, boolean always) {
    if (left || catchUpDue.get()
        || (!always && !firedSinceWritten && roundStart.isBefore(coveredWritten.plus(COVERED_EVERY)))) {
      return Future.succeededFuture();
    }
    firedSinceWritten = false;
    coveredWritten = roundStart;
    return context.state().put(COVERED, String.valueOf(roundStart.toEpochMilli()));
  }
}
