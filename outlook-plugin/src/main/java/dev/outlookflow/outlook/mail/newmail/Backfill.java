package dev.outlookflow.outlook.mail.newmail;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A flow's backfill of one folder: the mail received in the days before the flow first listened ({@code from} up
 * to {@code until}), fired once each, oldest first. Kept in the flow's trigger state after each page: the newest
 * {@code receivedDateTime} fired ({@code cursor}) with the ids fired at that very second, and how many mails
 * were fired, so that a restart resumes from the cursor and counts none twice.
 */
record Backfill(Instant from, Instant until, Instant cursor, List<String> atCursor, long done, boolean finished) {
  /** The most ids kept for the cursor's second; more at one second are fired again after a restart, not lost. */
  static final int AT_CURSOR = 500;
  static final int MAX_DAYS = 30;

  Backfill {
    atCursor = List.copyOf(atCursor);
  }

  static Backfill of(Instant until, int days) {
    return new Backfill(until.minus(Duration.ofDays(days)), until, null, List.of(), 0, false);
  }

  /** Where the next query starts: the cursor's second (its mails fired again are not counted), or the start. */
  Instant resumeFrom() {
    return cursor == null ? from : cursor;
  }

  /** The progress once a page of {@code items} was fired in full. */
  Backfill after(JsonArray items) {
    Instant newest = cursor;
    Set<String> newestIds = new LinkedHashSet<>(atCursor);
    long fired = done;
    for (Object item : items) {
      if (!(item instanceof JsonObject message) || !(message.getValue("id") instanceof String id)) {
        continue;
      }
      Instant received = NewMail.receivedOf(message);
      if (received == null || (received.equals(cursor) && atCursor.contains(id))) {
        continue;
      }
      fired++;
      if (newest == null || received.isAfter(newest)) {
        newest = received;
        newestIds.clear();
      }
      if (received.equals(newest) && newestIds.size() < AT_CURSOR) {
        newestIds.add(id);
      }
    }
    return new Backfill(from, until, newest, new ArrayList<>(newestIds), fired, false);
  }

  Backfill completed() {
    return new Backfill(from, until, cursor, List.of(), done, true);
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject().put("from", from.toString()).put("until", until.toString())
        .put("atCursor", new JsonArray(new ArrayList<>(atCursor))).put("done", done).put("finished", finished);
    return cursor == null ? json : json.put("cursor", cursor.toString());
  }

  static Backfill fromJson(String text) {
    JsonObject json = new JsonObject(text);
    List<String> ids = new ArrayList<>();
    json.getJsonArray("atCursor", new JsonArray()).forEach(id -> ids.add(String.valueOf(id)));
    String cursor = json.getString("cursor");
    return new Backfill(Instant.parse(json.getString("from")), Instant.parse(json.getString("until")),
        cursor == null ? null : Instant.parse(cursor), ids, json.getLong("done", 0L), json.getBoolean("finished", false));
  }
}
