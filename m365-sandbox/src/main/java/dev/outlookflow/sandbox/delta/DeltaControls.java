package dev.outlookflow.sandbox.delta;

import dev.outlookflow.sandbox.counters.CounterSection;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every mailbox's delta settings and hazard state, and the serial that numbers tokens: what the control API
 * changes and delta rounds consult.
 */
public final class DeltaControls implements CounterSection {
  private final Map<String, MailboxDelta> mailboxes = new ConcurrentHashMap<>();
  private final AtomicLong serials = new AtomicLong();

  MailboxDelta of(String mailboxId) {
    return mailboxes.computeIfAbsent(mailboxId, id -> new MailboxDelta());
  }

  long nextSerial() {
    return serials.incrementAndGet();
  }

  /** Replaces a mailbox's settings from the control API's body; the hazards start again from their seed. */
  public void configure(String mailboxId, JsonObject body) {
    of(mailboxId).configure(DeltaSettings.parse(body));
  }

  /** A mailbox's settings and its hazards' fired counts. */
  public JsonObject describe(String mailboxId) {
    MailboxDelta delta = of(mailboxId);
    return delta.settings().toJson().put("fired", delta.counters());
  }

  /** Every token issued so far for the mailbox, or for one of its folders, is expired from now on. */
  public void invalidate(String mailboxId, Optional<String> folderId) {
    of(mailboxId).invalidate(folderId.orElse(""), serials.get());
  }

  /** Each hazard's and expiry mode's fired count, in total and per mailbox that has any. */
  @Override
  public JsonObject snapshot() {
    JsonObject total = new JsonObject();
    MailboxDelta.COUNTERS.forEach(name -> total.put(name, 0L));
    JsonObject perMailbox = new JsonObject();
    mailboxes.forEach((id, delta) -> {
      JsonObject counts = delta.counters();
      counts.forEach(e -> total.put(e.getKey(), total.getLong(e.getKey()) + (Long) e.getValue()));
      perMailbox.put(id, counts);
    });
    return new JsonObject().put("total", total).put("mailboxes", perMailbox);
  }

  @Override
  public void reset() {
    mailboxes.values().forEach(MailboxDelta::resetCounters);
  }

  /** Back to the seed: default settings, no hazards, nothing invalidated. */
  public void forget() {
    mailboxes.clear();
  }
}
