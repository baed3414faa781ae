package dev.outlookflow.sandbox.mail;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A folder's changes in order, as Exchange keeps a sync journal: a delta round reads only the changes
 * since its token, whatever the folder holds. Appended under the mailbox's lock; read without it.
 */
public final class FolderJournal {
  private final ConcurrentSkipListMap<Long, Change> changes = new ConcurrentSkipListMap<>();
  /** The newest change of each message that ever was in the folder; guarded by the mailbox's lock. */
  private final Map<String, Change> latest = new HashMap<>();

  void append(long seq, StoredMessage message, Change.Kind kind, Set<String> fields) {
    Change previous = latest.get(message.immutableId());
    Change change = new Change(seq, message.immutableId(), kind, fields, message.restId(),
        previous == null ? 0 : previous.seq(), System.nanoTime());
    changes.put(seq, change);
    latest.put(message.immutableId(), change);
    if (previous != null) {
      previous.followedBy(seq);
    }
  }

  /** The changes with a seq above {@code after}, up to and including {@code upTo}, oldest first. */
  public NavigableMap<Long, Change> between(long after, long upTo) {
    return after >= upTo ? new java.util.TreeMap<>() : changes.subMap(after, false, upTo, true);
  }

  /** The newest changes first, for finding where replication lag ends. */
  public NavigableMap<Long, Change> newestFirst() {
    return changes.descendingMap();
  }

  public Change at(long seq) {
    return changes.get(seq);
  }
}
