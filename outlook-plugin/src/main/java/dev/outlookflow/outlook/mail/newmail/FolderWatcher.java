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
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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
  /** How often a watcher whose connection cannot sign in tries again. */
  private static final Duration SIGNED_OUT_INTERVAL = Duration.ofMinutes(1);
  static final int AUDIT_SIZE = 100;
  static final int AUDIT_PAGES = 10;
  static final int CAP = 5_000;
  private static final int LIST_PAGE = 100;

  /** How a round treats what it reads. */
  private enum Source { BASELINE, DELTA, RESYNC, AUDIT, CATCH_UP }

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
  private volatile Instant nextRound;
  private volatile String lastError;
  private volatile String problem;
  private volatile MailGraph graph;
  private Instant nextAudit;
  private Instant auditedFrom;
  private Instant nextPrune;

  FolderWatcher(WatchKey key, Mailbox mailbox, String mailboxName, NewMail.Folder folder, OutlookServices services,
      Vertx vertx, Clock clock, SharedState shared, PollBudget budget, Duration auditEvery,
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
    this.auditEvery = auditEvery;
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
        .compose(v -> prune(participants, started));
  }

  private Future<Void> load() {
    if (loaded) {
      return Future.succeededFuture();
    }
    return shared.get(key.stateKey()).map(stored -> {
      state = stored.map(WatcherState::fromJson).orElse(null);
      if (state != null) {
        state.counts().forEach((name, count) -> totals.computeIfAbsent(name, n -> new AtomicLong()).addAndGet(count));
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
    Instant[] newest = {null};
    return walk(graph, graph.read(mailbox, deltaQuery(from)),
            items -> fire(graph, items, participants, Source.BASELINE, newest))
        .compose(link -> save(WatcherState.baseline(deltaLink(link), started, newest[0])));
  }

  private Future<Void> delta(MailGraph graph, List<Subscriber> participants) {
    Instant[] newest = {null};
    return walk(graph, graph.follow(mailbox, "@odata.deltaLink", state.deltaLink()),
        items -> fire(graph, items, participants, Source.DELTA, newest))
        .compose(link -> save(state.after(deltaLink(link), newest[0])));
  }

  private Future<Void> resync(MailGraph graph, List<Subscriber> participants) {
    count(WatcherState.RESYNCS);
    Instant from = (state.lastSeen() != null ? state.lastSeen() : state.baselineAt()).minus(MARGIN);
    Instant[] newest = {null};
    int[] results = {0};
    return walk(graph, graph.read(mailbox, deltaQuery(from)), items -> {
      results[0] += items.size();
      return fire(graph, items, participants, Source.RESYNC, newest);
    }).compose(link -> results[0] < CAP ? Future.succeededFuture(link)
            // Graph answered its cap: what it left out is found by listing the same span.
            : list(graph, from, participants, Source.RESYNC, newest).map(link))
        .compose(link -> save(state.after(deltaLink(link), newest[0])))
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
    return walk(graph, graph.read(mailbox, query), items -> fire(graph, items, participants, Source.AUDIT,
            new Instant[] {null}), AUDIT_PAGES)
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
        .compose(graph -> list(graph, from, List.of(subscriber), Source.CATCH_UP, new Instant[] {null}))
        .onComplete(done -> subscriber.catchUpEnded(done.succeeded()))
        .compose(v -> subscriber.coveredUntil(started, true))
        .recover(failure -> {
          subscriber.context.log().warn("could not yet catch up on the mail since " + subscriber.covered
              + " (tried again after the next round): " + failure.getMessage());
          return Future.succeededFuture();
        });
  }

  private void retryCatchUps() {
    List<Subscriber> all;
    synchronized (this) {
      all = List.copyOf(subscribers.values());
    }
    all.stream().filter(Subscriber::queueCatchUp).forEach(s -> enqueue(() -> catchUp(s)));
  }

  /** The messages received since {@code from}, oldest first, page after page. */
  private Future<Void> list(MailGraph graph, Instant from, List<Subscriber> targets, Source source,
      Instant[] newest) {
    String query = messages() + "?$filter=" + Paths.encode("receivedDateTime ge " + format(from))
        + "&$orderby=receivedDateTime%20asc&$top=" + LIST_PAGE + "&$select=" + NewMail.SELECT;
    return walk(graph, graph.read(mailbox, query), items -> fire(graph, items, targets, source, newest)).mapEmpty();
  }

  /** Reads a query's pages, each handed to {@code each} before the next is asked for; answers the deltaLink. */
  private Future<String> walk(MailGraph graph, Future<JsonObject> first, Function<JsonArray, Future<Void>> each) {
    return walk(graph, first, each, Integer.MAX_VALUE);
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

  /** Emits each new message of a page, in order, for each target flow. */
  private Future<Void> fire(MailGraph graph, JsonArray items, List<Subscriber> targets, Source source,
      Instant[] newest) {
    Future<Void> chain = Future.succeededFuture();
    for (Object item : items) {
      if (item instanceof JsonObject message && !message.containsKey("@removed") && message.getString("id") != null
          && message.getString("receivedDateTime") != null) {
        chain = chain.compose(v -> fireOne(graph, message, targets, source, newest));
      }
    }
    return chain;
  }

  private Future<Void> fireOne(MailGraph graph, JsonObject message, List<Subscriber> targets, Source source,
      Instant[] newest) {
    String id = message.getString("id");
    Instant received = received(message);
    newest[0] = later(newest[0], received);
    boolean known = seen.contains(id);
    if (source == Source.AUDIT && known) {
      return Future.succeededFuture();
    }
    // TEMPORARY wiring of the attachments (helper "attach"): the lead's per-mail preparation stage replaces it.
    AttachmentNeeds needs = AttachmentNeeds.union(targets.stream().map(t -> t.attachments).toList());
    return attachments.prepare(graph, mailbox, NewMail.of(message, mailboxName, folder), needs).compose(mail -> {
      List<Future<Subscriber.Outcome>> emits = new ArrayList<>();
      for (Subscriber target : targets) {
        emits.add(target.emit(mail, received, floor(target, source)));
      }
      return Future.all(emits);
    }).map(all -> {
      if (!known && source != Source.CATCH_UP) {
        // Seen means handled for every flow of the watcher (a catch-up is for one): an audit need not look again.
        seen.add(id);
        count(WatcherState.MAILS_SEEN);
      }
      for (int i = 0; i < all.size(); i++) {
        Subscriber.Outcome outcome = all.resultAt(i);
        if (outcome == Subscriber.Outcome.CREATED) {
          count(WatcherState.RUNS_STARTED);
          if (source == Source.AUDIT) {
            count(WatcherState.FOUND_BY_AUDIT);
          }
        } else if (outcome == Subscriber.Outcome.REPEATED) {
          count(repeatsOf(source));
        }
      }
      return null;
    });
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
    Map<String, Long> counts = new LinkedHashMap<>();
    totals.forEach((name, count) -> counts.put(name, count.get()));
    WatcherState counted = next.withCounts(counts);
    if (counted.equals(state)) {
      return Future.succeededFuture();
    }
    return shared.put(key.stateKey(), counted.toJson().encode()).onSuccess(v -> state = counted);
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

  private static Instant received(JsonObject message) {
    try {
      return Instant.parse(message.getString("receivedDateTime"));
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("Microsoft Graph answered a receivedDateTime that is not a time: "
          + message.getString("receivedDateTime"), e);
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}
