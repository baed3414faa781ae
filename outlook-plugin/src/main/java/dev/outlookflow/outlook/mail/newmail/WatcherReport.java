package dev.outlookflow.outlook.mail.newmail;

import dev.outlookflow.plugin.api.trigger.TriggerReport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a flow's status shows of the watcher it listens to, with its own counts beside the watcher's. */
final class WatcherReport {
  static final String MODE = "polling";

  private WatcherReport() {}

  static TriggerReport of(FolderWatcher watcher, Subscriber subscriber, Duration interval, String note) {
    Map<String, Long> counts = new LinkedHashMap<>(watcher.counts());
    counts.put("flowRunsStarted", subscriber.runsStarted.get());
    counts.put("flowDuplicatesSuppressed", subscriber.duplicatesSuppressed.get());
    counts.putAll(subscriber.filteredOut.counts());
    String why = "Asks Microsoft Graph for the folder's changes (a delta query) every " + seconds(interval)
        + "; change notifications are not used yet. Flows watching the same folder share each check.";
    String paused = watcher.pausedUntil().map(until -> "Microsoft Graph asked (Retry-After) that nothing be sent "
        + "for this mailbox until " + until + ": the next round waits for that.").orElse(null);
    return new TriggerReport(MODE, why, watcher.problem(), List.of(new TriggerReport.Source(watcher.sourceName(),
        watcher.lastRound(), watcher.nextRound(), watcher.lastError(), counts,
        note == null ? paused : paused == null ? note : note + " " + paused)));
  }

  private static String seconds(Duration interval) {
    long millis = interval.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
