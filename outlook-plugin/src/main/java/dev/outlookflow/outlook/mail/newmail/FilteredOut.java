package dev.outlookflow.outlook.mail.newmail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** How many mails a flow's filters refused, in all and by the filter that refused each, for its status. */
final class FilteredOut {
  static final String COUNT = "flowFilteredOut";

  private final AtomicLong total = new AtomicLong();
  private final Map<String, AtomicLong> byFilter = new ConcurrentHashMap<>();

  void count(String filter) {
    total.incrementAndGet();
    byFilter.computeIfAbsent(filter, name -> new AtomicLong()).incrementAndGet();
  }

  /** {@code flowFilteredOut}, then {@code flowFilteredOut.<property>} for each filter that refused a mail. */
  Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put(COUNT, total.get());
    byFilter.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(entry -> counts.put(COUNT + "." + entry.getKey(), entry.getValue().get()));
    return counts;
  }
}
