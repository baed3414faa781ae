package dev.outlookflow.sandbox.mail;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * One Exchange mailbox (a user's or a shared one): folders, and messages indexed newest first per
 * folder and mailbox-wide, so reading the newest page does not slow down as folders grow.
 */
public final class Mailbox {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Comparator<StoredMessage> NEWEST_FIRST = Comparator
      .comparing(StoredMessage::received).reversed().thenComparing(StoredMessage::immutableId);
  static final List<String[]> WELL_KNOWN = List.of(
      new String[] {"inbox", "Inbox"}, new String[] {"sentitems", "Sent Items"}, new String[] {"drafts", "Drafts"},
      new String[] {"deleteditems", "Deleted Items"}, new String[] {"archive", "Archive"});

  private final String ownerId;
  private final String address;
  private final String displayName;
  private final Map<String, MailFolder> folders = new LinkedHashMap<>();
  private final Map<String, StoredMessage> byImmutableId = new ConcurrentHashMap<>();
  private final Map<String, StoredMessage> byRestId = new ConcurrentHashMap<>();
  private final Map<String, NavigableSet<StoredMessage>> byFolder = new ConcurrentHashMap<>();
  private final NavigableSet<StoredMessage> all = new ConcurrentSkipListSet<>(NEWEST_FIRST);
  private final Map<String, FolderJournal> journals = new ConcurrentHashMap<>();
  /**
   * The seq of the newest change a reader may see, written last by each change (after the message is indexed
   * and journaled), so a delta round never reads a seq whose message is not yet where it belongs.
   */
  private volatile long head;
  /** The seq of the newest change journaled; guarded by this mailbox's lock. */
  private long appended;
  /**
   * Names this mailbox's journal: a restart or a reset starts a new one, and delta tokens of another
   * generation are expired, as Exchange drops sync state after a move or maintenance.
   */
  private volatile String generation = newId("G");

  Mailbox(String ownerId, String address, String displayName) {
    this.ownerId = ownerId;
    this.address = address;
    this.displayName = displayName;
    for (String[] known : WELL_KNOWN) {
      addFolder(new MailFolder(newId("AQMk"), known[1], null, known[0], false));
    }
  }

  /**
   * The mailbox's content as JSON, for the state directory. Only the folders are read under the mailbox's
   * lock: the messages are copied one by one, so a large mailbox being written does not hold up its changes.
   */
  JsonObject toJson() {
    JsonArray folderList = new JsonArray();
    synchronized (this) {
      folders.values().forEach(f -> folderList.add(new JsonObject().put("id", f.id())
          .put("displayName", f.displayName()).put("parentFolderId", f.parentFolderId())
          .put("wellKnownName", f.wellKnownName()).put("hidden", f.hidden())));
    }
    JsonArray messageList = new JsonArray();
    all.descendingSet().forEach(m -> messageList.add(new JsonObject().put("immutableId", m.immutableId())
        .put("restId", m.restId()).put("folderId", m.folderId()).put("received", m.received().toString())
        .put("resource", m.resourceCopy())));
    return new JsonObject().put("ownerId", ownerId).put("folders", folderList).put("messages", messageList);
  }

  /** Replaces folders and messages with those saved by {@link #toJson()}. */
  synchronized void restore(JsonObject saved) {
    folders.clear();
    byFolder.clear();
    journals.clear();
    head = 0;
    appended = 0;
    generation = newId("G");
    byImmutableId.clear();
    byRestId.clear();
    all.clear();
    saved.getJsonArray("folders").forEach(f -> {
      JsonObject folder = (JsonObject) f;
      addFolder(new MailFolder(folder.getString("id"), folder.getString("displayName"),
          folder.getString("parentFolderId"), folder.getString("wellKnownName"), folder.getBoolean("hidden", false)));
    });
    saved.getJsonArray("messages").forEach(m -> {
      JsonObject message = (JsonObject) m;
      StoredMessage stored = new StoredMessage(message.getString("immutableId"), message.getString("restId"),
          message.getString("folderId"), message.getJsonObject("resource"), Instant.parse(message.getString("received")));
      byImmutableId.put(stored.immutableId(), stored);
      byRestId.put(stored.restId(), stored);
      byFolder.get(stored.folderId()).add(stored);
      all.add(stored);
    });
  }

  public String ownerId() {
    return ownerId;
  }

  public String address() {
    return address;
  }

  public String displayName() {
    return displayName;
  }

  public synchronized List<MailFolder> folders(String parentId) {
    return folders.values().stream().filter(f -> java.util.Objects.equals(f.parentFolderId(), parentId)).toList();
  }

  /** A folder by id or by well-known name ({@code inbox}, {@code sentitems}, ...), case-insensitively. */
  public synchronized Optional<MailFolder> folder(String idOrName) {
    MailFolder byId = folders.get(idOrName);
    if (byId != null) {
      return Optional.of(byId);
    }
    String name = idOrName.toLowerCase(Locale.ROOT);
    return folders.values().stream().filter(f -> name.equals(f.wellKnownName())).findFirst();
  }

  /** Creates a folder; empty when a sibling already has that name. */
  public synchronized Optional<MailFolder> createFolder(String parentId, String name) {
    boolean taken = folders(parentId).stream().anyMatch(f -> f.displayName().equalsIgnoreCase(name));
    if (taken) {
      return Optional.empty();
    }
    MailFolder folder = new MailFolder(newId("AQMk"), name, parentId, null, false);
    addFolder(folder);
    return Optional.of(folder);
  }

  private void addFolder(MailFolder folder) {
    folders.put(folder.id(), folder);
    byFolder.put(folder.id(), new ConcurrentSkipListSet<>(NEWEST_FIRST));
    journals.put(folder.id(), new FolderJournal());
  }

  public int count(String folderId, boolean unreadOnly) {
    NavigableSet<StoredMessage> messages = byFolder.getOrDefault(folderId, new ConcurrentSkipListSet<>(NEWEST_FIRST));
    return unreadOnly
        ? (int) messages.stream().filter(m -> !m.resource().getBoolean("isRead", false)).count()
        : messages.size();
  }

  /** Adds a message to a folder, received now. */
  public synchronized StoredMessage add(String folderId, JsonObject resource, Instant received) {
    StoredMessage message = new StoredMessage(newId("AAkALg"), newId("AAMkAD"), folderId, resource, received);
    byImmutableId.put(message.immutableId(), message);
    byRestId.put(message.restId(), message);
    entered(message, folderId);
    byFolder.get(folderId).add(message);
    all.add(message);
    publish();
    return message;
  }

  /** A message by either of its ids. */
  public Optional<StoredMessage> message(String id) {
    StoredMessage found = byImmutableId.get(id);
    return Optional.ofNullable(found != null ? found : byRestId.get(id));
  }

  /** Moves a message; its REST id changes, its immutable id does not. */
  public synchronized StoredMessage move(StoredMessage message, String folderId) {
    byFolder.get(message.folderId()).remove(message);
    byRestId.remove(message.restId());
    journal(message.folderId(), message, Change.Kind.LEFT, Set.of());
    message.movedTo(folderId, newId("AAMkAD"));
    byRestId.put(message.restId(), message);
    entered(message, folderId);
    byFolder.get(folderId).add(message);
    publish();
    return message;
  }

  public synchronized void delete(StoredMessage message) {
    if (byImmutableId.get(message.immutableId()) != message) {
      return;
    }
    byFolder.get(message.folderId()).remove(message);
    all.remove(message);
    byImmutableId.remove(message.immutableId());
    byRestId.remove(message.restId());
    journal(message.folderId(), message, Change.Kind.LEFT, Set.of());
    publish();
  }

  /**
   * Changes a message's resource in place (its etag and change key renewed, as Exchange does) and journals
   * the named properties for delta rounds; a message deleted meanwhile is changed but not journaled, so a
   * round never answers an update after its removal.
   */
  public synchronized void change(StoredMessage message, Set<String> fields, Consumer<JsonObject> change) {
    message.change(resource -> {
      change.accept(resource);
      resource.put("@odata.etag", "W/\"" + UUID.randomUUID() + "\"").put("changeKey", UUID.randomUUID().toString());
    });
    if (!fields.isEmpty() && byImmutableId.get(message.immutableId()) == message) {
      journal(message.folderId(), message, Change.Kind.UPDATED, fields);
      publish();
    }
  }

  /** The seq is the message's folderSeq before it is indexed: a round that cannot see the change skips it. */
  private void entered(StoredMessage message, String folderId) {
    long seq = appended + 1;
    message.enteredAt(seq);
    journal(folderId, message, Change.Kind.ENTERED, Set.of());
  }

  private void journal(String folderId, StoredMessage message, Change.Kind kind, Set<String> fields) {
    appended++;
    journals.get(folderId).append(appended, message, kind, fields);
  }

  private void publish() {
    head = appended;
  }

  /** A folder's change journal. */
  public FolderJournal journal(String folderId) {
    return journals.get(folderId);
  }

  /** The seq of the newest change in this mailbox. */
  public long head() {
    return head;
  }

  public String generation() {
    return generation;
  }

  /** A folder's messages newest first, after (older than) the given position; all of them without one. */
  public NavigableSet<StoredMessage> newestFirstAfter(String folderId, Optional<StoredMessage.Position> after) {
    NavigableSet<StoredMessage> messages = byFolder.get(folderId);
    return after.map(p -> messages.tailSet(StoredMessage.probe(p), false)).orElse(messages);
  }

  /** Newest first: one folder's, or the whole mailbox's. */
  public Collection<StoredMessage> newestFirst(Optional<String> folderId) {
    return folderId.map(id -> (Collection<StoredMessage>) byFolder.get(id)).orElse(all);
  }

  /** Oldest first, for {@code $orderby=receivedDateTime asc}. */
  public Collection<StoredMessage> oldestFirst(Optional<String> folderId) {
    return folderId.map(id -> (Collection<StoredMessage>) byFolder.get(id).descendingSet()).orElse(all.descendingSet());
  }

  public List<StoredMessage> snapshot(String folderId) {
    return new ArrayList<>(byFolder.get(folderId));
  }

  public static String newId(String prefix) {
    byte[] bytes = new byte[36];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The id Graph answers as the parent of top-level folders: the mailbox's root folder. */
  public String rootFolderId() {
    return "AQMkRoot" + ownerId;
  }

  /**
   * Moves a folder, with what it holds and the folders under it, under {@code parentId} ({@code null}: to the
   * top), as a user does in Outlook; the folder keeps its id and its messages keep theirs.
   */
  public synchronized FolderMove moveFolder(String folderId, String parentId) {
    MailFolder folder = folders.get(folderId);
    if (folder.wellKnownName() != null) {
      return FolderMove.WELL_KNOWN;
    }
    for (String above = parentId; above != null; above = folders.get(above).parentFolderId()) {
      if (above.equals(folderId)) {
        return FolderMove.INTO_ITSELF;
      }
    }
    boolean taken = folders(parentId).stream()
        .anyMatch(f -> !f.id().equals(folderId) && f.displayName().equalsIgnoreCase(folder.displayName()));
    if (taken) {
      return FolderMove.NAME_TAKEN;
    }
    folders.put(folderId, new MailFolder(folderId, folder.displayName(), parentId, null, folder.hidden()));
    return FolderMove.MOVED;
  }
}
