package dev.outlookflow.sandbox.mail;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One mail delivered into a sandbox mailbox, as {@link Deliveries} records it: {@code id} is its REST id when
 * it arrived (a later move changes the message's, not this), {@code receivedDateTime} the time it is stored
 * with, {@code deliveredAt} the wall-clock instant it arrived, for measuring how long it took a reader to see it.
 */
public record Delivery(long seq, String id, String immutableId, String mailbox, String address, String folder,
    String folderName, Instant receivedDateTime, Instant deliveredAt) {

  public JsonObject toJson() {
    return new JsonObject().put("seq", seq).put("id", id).put("immutableId", immutableId).put("mailbox", mailbox)
        .put("address", address).put("folder", folder).put("folderName", folderName)
        .put("receivedDateTime", receivedDateTime.toString()).put("deliveredAt", deliveredAt.toString());
  }
}
