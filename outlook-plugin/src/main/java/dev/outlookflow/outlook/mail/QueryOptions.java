package dev.outlookflow.outlook.mail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.outlook.graph.GraphException;
import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.uischema.validation.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The OData options of a list step ({@code $top}, {@code $select}, {@code $filter}, {@code $orderby}):
 * property names checked against Graph's metadata before any call, and Graph's refusal of a filter
 * turned into a sentence quoting the options.
 */
public final class QueryOptions {
  /** Structural properties of {@code message} (with outlookItem's and entity's), from Graph's v1.0 CSDL. */
  public static final Set<String> MESSAGE = Set.of("id", "categories", "changeKey", "createdDateTime",
      "lastModifiedDateTime", "bccRecipients", "body", "bodyPreview", "ccRecipients", "conversationId",
      "conversationIndex", "flag", "from", "hasAttachments", "importance", "inferenceClassification",
      "internetMessageHeaders", "internetMessageId", "isDeliveryReceiptRequested", "isDraft", "isRead",
      "isReadReceiptRequested", "parentFolderId", "receivedDateTime", "replyTo", "sender", "sentDateTime", "subject",
      "toRecipients", "uniqueBody", "webLink");
  /** Structural properties of {@code mailFolder}, from Graph's v1.0 CSDL. */
  public static final Set<String> FOLDER = Set.of("id", "childFolderCount", "displayName", "isHidden",
      "parentFolderId", "totalItemCount", "unreadItemCount");
  private static final Pattern ORDER = Pattern.compile("^\\s*([A-Za-z/]+)(\\s+(asc|desc))?\\s*$", Pattern.CASE_INSENSITIVE);

  private final Map<String, String> options = new LinkedHashMap<>();

  private QueryOptions() {}

  /** Design-time checks of the step's option fields, as entered: a field still holding an expression is skipped. */
  public static List<FieldError> check(ObjectNode properties, Set<String> known) {
    return check(literal(properties.path("select").textValue()), literal(properties.path("orderBy").textValue()),
        known);
  }

  private static List<FieldError> check(String select, String orderBy, Set<String> known) {
    List<FieldError> errors = new ArrayList<>();
    if (select != null) {
      for (String name : select.split(",")) {
        if (!name.isBlank() && !known.contains(name.trim())) {
          errors.add(new FieldError("select", "'" + name.trim() + "' is not a property Graph can select here; "
              + "known ones: " + String.join(", ", known.stream().sorted().toList())));
        }
      }
    }
    if (orderBy != null) {
      for (String clause : orderBy.split(",")) {
        var order = ORDER.matcher(clause);
        if (!order.matches() || !known.contains(order.group(1).split("/")[0])) {
          errors.add(new FieldError("orderBy", "'" + clause.trim() + "' is not an ordering: write a property and "
              + "asc or desc, e.g. receivedDateTime desc"));
        }
      }
    }
    return errors;
  }

  private static String literal(String value) {
    return value != null && !value.isBlank() && !value.contains("{{") ? value : null;
  }

  /** Builds the query from the step's resolved properties, checked again now that they are resolved. */
  public static QueryOptions of(ListingProperties properties, Set<String> known) {
    List<FieldError> errors = check(literal(properties.select()), literal(properties.orderBy()), known);
    if (!errors.isEmpty()) {
      throw new ExtensionException("invalid_query", "'" + errors.get(0).field() + "': " + errors.get(0).message() + ".");
    }
    QueryOptions query = new QueryOptions();
    query.put("$top", properties.top());
    query.put("$select", properties.select());
    query.put("$filter", properties.filter());
    query.put("$orderby", properties.orderBy());
    return query;
  }

  public QueryOptions put(String option, Object value) {
    if (value != null && !String.valueOf(value).isBlank()) {
      options.put(option, String.valueOf(value).trim());
    }
    return this;
  }

  /** {@code ?$top=...&...}, or empty. */
  public String queryString() {
    if (options.isEmpty()) {
      return "";
    }
    StringBuilder query = new StringBuilder("?");
    options.forEach((name, value) -> query.append(query.length() > 1 ? "&" : "").append(name).append('=')
        .append(Paths.encode(value)));
    return query.toString();
  }

  /** Graph's 400 for an option, quoting the options the step sent. */
  public Throwable explain(Throwable failure) {
    if (!(failure instanceof GraphException error) || error.status() != 400) {
      return failure;
    }
    List<String> given = new ArrayList<>();
    options.forEach((name, value) -> given.add(name + "=" + value));
    String suspect = options.containsKey("$filter") && error.graphMessage().toLowerCase(Locale.ROOT).contains("filter")
        ? "the filter '" + options.get("$filter") + "'" : "the query options (" + String.join(", ", given) + ")";
    return new ExtensionException("invalid_query", "Microsoft Graph refused " + suspect + ": " + error.graphMessage()
        + " Check the option's syntax (OData, e.g. isRead eq false and importance eq 'high').",
        error.upstreamRequestId(), error);
  }
}
