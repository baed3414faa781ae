package dev.outlookflow.sandbox.mail;

import java.util.Set;

/**
 * One entry of a folder's change journal: a message entered the folder (delivered, created, moved in),
 * changed in it, or left it (moved out, deleted). Entries of one message in one folder are linked both
 * ways, so a delta round finds a message's first and last change in its window without a scan.
 */
public final class Change {
  /** What happened to the message in this folder. */
  public enum Kind { ENTERED, UPDATED, LEFT }

  private final long seq;
  private final String immutableId;
  private final Kind kind;
  private final Set<String> fields;
  private final String restId;
  private final long previousSeq;
  private final long wallNanos;
  private volatile long nextSeq = Long.MAX_VALUE;

  Change(long seq, String immutableId, Kind kind, Set<String> fields, String restId, long previousSeq,
      long wallNanos) {
    this.seq = seq;
    this.immutableId = immutableId;
    this.kind = kind;
    this.fields = Set.copyOf(fields);
    this.restId = restId;
    this.previousSeq = previousSeq;
    this.wallNanos = wallNanos;
  }

  /** Its place in the mailbox's sequence of changes. */
  public long seq() {
    return seq;
  }

  public String immutableId() {
    return immutableId;
  }

  public Kind kind() {
    return kind;
  }

  /** The properties an update changed; empty for other kinds. */
  public Set<String> fields() {
    return fields;
  }

  /** The REST id the message had in this folder when the change happened: what a client knew it by. */
  public String restId() {
    return restId;
  }

  /** The seq of this message's previous change in this folder, 0 when this is its first. */
  public long previousSeq() {
    return previousSeq;
  }

  /** The seq of this message's next change in this folder, {@link Long#MAX_VALUE} while there is none. */
  public long nextSeq() {
    return nextSeq;
  }

  /** When it happened, on {@link System#nanoTime()}: replication lag is wall-clock time. */
  public long wallNanos() {
    return wallNanos;
  }

  void followedBy(long seq) {
    this.nextSeq = seq;
  }
}
