package dev.outlookflow.sandbox.delta;

import io.vertx.core.MultiMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the first request of a delta query asked for, carried in every token after it as Graph does:
 * {@code $select}, {@code changeType}, {@code $filter=receivedDateTime ge|gt ...} and
 * {@code $orderby=receivedDateTime desc}.
 */
public record DeltaOptions(List<String> select, Set<String> changeTypes, Optional<ReceivedBound> received,
    boolean newestFirst) {
  static final Set<String> CHANGE_TYPES = Set.of("created", "updated", "deleted");
  private static final int MAX_SELECTED = 64;
  /** Tokens carry the selection, and links must stay within the 4,096 characters of a request line. */
  private static final int MAX_SELECT_LENGTH = 1_000;
  private static final Pattern PROPERTY = Pattern.compile("[A-Za-z][A-Za-z0-9_@./]{0,99}");
  private static final Pattern FILTER = Pattern.compile("\\s*receivedDateTime\\s+(ge|gt)\\s+(\\S+)\\s*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ORDER = Pattern.compile("\\s*receivedDateTime\\s+desc\\s*", Pattern.CASE_INSENSITIVE);
  private static final List<String> UNSUPPORTED = List.of("$skip", "$search", "$count", "$expand", "$top");

  /** {@code receivedDateTime ge|gt instant}: the only filter Graph takes on message delta. */
  public record ReceivedBound(boolean inclusive, Instant bound) {
    boolean admits(Instant received) {
      int order = received.compareTo(bound);
      return inclusive ? order >= 0 : order > 0;
    }
  }

  public static DeltaOptions parse(MultiMap query) {
    for (String option : UNSUPPORTED) {
      if (query.contains(option)) {
        throw DeltaRefusal.badRequest("BadRequest", "The sandbox does not take " + option + " on a delta query;"
            + " use Prefer: odata.maxpagesize for the page size.");
      }
    }
    return new DeltaOptions(select(query.get("$select")), changeTypes(query.get("changeType")),
        received(query.get("$filter")), newestFirst(query.get("$orderby")));
  }

  private static List<String> select(String text) {
    if (text == null) {
      return List.of();
    }
    if (text.length() > MAX_SELECT_LENGTH) {
      throw DeltaRefusal.badRequest("BadRequest", "$select may be at most " + MAX_SELECT_LENGTH + " characters long.");
    }
    List<String> fields = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (fields.size() > MAX_SELECTED || !fields.stream().allMatch(f -> PROPERTY.matcher(f).matches())) {
      throw DeltaRefusal.badRequest("BadRequest", "$select names at most " + MAX_SELECTED
          + " properties, each a property name.");
    }
    return fields;
  }

  private static Set<String> changeTypes(String text) {
    if (text == null) {
      return CHANGE_TYPES;
    }
    Set<String> types = new LinkedHashSet<>();
    for (String type : text.split(",")) {
      String normalised = type.trim().toLowerCase(Locale.ROOT);
      if (!CHANGE_TYPES.contains(normalised)) {
        throw DeltaRefusal.badRequest("BadRequest", "changeType must be created, updated or deleted.");
      }
      types.add(normalised);
    }
    return types;
  }

  private static Optional<ReceivedBound> received(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher matcher = FILTER.matcher(text);
    if (!matcher.matches()) {
      throw DeltaRefusal.badRequest("BadRequest", "A delta query on messages takes only $filter=receivedDateTime"
          + " ge or gt a date and time.");
    }
    try {
      return Optional.of(new ReceivedBound(matcher.group(1).equalsIgnoreCase("ge"), Instant.parse(matcher.group(2))));
    } catch (DateTimeParseException e) {
      throw DeltaRefusal.badRequest("BadRequest", "'" + matcher.group(2) + "' is not a date and time such as"
          + " 2026-01-01T00:00:00Z.");
    }
  }

  private static boolean newestFirst(String text) {
    if (text == null) {
      return false;
    }
    if (!ORDER.matcher(text).matches()) {
      throw DeltaRefusal.badRequest("BadRequest", "A delta query on messages takes only $orderby=receivedDateTime"
          + " desc.");
    }
    return true;
  }

  /** The initial query again, for {@code Location} after a 410: the same options, no token. */
  public String query() {
    List<String> parts = new ArrayList<>();
    if (!select.isEmpty()) {
      parts.add("%24select=" + encode(String.join(",", select)));
    }
    if (!changeTypes.equals(CHANGE_TYPES)) {
      parts.add("changeType=" + encode(String.join(",", changeTypes)));
    }
    received.ifPresent(r -> parts.add("%24filter=" + encode("receivedDateTime " + (r.inclusive() ? "ge " : "gt ")
        + r.bound())));
    if (newestFirst) {
      parts.add("%24orderby=" + encode("receivedDateTime desc"));
    }
    return String.join("&", parts);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
