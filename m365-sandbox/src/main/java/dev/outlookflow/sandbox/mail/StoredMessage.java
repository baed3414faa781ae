package dev.outlookflow.sandbox.mail;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A message in a mailbox: its Graph resource, the folder it is in, and its two ids. The immutable id
 * never changes; the default (REST) id changes when the message moves, as Exchange's does.
 */
public final class StoredMessage {
  private final String immutableId;
  private volatile String restId;
  private volatile String folderId;
  private final JsonObject resource;
  private final Instant received;
  /** The seq of the change by which it entered its folder: a delta round's first pass lists it only up to that. */
  private volatile long folderSeq;

  StoredMessage(String immutableId, String restId, String folderId, JsonObject resource, Instant received) {
    this.immutableId = immutableId;
    this.restId = restId;
    this.folderId = folderId;
    this.resource = resource;
    this.received = received;
  }

  public String immutableId() {
    return immutableId;
  }

  public String restId() {
    return restId;
  }

  public String folderId() {
    return folderId;
  }

  public Instant received() {
    return received;
  }

  /**
   * The stored fields, times as precise as they happened (what {@code $filter} compares); no ids or folder:
   * those are added when answered.
   */
  public JsonObject resource() {
    return resource;
  }

  /** Where a message stands in a folder's newest-first order: a delta round's place between pages. */
  public record Position(Instant received, String immutableId) {}

  public Position position() {
    return new Position(received, immutableId);
  }

  static StoredMessage probe(Position position) {
    return new StoredMessage(position.immutableId(), "", "", new JsonObject(), position.received());
  }

  public long folderSeq() {
    return folderSeq;
  }

  void enteredAt(long seq) {
    this.folderSeq = seq;
  }

  /** Changes are made, and copies taken, under this message's lock: a copy never meets a change half made. */
  synchronized void change(java.util.function.Consumer<JsonObject> change) {
    change.accept(resource);
  }

  synchronized JsonObject resourceCopy() {
    return resource.copy();
  }

  void movedTo(String newFolderId, String newRestId) {
    this.folderId = newFolderId;
    this.restId = newRestId;
  }

  /** The Graph resource as a client sees it: with the id kind it asked for, its times in whole seconds. */
  public synchronized JsonObject view(boolean immutableIds) {
    JsonObject view = Messages.inWholeSeconds(resource.copy());
    view.put("id", immutableIds ? immutableId : restId);
    view.put("parentFolderId", folderId);
    return view;
  }
}
