package dev.outlookflow.plugin.api.trigger;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a started trigger reports of itself, shown by {@code GET /api/v1/flows/{id}/trigger}: how it listens
 * and why ({@code mode} such as {@code polling}, {@code why} a sentence), a problem an admin must act on (a
 * revoked sign-in, missing consent; null when none), and each source it watches (a mailbox folder). The
 * runtime keeps the latest report of each flow in memory and bounds what it shows.
 */
public record TriggerReport(String mode, String why, String problem, List<Source> sources) {

  /**
   * One watched source: its name, its last and next round, its last error as a sentence (null when the last
   * round succeeded), counters by name (such as {@code mailsSeen}, {@code runsStarted},
   * {@code duplicatesSuppressed}) and a note (such as why its interval was stretched; null when none).
   */
  public record Source(String name, Instant lastRound, Instant nextRound, String lastError,
      Map<String, Long> counts, String note) {}
}
