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
import java.util.function.Supplier;

/**
 * Fires one page of a round for the round's flows. Each mail's event is prepared first (with requests of its
 * own when attachments are wanted), up to {@value #PREPARING} at once and while the events waiting to be emitted
 * hold less than {@value #WAITING_BYTES} bytes of attachments; the mails that are ready are emitted together, in the
 * page's order, one batch per flow, so a mail still being prepared never holds up those behind it. A mail that
 * cannot be fired makes the round fail (its cursor stays, and the next round brings the mail again); after
 * {@link Round#attempts()} rounds in a row, or at once when it can never succeed, it ends as a failed run for each
 * flow instead, carrying the reason, and the cursor moves on. Flows that want nothing of attachments get a mail
 * whose attachments could not be read as if they had not been asked for.
 */
final class PageFiring {
  static final int PREPARING = 4;
  /** Attachment content waiting to be emitted, at most (one mail may bring its own bound past it). */
  static final long WAITING_BYTES = 32L * 1024 * 1024;

  /** What one mail of the page became: ready to emit, or not to be fired this round. */
  private sealed interface Entry permits Prepared, Unprepared {
    Candidate candidate();
  }

  private record Prepared(Candidate candidate, NewMail mail, long bytes) implements Entry {}

  private record Unprepared(Candidate candidate, Throwable cause) implements Entry {}

  /** A mail of the page: its message as Graph answered it, and when it was received. */
  record Candidate(JsonObject message, String id, Instant received) {}

  /** The round the page belongs to, as the watcher runs it. */
  interface Round {
    List<Subscriber> targets();

    /** When the round began: a mail's failures are counted once per round, however many passes read it. */
    Instant started();

    /** The oldest mail the round may fire for {@code target}. */
    Instant floor(Subscriber target);

    /** The mail's event, with whatever the round's flows want of it. */
    Future<NewMail> prepare(Candidate candidate);

    /** The mail's event without its attachments (may throw, for a message Graph answered malformed). */
    NewMail plain(Candidate candidate);

    /** What is known of a mail whose event could not be made, for its failed run. */
    NewMail partial(Candidate candidate);

    /** How many rounds in a row a mail may fail before it ends as a failed run. */
    int attempts();

    FailingMails failing();

    /** The mail was emitted for these targets' flows; {@code failedRun}: as a failure. */
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
  private long waitingBytes;
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
    while (preparing < PREPARING && next < candidates.size() && waitingBytes < WAITING_BYTES) {
      int index = next++;
      Candidate candidate = candidates.get(index);
      preparing++;
      guarded(() -> round.prepare(candidate)).onComplete(result -> {
        preparing--;
        if (result.succeeded()) {
          long bytes = contentBytes(result.result());
          waitingBytes += bytes;
          waiting.put(index, new Prepared(candidate, result.result(), bytes));
        } else {
          waiting.put(index, new Unprepared(candidate, result.cause()));
        }
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
      taken.forEach(entry -> {
        if (entry instanceof Prepared prepared) {
          waitingBytes -= prepared.bytes();
        }
      });
      pump();
    });
  }

  /** The ready mails in batches (bounded in number and bytes), then the unprepared ones; never fails. */
  private Future<Void> emit(List<Entry> entries) {
    List<List<Prepared>> batches = new ArrayList<>();
    List<Prepared> batch = new ArrayList<>();
    long bytes = 0;
    List<Unprepared> unprepared = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry instanceof Prepared prepared) {
        if (!batch.isEmpty() && (batch.size() == TriggerContext.MAX_BATCH || bytes + prepared.bytes() > WAITING_BYTES)) {
          batches.add(batch);
          batch = new ArrayList<>();
          bytes = 0;
        }
        batch.add(prepared);
        bytes += prepared.bytes();
      } else if (entry instanceof Unprepared failed) {
        unprepared.add(failed);
      }
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    Future<Void> chain = Future.succeededFuture();
    for (List<Prepared> each : batches) {
      chain = chain.compose(v -> guarded(() -> emitBatch(each)).recover(failure -> {
        // Whatever went wrong here, none of these mails may pass unnoticed: each is held for the next round.
        each.forEach(prepared -> round.unfired(prepared.candidate(), round.explain(failure)));
        return Future.succeededFuture();
      }));
    }
    for (Unprepared failed : unprepared) {
      chain = chain.compose(v -> guarded(() -> unprepared(failed)).recover(failure -> {
        round.unfired(failed.candidate(), round.explain(failure));
        return Future.succeededFuture();
      }));
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
        return unfired(batch.get(0).candidate(), all.cause(), targets);
      }
      Future<Void> oneByOne = Future.succeededFuture();
      for (Prepared single : batch) {
        oneByOne = oneByOne.compose(v -> emitBatch(List.of(single)));
      }
      return oneByOne;
    });
  }

  /**
   * A mail whose event could not be prepared: the flows that want nothing of attachments get it without them
   * (what failed was reading its attachments, for the others); the rest hold it back, or give up on it.
   */
  private Future<Void> unprepared(Unprepared failed) {
    List<Subscriber> targets = round.targets();
    List<Subscriber> plain = targets.stream().filter(t -> !t.choices.attachments().metadata()).toList();
    List<Subscriber> needy = targets.stream().filter(t -> t.choices.attachments().metadata()).toList();
    NewMail event;
    try {
      event = plain.isEmpty() ? null : round.plain(failed.candidate());
    } catch (RuntimeException malformed) {
      return unfired(failed.candidate(), failed.cause(), targets);
    }
    if (event == null) {
      return unfired(failed.candidate(), failed.cause(), targets);
    }
    List<Subscriber.Ready> mail = List.of(new Subscriber.Ready(event, failed.candidate().received()));
    List<Future<List<Subscriber.Outcome>>> emits = plain.stream()
        .map(target -> target.emitAll(mail, round.floor(target))).toList();
    return Future.all(emits).transform(all -> {
      if (all.failed()) {
        return unfired(failed.candidate(), all.cause(), targets);
      }
      round.fired(failed.candidate(), emits.stream().map(e -> e.result().get(0)).toList(), false);
      return needy.isEmpty() ? Future.succeededFuture() : unfired(failed.candidate(), failed.cause(), needy);
    });
  }

  /**
   * A mail not fired this round for {@code targets}: counted once per round, and once it failed
   * {@link Round#attempts()} rounds in a row (or can never succeed, or was given up on before), a failed run for
   * each of them instead.
   */
  private Future<Void> unfired(Candidate candidate, Throwable cause, List<Subscriber> targets) {
    String reason = round.explain(cause);
    FailingMails failing = round.failing();
    int rounds = failing.failed(candidate.id(), reason, round.started());
    if (rounds < round.attempts() && !hopeless(cause) && !failing.givenUp(candidate.id())) {
      round.unfired(candidate, reason);
      return Future.succeededFuture();
    }
    NewMail partial = round.partial(candidate);
    String sentence = bounded("The trigger could not start a run for this email" + (rounds <= 1 ? "" : " in "
        + Math.min(rounds, round.attempts()) + " rounds in a row") + " and gave up on it so that the emails after "
        + "it are not held up: " + reason);
    List<Future<Subscriber.Outcome>> runs = targets.stream()
        .map(target -> target.emitFailed(partial, candidate.received(), round.floor(target), sentence)).toList();
    return Future.all(runs).transform(all -> {
      if (all.succeeded()) {
        failing.gaveUp(candidate.id());
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

  /** The reason as the runtime takes it: at most {@value FailingMails#MAX_REASON} characters. */
  static String bounded(String sentence) {
    return sentence.length() <= FailingMails.MAX_REASON ? sentence
        : sentence.substring(0, FailingMails.MAX_REASON - 1) + "…";
  }

  private static long contentBytes(NewMail mail) {
    return mail.attachments() == null ? 0 : mail.attachments().stream()
        .mapToLong(a -> a.contentBase64() == null ? 0 : a.contentBase64().length()).sum();
  }

  /** Runs {@code work}, a throw turned into a failed future. */
  private static <T> Future<T> guarded(Supplier<Future<T>> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
