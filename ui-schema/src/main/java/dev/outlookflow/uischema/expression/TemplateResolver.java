package dev.outlookflow.uischema.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Resolves expressions in a value against bindings such as {@code {"trigger": ..., "steps": ...}}.
 * A string that is exactly one expression takes the bound value with its JSON type; expressions
 * inside text are interpolated as strings. Objects and arrays are resolved member by member.
 *
 * <p>What a value grows to is counted while it is resolved, against a budget shared by the values of
 * one input and a field's own text limit: a bound value is counted each time it is used (a value
 * repeated in text or in a list multiplies), and the value past a limit is refused before it is built.
 */
public final class TemplateResolver {
  /** Configured once, then only used: Jackson's mappers are safe to share. */
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode bindings;
  private final Map<JsonNode, Long> boundSizes = new IdentityHashMap<>();

  public TemplateResolver(JsonNode bindings) {
    this.bindings = bindings;
  }

  /**
   * Resolves the value of {@code field}. {@code maxTextLength} bounds the text when the value is a
   * string ({@link Long#MAX_VALUE}: only the budget); {@code budget} bounds everything it resolves.
   */
  public JsonNode resolve(String field, JsonNode value, long maxTextLength, SizeBudget budget) {
    if (value.isTextual()) {
      return resolveText(field, value.textValue(), budget, SizeBudget.ofField(maxTextLength));
    }
    return resolveNested(field, value, budget);
  }

  private JsonNode resolveNested(String where, JsonNode value, SizeBudget budget) {
    if (value.isTextual()) {
      return resolveText(where, value.textValue(), budget, null);
    }
    if (value.isObject()) {
      budget.charge(where, 2);
      ObjectNode resolved = JsonNodeFactory.instance.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        budget.charge(where, member.getKey().length() + 4L);
        resolved.set(member.getKey(), resolveNested(where + "." + member.getKey(), member.getValue(), budget));
      }
      return resolved;
    }
    if (value.isArray()) {
      budget.charge(where, 2);
      ArrayNode resolved = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < value.size(); i++) {
        budget.charge(where, 1);
        resolved.add(resolveNested(where + "[" + i + "]", value.get(i), budget));
      }
      return resolved;
    }
    budget.charge(where, JsonSize.of(value));
    return value;
  }

  /** {@code textLimit}: the field's own limit, for its top-level text; null inside objects and lists. */
  private JsonNode resolveText(String where, String text, SizeBudget budget, SizeBudget textLimit) {
    budget.charge(where, 2);
    if (!text.contains("{{")) {
      chargeText(where, text, budget, textLimit);
      return TextNode.valueOf(text);
    }
    Template template = Template.parse(text);
    if (template.wholeValueExpression().isPresent()) {
      JsonNode bound = lookup(template.wholeValueExpression().get());
      if (bound.isTextual()) {
        chargeText(where, bound.textValue(), budget, textLimit);
      } else {
        charge(where, sizeOf(bound), budget, textLimit);
      }
      return bound.deepCopy();
    }
    StringBuilder out = new StringBuilder();
    for (Template.Part part : template.parts()) {
      if (part instanceof Template.Literal literal) {
        chargeText(where, literal.text(), budget, textLimit);
        out.append(literal.text());
      } else if (part instanceof Template.Expression expression) {
        out.append(interpolated(where, lookup(expression.path()), budget, textLimit));
      }
    }
    return TextNode.valueOf(out.toString());
  }

  /** A bound value as text, counted before it is built. */
  private String interpolated(String where, JsonNode node, SizeBudget budget, SizeBudget textLimit) {
    if (node.isNull()) {
      return "";
    }
    if (node.isTextual()) {
      chargeText(where, node.textValue(), budget, textLimit);
      return node.textValue();
    }
    if (node.isValueNode()) {
      String text = node.asText();
      charge(where, text.length(), budget, textLimit);
      return text;
    }
    return encoded(where, node, budget, textLimit);
  }

  /**
   * An object or list as JSON text, written into a buffer that refuses to grow past what is left of
   * the limits: escapes can make the text several times its estimate.
   */
  private static String encoded(String where, JsonNode node, SizeBudget budget, SizeBudget textLimit) {
    long room = Math.min(budget.remaining(), textLimit == null ? Long.MAX_VALUE : textLimit.remaining());
    BoundedWriter out = new BoundedWriter(room);
    try {
      JSON.writeValue(out, node);
    } catch (BoundedWriter.Full full) {
      charge(where, room + 1, budget, textLimit);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text = out.toString();
    charge(where, text.length(), budget, textLimit);
    return text;
  }

  /** Text counts against the field's limit in code points, as JSON Schema's maxLength does. */
  private static void chargeText(String where, String text, SizeBudget budget, SizeBudget textLimit) {
    if (textLimit != null) {
      textLimit.charge(where, text.codePointCount(0, text.length()));
    }
    budget.charge(where, text.length());
  }

  private static void charge(String where, long characters, SizeBudget budget, SizeBudget textLimit) {
    if (textLimit != null) {
      textLimit.charge(where, characters);
    }
    budget.charge(where, characters);
  }

  /** A bound value may be used many times: its size is worked out once. */
  private long sizeOf(JsonNode bound) {
    return boundSizes.computeIfAbsent(bound, JsonSize::of);
  }

  /** Walks the path; a missing key or index is an error naming how far it got. */
  public JsonNode lookup(Path path) {
    JsonNode current = bindings;
    int depth = 0;
    for (PathSegment segment : path.segments()) {
      JsonNode next = step(current, segment);
      if (next == null || next.isMissingNode()) {
        throw new UnresolvedExpressionException(path, describeMiss(path, depth, current));
      }
      current = next;
      depth++;
    }
    return current;
  }

  private static JsonNode step(JsonNode current, PathSegment segment) {
    if (segment instanceof PathSegment.Key key) {
      return current.isObject() ? current.get(key.name()) : null;
    }
    PathSegment.Index index = (PathSegment.Index) segment;
    return current.isArray() ? current.get(index.position()) : null;
  }

  private static String describeMiss(Path path, int depth, JsonNode reached) {
    String where = depth == 0 ? "the bindings" : "'" + path.prefix(depth) + "'";
    String what = path.segments().get(depth).toString();
    return "{{" + path + "}} resolves to nothing: " + where + " (" + kind(reached) + ") has no "
        + what;
  }

  private static String kind(JsonNode node) {
    if (node.isObject()) {
      return "object";
    }
    if (node.isArray()) {
      return "array of " + node.size();
    }
    return node.getNodeType().name().toLowerCase();
  }
}
