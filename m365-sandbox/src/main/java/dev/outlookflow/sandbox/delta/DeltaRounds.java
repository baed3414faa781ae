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
  private static final Set<String> HEAVY = Set.of("internetMessageHeaders", "attachments",
      "singleValueExtendedProperties");

  private final DeltaControls controls;
  private final Clock clock;

  public DeltaRounds(DeltaControls controls, Clock clock) {
    this.controls = controls;
    this.clock = clock;
  }

  /** A delta request: the first one's query options, or the token it carries. */
  public record Request(Mailbox mailbox, String folderId, MultiMap query, int pageSize, boolean immutableIds) {}

  public DeltaPage page(Request request) {
    MailboxDelta delta = controls.of(request.mailbox().ownerId());
    String skip = request.query().get("$skiptoken");
    String deltaToken = request.query().get("$deltatoken");
    String given = skip != null ? skip : deltaToken;
    DeltaToken token = given == null || given.isEmpty() ? first(request, delta) : resumed(request, delta, given);
    return answer(request, delta, token);
  }

  private DeltaToken first(Request request, MailboxDelta delta) {
    DeltaOptions options = DeltaOptions.parse(request.query());
    DeltaToken.Round round = new DeltaToken.Round(visibleHead(request, delta), true, Optional.empty(), 0, 0);
    return issue(request, options, 0, Optional.of(round));
  }

  private DeltaToken resumed(Request request, MailboxDelta delta, String text) {
    DeltaToken token = DeltaToken.decode(text);
    boolean sameJournal = token.generation().equals(request.mailbox().generation());
    if (!token.mailbox().equals(request.mailbox().ownerId()) || sameJournal && !token.folder().equals(request.folderId())) {
      throw DeltaRefusal.badRequest("BadRequest", "The token belongs to another mailbox or folder; use the whole"
          + " link it came in.");
    }
    DeltaSettings settings = delta.settings();
    boolean expired = !sameJournal
        || delta.invalidated(token.folder(), token.serial())
        || settings.tokenMaxAge().filter(age -> clock.millis() - token.issuedAtMillis() > age.toMillis()).isPresent();
    if (expired) {
      throw expiredRefusal(settings.expiry(), token.options(), delta);
    }
    if (token.round().isPresent()) {
      return token;
    }
    DeltaToken.Round round = new DeltaToken.Round(visibleHead(request, delta), false, Optional.empty(),
        token.after(), 0);
    return issue(request, token.options(), token.after(), Optional.of(round));
  }

  private static DeltaRefusal expiredRefusal(DeltaSettings.Expiry expiry, DeltaOptions options, MailboxDelta delta) {
    delta.fired(expiry.label(), 1);
    if (expiry == DeltaSettings.Expiry.GONE) {
      return new DeltaRefusal(410, "resyncRequired", "The delta token has expired; start again with the initial"
          + " query in the Location header.", Optional.of(options));
    }
    if (expiry == DeltaSettings.Expiry.SYNC_STATE_NOT_FOUND) {
      return DeltaRefusal.badRequest("syncStateNotFound", "The sync state generation is not found. The delta token"
          + " is expired and data must be synchronized again.");
    }
    return DeltaRefusal.badRequest("resyncRequired", "The delta token is no longer valid, and the app must reset"
        + " the sync state.");
  }

  private DeltaToken issue(Request request, DeltaOptions options, long after, Optional<DeltaToken.Round> round) {
    return new DeltaToken(request.mailbox().generation(), request.mailbox().ownerId(), request.folderId(),
        controls.nextSerial(), clock.millis(), options, after, round);
  }

  /**
   * The newest change a round may include: the mailbox's newest, less those younger than the replication lag
   * (wall-clock time), which show only in a later round.
   */
  private static long visibleHead(Request request, MailboxDelta delta) {
    long head = request.mailbox().head();
    long lagMillis = delta.settings().hazards().lagMillis();
    if (lagMillis == 0) {
      return head;
    }
    long visibleBefore = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(lagMillis);
    long visible = head;
    for (Change change : request.mailbox().journal(request.folderId()).newestFirst().values()) {
      if (change.wallNanos() - visibleBefore <= 0) {
        break;
      }
      visible = Math.min(visible, change.seq() - 1);
    }
    if (visible < head) {
      delta.fired("lag", 1);
    }
    return visible;
  }

  private DeltaPage answer(Request request, MailboxDelta delta, DeltaToken token) {
    DeltaToken.Round round = token.round().orElseThrow();
    List<JsonObject> page = new ArrayList<>();
    Set<String> answered = new HashSet<>();
    for (String id : delta.takeReplays(request.folderId())) {
      request.mailbox().message(id).filter(m -> m.folderId().equals(request.folderId())).ifPresent(m -> {
        page.add(created(m, token.options(), request.immutableIds()));
        answered.add(id);
        delta.fired("replay", 1);
      });
    }
    Pass pass = round.initial()
        ? scan(request, delta, token, round, page, answered)
        : read(request, delta, token, round, page, answered);
    if (token.options().newestFirst()) {
      // By the stored instant, whether or not receivedDateTime was selected; removals last.
      page.sort(Comparator.comparing((JsonObject item) -> request.mailbox().message(item.getString("id"))
          .map(StoredMessage::received).orElse(Instant.MIN)).reversed());
    }
    delta.reorder(page);
    answered.forEach(id -> delta.maybeReplay(request.folderId(), id));
    DeltaToken next = pass.complete()
        ? issue(request, token.options(), round.upTo(), Optional.empty())
        : issue(request, token.options(), token.after(), Optional.of(pass.round()));
    return new DeltaPage(page, next.encode(), pass.complete());
  }

  /** Where a page left its round. */
  private record Pass(DeltaToken.Round round, boolean complete) {}

  /** The first round: the folder's messages newest first, those that were in it when the round began. */
  private Pass scan(Request request, MailboxDelta delta, DeltaToken token, DeltaToken.Round round,
      List<JsonObject> page, Set<String> answered) {
    DeltaOptions options = token.options();
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
      if (message.folderSeq() > round.upTo() || !options.changeTypes().contains("created")
          || answered.contains(message.immutableId()) || delta.omitted(message.immutableId())) {
        continue;
      }
      page.add(created(message, options, request.immutableIds()));
      answered.add(message.immutableId());
      returned++;
    }
    return new Pass(round, true);
  }

  /** A later round: the folder's journal after the token, each message answered at its last change. */
  private Pass read(Request request, MailboxDelta delta, DeltaToken token, DeltaToken.Round round,
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
      if (last.nextSeq() <= round.upTo() || answered.contains(last.immutableId())) {
        continue;
      }
      item(request, delta, token, journal, last).ifPresent(item -> {
        page.add(item);
        if (!item.containsKey("@removed")) {
          answered.add(last.immutableId());
        }
      });
    }
    return new Pass(round, true);
  }

  /** What a message's changes in the round add up to, as of its last one. */
  private Optional<JsonObject> item(Request request, MailboxDelta delta, DeltaToken token, FolderJournal journal,
      Change last) {
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
    if (last.kind() == Change.Kind.LEFT) {
      return wasInFolder && options.changeTypes().contains("deleted")
          ? Optional.of(removed(request.immutableIds() ? last.immutableId() : last.restId()))
          : Optional.empty();
    }
    Optional<StoredMessage> message = request.mailbox().message(last.immutableId())
        .filter(m -> m.folderId().equals(request.folderId()))
        .filter(m -> options.received().map(bound -> bound.admits(m.received())).orElse(true));
    if (message.isEmpty()) {
      return Optional.empty();
    }
    if (entered) {
      return options.changeTypes().contains("created") && !delta.omitted(last.immutableId())
          ? Optional.of(created(message.get(), options, request.immutableIds()))
          : Optional.empty();
    }
    return options.changeTypes().contains("updated")
        ? Optional.of(updated(message.get(), fields, request.immutableIds()))
        : Optional.empty();
  }

  /** A created item in full, or as selected: Graph's standard representation. */
  private static JsonObject created(StoredMessage message, DeltaOptions options, boolean immutableIds) {
    JsonObject view = message.view(immutableIds);
    JsonObject item = new JsonObject().put("@odata.type", "#microsoft.graph.message");
    if (options.select().isEmpty()) {
      view.forEach(e -> {
        if (!HEAVY.contains(e.getKey())) {
          item.put(e.getKey(), e.getValue());
        }
      });
      return item;
    }
    item.put("@odata.etag", view.getValue("@odata.etag"));
    options.select().stream().filter(view::containsKey).forEach(field -> item.put(field, view.getValue(field)));
    return item.put("id", view.getValue("id"));
  }

  /** An updated item: its id and the properties that changed. */
  private static JsonObject updated(StoredMessage message, Set<String> fields, boolean immutableIds) {
    JsonObject view = message.view(immutableIds);
    JsonObject item = new JsonObject().put("@odata.type", "#microsoft.graph.message")
        .put("@odata.etag", view.getValue("@odata.etag"));
    fields.stream().sorted().filter(view::containsKey).forEach(field -> item.put(field, view.getValue(field)));
    return item.put("id", view.getValue("id"));
  }

  private static JsonObject removed(String id) {
    return new JsonObject().put("@odata.type", "#microsoft.graph.message").put("id", id)
        .put("@removed", new JsonObject().put("reason", "deleted"));
  }
}
