package dev.outlookflow.outlook.mail.newmail;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the messages a watcher saw lately, newest kept, so that an audit emits only what delta did not
 * bring. A bounded memory, not a guarantee: the runtime's keys are what makes a repeat harmless.
 */
final class RecentIds {
  private final Map<String, Boolean> ids;

  RecentIds(int capacity) {
    this.ids = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized void add(String id) {
    ids.put(id, Boolean.TRUE);
  }

  synchronized boolean contains(String id) {
    return ids.containsKey(id);
  }
}
