package dev.outlookflow.outlook.mail.newmail;

import dev.outlookflow.plugin.api.trigger.TriggerReport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** What a flow's status shows of the watcher it listens to, with its own counts beside the watcher's. */
final class WatcherReport {
  static final String MODE = "polling";

  private WatcherReport() {}

  static TriggerReport of(FolderWatcher watcher, Subscriber subscriber, Duration interval, String note) {
    Map<String, Long> counts = new LinkedHashMap<>(watcher.counts());
    counts.put("flowRunsStarted", subscriber.runsStarted.get());
    counts.put("flowDuplicatesSuppressed", subscriber.duplicatesSuppressed.get());
    Backfill backfill = subscriber.backfill;
    if (backfill != null) {
      counts.put("backfillDone", backfill.done());
    }
    counts.putAll(subscriber.filteredOut.counts());
    String why = "Asks Microsoft Graph for the folder's changes (a delta query) every " + seconds(interval)
        + "; change notifications are not used yet. Flows watching the same folder share each check.";
    String paused = watcher.pausedUntil().map(until -> "Microsoft Graph asked (Retry-After) that nothing be sent "
        + "for this mailbox until " + until + ": the next round waits for that.").orElse(null);
    String notes = String.join(" ", Stream.of(backfill == null ? null : progress(backfill), note, paused)
        .filter(Objects::nonNull).toList());
    return new TriggerReport(MODE, why, watcher.problem(), List.of(new TriggerReport.Source(watcher.sourceName(),
        watcher.lastRound(), watcher.nextRound(), watcher.lastError(), counts, notes.isEmpty() ? null : notes)));
  }

  /** The backfill's progress as a sentence: its span, how many mails it fired, and whether it is done. */
  static String progress(Backfill backfill) {
    return "Backfill of the mail received from " + backfill.from() + " to " + backfill.until() + ": "
        + (backfill.finished() ? "done, " + backfill.done() + " emails handled (total " + backfill.done() + ")."
            : backfill.done() + " emails handled so far (total unknown while paging), running"
            + (backfill.cursor() == null ? "." : ", at mail received " + backfill.cursor() + "."));
  }

  private static String seconds(Duration interval) {
    long millis = interval.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
