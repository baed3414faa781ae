package dev.outlookflow.outlook.mail.newmail;

import dev.outlookflow.plugin.api.trigger.TriggerReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A flow's report made of its folders' reports: one source per folder, named by its path, the flow's chosen
 * folder first; past {@value #MAX_SOURCES} folders the rest are summed up in one source, well within what the
 * runtime keeps of a report.
 */
final class FlowReport {
  static final int MAX_SOURCES = 50;

  private final String mailboxName;
  /** Each folder's latest report by folder id, in the order the folders were found. */
  private final Map<String, TriggerReport> reports = new LinkedHashMap<>();
  private final Map<String, String> paths = new LinkedHashMap<>();
  private String subtree;

  FlowReport(String mailboxName) {
    this.mailboxName = mailboxName;
  }

  synchronized void watch(String folderId, String path) {
    paths.put(folderId, path);
  }

  synchronized void unwatch(String folderId) {
    paths.remove(folderId);
    reports.remove(folderId);
  }

  /** What the flow's report says of its subfolders (how many, what a bound left out, a failed scan); null: none. */
  synchronized void subtree(String sentence) {
    subtree = sentence;
  }

  /** Takes a folder's report in; answers the flow's, or null while the folder is not (or no longer) watched. */
  synchronized TriggerReport with(String folderId, TriggerReport report) {
    if (!paths.containsKey(folderId)) {
      return null;
    }
    reports.put(folderId, report);
    return compose();
  }

  private TriggerReport compose() {
    List<TriggerReport.Source> sources = new ArrayList<>();
    String mode = null;
    String why = null;
    String problem = null;
    for (Map.Entry<String, String> folder : paths.entrySet()) {
      TriggerReport report = reports.get(folder.getKey());
      if (report == null) {
        continue;
      }
      mode = mode == null ? report.mode() : mode;
      why = why == null ? report.why() : why;
      problem = problem == null ? report.problem() : problem;
      report.sources().stream().findFirst().ifPresent(source -> sources.add(new TriggerReport.Source(
          folder.getValue() + " of " + mailboxName, source.lastRound(), source.nextRound(), source.lastError(),
          source.counts(), source.note())));
    }
    String fullWhy = subtree == null ? why : why == null ? subtree : why + " " + subtree;
    return new TriggerReport(mode, fullWhy, problem, bounded(sources));
  }

  /** The first sources as they are; past the bound, the others summed up in one. */
  private static List<TriggerReport.Source> bounded(List<TriggerReport.Source> sources) {
    if (sources.size() <= MAX_SOURCES) {
      return sources;
    }
    List<TriggerReport.Source> rest = sources.subList(MAX_SOURCES - 1, sources.size());
    Map<String, Long> counts = new LinkedHashMap<>();
    Instant lastRound = null;
    Instant nextRound = null;
    String lastError = null;
    for (TriggerReport.Source source : rest) {
      source.counts().forEach((name, count) -> counts.merge(name, count, Long::sum));
      lastRound = later(lastRound, source.lastRound());
      nextRound = nextRound == null || source.nextRound() != null && source.nextRound().isBefore(nextRound)
          ? source.nextRound() : nextRound;
      lastError = lastError == null ? source.lastError() : lastError;
    }
    List<TriggerReport.Source> shown = new ArrayList<>(sources.subList(0, MAX_SOURCES - 1));
    shown.add(new TriggerReport.Source(rest.size() + " more folders", lastRound, nextRound, lastError, counts,
        "The sums of " + rest.size() + " folders' counts, their latest round, their soonest next one and the first "
            + "error among them."));
    return shown;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}
