package dev.outlookflow.runtime.triggers;

import dev.outlookflow.plugin.api.trigger.TriggerReport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A trigger's report as the runtime keeps it: a bounded JSON copy taken when it is reported, so that a
 * report however large (or changed by the trigger afterwards) costs the runtime under 700 KB of JSON: text
 * cut to 1,000 characters, 100 sources, 30 counts per source, count names cut to 100 characters.
 * Missing parts read as empty; null sources and counts are left out.
 */
final class TriggerReports {
  static final int MAX_TEXT = 1_000;
  static final int MAX_SOURCES = 100;
  static final int MAX_COUNTS = 30;
  static final int MAX_COUNT_NAME = 100;

  private TriggerReports() {}

  /** A report as kept, with when it was reported. */
  record Reported(JsonObject report, Instant at) {}

  static JsonObject bounded(TriggerReport report) {
    JsonObject json = new JsonObject().put("mode", cut(report.mode(), MAX_TEXT)).put("why", cut(report.why(), MAX_TEXT));
    putText(json, "problem", report.problem());
    JsonArray sources = new JsonArray();
    for (TriggerReport.Source source : first(report.sources(), MAX_SOURCES)) {
      sources.add(source(source));
    }
    return json.put("sources", sources);
  }

  private static JsonObject source(TriggerReport.Source source) {
    JsonObject json = new JsonObject().put("name", cut(source.name(), MAX_TEXT));
    putTime(json, "lastRound", source.lastRound());
    putTime(json, "nextRound", source.nextRound());
    putText(json, "lastError", source.lastError());
    JsonObject counts = new JsonObject();
    Map<String, Long> given = source.counts();
    if (given != null) {
      Iterator<Map.Entry<String, Long>> entries = given.entrySet().iterator();
      while (entries.hasNext() && counts.size() < MAX_COUNTS) {
        Map.Entry<String, Long> entry = entries.next();
        if (entry != null && entry.getKey() != null && entry.getValue() != null) {
          counts.put(cut(entry.getKey(), MAX_COUNT_NAME), entry.getValue());
        }
      }
    }
    json.put("counts", counts);
    putText(json, "note", source.note());
    return json;
  }

  /** The first {@code limit} non-null items, without reading further: a list may be longer than the heap likes. */
  private static <T> List<T> first(List<T> items, int limit) {
    if (items == null) {
      return List.of();
    }
    List<T> kept = new ArrayList<>();
    Iterator<T> it = items.iterator();
    while (it.hasNext() && kept.size() < limit) {
      T item = it.next();
      if (item != null) {
        kept.add(item);
      }
    }
    return kept;
  }

  private static void putText(JsonObject json, String name, String text) {
    if (text != null) {
      json.put(name, cut(text, MAX_TEXT));
    }
  }

  private static void putTime(JsonObject json, String name, Instant time) {
    if (time != null) {
      json.put(name, time.toString());
    }
  }

  /** At most {@code max} characters, never half of a surrogate pair; null reads as empty. */
  private static String cut(String text, int max) {
    if (text == null) {
      return "";
    }
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}
