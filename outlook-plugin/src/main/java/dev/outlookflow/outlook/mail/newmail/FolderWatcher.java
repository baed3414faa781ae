package dev.outlookflow.outlook.mail.newmail;

import dev.outlookflow.outlook.graph.GraphException;
import dev.outlookflow.outlook.mail.MailFailures;
import dev.outlookflow.outlook.mail.MailGraph;
import dev.outlookflow.outlook.mail.Mailbox;
import dev.outlookflow.outlook.mail.Paths;
import dev.outlookflow.outlook.services.OutlookServices;
import dev.outlookflow.plugin.api.trigger.SharedState;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Watches one folder of one mailbox for every enabled flow listening there: one delta round at a time, whatever
 * the number of flows. A round follows Graph's links, emits one keyed run per new message per flow that joined
 * before the round began, and only then stores the cursor: a failure anywhere leaves the cursor where it was,
 * and the next round brings the same mail again, which the runtime's keys turn into no second run.
 *
 * <ul>
 *   <li>A new watcher's first round is its baseline: changes from then on, nothing fired.
 *   <li>A dead cursor (410, {@code syncStateNotFound}, {@code resyncRequired}) is replaced by a new delta query
 *       from the newest mail seen less {@link #MARGIN}; past Graph's cap of {@value #CAP} results the same span is
 *       listed page by page; then an audit runs.
 *   <li>An audit lists the folder's {@value #AUDIT_SIZE} newest messages and fires what delta never brought.
 *   <li>A flow enabled again catches up by listing the mail since its last covered round, less the margin.
 * </ul>
 */
final class FolderWatcher {
  /** How far back a resync and a catch-up reach before the instant they resume from: clock skew, late mail. */
  static final Duration MARGIN = Duration.ofMinutes(10);
  /** A baseline's window: enough for its delta tokens, a few requests even in a folder of 100,000 messages. */
  static final Duration BASELINE_WINDOW = Duration.ofHours(1);
  /** How long a key is kept after the newest mail: far longer than any resync, audit or catch-up reaches. */
  static final Duration KEY_RETENTION = Duration.ofDays(35);
  private static final Duration PRUNE_EVERY = Duration.ofHours(1);
  /** How often, at most, an idle round's new cursor is written. */
  static final Duration IDLE_WRITE_EVERY = Duration.ofMinutes(10);
  /** How often a watcher whose connection cannot sign in tries again. */
  private static final Duration SIGNED_OUT_INTERVAL = Duration.ofMinutes(1);
  /** The longest a failed backfill waits before it tries again. */
  private static final Duration BACKFILL_BACKOFF = Duration.ofMinutes(5);
  static final int AUDIT_SIZE = 100;
  static final int AUDIT_PAGES = 10;
  static final int CAP = 5_000;
  private static final int LIST_PAGE = 100;
  /** A backfill's page: a batch the runtime stores in one transaction, a fifth of the requests of list pages. */
  static final int BACKFILL_PAGE = 500;

  /** How a round treats what it reads. */
  private enum Source { BASELINE, DELTA, RESYNC, AUDIT, CATCH_UP, BACKFILL }

  private final WatchKey key;
  private final Mailbox mailbox;
  private final String mailboxName;
  private final NewMail.Folder folder;
  private final OutlookServices services;
  private final Vertx vertx;
  private final Clock clock;
  private final SharedState shared;
  private final PollBudget budget;
  private final Duration auditEvery;
  private final int attempts;
  private final FailingMails failing = new FailingMails();
  private final MailAttachments attachments;
  private final Map<String, Subscriber> subscribers = new LinkedHashMap<>();
  private final RecentIds seen = new RecentIds(2_000);
  private Future<Void> tail;
  private boolean loaded;
  private WatcherState state;
  private long timer = -1;
  private volatile boolean closed;
  private final AtomicLong rounds = new AtomicLong();
  private final AtomicLong audits = new AtomicLong();
  /** The watcher's counts as they happen, stored with its state; a round that fails keeps what it counted. */
  private final Map<String, AtomicLong> totals = new ConcurrentHashMap<>();
  private volatile Instant lastRound;
  /** When the latest round began: the round the catch-ups queued after it belong to. */
  private volatile Instant roundStarted;
  private volatile Instant nextRound;
  private volatile String lastError;
  private volatile String problem;
  private volatile MailGraph graph;
  private Instant nextAudit;
  private Instant auditedFrom;
  private Instant nextPrune;
  /** When the watcher's state was last written. */
  private Instant written = Instant.MIN;

  FolderWatcher(WatchKey key, Mailbox mailbox, String mailboxName, NewMail.Folder folder, OutlookServices services,
      Vertx vertx, Clock clock, SharedState shared, PollBudget budget, NewMailSettings settings,
      MailAttachments attachments, Future<Void> after) {
    this.key = key;
    this.mailbox = mailbox;
    this.mailboxName = mailboxName;
    this.folder = folder;
    this.services = services;
    this.vertx = vertx;
    this.clock = clock;
    this.shared = shared;
    this.budget = budget;
    this.auditEvery = settings.auditEvery();
    this.attempts = settings.attemptsPerMail();
    this.attachments = attachments;
    this.tail = after.otherwiseEmpty();
    this.nextAudit = clock.instant().plus(auditEvery);
    this.nextPrune = clock.instant();
  }

  /** Adds a flow; the first one starts the rounds, a returning one (with a covered round) catches up. */
  void join(Subscriber subscriber) {
    boolean first;
    synchronized (this) {
      first = subscribers.isEmpty();
      subscribers.put(subscriber.flowId(), subscriber);
    }
    if (subscriber.queueCatchUp()) {
      enqueue(() -> catchUp(subscriber));
    }
    if (subscriber.choices.backfillDays() > 0) {
      backfill(subscriber);
    }
    if (first) {
      enqueue(this::round);
    } else {
      sooner(subscriber.interval);
      report();
    }
  }

  /** Removes a flow; answers whether it was the last, after which the watcher closes. */
  synchronized boolean leave(Subscriber subscriber) {
    subscriber.leave();
    subscribers.remove(subscriber.flowId(), subscriber);
    return subscribers.isEmpty();
  }

  /** Stops the rounds; completes when the work under way has ended. */
  Future<Void> close() {
    closed = true;
    vertx.cancelTimer(timer);
    return tail;
  }

  /** Runs {@code work} after all work enqueued before it, whatever that did; never under the watcher's lock. */
  private void enqueue(Supplier<Future<Void>> work) {
    Promise<Void> done = Promise.promise();
    Future<Void> previous;
    synchronized (this) {
      previous = tail;
      tail = done.future();
    }
    previous.onComplete(ignored -> {
      Future<Void> ran;
      try {
        ran = closed ? Future.succeededFuture() : work.get();
      } catch (RuntimeException e) {
        ran = Future.failedFuture(e);
      }
      ran.onComplete(outcome -> done.complete());
    });
  }

  private synchronized List<Subscriber> participants(Instant roundStart) {
    return subscribers.values().stream().filter(s -> !s.joinedAt.isAfter(roundStart)).toList();
  }

  private synchronized Subscriber anySubscriber() {
    return subscribers.values().stream().findFirst().orElse(null);
  }

  private Future<Void> round() {
    Instant started = clock.instant();
    roundStarted = started;
    List<Subscriber> participants = participants(started);
    Subscriber any = anySubscriber();
    if (closed || any == null) {
      return Future.succeededFuture();
    }
    // 0: the state not read (the store's failure), 1: no token (the connection's), 2: signed in.
    int[] reached = {0};
    return load()
        .compose(v -> {
          reached[0] = 1;
          return MailGraph.open(any.connection, any.settings, services);
        })
        .onSuccess(opened -> {
          reached[0] = 2;
          graph = opened;
        })
        .compose(graph -> cycle(graph, participants, started)
            .recover(failure -> Future.failedFuture(MailFailures.explain(failure, mailbox, graph))))
        .transform(done -> {
          lastRound = started;
          rounds.incrementAndGet();
          lastError = done.succeeded() ? null : done.cause().getMessage();
          problem = done.succeeded() || !signedOut(done.cause(), reached[0]) ? null : done.cause().getMessage();
          retryCatchUps();
          scheduleNext();
          report();
          return Future.<Void>succeededFuture();
        });
  }

  /** One round: delta (or its baseline, or a resync), an audit when due, each flow's progress, pruning when due. */
  private Future<Void> cycle(MailGraph graph, List<Subscriber> participants, Instant started) {
    Future<Void> fetched;
    if (state == null) {
      fetched = baseline(graph, participants, started);
    } else if (!state.followable()) {
      fetched = resync(graph, participants);
    } else {
      fetched = delta(graph, participants)
          .recover(failure -> Resync.needed(failure) ? resync(graph, participants) : Future.failedFuture(failure));
    }
    return fetched
        // The audit runs when due even after a failed fetch: it is the net for when delta struggles.
        .transform(fetch -> auditIfDue(graph, participants, started).transform(audit -> {
          Throwable failure = fetch.failed() ? fetch.cause() : audit.cause();
          return failure == null ? Future.<Void>succeededFuture() : Future.<Void>failedFuture(failure);
        }))
        .compose(v -> Future.all(participants.stream().map(s -> s.coveredUntil(started, false)).toList()).<Void>mapEmpty())
        .compose(v -> prune(participants, started))
        // A failed round keeps its cursor, but what it learnt of failing mails and its counts are kept.
        .recover(failure -> (state == null ? Future.<Void>succeededFuture() : save(state).otherwiseEmpty())
            .compose(v -> Future.failedFuture(failure)));
  }

  private Future<Void> load() {
    if (loaded) {
      return Future.succeededFuture();
    }
    return shared.get(key.stateKey()).map(stored -> {
      state = stored.map(WatcherState::fromJson).orElse(null);
      if (state != null) {
        state.counts().forEach((name, count) -> totals.computeIfAbsent(name, n -> new AtomicLong()).addAndGet(count));
        failing.load(state.failing());
      }
      loaded = true;
      return null;
    });
  }

  /**
   * A new watcher's first round: the cursor from which its rounds go on. It fires only mail received since its
   * flows listen (none, for flows enabled a moment ago; the mail since, for flows whose first start found no
   * baseline, e.g. while consent was pending), reaching back an hour or to the earliest of them.
   */
  private Future<Void> baseline(MailGraph graph, List<Subscriber> participants, Instant started) {
    Instant from = participants.stream().map(s -> s.since).reduce(started.minus(BASELINE_WINDOW),
        (a, b) -> a.isBefore(b) ? a : b);
    Pass pass = new Pass(Source.BASELINE);
    return walk(graph, graph.read(mailbox, deltaQuery(from)), items -> fire(graph, items, participants, pass))
        .compose(pass::outcome)
        .compose(link -> save(WatcherState.baseline(deltaLink(link), started, pass.newest)));
  }

  private Future<Void> delta(MailGraph graph, List<Subscriber> participants) {
    Pass pass = new Pass(Source.DELTA);
    return walk(graph, graph.follow(mailbox, "@odata.deltaLink", state.deltaLink()),
        items -> fire(graph, items, participants, pass))
        .compose(pass::outcome)
        .compose(link -> pass.newest == null ? saveIdle(state.after(deltaLink(link), null))
            : save(state.after(deltaLink(link), pass.newest)));
  }

  private Future<Void> resync(MailGraph graph, List<Subscriber> participants) {
    count(WatcherState.RESYNCS);
    Instant from = (state.lastSeen() != null ? state.lastSeen() : state.baselineAt()).minus(MARGIN);
    Pass pass = new Pass(Source.RESYNC);
    int[] results = {0};
    return walk(graph, graph.read(mailbox, deltaQuery(from)), items -> {
      results[0] += items.size();
      return fire(graph, items, participants, pass);
    }).compose(link -> results[0] < CAP ? Future.succeededFuture(link)
            // Graph answered its cap: what it left out is found by listing the same span.
            : list(graph, from, participants, pass).map(link))
        .compose(pass::outcome)
        .compose(link -> save(state.after(deltaLink(link), pass.newest)))
        .compose(v -> audit(graph, participants));
  }

  private Future<Void> auditIfDue(MailGraph graph, List<Subscriber> participants, Instant started) {
    return state == null || started.isBefore(nextAudit) ? Future.succeededFuture() : audit(graph, participants);
  }

  /**
   * The mail received since the last audit began (less one audit interval, at most the margin), newest first, fired
   * where delta never brought it: one request, more only when over {@value #AUDIT_SIZE} mails arrived meanwhile (at
   * most {@value #AUDIT_PAGES} pages: a folder that busy is audited for its newest mail).
   */
  private Future<Void> audit(MailGraph graph, List<Subscriber> participants) {
    Instant started = clock.instant();
    nextAudit = started.plus(auditEvery);
    audits.incrementAndGet();
    Duration overlap = auditEvery.compareTo(MARGIN) < 0 ? auditEvery : MARGIN;
    // A watcher made again (a restart) audits from no further back than the margin: delta covered the rest.
    Instant from = (auditedFrom == null ? later(state.baselineAt(), started.minus(MARGIN)) : auditedFrom).minus(overlap);
    String query = messages() + "?$filter=" + Paths.encode("receivedDateTime ge " + format(from))
        + "&$orderby=receivedDateTime%20desc&$top=" + AUDIT_SIZE + "&$select=" + NewMail.SELECT;
    Pass pass = new Pass(Source.AUDIT);
    return walk(graph, graph.read(mailbox, query), items -> fire(graph, items, participants, pass), AUDIT_PAGES)
        .compose(pass::outcome)
        .compose(v -> save(state))
        .onSuccess(v -> auditedFrom = started);
  }

  /**
   * A returning flow's mail since its last covered round, less the margin, by listing. Until it succeeds the flow
   * records no progress, and it is tried again after each round.
   */
  private Future<Void> catchUp(Subscriber subscriber) {
    Instant started = clock.instant();
    Instant from = later(subscriber.covered.minus(MARGIN), pruneMark(started));
    return load()
        .compose(v -> MailGraph.open(subscriber.connection, subscriber.settings, services))
        .compose(graph -> {
          Pass pass = new Pass(Source.CATCH_UP);
          return list(graph, from, List.of(subscriber), pass).compose(pass::outcome);
        })
        .onComplete(done -> subscriber.catchUpEnded(done.succeeded()))
        .compose(v -> subscriber.coveredUntil(started, true))
        .recover(failure -> {
          subscriber.context.log().warn("could not yet catch up on the mail since " + subscriber.covered
              + " (tried again after the next round): " + failure.getMessage());
          return Future.succeededFuture();
        });
  }

  /**
   * Starts a flow's backfill, on a chain of its own beside the rounds (so new mail never waits for it): its stored
   * progress, or a new one at the flow's first start; then page after page until done, the progress stored after
   * each page. A failure is tried again one interval later, from the stored progress, while the flow listens.
   */
  private void backfill(Subscriber subscriber) {
    backfill(subscriber, 0);
  }

  private void backfill(Subscriber subscriber, int failures) {
    String key = backfillKey();
    subscriber.context.state().get(key).compose(stored -> {
      if (stored.isPresent()) {
        return Future.succeededFuture(Backfill.fromJson(stored.get()));
      }
      Backfill fresh = Backfill.of(subscriber.since, Math.min(subscriber.choices.backfillDays(), Backfill.MAX_DAYS));
      return unlessLeft(subscriber).compose(v -> subscriber.context.state().put(key, fresh.toJson().encode()))
          .map(fresh);
    }).compose(progress -> {
      subscriber.backfill = progress;
      return progress.finished() ? Future.succeededFuture() : backfillPages(subscriber, key);
    }).onComplete(done -> {
      report();
      if (done.failed() && !subscriber.hasLeft() && !closed) {
        // One interval after a failure, doubling up to five minutes: a backfill never hammers a struggling Graph.
        long delay = Math.min(subscriber.interval.toMillis() << Math.min(failures, 16), BACKFILL_BACKOFF.toMillis());
        subscriber.context.log().warn("the backfill stopped (tried again in " + delay / 1000 + " s): "
            + done.cause().getMessage());
        vertx.setTimer(Math.max(1, delay), id -> {
          if (!subscriber.hasLeft() && !closed) {
            backfill(subscriber, failures + 1);
          }
        });
      }
    });
  }

  private Future<Void> backfillPages(Subscriber subscriber, String key) {
    Backfill start = subscriber.backfill;
    String query = messages() + "?$filter=" + Paths.encode("receivedDateTime ge " + format(start.resumeFrom())
        + " and receivedDateTime lt " + format(start.until())) + "&$orderby=receivedDateTime%20asc&$top=" + BACKFILL_PAGE
        + "&$select=" + NewMail.SELECT;
    return MailGraph.open(subscriber.connection, subscriber.settings, services).compose(graph -> walkAhead(graph,
        graph.read(mailbox, query), () -> !subscriber.hasLeft(), items -> {
          Pass pass = new Pass(Source.BACKFILL, start.from());
          // A flow that left has its emits skipped; one disconnected its state cleared, not to be written again.
          Future<Void> fired = fire(graph, items, List.of(subscriber), pass).compose(pass::outcome);
          return fired.compose(v -> unlessLeft(subscriber)).compose(v -> {
            Backfill next = subscriber.backfill.after(items);
            return subscriber.context.state().put(key, next.toJson().encode()).onSuccess(stored -> {
              subscriber.backfill = next;
              report();
            });
          }).compose(v -> unlessLeft(subscriber)); // before the next page is asked for: then no request follows
        }))
        .compose(link -> {
          Backfill finished = subscriber.backfill.completed();
          return unlessLeft(subscriber).compose(v -> subscriber.context.state().put(key, finished.toJson().encode()))
              .onSuccess(v -> subscriber.backfill = finished);
        });
  }

  private static Future<Void> unlessLeft(Subscriber subscriber) {
    return subscriber.hasLeft() ? Future.failedFuture(new IllegalStateException("the flow stopped listening"))
        : Future.succeededFuture();
  }

  /** The flow's backfill progress of this folder, in its trigger state (hashed, as folder ids are long). */
  private String backfillKey() {
    return "backfill/" + key.stateKey();
  }

  private void retryCatchUps() {
    List<Subscriber> all;
    synchronized (this) {
      all = List.copyOf(subscribers.values());
    }
    all.stream().filter(Subscriber::queueCatchUp).forEach(s -> enqueue(() -> catchUp(s)));
  }

  /** The messages received since {@code from}, oldest first, page after page. */
  private Future<Void> list(MailGraph graph, Instant from, List<Subscriber> targets, Pass pass) {
    String query = messages() + "?$filter=" + Paths.encode("receivedDateTime ge " + format(from))
        + "&$orderby=receivedDateTime%20asc&$top=" + LIST_PAGE + "&$select=" + NewMail.SELECT;
    return walk(graph, graph.read(mailbox, query), items -> fire(graph, items, targets, pass)).mapEmpty();
  }

  /** Reads a query's pages, each handed to {@code each} before the next is asked for; answers the deltaLink. */
  private Future<String> walk(MailGraph graph, Future<JsonObject> first, Function<JsonArray, Future<Void>> each) {
    return walk(graph, first, each, Integer.MAX_VALUE);
  }

  /**
   * As {@link #walk}, asking for each next page while the one before is handed to {@code each} (while
   * {@code goOn} holds), so that reading and firing overlap; a page is still handed over only after the one before.
   */
  private Future<String> walkAhead(MailGraph graph, Future<JsonObject> first, BooleanSupplier goOn,
      Function<JsonArray, Future<Void>> each) {
    return first.compose(page -> {
      String next = page.getString("@odata.nextLink");
      Future<JsonObject> ahead = next != null && goOn.getAsBoolean() && !closed
          ? graph.follow(mailbox, "@odata.nextLink", next) : null;
      return each.apply(page.getJsonArray("value", new JsonArray())).compose(v -> {
        if (closed) {
          return Future.failedFuture(new IllegalStateException("the watcher of " + sourceName() + " closed"));
        }
        return ahead == null ? Future.succeededFuture(page.getString("@odata.deltaLink"))
            : walkAhead(graph, ahead, goOn, each);
      });
    });
  }

  /** The same, reading at most {@code pages} pages. */
  private Future<String> walk(MailGraph graph, Future<JsonObject> first, Function<JsonArray, Future<Void>> each,
      int pages) {
    return first.compose(page -> each.apply(page.getJsonArray("value", new JsonArray())).compose(v -> {
      if (closed) {
        // Its flows left: stop here, the cursor unsaved, for whoever watches the folder next.
        return Future.failedFuture(new IllegalStateException("the watcher of " + sourceName() + " closed"));
      }
      String next = page.getString("@odata.nextLink");
      return next != null && pages > 1 ? walk(graph, graph.follow(mailbox, "@odata.nextLink", next), each, pages - 1)
          : Future.succeededFuture(page.getString("@odata.deltaLink"));
    }));
  }

  /** Fires a page's new messages for each target flow (see {@link PageFiring}). */
  private Future<Void> fire(MailGraph graph, JsonArray items, List<Subscriber> targets, Pass pass) {
    List<PageFiring.Candidate> candidates = new ArrayList<>();
    for (Object item : items) {
      if (item instanceof JsonObject message && !message.containsKey("@removed") && message.getString("id") != null
          && message.getValue("receivedDateTime") != null) {
        String id = message.getString("id");
        Instant received = NewMail.receivedOf(message);
        pass.newest = later(pass.newest, received);
        if (pass.source != Source.AUDIT || !seen.contains(id)) {
          candidates.add(new PageFiring.Candidate(message, id, received == null ? clock.instant() : received));
        }
      }
    }
    return PageFiring.fire(new PassRound(graph, targets, pass), candidates);
  }

  /** A page of {@code pass} as {@link PageFiring} sees it. */
  private final class PassRound implements PageFiring.Round {
    private final MailGraph graph;
    private final List<Subscriber> targets;
    private final Pass pass;

    PassRound(MailGraph graph, List<Subscriber> targets, Pass pass) {
      this.graph = graph;
      this.targets = targets;
      this.pass = pass;
    }

    @Override
    public List<Subscriber> targets() {
      return targets;
    }

    @Override
    public Instant started() {
      return pass.started;
    }

    @Override
    public Instant floor(Subscriber target) {
      return pass.source == Source.BACKFILL ? later(pass.backfillFrom, pruneMark(clock.instant()))
          .truncatedTo(ChronoUnit.SECONDS) : FolderWatcher.this.floor(target, pass.source);
    }

    /**
     * The mail's event with what the flows that will take it want of its attachments: flows for which it is below
     * the floor, or whose filters refuse it, cost no attachment requests; none at all once every flow left.
     */
    @Override
    public Future<NewMail> prepare(PageFiring.Candidate candidate) {
      if (NewMail.receivedOf(candidate.message()) == null) {
        return Future.failedFuture(new IllegalStateException("Microsoft Graph answered a receivedDateTime that is "
            + "not a time: " + candidate.message().getValue("receivedDateTime")));
      }
      NewMail plain = plain(candidate);
      List<Subscriber> taking = targets.stream().filter(t -> !t.hasLeft()
          && !candidate.received().isBefore(floor(t)) && t.choices.filter().refusal(plain).isEmpty()).toList();
      if (taking.isEmpty()) {
        return Future.succeededFuture(plain);
      }
      AttachmentNeeds needs = AttachmentNeeds.union(taking.stream().map(t -> t.choices.attachments()).toList());
      return attachments.prepare(graph, mailbox, plain, needs);
    }

    @Override
    public NewMail plain(PageFiring.Candidate candidate) {
      return NewMail.of(candidate.message(), mailboxName, folder);
    }

    @Override
    public NewMail partial(PageFiring.Candidate candidate) {
      return NewMail.partial(candidate.message(), mailboxName, folder);
    }

    @Override
    public int attempts() {
      return attempts;
    }

    @Override
    public FailingMails failing() {
      return failing;
    }

    @Override
    public void fired(PageFiring.Candidate candidate, List<Subscriber.Outcome> outcomes, boolean failedRun) {
      Source source = pass.source;
      if (!seen.contains(candidate.id()) && source != Source.CATCH_UP && source != Source.BACKFILL) {
        // Seen means handled for every flow of the watcher (a catch-up or a backfill is for one): an audit need not
        // look again.
        seen.add(candidate.id());
        count(WatcherState.MAILS_SEEN);
      }
      for (Subscriber.Outcome outcome : outcomes) {
        if (outcome == Subscriber.Outcome.CREATED) {
          count(failedRun ? WatcherState.FAILED_RUNS : WatcherState.RUNS_STARTED);
          if (source == Source.AUDIT && !failedRun) {
            count(WatcherState.FOUND_BY_AUDIT);
          }
        } else if (outcome == Subscriber.Outcome.REPEATED) {
          count(repeatsOf(source));
        }
      }
    }

    @Override
    public void unfired(PageFiring.Candidate candidate, String reason) {
      pass.unfired.add(reason);
    }

    @Override
    public String explain(Throwable failure) {
      return MailFailures.explain(failure, mailbox, graph).getMessage();
    }
  }

  /**
   * One reading of the folder (a baseline, a delta round, a resync, an audit, a catch-up): how it treats what it
   * reads, the newest mail it saw, and the mails it could not fire, which keep its cursor where it was.
   */
  private final class Pass {
    final Source source;
    /** The round the pass belongs to: what a mail's failures are counted by, once per round. */
    final Instant started;
    /** For a backfill: the oldest mail it fires (its flow's own floor is when it first listened). */
    final Instant backfillFrom;
    Instant newest;
    final List<String> unfired = new ArrayList<>();

    Pass(Source source) {
      this(source, null);
    }

    Pass(Source source, Instant backfillFrom) {
      this.source = source;
      // A round's passes (delta, audit, the catch-ups after it) count a mail's failure once; a backfill its own.
      Instant round = roundStarted;
      this.started = source == Source.BACKFILL || round == null ? clock.instant() : round;
      this.backfillFrom = backfillFrom;
    }

    /** Fails when a mail could not be fired: the reading is repeated next round, from the same cursor. */
    <T> Future<T> outcome(T value) {
      if (unfired.isEmpty()) {
        return Future.succeededFuture(value);
      }
      return Future.failedFuture(new IllegalStateException(unfired.size() + (unfired.size() == 1 ? " email" : " emails")
          + " could not be started as runs yet (tried again next round; after " + "the limit, each becomes a failed "
          + "run): " + unfired.get(0)));
    }
  }

  /**
   * Where a repeat is counted: {@code duplicatesSuppressed} for delta (a round read again after a failure or a
   * crash, Graph's replays), apart from what catch-ups and audits find already run, which is their nature.
   */
  private static String repeatsOf(Source source) {
    return source == Source.DELTA || source == Source.RESYNC ? WatcherState.DUPLICATES_SUPPRESSED
        : WatcherState.ALREADY_RUN;
  }

  /**
   * The oldest mail a round may fire for a flow: none received before the flow first listened (a watcher's cursor
   * may be older than a flow: it outlives the flows that left it), nor, for what is not delta's news (resyncs,
   * audits), before the watcher's baseline, nor older than the kept keys.
   */
  private Instant floor(Subscriber target, Source source) {
    Instant now = clock.instant();
    Instant floor = later(target.since, pruneMark(now));
    if ((source == Source.RESYNC || source == Source.AUDIT) && state != null) {
      floor = later(floor, state.baselineAt());
    }
    // Graph shows receivedDateTime in whole seconds: a mail of the floor's own second must not fall below it.
    return floor.truncatedTo(ChronoUnit.SECONDS);
  }

  /** Keys older than this are forgotten: the newest mail seen, less the retention. */
  private Instant pruneMark(Instant now) {
    return (state == null || state.lastSeen() == null ? now : state.lastSeen()).minus(KEY_RETENTION)
        .truncatedTo(ChronoUnit.SECONDS);
  }

  private Future<Void> prune(List<Subscriber> participants, Instant started) {
    if (started.isBefore(nextPrune)) {
      return Future.succeededFuture();
    }
    nextPrune = started.plus(PRUNE_EVERY);
    Instant mark = pruneMark(started);
    // Pruning is housekeeping: a flow that left meanwhile, or a store that refused, is tried again in an hour.
    return Future.join(participants.stream().filter(s -> !s.hasLeft()).map(s -> s.context.forgetKeysBefore(mark))
        .toList()).otherwiseEmpty().mapEmpty();
  }

  /** Stores the state with the counts so far; nothing is written when neither changed. */
  private Future<Void> save(WatcherState next) {
    WatcherState counted = counted(next);
    if (counted.equals(state)) {
      return Future.succeededFuture();
    }
    return shared.put(key.stateKey(), counted.toJson().encode()).onSuccess(v -> {
      state = counted;
      written = clock.instant();
    });
  }

  /**
   * After a round that brought nothing, only Graph's new deltaLink differs: it is followed from memory, and written
   * at most every {@link #IDLE_WRITE_EVERY} (an idle poll costs no store write). The link stored meanwhile stays
   * valid; a restart follows it and reads again what the newer links passed, which the runtime's keys absorb.
   */
  private Future<Void> saveIdle(WatcherState next) {
    WatcherState counted = counted(next);
    if (state != null && counted.withDeltaLink(state.deltaLink()).equals(state)
        && clock.instant().isBefore(written.plus(IDLE_WRITE_EVERY))) {
      state = counted;
      return Future.succeededFuture();
    }
    return save(next);
  }

  private WatcherState counted(WatcherState next) {
    Map<String, Long> counts = new LinkedHashMap<>();
    totals.forEach((name, count) -> counts.put(name, count.get()));
    return next.withCounts(counts, failing.snapshot());
  }

  /** A flow that asks for a shorter interval than the watcher's has its first round within that interval. */
  private synchronized void sooner(Duration interval) {
    Instant due = clock.instant().plus(interval);
    if (!closed && timer >= 0 && nextRound != null && due.isBefore(nextRound) && vertx.cancelTimer(timer)) {
      nextRound = due;
      timer = vertx.setTimer(Math.max(1, interval.toMillis()), id -> enqueue(this::round));
    }
  }

  private void scheduleNext() {
    if (closed) {
      return;
    }
    Duration interval = budget.interval(key.mailboxKey(), requestedInterval());
    if (problem != null && interval.compareTo(SIGNED_OUT_INTERVAL) < 0) {
      interval = SIGNED_OUT_INTERVAL;
    }
    nextRound = clock.instant().plus(interval);
    synchronized (this) {
      if (!closed) {
        timer = vertx.setTimer(Math.max(1, interval.toMillis()), id -> enqueue(this::round));
      }
    }
  }

  private synchronized Duration requestedInterval() {
    return subscribers.values().stream().map(s -> s.interval).min(Duration::compareTo).orElse(Duration.ofSeconds(30));
  }

  private void report() {
    List<Subscriber> all;
    synchronized (this) {
      all = List.copyOf(subscribers.values());
    }
    Duration requested = requestedInterval();
    for (Subscriber subscriber : all) {
      subscriber.context.report(WatcherReport.of(this, subscriber, budget.interval(key.mailboxKey(), requested),
          budget.note(key.mailboxKey(), requested)));
    }
  }

  String sourceName() {
    return folder.name() + " of " + mailboxName;
  }

  Instant lastRound() {
    return lastRound;
  }

  Instant nextRound() {
    return nextRound;
  }

  String lastError() {
    return lastError;
  }

  String problem() {
    return problem;
  }

  /** Until when Graph asked that the mailbox be left alone, if it did and that is still ahead. */
  Optional<Instant> pausedUntil() {
    MailGraph last = graph;
    return last == null ? Optional.empty() : last.pausedUntil(mailbox);
  }

  /** The watcher's counts, and the rounds and audits it made since it started. */
  Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    totals.forEach((name, count) -> counts.put(name, count.get()));
    counts.put("rounds", rounds.get());
    counts.put("audits", audits.get());
    return counts;
  }

  private void count(String name) {
    totals.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
  }

  private String messages() {
    return "/mailFolders/" + Paths.encode(folder.id()) + "/messages";
  }

  private String deltaQuery(Instant from) {
    return messages() + "/delta?changeType=created&$select=" + NewMail.SELECT + "&$filter="
        + Paths.encode("receivedDateTime ge " + format(from));
  }

  private static String deltaLink(String link) {
    if (link == null) {
      throw new IllegalStateException("Microsoft Graph ended a delta query without a deltaLink");
    }
    return link;
  }

  /**
   * Whether the failure is the connection's, for an admin to act on: no token could be had (its sign-in or
   * consent is gone: {@code reached} 1), or Graph refused the token or the mailbox (401, 403).
   */
  private static boolean signedOut(Throwable failure, int reached) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof GraphException graph) {
        return graph.status() == 401 || graph.status() == 403;
      }
    }
    return reached == 1;
  }

  private static String format(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}
