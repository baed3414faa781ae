package dev.outlookflow.outlook.mail.newmail;

import dev.outlookflow.outlook.mail.FolderTree;
import dev.outlookflow.outlook.mail.MailGraph;
import dev.outlookflow.outlook.mail.Mailbox;
import dev.outlookflow.outlook.services.OutlookServices;
import dev.outlookflow.outlook.settings.ConnectionSettings;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import dev.outlookflow.plugin.api.trigger.TriggerReport;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The folders one flow watches: its chosen folder and, with {@code includeSubfolders}, each folder below it, every
 * one through the shared watcher of its key. The subfolders are looked for again every scan interval: new ones
 * are joined and fire mail received from when they were found (not the older mail of a folder moved in); those
 * deleted or moved out are left. Scans, joins and the stop run one after another.
 */
final class FlowFolders {
  /** The most subfolders a flow watches, and how many levels down it looks. */
  static final int MAX_FOLDERS = 200;
  static final int MAX_DEPTH = 10;

  /** How the flow joins and leaves a folder's shared watcher. */
  interface Membership {
    FolderWatcher join(WatchKey key, NewMail.Folder folder, Subscriber subscriber);

    Future<Void> leave(WatchKey key, FolderWatcher watcher, Subscriber subscriber);
  }

  /** Where and how the flow listens. */
  record Listening(ConnectionHandle connection, ConnectionSettings settings, FlowChoices choices, Mailbox mailbox,
      String mailboxKey, String mailboxName, OutlookServices services, Membership membership) {}

  /**
   * Since when the flow listens (its first start) and up to when its rounds covered its chosen folder: null at its
   * first start; at a later one, when no round recorded progress yet, its first start (so a flow enabled and
   * disabled again within a minute still catches up on the mail between).
   */
  record Progress(Instant since, Instant covered) {}

  private record Watched(WatchKey key, FolderWatcher watcher, Subscriber subscriber, Instant foundAt) {}

  private final TriggerContext<NewMail> context;
  private final Listening where;
  private final NewMail.Folder root;
  private final Instant since;
  private final FlowReport report;
  private final Map<String, Watched> watched = new ConcurrentHashMap<>();
  private final Map<String, Instant> marks = new ConcurrentHashMap<>();
  private final KnownFolders known;
  private Future<Void> tail = Future.succeededFuture();
  private volatile boolean stopped;

  private FlowFolders(TriggerContext<NewMail> context, Listening where, NewMail.Folder root, Instant since,
      KnownFolders known) {
    this.context = context;
    this.where = where;
    this.root = root;
    this.since = since;
    this.known = known;
    this.report = new FlowReport(where.mailboxName());
  }

  /**
   * Joins the chosen folder and, with {@code includeSubfolders}, its subtree as {@code graph} lists it now, then
   * looks for new subfolders every {@code scanEvery}. Subfolders the flow knew before this start catch up on
   * their mail since their last round; those it did not know fire from now.
   */
  static Future<FlowFolders> start(TriggerContext<NewMail> context, Listening where, NewMail.Folder root,
      Progress progress, boolean includeSubfolders, MailGraph graph, Duration scanEvery) {
    return KnownFolders.load(context.state()).compose(known -> {
      FlowFolders flow = new FlowFolders(context, where, root, progress.since(), known);
      if (!includeSubfolders) {
        return known.clear(context.state()).map(v -> {
          flow.joinRoot(progress);
          return flow;
        });
      }
      flow.joinRoot(progress);
      return flow.scan(graph, scanEvery).compose(scan -> flow.adopt(scan, true))
          .recover(failure -> flow.stop().transform(stopped -> Future.failedFuture(failure)))
          .map(v -> {
            context.timers().every(scanEvery, () -> flow.serially(() -> flow.rescan(scanEvery)));
            return flow;
          });
    });
  }

  /** Leaves every folder's watcher, once a scan under way has ended. */
  Future<Void> stop() {
    stopped = true;
    Promise<Void> left = Promise.promise();
    serially(() -> {
      List<Future<Void>> leaves = new ArrayList<>();
      List.copyOf(watched.keySet()).forEach(id -> leaves.add(leave(id)));
      return Future.join(leaves).<Void>mapEmpty().onComplete(left);
    });
    return left.future();
  }

  /** A folder's watcher reported: the flow's report is made again with it. */
  void reported(String folderId, TriggerReport folderReport) {
    TriggerReport flowReport = report.with(folderId, folderReport);
    if (flowReport != null) {
      context.report(flowReport);
    }
  }

  /**
   * A folder's watcher would forget the flow's keys before {@code mark}: done for the earliest mark of the flow's
   * folders, once each has given one (a key of a quiet folder's mail must outlive a busy folder's mark).
   */
  Future<Long> forgetKeysBefore(String folderId, Instant mark) {
    marks.put(folderId, mark);
    Instant earliest = null;
    for (String id : watched.keySet()) {
      Instant folderMark = marks.get(id);
      if (folderMark == null) {
        return Future.succeededFuture(0L);
      }
      earliest = earliest == null || folderMark.isBefore(earliest) ? folderMark : earliest;
    }
    return earliest == null ? Future.succeededFuture(0L) : context.forgetKeysBefore(earliest);
  }

  private Future<FolderTree.Scan> scan(MailGraph graph, Duration scanEvery) {
    return FolderTree.below(FolderTree.pages(graph, where.mailbox()), root.id(), root.name(), MAX_FOLDERS, MAX_DEPTH)
        .onSuccess(scan -> report.subtree("With its subfolders: " + (scan.folders().size() + 1) + " folders, each "
            + "checked on its own; new subfolders are looked for every " + scanEvery.toSeconds() + " s (one request "
            + "per folder that has subfolders)." + (scan.cut() == null ? "" : " Not all are watched: " + scan.cut()
            + ".")));
  }

  private Future<Void> rescan(Duration scanEvery) {
    if (stopped) {
      return Future.succeededFuture();
    }
    return MailGraph.open(where.connection(), where.settings(), where.services())
        .compose(graph -> scan(graph, scanEvery))
        .compose(scan -> adopt(scan, false))
        .recover(failure -> {
          context.log().warn("could not look for new subfolders of " + root.name() + " (tried again in "
              + scanEvery.toSeconds() + " s): " + failure.getMessage());
          return Future.succeededFuture();
        });
  }

  /**
   * Watches what {@code scan} found and leaves the subfolders it did not find. What the flow knows is stored
   * before it joins: a restart must not take a folder joined now for a new one.
   */
  private Future<Void> adopt(FolderTree.Scan scan, boolean starting) {
    Instant now = context.environment().clock().instant();
    Map<String, Instant> keep = new LinkedHashMap<>();
    List<FolderTree.Node> joining = new ArrayList<>();
    for (FolderTree.Node node : scan.folders()) {
      Watched current = watched.get(node.id());
      if (current != null) {
        keep.put(node.id(), current.foundAt());
        report.watch(node.id(), node.path());
      } else if (!node.id().equals(root.id())) {
        Instant foundAt = known.foundAt(node.id());
        keep.put(node.id(), foundAt == null ? now : foundAt);
        joining.add(node);
      }
    }
    List<Future<Void>> leaves = new ArrayList<>();
    watched.keySet().stream().filter(id -> !id.equals(root.id()) && !keep.containsKey(id)).toList()
        .forEach(id -> leaves.add(leave(id)));
    Map<String, Boolean> knownBefore = new LinkedHashMap<>();
    joining.forEach(node -> knownBefore.put(node.id(), starting && known.foundAt(node.id()) != null));
    return known.replace(context.state(), keep)
        .compose(v -> Future.all(joining.stream().map(node -> joinSubfolder(node, keep.get(node.id()),
            knownBefore.get(node.id()))).toList()))
        .compose(v -> Future.join(leaves))
        .mapEmpty();
  }

  /**
   * A subfolder fires mail received from when the flow found it, or since the flow listens if later; one the flow
   * knew before this start also catches up on its mail since its last covered round.
   */
  private Future<Void> joinSubfolder(FolderTree.Node node, Instant foundAt, boolean returning) {
    FolderContext folderContext = new FolderContext(context, node.id(), KnownFolders.stateSuffix(node.id()), this);
    Instant floor = foundAt.isAfter(since) ? foundAt : since;
    Future<Instant> covered = !returning ? Future.succeededFuture(null)
        : folderContext.state().get(Subscriber.COVERED)
            .map(stored -> stored.map(millis -> Instant.ofEpochMilli(Long.parseLong(millis))).orElse(floor));
    return covered.map(from -> {
      // A backfill is the chosen folder's: a subfolder fires from when it was found.
      join(node.path(), new NewMail.Folder(node.id(), node.name()), folderContext, floor, from, foundAt,
          where.choices().withoutBackfill());
      return null;
    });
  }

  /** The chosen folder keeps the flow's own state keys and its progress. */
  private void joinRoot(Progress progress) {
    join(root.name(), root, new FolderContext(context, root.id(), "", this), progress.since(), progress.covered(),
        progress.since(), where.choices());
  }

  private void join(String path, NewMail.Folder folder, FolderContext folderContext, Instant folderSince,
      Instant covered, Instant foundAt, FlowChoices choices) {
    if (stopped) {
      return;
    }
    report.watch(folder.id(), path);
    WatchKey key = new WatchKey(where.connection().id(), where.mailboxKey(), folder.id());
    Subscriber subscriber = new Subscriber(folderContext, where.connection(), where.settings(), choices,
        context.environment().clock().instant(), folderSince, covered);
    FolderWatcher watcher = where.membership().join(key, folder, subscriber);
    watched.put(folder.id(), new Watched(key, watcher, subscriber, foundAt));
  }

  private Future<Void> leave(String folderId) {
    Watched leaving = watched.remove(folderId);
    report.unwatch(folderId);
    marks.remove(folderId);
    return leaving == null ? Future.succeededFuture()
        : where.membership().leave(leaving.key(), leaving.watcher(), leaving.subscriber());
  }

  /** Runs {@code work} after the work queued before it, whatever that did. */
  private synchronized void serially(Supplier<Future<Void>> work) {
    Promise<Void> done = Promise.promise();
    Future<Void> previous = tail;
    tail = done.future();
    previous.onComplete(ignored -> {
      Future<Void> ran;
      try {
        ran = work.get();
      } catch (RuntimeException e) {
        ran = Future.failedFuture(e);
      }
      ran.onComplete(outcome -> done.complete());
    });
  }
}
