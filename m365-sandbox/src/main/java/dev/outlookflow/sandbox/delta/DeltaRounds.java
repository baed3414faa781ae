package dev.outlookflow.sandbox.delta;

import dev.outlookflow.sandbox.mail.Change;
import dev.outlookflow.sandbox.mail.FolderJournal;
import dev.outlookflow.sandbox.mail.Mailbox;
import dev.outlookflow.sandbox.mail.StoredMessage;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Graph's message delta for one folder. A query's first round lists the folder newest first; each later
 * round reads the folder's journal after its token, so its cost grows with the changes since the token,
 * not with the folder. A message changed several times in a round is answered once, as its last change
 * makes it: created (it was not in the folder when the round's token was issued), updated ({@code id} and
 * the changed properties) or {@code @removed} (deleted or moved out).
 */
public final class DeltaRounds {
  /** Graph's bound on a filtered delta query's results. */
  static final int FILTERED_CAP = 5_000;
  /** A page examines at most this many entries; past it the page may be short, or empty, with a nextLink. */
  private static final int MAX_EXAMINED = 10_000;

  private final DeltaControls controls;
  private final Clock clock;
  private final TokenChecks tokens;

  public DeltaRounds(DeltaControls controls, Clock clock) {
    this.controls = controls;
    this.clock = clock;
    this.tokens = new TokenChecks(clock);
  }

  /** A delta request: the first one's query options, or the token it carries. */
  public record Request(Mailbox mailbox, String folderId, MultiMap query, int pageSize, boolean immutableIds) {}

  public DeltaPage page(Request request) {
    MailboxDelta delta = controls.of(request.mailbox().ownerId());
    String skip = request.query().get("$skiptoken");
    String given = skip != null ? skip : request.query().get("$deltatoken");
    DeltaToken token = given == null || given.isEmpty() ? first(request, delta) : resumed(request, delta, given);
    return answer(request, delta, token);
  }

  private DeltaToken first(Request request, MailboxDelta delta) {
    DeltaOptions options = DeltaOptions.parse(request.query());
    // Counted so that a test can tell whether a client's (re)sync asked for only the mail it needs.
    delta.fired(options.received().isPresent() ? "initialFiltered" : "initial", 1);
    long query = controls.nextSerial();
    DeltaToken.Round round = new DeltaToken.Round(visibleHead(request, delta, 0), true, Optional.empty(), 0, 0);
    return issue(request, query, options, 0, Optional.of(round));
  }

  private DeltaToken resumed(Request request, MailboxDelta delta, String text) {
    DeltaToken token = tokens.check(text, request.mailbox(), request.folderId(), delta);
    if (token.round().isPresent()) {
      return token;
    }
    DeltaToken.Round round = new DeltaToken.Round(visibleHead(request, delta, token.after()), false,
        Optional.empty(), token.after(), 0);
    return issue(request, token.query(), token.options(), token.after(), Optional.of(round));
  }

  private DeltaToken issue(Request request, long query, DeltaOptions options, long after,
      Optional<DeltaToken.Round> round) {
    return new DeltaToken(request.mailbox().generation(), request.mailbox().ownerId(), request.folderId(), query,
        controls.nextSerial(), clock.millis(), options, after, round);
  }

  /**
   * The newest change a round may include: the mailbox's newest, less those younger than the replication lag
   * (wall-clock time), which show only in a later round; never before where the round starts.
   */
  private static long visibleHead(Request request, MailboxDelta delta, long after) {
    long head = request.mailbox().head();
    long lagMillis = delta.settings().hazards().lagMillis();
    if (lagMillis == 0) {
      return head;
    }
    long visibleBefore = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(lagMillis);
    long visible = request.mailbox().journal(request.folderId()).firstChangeAfter(visibleBefore)
        .stream().map(seq -> seq - 1).filter(seq -> seq < head).findFirst().orElse(head);
    if (visible < head) {
      delta.fired("lag", 1);
    }
    return Math.max(after, visible);
  }

  private DeltaPage answer(Request request, MailboxDelta delta, DeltaToken token) {
    DeltaToken.Round round = token.round().orElseThrow();
    List<JsonObject> page = new ArrayList<>();
    Set<String> answered = new LinkedHashSet<>();
    replays(request, delta, token, page);
    Pass pass = round.initial()
        ? scan(request, delta, token, round, page, answered)
        : read(request, delta, token, round, page, answered);
    if (token.options().newestFirst()) {
      // By the stored instant, whether or not receivedDateTime was selected; items no longer there (removals) last.
      page.sort(Comparator.comparing((JsonObject item) -> request.mailbox().message(item.getString("id"))
          .filter(m -> m.folderId().equals(request.folderId())).map(StoredMessage::received).orElse(Instant.MIN))
          .reversed());
    }
    delta.reorder(page);
    answered.forEach(id -> delta.maybeReplay(token.query(), id));
    DeltaToken next = pass.complete()
        ? issue(request, token.query(), token.options(), round.upTo(), Optional.empty())
        : issue(request, token.query(), token.options(), token.after(), Optional.of(pass.round()));
    return new DeltaPage(page, next.encode(), pass.complete());
  }

  /**
   * The items the replay hazard queued for this query, answered again as they are now; at most half a page,
   * so a round always moves on, and a replayed item is not queued again.
   */
  private static void replays(Request request, MailboxDelta delta, DeltaToken token, List<JsonObject> page) {
    DeltaOptions options = token.options();
    for (String id : delta.takeReplays(token.query(), Math.max(1, request.pageSize() / 2))) {
      request.mailbox().message(id).filter(m -> m.folderId().equals(request.folderId()))
          .filter(m -> options.changeTypes().contains("created"))
          .filter(m -> options.received().map(bound -> bound.admits(m.received())).orElse(true))
          .ifPresent(m -> {
            page.add(DeltaItems.created(m, options, request.immutableIds()));
            delta.fired("replay", 1);
          });
    }
  }

  /** Where a page left its round. */
  private record Pass(DeltaToken.Round round, boolean complete) {}

  /** The first round: the folder's messages newest first, those that were in it when the round began. */
  private static Pass scan(Request request, MailboxDelta delta, DeltaToken token, DeltaToken.Round round,
      List<JsonObject> page, Set<String> answered) {
    DeltaOptions options = token.options();
    if (!options.changeTypes().contains("created")) {
      return new Pass(round, true);
    }
    boolean capped = options.received().isPresent();
    int returned = round.returned();
    Optional<StoredMessage.Position> position = round.scannedTo();
    int examined = 0;
    for (StoredMessage message : request.mailbox().newestFirstAfter(request.folderId(), round.scannedTo())) {
      if (options.received().filter(bound -> !bound.admits(message.received())).isPresent()) {
        return new Pass(round, true);
      }
      if (capped && returned == FILTERED_CAP) {
        delta.fired("cap", 1);
        return new Pass(round, true);
      }
      if (page.size() >= request.pageSize() || examined == MAX_EXAMINED) {
        return new Pass(new DeltaToken.Round(round.upTo(), true, position, 0, returned), false);
      }
      examined++;
      position = Optional.of(message.position());
      if (message.folderSeq() > round.upTo() || delta.omitted(message.immutableId())) {
        continue;
      }
      page.add(DeltaItems.created(message, options, request.immutableIds()));
      answered.add(message.immutableId());
      returned++;
    }
    return new Pass(round, true);
  }

  /** A later round: the folder's journal after the token, each message answered at its last change. */
  private static Pass read(Request request, MailboxDelta delta, DeltaToken token, DeltaToken.Round round,
      List<JsonObject> page, Set<String> answered) {
    FolderJournal journal = request.mailbox().journal(request.folderId());
    long readTo = Math.max(round.readTo(), token.after());
    int examined = 0;
    for (Map.Entry<Long, Change> entry : journal.between(readTo, round.upTo()).entrySet()) {
      if (page.size() >= request.pageSize() || examined == MAX_EXAMINED) {
        return new Pass(new DeltaToken.Round(round.upTo(), false, Optional.empty(), readTo, 0), false);
      }
      examined++;
      readTo = entry.getKey();
      Change last = entry.getValue();
      if (last.nextSeq() <= round.upTo()) {
        continue;
      }
      for (JsonObject item : items(request, delta, token, journal, last)) {
        page.add(item);
        if (!DeltaItems.isRemoval(item)) {
          answered.add(last.immutableId());
        }
      }
    }
    return new Pass(round, true);
  }

  /**
   * What a message's changes in the round add up to, as of its last one. A client knows the message by the
   * id it had when the round's token was issued: with REST ids, one that left and came back is removed under
   * that id and created under its new one.
   */
  private static List<JsonObject> items(Request request, MailboxDelta delta, DeltaToken token,
      FolderJournal journal, Change last) {
    DeltaOptions options = token.options();
    Change first = last;
    boolean entered = last.kind() == Change.Kind.ENTERED;
    Set<String> fields = new HashSet<>(last.fields());
    while (first.previousSeq() > token.after()) {
      first = journal.at(first.previousSeq());
      entered |= first.kind() == Change.Kind.ENTERED;
      fields.addAll(first.fields());
    }
    boolean wasInFolder = first.kind() != Change.Kind.ENTERED;
    List<JsonObject> items = new ArrayList<>();
    boolean removal = wasInFolder && (last.kind() == Change.Kind.LEFT || entered && !request.immutableIds());
    if (removal && options.changeTypes().contains("deleted")) {
      items.add(DeltaItems.removed(request.immutableIds() ? last.immutableId() : first.restId()));
    }
    if (last.kind() == Change.Kind.LEFT) {
      return items;
    }
    Optional<StoredMessage> message = request.mailbox().message(last.immutableId())
        .filter(m -> m.folderId().equals(request.folderId()))
        .filter(m -> options.received().map(bound -> bound.admits(m.received())).orElse(true));
    if (message.isEmpty()) {
      return items;
    }
    if (entered) {
      if (options.changeTypes().contains("created") && !delta.omitted(last.immutableId())) {
        items.add(DeltaItems.created(message.get(), options, request.immutableIds()));
      }
    } else if (options.changeTypes().contains("updated")) {
      items.add(DeltaItems.updated(message.get(), fields, request.immutableIds()));
    }
    return items;
  }
}
