package dev.outlookflow.sandbox.counters;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How many requests the sandbox answered, per method, path template, status, app and mailbox, with when
 * each was first and last seen. Bounded, since apps and paths come from requests (a forged token can name
 * any app): past {@link #MAX_ROWS} distinct rows a request of a new row is only counted as dropped.
 */
public final class RequestCounters {
  public static final int MAX_ROWS = 10_000;
  /** Longer than any method, template, client id or address the sandbox serves; a request may send longer. */
  static final int MAX_TEXT = 256;

  /** What a row counts: requests alike in all of these (texts cut to {@link #MAX_TEXT} characters). */
  public record Key(String method, String path, int status, String app, String mailbox) {
    public Key {
      method = bounded(method);
      path = bounded(path);
      app = bounded(app);
      mailbox = bounded(mailbox);
    }
  }

  static String bounded(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
  }

  public record Row(Key key, long count, Instant first, Instant last) {
    Row seenAgain(Instant at) {
      return new Row(key, count + 1, first, at);
    }
  }

  /** A row and its rank by when it was first seen: the clock may stand still (in tests) and not tell. */
  private record Entry(long rank, Row row) {}

  /** One generation of counts: a reset starts a new one, so the bound and the rows never disagree. */
  private static final class Table {
    final ConcurrentMap<Key, Entry> rows = new ConcurrentHashMap<>();
    final AtomicInteger distinct = new AtomicInteger();
    final AtomicLong ranks = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
  }

  private final int maxRows;
  private final AtomicReference<Table> table = new AtomicReference<>(new Table());

  public RequestCounters() {
    this(MAX_ROWS);
  }

  /** With another bound, so a test reaches it in a few requests. */
  RequestCounters(int maxRows) {
    this.maxRows = maxRows;
  }

  public void count(Key key, Instant at) {
    Table current = table.get();
    // A new row is admitted against the bound inside compute, so concurrent requests never make more rows than it.
    current.rows.compute(key, (k, entry) -> {
      if (entry != null) {
        return new Entry(entry.rank(), entry.row().seenAgain(at));
      }
      if (current.distinct.incrementAndGet() > maxRows) {
        current.distinct.decrementAndGet();
        current.dropped.incrementAndGet();
        return null;
      }
      return new Entry(current.ranks.getAndIncrement(), new Row(k, 1, at, at));
    });
  }

  /** The rows, in the order they were first seen. */
  public List<Row> rows() {
    return table.get().rows.values().stream().sorted(Comparator.comparingLong(Entry::rank)).map(Entry::row).toList();
  }

  /** Requests not counted in a row because the rows had reached their bound. */
  public long dropped() {
    return table.get().dropped.get();
  }

  public void reset() {
    table.set(new Table());
  }
}
