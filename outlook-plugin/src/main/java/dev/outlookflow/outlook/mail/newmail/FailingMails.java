package dev.outlookflow.outlook.mail.newmail;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mails a watcher could not fire yet, by immutable id: in how many rounds in a row each failed (counted once
 * per round, however many passes of the round read it), when last, and why. Kept with the watcher's state, so that
 * a mail that fails every round, a restart between, still reaches its limit and ends as a failed run rather than
 * holding its folder's cursor for ever. Bounded: past {@value #CAPACITY} failing at once, a further one is given up
 * on at once. The mails given up on lately are remembered, so that a pass reading one again (an audit, a catch-up)
 * answers its failed run at once instead of counting anew.
 */
final class FailingMails {
  static final int CAPACITY = 200;
  /** The longest reason the runtime takes for a failed run. */
  static final int MAX_REASON = 1_000;
  /** The longest reason kept in the watcher's state: enough to tell, small enough for 200 of them. */
  static final int KEPT_REASON = 300;

  /** One mail's failures: rounds in a row, the round last counted, and the last reason. */
  record Failing(int rounds, Instant counted, String reason) {}

  private final Map<String, Failing> mails = new LinkedHashMap<>();
  private final RecentIds givenUp = new RecentIds(2_000);

  /**
   * Counts a failure of {@code id} in the round that began at {@code round}, unless that round counted it already;
   * answers how many rounds in a row it failed now ({@link Integer#MAX_VALUE} when too many mails fail at once to
   * keep count of another).
   */
  synchronized int failed(String id, String reason, Instant round) {
    Failing before = mails.get(id);
    if (before == null && mails.size() >= CAPACITY) {
      return Integer.MAX_VALUE;
    }
    if (before != null && !round.isAfter(before.counted())) {
      return before.rounds();
    }
    Failing now = new Failing(before == null ? 1 : before.rounds() + 1, round, kept(reason));
    mails.put(id, now);
    return now.rounds();
  }

  synchronized void handled(String id) {
    mails.remove(id);
  }

  /** The mail has its failed run: no longer counted, and answered at once if read again. */
  synchronized void gaveUp(String id) {
    mails.remove(id);
    givenUp.add(id);
  }

  boolean givenUp(String id) {
    return givenUp.contains(id);
  }

  synchronized int size() {
    return mails.size();
  }

  synchronized Map<String, Failing> snapshot() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(mails));
  }

  synchronized void load(Map<String, Failing> stored) {
    mails.clear();
    mails.putAll(stored);
  }

  static JsonObject toJson(Map<String, Failing> mails) {
    JsonObject json = new JsonObject();
    mails.forEach((id, failing) -> json.put(id, new JsonObject().put("rounds", failing.rounds())
        .put("counted", failing.counted().toString()).put("reason", failing.reason())));
    return json;
  }

  static Map<String, Failing> fromJson(JsonObject json) {
    Map<String, Failing> mails = new LinkedHashMap<>();
    if (json != null) {
      json.forEach(entry -> {
        if (entry.getValue() instanceof JsonObject failing) {
          mails.put(entry.getKey(), new Failing(failing.getInteger("rounds", 1),
              Instant.parse(failing.getString("counted", Instant.EPOCH.toString())), failing.getString("reason")));
        }
      });
    }
    return mails;
  }

  private static String kept(String reason) {
    String text = reason == null ? "no reason was given" : reason;
    return text.length() <= KEPT_REASON ? text : text.substring(0, KEPT_REASON - 1) + "…";
  }
}
