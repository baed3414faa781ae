package dev.outlookflow.outlook.mail.newmail;

import dev.outlookflow.outlook.settings.ConnectionSettings;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.trigger.Emitted;
import dev.outlookflow.plugin.api.trigger.KeyedEvent;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
  private static final Duration COVERED_EVERY = Duration.ofMinutes(10);

  /** What one emit did for this flow. */
  enum Outcome { CREATED, REPEATED, SKIPPED, FILTERED }

  /** A mail ready to fire: its event and when it was received. */
  record Ready(NewMail mail, Instant received) {}

  final TriggerContext<NewMail> context;
  final ConnectionHandle connection;
  final ConnectionSettings settings;
  /** What the flow asked for: its interval, backfill, filters, attachments. */
  final FlowChoices choices;
  final Duration interval;
  final Instant joinedAt;
  final Instant since;
  final Instant covered;
  /** The backfill's progress as last stored; null when there is none. */
  volatile Backfill backfill;
  final AtomicLong runsStarted = new AtomicLong();
  final AtomicLong duplicatesSuppressed = new AtomicLong();
  final FilteredOut filteredOut = new FilteredOut();
  private volatile boolean left;
  /** Set while the mail since {@link #covered} is not yet fired: until then no round records progress. */
  private final AtomicBoolean catchUpDue;
  private final AtomicBoolean catchUpQueued = new AtomicBoolean();
  private volatile Instant coveredWritten;
  private volatile boolean firedSinceWritten;

  Subscriber(TriggerContext<NewMail> context, ConnectionHandle connection, ConnectionSettings settings,
      FlowChoices choices, Instant joinedAt, Instant since, Instant covered) {
    this.context = context;
    this.connection = connection;
    this.settings = settings;
    this.choices = choices;
    this.interval = choices.interval();
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
   * Starts this flow's runs for {@code mails}, in their order, each keyed by its id, but none received before
   * {@code floor}: answers one outcome per mail. A flow that left meanwhile (its emits fail fast) skips them all:
   * its mail is its catch-up's business when it returns. A mail the flow's
   * filters refuse starts nothing and is counted.
   */
  Future<List<Outcome>> emitAll(List<Ready> mails, Instant floor) {
    List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(mails.size(), Outcome.SKIPPED));
    List<KeyedEvent<NewMail>> batch = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < mails.size(); i++) {
      Ready ready = mails.get(i);
      if (left || ready.received().isBefore(floor)) {
        continue;
      }
      Optional<String> refusal = refusal(ready.mail());
      if (refusal.isPresent()) {
        filteredOut.count(refusal.get());
        outcomes.set(i, Outcome.FILTERED);
      } else {
        NewMail mine = choices.attachments().shape(ready.mail());
        batch.add(new KeyedEvent<>(mine, mine.id(), ready.received()));
        positions.add(i);
      }
    }
    if (batch.isEmpty()) {
      return Future.succeededFuture(outcomes);
    }
    return context.emitAll(batch).map(emitted -> {
      firedSinceWritten = true;
      for (int i = 0; i < emitted.size(); i++) {
        outcomes.set(positions.get(i), counted(emitted.get(i)));
      }
      return outcomes;
    }).recover(failure -> left ? Future.succeededFuture(outcomes) : Future.failedFuture(failure));
  }

  /**
   * Records this flow's failed run for a mail that could not be fired ({@code mail}: what is known of it), unless
   * it was received before {@code floor}.
   */
  Future<Outcome> emitFailed(NewMail mail, Instant received, Instant floor, String reason) {
    if (left || received.isBefore(floor)) {
      return Future.succeededFuture(Outcome.SKIPPED);
    }
    Optional<String> refusal = choices.filter().refusal(mail);
    if (refusal.isPresent()) {
      filteredOut.count(refusal.get());
      return Future.succeededFuture(Outcome.FILTERED);
    }
    return context.emitFailed(mail, mail.id(), received, reason).map(emitted -> {
      firedSinceWritten = true;
      return counted(emitted);
    }).recover(failure -> left ? Future.succeededFuture(Outcome.SKIPPED) : Future.failedFuture(failure));
  }

  /**
   * The first of the flow's filters the mail (prepared for all the watcher's flows) fails, in the panel's order,
   * {@code onlyWithAttachments} last.
   */
  private Optional<String> refusal(NewMail prepared) {
    Optional<String> refusal = choices.filter().refusal(prepared);
    if (refusal.isEmpty() && !choices.attachments().admits(prepared)) {
      return Optional.of("onlyWithAttachments");
    }
    return refusal;
  }

  private Outcome counted(Emitted emitted) {
    if (emitted.created()) {
      runsStarted.incrementAndGet();
      return Outcome.CREATED;
    }
    duplicatesSuppressed.incrementAndGet();
    return Outcome.REPEATED;
  }

  /**
   * Records that rounds up to one started at {@code roundStart} fired everything for this flow: written when the
   * round fired something (or {@code always}), else at most every 10 minutes (an idle poll costs no write per
   * flow; a paused flow's catch-up then reads at most 10 minutes more, its keys absorbing what it brings again);
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
