package dev.outlookflow.sandbox.mail;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A folder's changes in order, as Exchange keeps a sync journal: a delta round reads only the changes
 * since its token, whatever the folder holds. Appended under the mailbox's lock; read without it. It keeps
 * the newest {@link #MAX_CHANGES}; a token from before the oldest kept is expired, as Exchange's are when
 * its journal moves on.
 */
public final class FolderJournal {
  static final int MAX_CHANGES = 200_000;
  private final int maxChanges;
  private final ConcurrentSkipListMap<Long, Change> changes = new ConcurrentSkipListMap<>();
  /** Each change's wall-clock time (strictly increasing) to its seq: where replication lag ends, found at once. */
  private final ConcurrentSkipListMap<Long, Long> seqByWallNanos = new ConcurrentSkipListMap<>();
  /** The newest change of each message that is or was in the folder, while kept; guarded by the mailbox's lock. */
  private final Map<String, Change> latest = new HashMap<>();
  private int kept;
  private long lastWallNanos = Long.MIN_VALUE;
  /** The seq of the newest change no longer kept; 0 while every change is. */
  private volatile long trimmedThrough;

  FolderJournal() {
    this(MAX_CHANGES);
  }

  FolderJournal(int maxChanges) {
    this.maxChanges = maxChanges;
  }

  void append(long seq, StoredMessage message, Change.Kind kind, Set<String> fields) {
    Change previous = latest.get(message.immutableId());
    long wallNanos = Math.max(System.nanoTime(), lastWallNanos + 1);
    lastWallNanos = wallNanos;
    Change change = new Change(seq, message.immutableId(), kind, fields, message.restId(),
        previous == null ? 0 : previous.seq(), wallNanos);
    changes.put(seq, change);
    seqByWallNanos.put(wallNanos, seq);
    latest.put(message.immutableId(), change);
    if (previous != null) {
      previous.followedBy(seq);
    }
    if (++kept > maxChanges) {
      trimOldest();
    }
  }

  private void trimOldest() {
    Change oldest = changes.pollFirstEntry().getValue();
    seqByWallNanos.remove(oldest.wallNanos());
    latest.remove(oldest.immutableId(), oldest);
    trimmedThrough = oldest.seq();
    kept--;
  }

  /** The changes with a seq above {@code after}, up to and including {@code upTo}, oldest first. */
  public NavigableMap<Long, Change> between(long after, long upTo) {
    return after >= upTo ? new TreeMap<>() : changes.subMap(after, false, upTo, true);
  }

  public Change at(long seq) {
    return changes.get(seq);
  }

  /** Whether the changes after {@code seq} are all still kept: a round from there can be answered. */
  public boolean keepsChangesAfter(long seq) {
    return seq >= trimmedThrough;
  }

  /** The seq of the oldest change made after the given wall-clock time, or empty when there is none. */
  public OptionalLong firstChangeAfter(long wallNanos) {
    Map.Entry<Long, Long> first = seqByWallNanos.higherEntry(wallNanos);
    return first == null ? OptionalLong.empty() : OptionalLong.of(first.getValue());
  }
}
