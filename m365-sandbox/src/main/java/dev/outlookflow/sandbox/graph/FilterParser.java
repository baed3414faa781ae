package dev.outlookflow.sandbox.graph;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the {@code $filter} subset the sandbox serves: terms joined by {@code and}, each one of
 * <ul>
 *   <li>{@code contains(subject,'...')}, {@code startswith(subject,'...')}</li>
 *   <li>{@code singleValueExtendedProperties/any(ep: ep/id eq '...' and ep/value eq '...')}</li>
 *   <li>{@code property op literal} with {@code op} one of {@code eq ne ge gt le lt}, on receivedDateTime,
 *       {@code from/emailAddress/address}, isRead, hasAttachments, isDraft, importance, displayName</li>
 * </ul>
 * One pass, left to right, with one token of look-ahead; a string literal is read by a loop, {@code ''}
 * standing for a quote. Nothing recurses per character (the regular expressions this replaces overflowed the
 * stack on a literal of 2,000 characters, a 500) and the terms are tested in a loop, not a chain of
 * {@code Predicate.and}.
 */
final class FilterParser {
  /**
   * The longest filter served: Graph's own bound on a query's URL with advanced queries is 2,048 characters
   * (known issues, "query parameters"), and the sandbox applies it to the filter alone, so every filter real
   * Graph accepts is served. Longer ones are a 400, before anything is read.
   */
  static final int MAX_LENGTH = 2048;

  private static final Set<String> OPERATORS = Set.of("eq", "ne", "ge", "gt", "le", "lt");

  private enum Kind { WORD, STRING, OPEN, CLOSE, COMMA, END }

  /** A word is a run of anything but blanks, parentheses, commas and quotes; a string's text is unescaped. */
  private record Token(Kind kind, String text, int start, int end) {
    boolean is(String word) {
      return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }
  }

  private final String text;
  private int position;
  private Token lookahead;
  /** Where the term being read starts: errors quote the term, as Graph does. */
  private int termStart;

  private FilterParser(String text) {
    this.text = text;
  }

  static Predicate<JsonObject> parse(String text) {
    if (text == null || text.isBlank()) {
      return m -> true;
    }
    if (text.length() > MAX_LENGTH) {
      throw GraphError.badRequest("BadRequest", "The $filter query option is " + text.length()
          + " characters long; at most " + MAX_LENGTH + " are supported.");
    }
    List<Predicate<JsonObject>> terms = new FilterParser(text).terms();
    return m -> {
      for (Predicate<JsonObject> term : terms) {
        if (!term.test(m)) {
          return false;
        }
      }
      return true;
    };
  }

  /**
   * The property id of {@code singleValueExtendedProperties($filter=id eq '...')} in a {@code $expand}, if it
   * asks for one; read with the same scanner, since a long id overflowed the regular expression too.
   */
  static Optional<String> expandedPropertyId(String expand) {
    if (expand == null) {
      return Optional.empty();
    }
    String name = "singlevalueextendedproperties";
    int at = expand.toLowerCase(Locale.ROOT).indexOf(name);
    if (at < 0) {
      return Optional.empty();
    }
    FilterParser scanner = new FilterParser(expand);
    scanner.position = at + name.length();
    try {
      scanner.expect(Kind.OPEN);
      scanner.expectWord("$filter=id");
      scanner.expectWord("eq");
      String id = scanner.expect(Kind.STRING).text();
      scanner.expect(Kind.CLOSE);
      return Optional.of(id);
    } catch (GraphError e) {
      // As before: an expand the sandbox does not understand expands no property, it is not refused.
      return Optional.empty();
    }
  }

  private List<Predicate<JsonObject>> terms() {
    List<Predicate<JsonObject>> terms = new ArrayList<>();
    terms.add(term());
    while (peek().kind() != Kind.END) {
      termStart = peek().start();
      expectWord("and");
      terms.add(term());
    }
    return terms;
  }

  private Predicate<JsonObject> term() {
    termStart = peek().start();
    Token first = expect(Kind.WORD);
    if (peek().kind() != Kind.OPEN) {
      return comparison(first);
    }
    if (first.is("contains") || first.is("startswith")) {
      return subjectFunction(first.is("contains"));
    }
    if (first.is("singleValueExtendedProperties/any")) {
      return anyExtendedProperty();
    }
    throw invalid();
  }

  /** {@code contains(subject,'...')} or {@code startswith(subject,'...')}, ignoring case as Exchange does. */
  private Predicate<JsonObject> subjectFunction(boolean contains) {
    expect(Kind.OPEN);
    expectWord("subject");
    expect(Kind.COMMA);
    String needle = expect(Kind.STRING).text().toLowerCase(Locale.ROOT);
    expect(Kind.CLOSE);
    return m -> {
      String subject = m.getString("subject", "").toLowerCase(Locale.ROOT);
      return contains ? subject.contains(needle) : subject.startsWith(needle);
    };
  }

  /** {@code singleValueExtendedProperties/any(ep: ep/id eq '...' and ep/value eq '...')}. */
  private Predicate<JsonObject> anyExtendedProperty() {
    expect(Kind.OPEN);
    String variable = lambdaVariable();
    expectWord(variable + "/id");
    expectWord("eq");
    String id = expect(Kind.STRING).text();
    expectWord("and");
    expectWord(variable + "/value");
    expectWord("eq");
    String value = expect(Kind.STRING).text();
    expect(Kind.CLOSE);
    return m -> m.getJsonArray("singleValueExtendedProperties", new JsonArray()).stream()
        .map(JsonObject.class::cast)
        .anyMatch(p -> id.equalsIgnoreCase(p.getString("id")) && value.equals(p.getString("value")));
  }

  /** {@code property op literal}; property names and operators are case-sensitive, as in OData. */
  private Predicate<JsonObject> comparison(Token first) {
    String property = first.text();
    String operator = expect(Kind.WORD).text();
    Token literal = next();
    if (!OPERATORS.contains(operator) || (literal.kind() != Kind.WORD && literal.kind() != Kind.STRING)) {
      throw invalid();
    }
    return switch (property) {
      case "receivedDateTime" -> {
        // Against the stored time, to the sub-second as Exchange compares it, not the whole second answered.
        Instant bound = instant(literal);
        yield m -> compare(Instant.parse(m.getString("receivedDateTime")).compareTo(bound), operator);
      }
      case "from/emailAddress/address" -> {
        String address = quoted(literal).toLowerCase(Locale.ROOT);
        yield m -> compare(from(m).compareTo(address), operator);
      }
      case "isRead", "hasAttachments", "isDraft" -> {
        if (literal.kind() != Kind.WORD || !(literal.is("true") || literal.is("false"))) {
          throw invalid();
        }
        boolean value = literal.is("true");
        yield m -> compare(Boolean.compare(m.getBoolean(property, false), value), operator);
      }
      case "displayName" -> {
        String value = quoted(literal).toLowerCase(Locale.ROOT);
        yield m -> compare(m.getString("displayName", "").toLowerCase(Locale.ROOT).compareTo(value), operator);
      }
      case "importance" -> {
        String value = quoted(literal).toLowerCase(Locale.ROOT);
        yield m -> compare(m.getString("importance", "normal").compareTo(value), operator);
      }
      default -> throw invalid();
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

  private Instant instant(Token literal) {
    if (literal.kind() != Kind.WORD) {
      throw invalid();
    }
    try {
      return Instant.parse(literal.text());
    } catch (DateTimeParseException e) {
      throw invalid();
    }
  }

  private String quoted(Token literal) {
    if (literal.kind() != Kind.STRING) {
      throw invalid();
    }
    return literal.text();
  }

  /** The {@code ep} of {@code any(ep: ...)}: letters, digits and underscores, then a colon. */
  private String lambdaVariable() {
    skipBlanks();
    int start = position;
    while (position < text.length()
        && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
      position++;
    }
    String variable = text.substring(start, position);
    skipBlanks();
    if (variable.isEmpty() || position >= text.length() || text.charAt(position) != ':') {
      throw invalid();
    }
    position++;
    return variable;
  }

  private void expectWord(String word) {
    if (!next().is(word)) {
      throw invalid();
    }
  }

  private Token expect(Kind kind) {
    Token token = next();
    if (token.kind() != kind) {
      throw invalid();
    }
    return token;
  }

  private Token peek() {
    if (lookahead == null) {
      lookahead = scan();
    }
    return lookahead;
  }

  private Token next() {
    Token token = peek();
    lookahead = null;
    return token;
  }

  private Token scan() {
    skipBlanks();
    int start = position;
    if (position == text.length()) {
      return new Token(Kind.END, "", start, start);
    }
    char c = text.charAt(position);
    Kind single = switch (c) {
      case '(' -> Kind.OPEN;
      case ')' -> Kind.CLOSE;
      case ',' -> Kind.COMMA;
      default -> null;
    };
    if (single != null) {
      position++;
      return new Token(single, String.valueOf(c), start, position);
    }
    if (c == '\'') {
      return string(start);
    }
    while (position < text.length() && !ends(text.charAt(position))) {
      position++;
    }
    return new Token(Kind.WORD, text.substring(start, position), start, position);
  }

  /** A string literal from its opening quote: a loop, {@code ''} standing for one quote. */
  private Token string(int start) {
    StringBuilder value = new StringBuilder();
    position = start + 1;
    while (true) {
      if (position >= text.length()) {
        throw invalid();
      }
      char c = text.charAt(position++);
      if (c != '\'') {
        value.append(c);
      } else if (position < text.length() && text.charAt(position) == '\'') {
        value.append('\'');
        position++;
      } else {
        return new Token(Kind.STRING, value.toString(), start, position);
      }
    }
  }

  private static boolean ends(char c) {
    return Character.isWhitespace(c) || c == '(' || c == ')' || c == ',' || c == '\'';
  }

  private void skipBlanks() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  /** Graph's 400 for a filter it cannot read, quoting the term as far as it was read. */
  private GraphError invalid() {
    int end = Math.max(termStart, Math.min(position, text.length()));
    return GraphError.badRequest("BadRequest", "Invalid filter clause: " + text.substring(termStart, end).trim());
  }
}
