package dev.outlookflow.sandbox.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every mail delivered into a sandbox mailbox, numbered in the order it arrived ({@code seq}, from 1), for
 * readers that follow deliveries page by page. Bounded: the newest {@value #CAPACITY} are kept, in a ring, so
 * a page is found by arithmetic however many were delivered. {@code seq} keeps counting when old records are
 * dropped and when the record is cleared, so a reader that sees {@link Page#oldest()} past where it stands
 * knows it missed some.
 */
public final class Deliveries {
  /** Deliveries kept: a benchmark's minutes at 1,000 a second, a few tens of MB. */
  public static final int CAPACITY = 200_000;

  private final Delivery[] ring;
  private long nextSeq = 1;
  private long oldest = 1;

  public Deliveries() {
    this(CAPACITY);
  }

  Deliveries(int capacity) {
    this.ring = new Delivery[capacity];
  }

  /** Records with {@code seq} greater than {@code after}, oldest first, and the smallest seq still kept. */
  public record Page(List<Delivery> value, long oldest) {}

  synchronized Delivery add(StoredMessage message, Mailbox mailbox, MailFolder folder, Instant deliveredAt) {
    Delivery delivery = new Delivery(nextSeq, message.restId(), message.immutableId(), mailbox.ownerId(),
        mailbox.address(), folder.id(), folder.displayName(), message.received(), deliveredAt);
    ring[slot(nextSeq)] = delivery;
    nextSeq++;
    oldest = Math.max(oldest, nextSeq - ring.length);
    return delivery;
  }

  /** Up to {@code limit} records after {@code after}; when none is kept, {@code oldest} is the next seq to come. */
  public synchronized Page after(long after, int limit) {
    List<Delivery> value = new ArrayList<>();
    for (long seq = Math.max(Math.min(after, nextSeq) + 1, oldest); seq < nextSeq && value.size() < limit; seq++) {
      value.add(ring[slot(seq)]);
    }
    return new Page(value, oldest);
  }

  /** Forgets every record; the numbering goes on. */
  public synchronized void clear() {
    Arrays.fill(ring, null);
    oldest = nextSeq;
  }

  private int slot(long seq) {
    return (int) ((seq - 1) % ring.length);
  }
}
