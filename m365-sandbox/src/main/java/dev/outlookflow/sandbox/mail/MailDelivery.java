package dev.outlookflow.sandbox.mail;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;

/**
 * The one way mail arrives in a sandbox mailbox (the control API's deliveries, mail streams, and Exchange
 * delivering what a sandbox user sent): the message is added to its folder and recorded in
 * {@link MailStore#deliveries()}. Drafts and the sender's Sent Items copy are not deliveries and do not come here.
 */
public final class MailDelivery {
  private final MailStore store;
  private final Clock wallClock;

  /** {@code wallClock}: the machine's clock, never the sandbox's movable one, so delivery latency is real time. */
  public MailDelivery(MailStore store, Clock wallClock) {
    this.store = store;
    this.wallClock = wallClock;
  }

  /** Adds the message to the folder, received at {@code received}, and records its delivery. */
  public StoredMessage deliver(Mailbox mailbox, String folderId, JsonObject resource, Instant received) {
    StoredMessage message = mailbox.add(folderId, resource, received);
    store.deliveries().add(message, mailbox, mailbox.folder(folderId).orElseThrow(),
        Instant.ofEpochMilli(wallClock.millis()));
    // Streams deliver outside any request, whose end would otherwise mark the mail for the next flush.
    store.changed();
    return message;
  }
}
