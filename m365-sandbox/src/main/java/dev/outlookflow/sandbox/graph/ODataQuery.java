package dev.outlookflow.sandbox.graph;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OData options the sandbox serves on lists: {@code $top}, {@code $skip}, {@code $select},
 * {@code $orderby=receivedDateTime [asc|desc]} and a {@code $filter} subset (comparisons on
 * receivedDateTime, sender address, isRead, hasAttachments, importance; contains/startswith on subject;
 * joined by {@code and}).
 */
public record ODataQuery(int top, int skip, List<String> select, boolean oldestFirst, Predicate<JsonObject> filter,
    String expand) {
  static final int MAX_TOP = 1000;
  private static final Pattern COMPARISON =
      Pattern.compile("^([A-Za-z/]+)\\s+(eq|ne|ge|gt|le|lt)\\s+(.+)$");
  private static final Pattern ANY_PROPERTY = Pattern.compile(
      "singleValueExtendedProperties/any\\((\\w+):\\s*\\1/id\\s+eq\\s+'((?:[^']|'')*)'\\s+and\\s+\\1/value\\s+eq\\s+"
          + "'((?:[^']|'')*)'\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern EXPAND_PROPERTY = Pattern.compile(
      "singleValueExtendedProperties\\(\\$filter=id\\s+eq\\s+'((?:[^']|'')*)'\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern FUNCTION =
      Pattern.compile("^(contains|startswith)\\(\\s*subject\\s*,\\s*'((?:[^']|'')*)'\\s*\\)$", Pattern.CASE_INSENSITIVE);

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
    return new ODataQuery(top, skip, select, oldestFirst, filter(query.get("$filter")), query.get("$expand"));
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

  static Predicate<JsonObject> filter(String text) {
    if (text == null || text.isBlank()) {
      return m -> true;
    }
    Predicate<JsonObject> all = m -> true;
    Matcher any = ANY_PROPERTY.matcher(text);
    StringBuilder rest = new StringBuilder();
    while (any.find()) {
      String id = any.group(2).replace("''", "'");
      String value = any.group(3).replace("''", "'");
      all = all.and(m -> m.getJsonArray("singleValueExtendedProperties", new io.vertx.core.json.JsonArray()).stream()
          .map(JsonObject.class::cast)
          .anyMatch(p -> id.equalsIgnoreCase(p.getString("id")) && value.equals(p.getString("value"))));
      any.appendReplacement(rest, "");
    }
    any.appendTail(rest);
    String remaining = rest.toString().trim().replaceAll("(?i)^and\\s+|\\s+and$", "").trim();
    if (remaining.isEmpty()) {
      return all;
    }
    for (String clause : remaining.split("(?i)\\s+and\\s+")) {
      all = all.and(clause(clause.trim()));
    }
    return all;
  }

  private static Predicate<JsonObject> clause(String clause) {
    Matcher function = FUNCTION.matcher(clause);
    if (function.matches()) {
      String needle = function.group(2).replace("''", "'").toLowerCase(Locale.ROOT);
      boolean contains = function.group(1).equalsIgnoreCase("contains");
      return m -> {
        String subject = m.getString("subject", "").toLowerCase(Locale.ROOT);
        return contains ? subject.contains(needle) : subject.startsWith(needle);
      };
    }
    Matcher comparison = COMPARISON.matcher(clause);
    if (!comparison.matches()) {
      throw invalidFilter(clause);
    }
    String property = comparison.group(1);
    String operator = comparison.group(2);
    String literal = comparison.group(3).trim();
    return switch (property) {
      case "receivedDateTime" -> {
        Instant bound = instant(literal, clause);
        yield m -> compare(Instant.parse(m.getString("receivedDateTime")).compareTo(bound), operator);
      }
      case "from/emailAddress/address" -> {
        String address = quoted(literal, clause).toLowerCase(Locale.ROOT);
        yield m -> compare(from(m).compareTo(address), operator);
      }
      case "isRead", "hasAttachments", "isDraft" -> {
        if (!literal.equalsIgnoreCase("true") && !literal.equalsIgnoreCase("false")) {
          throw invalidFilter(clause);
        }
        boolean value = Boolean.parseBoolean(literal);
        yield m -> compare(Boolean.compare(m.getBoolean(property, false), value), operator);
      }
      case "displayName" -> {
        String value = quoted(literal, clause).toLowerCase(Locale.ROOT);
        yield m -> compare(m.getString("displayName", "").toLowerCase(Locale.ROOT).compareTo(value), operator);
      }
      case "importance" -> {
        String value = quoted(literal, clause).toLowerCase(Locale.ROOT);
        yield m -> compare(m.getString("importance", "normal").compareTo(value), operator);
      }
      default -> throw invalidFilter(clause);
    };
  }

  private static String from(JsonObject message) {
    JsonObject from = message.getJsonObject("from");
    return from == null ? "" : from.getJsonObject("emailAddress", new JsonObject()).getString("address", "")
        .toLowerCase(Locale.ROOT);
  }

  private static boolean compare(int order, String operator) {
    return switch (operator) {
      case "eq" -> order == 0;
      case "ne" -> order != 0;
      case "ge" -> order >= 0;
      case "gt" -> order > 0;
      case "le" -> order <= 0;
      default -> order < 0;
    };
  }

  private static Instant instant(String literal, String clause) {
    try {
      return Instant.parse(literal);
    } catch (DateTimeParseException e) {
      throw invalidFilter(clause);
    }
  }

  private static String quoted(String literal, String clause) {
    if (literal.length() < 2 || !literal.startsWith("'") || !literal.endsWith("'")) {
      throw invalidFilter(clause);
    }
    return literal.substring(1, literal.length() - 1).replace("''", "'");
  }

  private static GraphError invalidFilter(String clause) {
    return GraphError.badRequest("BadRequest", "Invalid filter clause: " + clause);
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
    if (expand != null) {
      Matcher property = EXPAND_PROPERTY.matcher(expand);
      if (property.find()) {
        String id = property.group(1).replace("''", "'");
        io.vertx.core.json.JsonArray matching = new io.vertx.core.json.JsonArray();
        message.getJsonArray("singleValueExtendedProperties", new io.vertx.core.json.JsonArray()).stream()
            .map(JsonObject.class::cast).filter(p -> id.equalsIgnoreCase(p.getString("id"))).forEach(matching::add);
        shaped.put("singleValueExtendedProperties", matching);
      }
      if (expand.toLowerCase(Locale.ROOT).contains("attachments")) {
        shaped.put("attachments", message.getJsonArray("attachments"));
      }
    }
    return shaped;
  }

}
