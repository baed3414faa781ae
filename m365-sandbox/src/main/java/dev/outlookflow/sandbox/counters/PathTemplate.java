package dev.outlookflow.sandbox.counters;

import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A request's path as a template ({@code /v1.0/users/{user}/mailFolders/{folder}/messages/delta}), read from
 * the path alone: faults and throttling answer before any route matched, so the route cannot name it.
 */
public final class PathTemplate {
  /** The segment after one of these names an item of the collection, unless it is an operation. */
  private static final Map<String, String> COLLECTIONS = Map.of(
      "users", "{user}",
      "mailFolders", "{folder}",
      "childFolders", "{folder}",
      "messages", "{message}",
      "attachments", "{attachment}",
      "_upload", "{session}");
  /**
   * Functions Graph serves on a collection itself, so they stand where an id would. Actions on an item
   * ({@code move}, {@code send}, {@code permanentDelete}) follow its id and stay literal anyway.
   */
  private static final Set<String> OPERATIONS = Set.of("delta", "createUploadSession");
  /** Paths under these first segments are Graph's or the upload URL's; any other first segment is a tenant. */
  private static final Set<String> SERVICE_ROOTS = Set.of("v1.0", "_upload");

  private PathTemplate() {}

  public static String of(String path) {
    String[] segments = path.split("/", -1);
    StringJoiner template = new StringJoiner("/");
    String placeholder = null;
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (i == 1 && !segment.isEmpty() && !SERVICE_ROOTS.contains(segment)) {
        template.add("{tenant}");
      } else if (placeholder != null && !operation(segment)) {
        template.add(placeholder);
        placeholder = null;
      } else {
        template.add(segment);
        placeholder = COLLECTIONS.get(segment);
      }
    }
    return template.toString();
  }

  /**
   * An operation's name, as clients spell it: {@code delta}, {@code delta()} (the Graph SDK's),
   * {@code microsoft.graph.delta()}, or a system query segment such as {@code $count}.
   */
  private static boolean operation(String segment) {
    if (segment.startsWith("$")) {
      return true;
    }
    String name = segment.startsWith("microsoft.graph.") ? segment.substring("microsoft.graph.".length()) : segment;
    int call = name.indexOf('(');
    return OPERATIONS.contains(call < 0 ? name : name.substring(0, call));
  }
}
