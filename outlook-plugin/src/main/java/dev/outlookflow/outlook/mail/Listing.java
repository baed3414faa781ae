package dev.outlookflow.outlook.mail;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Reads a Graph collection page by page, following {@code @odata.nextLink}, up to a bound. */
public final class Listing {
  private Listing() {}

  /** {@code {"value": [...at most maxItems], "more": whether Graph had more}}. */
  public static Future<JsonObject> collect(MailGraph graph, Mailbox mailbox, String path, int maxItems) {
    return graph.read(mailbox, path).compose(page -> more(graph, mailbox, page, new JsonArray(), maxItems));
  }

  private static Future<JsonObject> more(MailGraph graph, Mailbox mailbox, JsonObject page, JsonArray items,
      int maxItems) {
    for (Object item : page.getJsonArray("value", new JsonArray())) {
      if (items.size() == maxItems) {
        return Future.succeededFuture(new JsonObject().put("value", items).put("more", true));
      }
      items.add(item);
    }
    String next = page.getString("@odata.nextLink");
    if (next == null) {
      return Future.succeededFuture(new JsonObject().put("value", items).put("more", false));
    }
    if (items.size() == maxItems) {
      return Future.succeededFuture(new JsonObject().put("value", items).put("more", true));
    }
    return graph.next(mailbox, next).compose(following -> more(graph, mailbox, following, items, maxItems));
  }
}
