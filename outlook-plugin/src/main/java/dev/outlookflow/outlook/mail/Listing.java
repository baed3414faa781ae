package dev.outlookflow.outlook.mail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outlookflow.outlook.graph.GraphJson;
import dev.outlookflow.outlook.services.OutlookServices;
import dev.outlookflow.plugin.api.action.ActionContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Reads a Graph collection page by page, following {@code @odata.nextLink}, up to a bound. */
public final class Listing {
  private Listing() {}

  /**
   * What a list step found: Graph's items as Graph wrote them (with a {@code $select}, only the chosen
   * properties), and whether Graph had more than the bound let through.
   */
  public record Found(List<JsonNode> items, boolean more) {}

  /**
   * A list step: its mailbox fenced, its OData options checked, pages followed up to {@code maxItems},
   * Graph's refusals explained. {@code path} completes the query (more options) and answers the
   * collection's path with it.
   */
  public static Future<Found> step(ActionContext context, OutlookServices services, ListingProperties properties,
      Set<String> known, Function<QueryOptions, String> path) {
    return MailGraph.open(context.connection(), services).compose(graph -> {
      Mailbox mailbox = graph.fence().resolve(properties.mailbox(), "mailbox");
      QueryOptions query = QueryOptions.of(properties, known);
      return collect(graph, mailbox, path.apply(query), properties.maxItems())
          // Up to 10,000 items, bodies included: converting them is no work for the event loop.
          .compose(found -> context.environment().workers().executeBlocking(() -> new Found(
              GraphJson.items(found.getJsonArray("value")), found.getBoolean("more")), false))
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
