package dev.outlookflow.outlook.mail.newmail;

import dev.outlookflow.plugin.api.trigger.TriggerState;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subfolders a flow watches and when it found each, in its trigger state ({@value #KEY}: folder hash to
 * epoch milliseconds): what tells a restart's known folders (whose mail since the flow's last round is caught up on)
 * from new ones (which fire only mail received from when they were found). Folder ids are kept as hashes, so the
 * state stays small and each folder's own state keys ({@link #stateSuffix}) short.
 */
final class KnownFolders {
  static final String KEY = "folders";

  private final Map<String, Instant> found;

  private KnownFolders(Map<String, Instant> found) {
    this.found = found;
  }

  static Future<KnownFolders> load(TriggerState state) {
    return state.get(KEY)
        .map(stored -> new KnownFolders(stored.map(KnownFolders::parse).orElseGet(LinkedHashMap::new)));
  }

  /** When the flow found {@code folderId}, or null when it never did. */
  Instant foundAt(String folderId) {
    return found.get(hash(folderId));
  }

  /**
   * Keeps {@code folders} (by id, with when they were found) as what the flow knows; the state of folders it knew
   * and no longer watches is removed.
   */
  Future<Void> replace(TriggerState state, Map<String, Instant> folders) {
    Map<String, Instant> next = new LinkedHashMap<>();
    folders.forEach((id, at) -> next.put(hash(id), at));
    List<String> gone = new ArrayList<>(found.keySet());
    gone.removeAll(next.keySet());
    if (next.equals(found)) {
      return Future.succeededFuture();
    }
    JsonObject json = new JsonObject();
    next.forEach((hash, at) -> json.put(hash, at.toEpochMilli()));
    found.clear();
    found.putAll(next);
    return state.put(KEY, json.encode()).compose(v -> removeStateOf(state, gone));
  }

  /** Forgets every subfolder (the flow watches its chosen folder only, or starts afresh elsewhere). */
  Future<Void> clear(TriggerState state) {
    if (found.isEmpty()) {
      return Future.succeededFuture();
    }
    List<String> gone = new ArrayList<>(found.keySet());
    found.clear();
    return state.remove(KEY).compose(v -> removeStateOf(state, gone));
  }

  /** What a subfolder's own state keys end with. */
  static String stateSuffix(String folderId) {
    return "@" + hash(folderId);
  }

  private static Future<Void> removeStateOf(TriggerState state, List<String> hashes) {
    return Future.all(hashes.stream().map(hash -> state.remove(Subscriber.COVERED + "@" + hash)).toList()).mapEmpty();
  }

  /** Of the stored value, what can be read, up to the bound: a damaged value only makes folders look new. */
  private static Map<String, Instant> parse(String stored) {
    Map<String, Instant> found = new LinkedHashMap<>();
    try {
      JsonObject json = new JsonObject(stored);
      for (String hash : json.fieldNames()) {
        if (found.size() < FlowFolders.MAX_FOLDERS && json.getValue(hash) instanceof Number millis) {
          found.put(hash, Instant.ofEpochMilli(millis.longValue()));
        }
      }
    } catch (DecodeException e) {
      found.clear();
    }
    return found;
  }

  private static String hash(String folderId) {
    return Sha256.hex(folderId, 16);
  }
}
