package dev.outlookflow.outlook.mail.newmail;

import dev.outlookflow.outlook.graph.GraphException;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Fires one page of a round for the round's flows. Each mail's event is prepared first (with requests of its
 * own when attachments are wanted), up to {@value #PREPARING} at once; the mails that are ready are emitted
 * together, in the page's order, one batch per flow, so a mail still being prepared never holds up those behind
 * it. A mail that cannot be fired makes the round fail (its cursor stays, and the next round brings the mail
 * again); after {@link Round#attempts()} rounds in a row, or at once when it can never succeed, it ends as a
 * failed run for each flow instead, carrying the reason, and the cursor moves on.
 */
final class PageFiring {
  static final int PREPARING = 4;

  /** What one mail of the page became: ready to emit, or not to be fired this round. */
  private sealed interface Entry permits Prepared, Unprepared {
    Candidate candidate();
  }

  private record Prepared(Candidate candidate, NewMail mail) implements Entry {}

  private record Unprepared(Candidate candidate, Throwable cause) implements Entry {}

  /** A mail of the page: its message as Graph answered it, and when it was received. */
  record Candidate(JsonObject message, String id, Instant received) {}

  /** The round the page belongs to, as the watcher runs it. */
  interface Round {
    List<Subscriber> targets();

    /** The oldest mail the round may fire for {@code target}. */
    Instant floor(Subscriber target);

    /** The mail's event, with whatever the round's flows want of it. */
    Future<NewMail> prepare(Candidate candidate);

    /** What is known of a mail whose event could not be made, for its failed run. */
    NewMail partial(Candidate candidate);

    /** How many rounds in a row a mail may fail before it ends as a failed run. */
    int attempts();

    FailingMails failing();

    /** The mail was emitted for each target (outcomes in the targets' order); {@code failedRun}: as a failure. */
    void fired(Candidate candidate, List<Subscriber.Outcome> outcomes, boolean failedRun);

    /** The mail could not be fired this round: the round must not move its cursor. */
    void unfired(Candidate candidate, String reason);

    /** A failure as a sentence for the run's error and the trigger's status. */
    String explain(Throwable failure);
  }

  private final Round round;
  private final List<Candidate> candidates;
  private final Promise<Void> done = Promise.promise();
  private final TreeMap<Integer, Entry> waiting = new TreeMap<>();
  private int next;
  private int preparing;
  private boolean pumping;
  private boolean emitting;

  private PageFiring(Round round, List<Candidate> candidates) {
    this.round = round;
    this.candidates = candidates;
  }

  /** Completes once every mail of the page was emitted, ended as a failed run, or told to the round as unfired. */
  static Future<Void> fire(Round round, List<Candidate> candidates) {
    if (candidates.isEmpty() || round.targets().isEmpty()) {
      return Future.succeededFuture();
    }
    PageFiring page = new PageFiring(round, candidates);
    page.pump();
    return page.done.future();
  }

  /** Starts preparations while there is room, then emits what is ready; re-entered by preparations that end. */
  private void pump() {
    if (pumping) {
      return;
    }
    pumping = true;
    while (preparing < PREPARING && next < candidates.size()) {
      int index = next++;
      Candidate candidate = candidates.get(index);
      preparing++;
      Future<NewMail> prepared;
      try {
        prepared = round.prepare(candidate);
      } catch (RuntimeException e) {
        prepared = Future.failedFuture(e);
      }
      prepared.onComplete(result -> {
        preparing--;
        waiting.put(index, result.succeeded() ? new Prepared(candidate, result.result())
            : new Unprepared(candidate, result.cause()));
        pump();
      });
    }
    pumping = false;
    emitWaiting();
  }

  private void emitWaiting() {
    if (emitting) {
      return;
    }
    if (waiting.isEmpty()) {
      if (next == candidates.size() && preparing == 0) {
        done.tryComplete();
      }
      return;
    }
    emitting = true;
    List<Entry> taken = new ArrayList<>(waiting.values());
    waiting.clear();
    emit(taken).onComplete(ignored -> {
      emitting = false;
      pump();
    });
  }

  /** The ready mails in batches, then the unprepared ones, one after another; never fails. */
  private Future<Void> emit(List<Entry> entries) {
    List<Prepared> ready = new ArrayList<>();
    List<Unprepared> unprepared = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry instanceof Prepared prepared) {
        ready.add(prepared);
      } else if (entry instanceof Unprepared failed) {
        unprepared.add(failed);
      }
    }
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < ready.size(); from += TriggerContext.MAX_BATCH) {
      List<Prepared> batch = ready.subList(from, Math.min(ready.size(), from + TriggerContext.MAX_BATCH));
      chain = chain.compose(v -> emitBatch(batch));
    }
    for (Unprepared failed : unprepared) {
      chain = chain.compose(v -> unfired(failed.candidate(), failed.cause()));
    }
    return chain;
  }

  /** One batch per flow; a batch refused is emitted again mail by mail, so that only the bad mail is held back. */
  private Future<Void> emitBatch(List<Prepared> batch) {
    List<Subscriber.Ready> mails = batch.stream()
        .map(p -> new Subscriber.Ready(p.mail(), p.candidate().received())).toList();
    List<Subscriber> targets = round.targets();
    List<Future<List<Subscriber.Outcome>>> emits = targets.stream()
        .map(target -> target.emitAll(mails, round.floor(target))).toList();
    return Future.all(emits).transform(all -> {
      if (all.succeeded()) {
        for (int i = 0; i < batch.size(); i++) {
          List<Subscriber.Outcome> outcomes = new ArrayList<>();
          for (Future<List<Subscriber.Outcome>> emit : emits) {
            outcomes.add(emit.result().get(i));
          }
          round.failing().handled(batch.get(i).candidate().id());
          round.fired(batch.get(i).candidate(), outcomes, false);
        }
        return Future.succeededFuture();
      }
      if (batch.size() == 1) {
        return unfired(batch.get(0).candidate(), all.cause());
      }
      Future<Void> oneByOne = Future.succeededFuture();
      for (Prepared single : batch) {
        oneByOne = oneByOne.compose(v -> emitBatch(List.of(single)));
      }
      return oneByOne;
    });
  }

  /**
   * A mail not fired this round: counted, and once it failed {@link Round#attempts()} rounds in a row (or can
   * never succeed), a failed run for each flow instead.
   */
  private Future<Void> unfired(Candidate candidate, Throwable cause) {
    String reason = round.explain(cause);
    int rounds = round.failing().failed(candidate.id(), reason);
    if (rounds < round.attempts() && !hopeless(cause)) {
      round.unfired(candidate, reason);
      return Future.succeededFuture();
    }
    NewMail partial = round.partial(candidate);
    String sentence = "The trigger could not start a run for this email " + (rounds == 1 ? "" : "in " + rounds
        + " rounds in a row ") + "and gave up on it so that the emails after it are not held up: " + reason;
    List<Subscriber> targets = round.targets();
    List<Future<Subscriber.Outcome>> runs = targets.stream()
        .map(target -> target.emitFailed(partial, candidate.received(), round.floor(target), sentence)).toList();
    return Future.all(runs).transform(all -> {
      if (all.succeeded()) {
        round.failing().handled(candidate.id());
        round.fired(candidate, runs.stream().map(Future::result).toList(), true);
      } else {
        round.unfired(candidate, reason + " (and its failed run could not be stored: "
            + all.cause().getMessage() + ")");
      }
      return Future.succeededFuture();
    });
  }

  /**
   * Whether trying again cannot help: Graph refused the mail's own request as malformed or too large (a 4xx
   * that is neither about the token, the mailbox's access, throttling nor a conflict of the moment).
   */
  static boolean hopeless(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof GraphException graph) {
        int status = graph.status();
        return status >= 400 && status < 500 && !Set.of(401, 403, 408, 409, 429).contains(status);
      }
    }
    return false;
  }
}
