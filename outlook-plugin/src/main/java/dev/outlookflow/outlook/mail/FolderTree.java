package dev.outlookflow.outlook.mail;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A mailbox's folders below one folder (or below the top), breadth first, within bounds: one request per folder
 * that has subfolders (more only past 100 children), since Graph has no request for a whole subtree.
 */
public final class FolderTree {
  /** Graph's childFolders page; at most 100 come per request anyway. */
  private static final String SELECT = "?$top=100&$select=id,displayName,childFolderCount";

  /** How the pages of a folder list are read: the first by its path, the next ones by their link. */
  public interface Pages {
    Future<JsonObject> first(String path);

    Future<JsonObject> next(String nextLink);
  }

  /** A folder found: its id, its own name, its path from where the scan began (e.g. Inbox / Projects). */
  public record Node(String id, String name, String path, int depth) {}

  /** The folders found, in breadth-first order, and why the scan stopped short (null when it did not). */
  public record Scan(List<Node> folders, String cut) {}

  private record Pending(String id, String path, int depth) {}

  private FolderTree() {}

  /** The pages of {@code mailbox}'s folder lists through {@code graph}. */
  public static Pages pages(MailGraph graph, Mailbox mailbox) {
    return new Pages() {
      @Override
      public Future<JsonObject> first(String path) {
        return graph.read(mailbox, path);
      }

      @Override
      public Future<JsonObject> next(String nextLink) {
        return graph.follow(mailbox, "@odata.nextLink", nextLink);
      }
    };
  }

  /**
   * The folders below {@code folderId} (null: the mailbox's top), at most {@code maxFolders} of them and
   * {@code maxDepth} levels down; a child's path is {@code prefix / name} ({@code prefix} null: its name alone).
   */
  public static Future<Scan> below(Pages pages, String folderId, String prefix, int maxFolders, int maxDepth) {
    List<Node> found = new ArrayList<>();
    Deque<Pending> pending = new ArrayDeque<>();
    pending.add(new Pending(folderId, prefix, 0));
    return next(pages, pending, found, maxFolders, maxDepth, null).map(cut -> new Scan(List.copyOf(found), cut));
  }

  private static Future<String> next(Pages pages, Deque<Pending> pending, List<Node> found, int maxFolders,
      int maxDepth, String cut) {
    Pending parent = pending.poll();
    if (parent == null || found.size() >= maxFolders) {
      return Future.succeededFuture(parent == null ? cut : tooMany(maxFolders));
    }
    String path = parent.id() == null ? "/mailFolders" + SELECT
        : "/mailFolders/" + Paths.encode(parent.id()) + "/childFolders" + SELECT;
    return children(pages, pages.first(path), parent, pending, found, maxFolders, maxDepth)
        .compose(cutHere -> next(pages, pending, found, maxFolders, maxDepth, cut != null ? cut : cutHere));
  }

  /** Adds a page's folders, then the next page's; answers a sentence when a bound left some out. */
  private static Future<String> children(Pages pages, Future<JsonObject> page, Pending parent, Deque<Pending> pending,
      List<Node> found, int maxFolders, int maxDepth) {
    return page.compose(answer -> {
      String cut = null;
      for (Object item : answer.getJsonArray("value", new JsonArray())) {
        if (!(item instanceof JsonObject folder) || folder.getString("id") == null) {
          continue;
        }
        if (found.size() >= maxFolders) {
          return Future.succeededFuture(tooMany(maxFolders));
        }
        String name = folder.getString("displayName", folder.getString("id"));
        String path = parent.path() == null ? name : parent.path() + " / " + name;
        int depth = parent.depth() + 1;
        found.add(new Node(folder.getString("id"), name, path, depth));
        if (folder.getInteger("childFolderCount", 0) > 0) {
          if (depth < maxDepth) {
            pending.add(new Pending(folder.getString("id"), path, depth));
          } else if (cut == null) {
            cut = "folders more than " + maxDepth + " levels down (below " + path + ") are left out";
          }
        }
      }
      String nextLink = answer.getString("@odata.nextLink");
      if (nextLink == null) {
        return Future.succeededFuture(cut);
      }
      String cutSoFar = cut;
      return children(pages, pages.next(nextLink), parent, pending, found, maxFolders, maxDepth)
          .map(later -> cutSoFar != null ? cutSoFar : later);
    });
  }

  private static String tooMany(int maxFolders) {
    return "over " + maxFolders + " folders: only the first " + maxFolders + " are taken";
  }
}
