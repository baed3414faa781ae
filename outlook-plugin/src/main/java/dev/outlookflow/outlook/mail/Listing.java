package dev.outlookflow.outlook.mail;

import dev.outlookflow.plugin.api.action.ActionContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.function.Function;

/** Reads a Graph collection page by page, following {@code @odata.nextLink}, up to a bound. */
public final class Listing {
  private Listing() {}

  /**
   * A list step: its mailbox fenced, its OData options checked, pages followed up to {@code maxItems},
   * Graph's refusals explained. {@code path} completes the query (more options) and answers the
   * collection's path with it; the output is {@code {itemsName: [...], "count", "more"}}.
   */
  public static Future<JsonObject> step(ActionContext context, JsonObject properties, Set<String> known,
      String itemsName, Function<QueryOptions, String> path) {
    return MailGraph.open(context.connection()).compose(graph -> {
      Mailbox mailbox = graph.fence().resolve(properties.getString("mailbox"), "mailbox");
      QueryOptions query = QueryOptions.of(properties, known);
      return collect(graph, mailbox, path.apply(query), properties.getInteger("maxItems"))
          .map(found -> new JsonObject().put(itemsName, found.getJsonArray("value"))
              .put("count", found.getJsonArray("value").size()).put("more", found.getBoolean("more")))
          .recover(failure -> Future.failedFuture(MailFailures.explain(query.explain(failure), mailbox, graph)));
    });
  }

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
    return graph.follow(mailbox, "@odata.nextLink", next)
        .compose(following -> more(graph, mailbox, following, items, maxItems));
  }
}
