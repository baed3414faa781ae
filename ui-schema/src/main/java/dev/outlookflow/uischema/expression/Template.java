package dev.outlookflow.uischema.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A string value parsed into literal text and {@code {{path}}} expressions. {@code \{{} is a literal
 * {@code {{}.
 */
public record Template(List<Part> parts) {

  public sealed interface Part permits Literal, Expression {}

  public record Literal(String text) implements Part {}

  public record Expression(Path path) implements Part {}

  public Template {
    parts = List.copyOf(parts);
  }

  /** Whether the text contains an expression, without parsing it: {@code {{} not escaped. */
  public static boolean mayContainExpression(String text) {
    int at = text.indexOf("{{");
    while (at >= 0) {
      if (at == 0 || text.charAt(at - 1) != '\\') {
        return true;
      }
      at = text.indexOf("{{", at + 2);
    }
    return false;
  }

  public static Template parse(String text) {
    return new TemplateParser(text).parse();
  }

  /** The path, when the whole value is exactly one expression and so keeps its JSON type. */
  public Optional<Path> wholeValueExpression() {
    if (parts.size() == 1 && parts.get(0) instanceof Expression expression) {
      return Optional.of(expression.path());
    }
    return Optional.empty();
  }

  public List<Path> paths() {
    List<Path> paths = new ArrayList<>();
    for (Part part : parts) {
      if (part instanceof Expression expression) {
        paths.add(expression.path());
      }
    }
    return paths;
  }
}
