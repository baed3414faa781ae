package dev.outlookflow.sandbox.delta;

import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One mailbox's delta state beyond its journal: its settings, the tokens invalidated through the control
 * API, and its hazards' seeded random, queued replays, omitted mails and fired counts. Every decision draws
 * from one random in request order, so a test's sequence of requests repeats exactly.
 */
final class MailboxDelta {
  /** A replay queue longer than this is a test gone wrong; the oldest are dropped. */
  private static final int MAX_QUEUED_REPLAYS = 10_000;
  static final List<String> COUNTERS = List.of("replay", "lag", "reorder", "omit", "cap", "gone",
      "syncStateNotFound", "resyncRequired", "initial", "initialFiltered");

  private DeltaSettings settings = DeltaSettings.DEFAULT;
  private Random random = new Random(0);
  private int replaysLeft;
  private int omissionsLeft;
  /** Per query (the serial of its first token): another client's rounds do not take its replays. */
  private final Map<Long, ArrayDeque<String>> replays = new HashMap<>();
  private final Set<String> decided = new HashSet<>();
  private final Set<String> omitted = new HashSet<>();
  /** Tokens with a serial up to this are invalid, for the whole mailbox ("") or one folder. */
  private final Map<String, Long> invalidatedThrough = new HashMap<>();
  private final Map<String, Long> fired = new LinkedHashMap<>();

  MailboxDelta() {
    COUNTERS.forEach(name -> fired.put(name, 0L));
  }

  /** New settings start the hazards afresh from their seed. */
  synchronized void configure(DeltaSettings next) {
    settings = next;
    random = new Random(next.hazards().seed());
    replaysLeft = next.hazards().replay().times();
    omissionsLeft = next.hazards().omit().times();
    replays.clear();
    decided.clear();
    omitted.clear();
  }

  synchronized DeltaSettings settings() {
    return settings;
  }

  synchronized void invalidate(String folderOrEmpty, long serial) {
    invalidatedThrough.merge(folderOrEmpty, serial, Math::max);
  }

  synchronized boolean invalidated(String folderId, long serial) {
    return serial <= invalidatedThrough.getOrDefault("", 0L) || serial <= invalidatedThrough.getOrDefault(folderId, 0L);
  }

  synchronized void fired(String counter, long by) {
    fired.merge(counter, by, Long::sum);
  }

  synchronized JsonObject counters() {
    return new JsonObject(new LinkedHashMap<>(fired));
  }

  synchronized void resetCounters() {
    COUNTERS.forEach(name -> fired.put(name, 0L));
  }

  /**
   * Whether a mail is left out of delta for good: decided the first time a round meets it, so it stays out
   * of every later round as Graph's known issue does.
   */
  synchronized boolean omitted(String immutableId) {
    DeltaSettings.Occurrence omit = settings.hazards().omit();
    if (!omit.active() && omitted.isEmpty()) {
      return false;
    }
    if (omit.active() && decided.add(immutableId) && draw(omit, true)) {
      omitted.add(immutableId);
      fired("omit", 1);
    }
    return omitted.contains(immutableId);
  }

  /** Queues an item a round answered to be answered again in the query's next page or round. */
  synchronized void maybeReplay(long query, String immutableId) {
    DeltaSettings.Occurrence replay = settings.hazards().replay();
    if (replay.active() && draw(replay, false)) {
      ArrayDeque<String> queue = replays.computeIfAbsent(query, q -> new ArrayDeque<>());
      if (queue.size() == MAX_QUEUED_REPLAYS) {
        queue.pollFirst();
      }
      queue.addLast(immutableId);
    }
  }

  /** At most {@code most} of the items queued for replay in a query, oldest first, taken. */
  synchronized List<String> takeReplays(long query, int most) {
    ArrayDeque<String> queue = replays.getOrDefault(query, new ArrayDeque<>());
    List<String> taken = new ArrayList<>();
    while (taken.size() < most && !queue.isEmpty()) {
      taken.add(queue.pollFirst());
    }
    if (queue.isEmpty()) {
      replays.remove(query);
    }
    return taken;
  }

  /** Shuffles a page when reordering is on and it holds two items or more. */
  synchronized <T> void reorder(List<T> page) {
    if (settings.hazards().reorder() && page.size() >= 2) {
      Collections.shuffle(page, random);
      fired("reorder", 1);
    }
  }

  private boolean draw(DeltaSettings.Occurrence occurrence, boolean omission) {
    if (occurrence.times() > 0) {
      if (omission && omissionsLeft > 0) {
        omissionsLeft--;
        return true;
      }
      if (!omission && replaysLeft > 0) {
        replaysLeft--;
        return true;
      }
      return false;
    }
    return random.nextDouble() < occurrence.probability();
  }
}
