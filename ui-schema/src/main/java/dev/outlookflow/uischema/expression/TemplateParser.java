package dev.outlookflow.uischema.expression;

import java.util.ArrayList;
import java.util.List;

/** Parses the expression syntax; one instance per text. */
final class TemplateParser {
  private final String text;
  private final List<Template.Part> parts = new ArrayList<>();
  private final StringBuilder literal = new StringBuilder();
  private int at;

  TemplateParser(String text) {
    this.text = text;
  }

  Template parse() {
    while (at < text.length()) {
      if (text.startsWith("\\{{", at)) {
        literal.append("{{");
        at += 3;
      } else if (text.startsWith("{{", at)) {
        flushLiteral();
        parts.add(new Template.Expression(expression()));
      } else {
        literal.append(text.charAt(at++));
      }
    }
    flushLiteral();
    return new Template(parts);
  }

  private void flushLiteral() {
    if (literal.length() > 0) {
      parts.add(new Template.Literal(literal.toString()));
      literal.setLength(0);
    }
  }

  private Path expression() {
    int start = at;
    at += 2;
    int end = text.indexOf("}}", at);
    if (end < 0) {
      throw new ExpressionSyntaxException(
          "expression opened at position " + start + " is not closed with }}");
    }
    String body = text.substring(at, end).trim();
    at = end + 2;
    if (body.isEmpty()) {
      throw new ExpressionSyntaxException("empty expression {{}} at position " + start);
    }
    return new PathParser(body, start).parse();
  }

  /** Parses {@code root.key[0]['odd key']} inside one expression. */
  private static final class PathParser {
    private final String body;
    private final int offset;
    private final List<PathSegment> segments = new ArrayList<>();
    private int at;

    PathParser(String body, int offset) {
      this.body = body;
      this.offset = offset;
    }

    Path parse() {
      segments.add(new PathSegment.Key(identifier()));
      while (at < body.length()) {
        char c = body.charAt(at);
        if (c == '.') {
          at++;
          segments.add(new PathSegment.Key(identifier()));
        } else if (c == '[') {
          segments.add(bracket());
        } else {
          throw error("unexpected '" + c + "'");
        }
      }
      return new Path(segments);
    }

    private String identifier() {
      int start = at;
      while (at < body.length() && isIdentifierChar(body.charAt(at), at == start)) {
        at++;
      }
      if (start == at) {
        throw error("a name is expected");
      }
      return body.substring(start, at);
    }

    private static boolean isIdentifierChar(char c, boolean first) {
      return Character.isLetter(c) || c == '_' || c == '$' || (!first && (Character.isDigit(c) || c == '-'));
    }

    private PathSegment bracket() {
      at++;
      int close = body.indexOf(']', at);
      if (close < 0) {
        throw error("'[' is not closed with ']'");
      }
      String inside = body.substring(at, close).trim();
      at = close + 1;
      if (inside.matches("\\d+")) {
        return new PathSegment.Index(Integer.parseInt(inside));
      }
      if (inside.length() >= 2
          && (inside.startsWith("'") && inside.endsWith("'")
              || inside.startsWith("\"") && inside.endsWith("\""))) {
        return new PathSegment.Key(inside.substring(1, inside.length() - 1));
      }
      throw error("inside [ ] put an index like [0] or a quoted key like ['name']");
    }

    private ExpressionSyntaxException error(String problem) {
      return new ExpressionSyntaxException(
          "bad expression {{" + body + "}} at position " + offset + ": " + problem);
    }
  }
}
