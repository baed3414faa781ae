package dev.outlookflow.outlook.mail.newmail;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a watcher keeps in the connection's shared state: its cursor (Graph's deltaLink, null while a resync is
 * due), the {@code $select} its tokens froze, when its baseline was taken, the newest {@code receivedDateTime}
 * it saw (where a resync starts again, less a margin), its counters and the mails it could not fire yet.
 */
record WatcherState(String deltaLink, String select, Instant baselineAt, Instant lastSeen, Map<String, Long> counts,
    Map<String, FailingMails.Failing> failing) {
  static final String MAILS_SEEN = "mailsSeen";
  static final String RUNS_STARTED = "runsStarted";
  static final String DUPLICATES_SUPPRESSED = "duplicatesSuppressed";
  static final String FOUND_BY_AUDIT = "foundByAudit";
  static final String RESYNCS = "resyncs";
  static final String ALREADY_RUN = "alreadyRun";
  static final String FAILED_RUNS = "failedRuns";

  WatcherState {
    counts = Map.copyOf(counts);
    failing = Collections.unmodifiableMap(new LinkedHashMap<>(failing));
  }

  static WatcherState baseline(String deltaLink, Instant at, Instant lastSeen) {
    return new WatcherState(deltaLink, NewMail.SELECT, at, lastSeen, Map.of(), Map.of());
  }

  /** The state after a round that ended with {@code link}, having seen up to {@code newest}. */
  WatcherState after(String link, Instant newest) {
    Instant seen = lastSeen == null || (newest != null && newest.isAfter(lastSeen)) ? newest : lastSeen;
    return new WatcherState(link, select, baselineAt, seen, counts, failing);
  }

  WatcherState withDeltaLink(String link) {
    return new WatcherState(link, select, baselineAt, lastSeen, counts, failing);
  }

  WatcherState withCounts(Map<String, Long> latest, Map<String, FailingMails.Failing> stillFailing) {
    return new WatcherState(deltaLink, select, baselineAt, lastSeen, latest, stillFailing);
  }

  /** Whether the cursor can still be followed: present, and made with the event's current properties. */
  boolean followable() {
    return deltaLink != null && NewMail.SELECT.equals(select);
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject().put("select", select).put("baselineAt", baselineAt.toString())
        .put("counts", new JsonObject(new LinkedHashMap<>(counts)));
    if (!failing.isEmpty()) {
      json.put("failing", FailingMails.toJson(failing));
    }
    if (deltaLink != null) {
      json.put("deltaLink", deltaLink);
    }
    return lastSeen == null ? json : json.put("lastSeen", lastSeen.toString());
  }

  static WatcherState fromJson(String text) {
    JsonObject json = new JsonObject(text);
    Map<String, Long> counts = new LinkedHashMap<>();
    json.getJsonObject("counts", new JsonObject()).forEach(e -> counts.put(e.getKey(), ((Number) e.getValue()).longValue()));
    String lastSeen = json.getString("lastSeen");
    return new WatcherState(json.getString("deltaLink"), json.getString("select"),
        Instant.parse(json.getString("baselineAt")), lastSeen == null ? null : Instant.parse(lastSeen), counts,
        FailingMails.fromJson(json.getJsonObject("failing")));
  }
}
