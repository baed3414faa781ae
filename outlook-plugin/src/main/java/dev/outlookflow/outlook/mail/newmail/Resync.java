package dev.outlookflow.outlook.mail.newmail;

import dev.outlookflow.outlook.graph.GraphException;
import dev.outlookflow.plugin.api.ExtensionException;
import java.util.Set;

/**
 * When a delta cursor is dead and the watcher must sync again (graph-facts section 1): a 410 Gone (whose
 * {@code Location} is the initial query: never followed, since it would sync the whole folder), or a 4xx whose
 * code or inner code says the sync state is gone; or a cursor that leads away from the connection's Graph.
 */
final class Resync {
  private static final Set<String> CODES = Set.of("syncStateNotFound", "resyncRequired", "resyncApplyDifferences",
      "resyncUploadDifferences");

  private Resync() {}

  static boolean needed(Throwable failure) {
    if (failure instanceof ExtensionException refused && "link_not_followed".equals(refused.code())) {
      // A stored cursor at another origin (the connection's Graph address changed) can never be followed.
      return true;
    }
    if (!(failure instanceof GraphException graph)) {
      return false;
    }
    if (graph.status() == 410) {
      return true;
    }
    return graph.status() >= 400 && graph.status() < 500
        && (CODES.contains(graph.graphCode()) || graph.innerCodes().stream().anyMatch(CODES::contains));
  }
}
