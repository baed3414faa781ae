package dev.outlookflow.outlook.mail.newmail;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mails a watcher could not fire yet, by immutable id: in how many rounds in a row each failed, and why last.
 * Kept with the watcher's state, so that a mail that fails every round, a restart between, still reaches its
 * limit and ends as a failed run rather than holding its folder's cursor for ever. Bounded: the oldest entry is
 * dropped first (that mail starts counting again).
 */
final class FailingMails {
  static final int CAPACITY = 200;
  static final int MAX_REASON = 1_000;

  /** One mail's failures: rounds in a row, and the last reason. */
  record Failing(int rounds, String reason) {}

  private final Map<String, Failing> mails = new LinkedHashMap<>();

  /** Counts a failed round for {@code id}; answers how many rounds in a row it failed now. */
  synchronized int failed(String id, String reason) {
    Failing before = mails.remove(id);
    Failing now = new Failing(before == null ? 1 : before.rounds() + 1, bounded(reason));
    mails.put(id, now);
    while (mails.size() > CAPACITY) {
      mails.remove(mails.keySet().iterator().next());
    }
    return now.rounds();
  }

  synchronized void handled(String id) {
    mails.remove(id);
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
        .put("reason", failing.reason())));
    return json;
  }

  static Map<String, Failing> fromJson(JsonObject json) {
    Map<String, Failing> mails = new LinkedHashMap<>();
    if (json != null) {
      json.forEach(entry -> {
        if (entry.getValue() instanceof JsonObject failing) {
          mails.put(entry.getKey(), new Failing(failing.getInteger("rounds", 1), failing.getString("reason")));
        }
      });
    }
    return mails;
  }

  private static String bounded(String reason) {
    String text = reason == null ? "no reason was given" : reason;
    return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
  }
}
