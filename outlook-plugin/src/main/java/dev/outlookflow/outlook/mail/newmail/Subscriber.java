package dev.outlookflow.outlook.mail.newmail;

import dev.outlookflow.outlook.settings.ConnectionSettings;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
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
  enum Outcome { CREATED, REPEATED, SKIPPED }

  final TriggerContext<NewMail> context;
  final ConnectionHandle connection;
  final ConnectionSettings settings;
  final Duration interval;
  /** What the flow asked of attachments: the watcher prepares for all its flows, {@link #emit} keeps this flow's. */
  final AttachmentNeeds attachments;
  final Instant joinedAt;
  final Instant since;
  final Instant covered;
  final AtomicLong runsStarted = new AtomicLong();
  final AtomicLong duplicatesSuppressed = new AtomicLong();
  private volatile boolean left;
  /** Set while the mail since {@link #covered} is not yet fired: until then no round records progress. */
  private final AtomicBoolean catchUpDue;
  private final AtomicBoolean catchUpQueued = new AtomicBoolean();
  private volatile Instant coveredWritten;
  private volatile boolean firedSinceWritten;

  Subscriber(TriggerContext<NewMail> context, ConnectionHandle connection, ConnectionSettings settings,
      Duration interval, AttachmentNeeds attachments, Instant joinedAt, Instant since, Instant covered) {
    this.context = context;
    this.connection = connection;
    this.settings = settings;
    this.interval = interval;
    this.attachments = attachments;
    this.joinedAt = joinedAt;
    this.since = since;
    this.covered = covered;
    this.coveredWritten = joinedAt;
    this.catchUpDue = new AtomicBoolean(covered != null);
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
   * Starts this flow's run for {@code prepared} (the mail prepared for all the watcher's flows), keyed by its id,
   * unless it was received before {@code floor} or the flow's attachment filter leaves it out. A flow that left
   * meanwhile (its emits fail fast) is skipped: its mail is its catch-up's business when it returns.
   */
  Future<Outcome> emit(NewMail prepared, Instant received, Instant floor) {
    if (left || received.isBefore(floor) || !attachments.admits(prepared)) {
      return Future.succeededFuture(Outcome.SKIPPED);
    }
    NewMail mail = attachments.shape(prepared);
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
