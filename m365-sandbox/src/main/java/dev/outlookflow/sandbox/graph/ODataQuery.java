package dev.outlookflow.sandbox.graph;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The OData options the sandbox serves on lists: {@code $top}, {@code $skip}, {@code $select},
 * {@code $orderby=receivedDateTime [asc|desc]}, a {@code $filter} subset (comparisons on receivedDateTime,
 * sender address, isRead, hasAttachments, importance; contains/startswith on subject; a single-value extended
 * property; joined by {@code and}: {@link FilterParser}) and {@code $expand} of attachments or of one
 * single-value extended property, by id.
 */
public record ODataQuery(int top, int skip, List<String> select, boolean oldestFirst, Predicate<JsonObject> filter,
    Optional<String> expandedPropertyId, boolean expandAttachments) {
  static final int MAX_TOP = 1000;

  public static ODataQuery parse(MultiMap query, int defaultTop) {
    int top = number(query.get("$top"), defaultTop, "$top");
    if (top < 1 || top > MAX_TOP) {
      throw GraphError.badRequest("ErrorInvalidParameter", "The value of $top must be between 1 and " + MAX_TOP + ".");
    }
    int skip = number(query.get("$skip"), 0, "$skip");
    List<String> select = query.get("$select") == null ? List.of()
        : Arrays.stream(query.get("$select").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    String orderBy = query.get("$orderby");
    boolean oldestFirst = false;
    if (orderBy != null) {
      String normalised = orderBy.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      if (!normalised.startsWith("receiveddatetime")) {
        throw GraphError.badRequest("ErrorInvalidProperty", "The sandbox orders messages by receivedDateTime only.");
      }
      oldestFirst = !normalised.endsWith("desc");
    }
    String expand = query.get("$expand");
    return new ODataQuery(top, skip, select, oldestFirst, filter(query.get("$filter")),
        FilterParser.expandedPropertyId(expand),
        expand != null && expand.toLowerCase(Locale.ROOT).contains("attachments"));
  }

  private static int number(String text, int fallback, String name) {
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw GraphError.badRequest("BadRequest", "Invalid value '" + text + "' for " + name + ".");
    }
  }

  /** The filter's test of a message; see {@link FilterParser} for what it reads. */
  static Predicate<JsonObject> filter(String text) {
    return FilterParser.parse(text);
  }

  /** The fields to answer: all but the heavy ones Graph leaves out unless selected. */
  public JsonObject shape(JsonObject message) {
    JsonObject shaped;
    if (select.isEmpty()) {
      shaped = message.copy();
      shaped.remove("internetMessageHeaders");
    } else {
      shaped = new JsonObject();
      if (message.containsKey("@odata.etag")) {
        shaped.put("@odata.etag", message.getValue("@odata.etag"));
      }
      shaped.put("id", message.getValue("id"));
      for (String field : select) {
        if (message.containsKey(field)) {
          shaped.put(field, message.getValue(field));
        }
      }
    }
    shaped.remove("attachments");
    shaped.remove("singleValueExtendedProperties");
    expandedPropertyId.ifPresent(id -> {
      JsonArray matching = new JsonArray();
      message.getJsonArray("singleValueExtendedProperties", new JsonArray()).stream()
          .map(JsonObject.class::cast).filter(p -> id.equalsIgnoreCase(p.getString("id"))).forEach(matching::add);
      shaped.put("singleValueExtendedProperties", matching);
    });
    if (expandAttachments) {
      shaped.put("attachments", message.getJsonArray("attachments"));
    }
    return shaped;
  }

}
