package dev.outlookflow.outlook.mail.newmail;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the polling of each mailbox within Graph's budget of 10,000 requests per 10 minutes per app and mailbox
 * (graph-facts section 3): polls take at most half of it, leaving the rest to steps, audits and resyncs. When
 * many watchers share a mailbox, each one's interval is stretched so that together they stay within that half.
 */
final class PollBudget {
  /** Half of Graph's 10,000 requests per 10 minutes: one poll per 120 ms per mailbox. */
  static final Duration SPACING = Duration.ofMillis(600_000 / 5_000);

  private final Map<String, Integer> watchers = new ConcurrentHashMap<>();

  void add(String mailboxKey) {
    watchers.merge(mailboxKey, 1, Integer::sum);
  }

  void remove(String mailboxKey) {
    watchers.computeIfPresent(mailboxKey, (k, n) -> n <= 1 ? null : n - 1);
  }

  /** The interval a watcher of the mailbox polls at, having asked for {@code requested}. */
  Duration interval(String mailboxKey, Duration requested) {
    Duration floor = SPACING.multipliedBy(watchers.getOrDefault(mailboxKey, 1));
    return requested.compareTo(floor) >= 0 ? requested : floor;
  }

  /** Why the interval is longer than asked for, or null when it is not. */
  String note(String mailboxKey, Duration requested) {
    Duration interval = interval(mailboxKey, requested);
    if (interval.equals(requested)) {
      return null;
    }
    return "Checks every " + seconds(interval) + " instead of " + seconds(requested) + ": "
        + watchers.getOrDefault(mailboxKey, 1) + " watched folders of this mailbox share the 5,000 requests per "
        + "10 minutes this trigger allows itself for polling (half of Microsoft Graph's 10,000 per mailbox).";
  }

  private static String seconds(Duration duration) {
    return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
