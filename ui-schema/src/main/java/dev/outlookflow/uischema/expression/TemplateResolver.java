package dev.outlookflow.uischema.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Resolves expressions in a value against bindings such as {@code {"trigger": ..., "steps": ...}}.
 * A string that is exactly one expression takes the bound value with its JSON type; expressions
 * inside text are interpolated as strings. Objects and arrays are resolved member by member.
 */
public final class TemplateResolver {
  private final JsonNode bindings;

  public TemplateResolver(JsonNode bindings) {
    this.bindings = bindings;
  }

  public JsonNode resolve(JsonNode value) {
    if (value.isTextual()) {
      return resolveText(value.textValue());
    }
    if (value.isObject()) {
      ObjectNode resolved = JsonNodeFactory.instance.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        resolved.set(member.getKey(), resolve(member.getValue()));
      }
      return resolved;
    }
    if (value.isArray()) {
      ArrayNode resolved = JsonNodeFactory.instance.arrayNode();
      value.forEach(item -> resolved.add(resolve(item)));
      return resolved;
    }
    return value;
  }

  private JsonNode resolveText(String text) {
    if (!text.contains("{{")) {
      return TextNode.valueOf(text);
    }
    Template template = Template.parse(text);
    if (template.wholeValueExpression().isPresent()) {
      return lookup(template.wholeValueExpression().get()).deepCopy();
    }
    StringBuilder out = new StringBuilder();
    for (Template.Part part : template.parts()) {
      if (part instanceof Template.Literal literal) {
        out.append(literal.text());
      } else if (part instanceof Template.Expression expression) {
        out.append(asText(lookup(expression.path())));
      }
    }
    return TextNode.valueOf(out.toString());
  }

  private static String asText(JsonNode node) {
    if (node.isNull()) {
      return "";
    }
    return node.isValueNode() ? node.asText() : node.toString();
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
