package dev.outlookflow.uischema.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.uischema.expression.PathSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a path into a producer's output against its {@link OutputSchema}: a key the schema does not
 * have is named with those it has; a path into a free-form part (a map, arbitrary JSON) is allowed,
 * since only the run knows what it holds.
 */
public final class OutputPaths {
  private OutputPaths() {}

  /**
   * @param producer how the path's producer is written, e.g. {@code steps.send} or {@code trigger}
   * @param rest the segments after the producer, e.g. {@code messageId}
   */
  public static Optional<String> problemWith(ObjectNode schema, String producer, List<PathSegment> rest) {
    JsonNode node = schema;
    String at = producer;
    for (PathSegment segment : rest) {
      node = resolved(schema, node);
      if (isFreeForm(node)) {
        return Optional.empty();
      }
      if (segment instanceof PathSegment.Key key) {
        JsonNode properties = node.path("properties");
        if (properties.has(key.name())) {
          node = properties.get(key.name());
        } else if (node.path("additionalProperties").isObject()) {
          node = node.get("additionalProperties");
        } else if (!allowsType(node, "object")) {
          return Optional.of(at + " is " + typeName(node) + ", so it has no '" + key.name() + "'");
        } else if (node.path("additionalProperties").isMissingNode() || node.get("additionalProperties").asBoolean()) {
          return Optional.empty();
        } else {
          return Optional.of(at + " has no output '" + key.name() + "'; it has: " + names(properties));
        }
        at = at + "." + key.name();
      } else if (segment instanceof PathSegment.Index index) {
        if (!allowsType(node, "array")) {
          return Optional.of(at + " is " + typeName(node) + ", not a list, so " + index + " names nothing");
        }
        node = node.has("items") ? node.get("items") : schema.objectNode();
        at = at + index;
      }
    }
    return Optional.empty();
  }

  /** A {@code $ref} followed, and a nullable choice ({@code anyOf} null or X) taken as X. */
  private static JsonNode resolved(ObjectNode schema, JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; hops < 32; hops++) {
      if (current.path("$ref").isTextual() && current.get("$ref").asText().startsWith("#")) {
        current = schema.at(current.get("$ref").asText().substring(1));
      } else if (current.path("anyOf").isArray() || current.path("oneOf").isArray()) {
        List<JsonNode> choices = new ArrayList<>();
        (current.has("anyOf") ? current.get("anyOf") : current.get("oneOf")).forEach(choice -> {
          if (!"null".equals(choice.path("type").asText())) {
            choices.add(choice);
          }
        });
        if (choices.size() != 1) {
          return schema.objectNode();
        }
        current = choices.get(0);
      } else {
        return current;
      }
    }
    return schema.objectNode();
  }

  private static boolean isFreeForm(JsonNode node) {
    return node.isMissingNode() || !node.has("type") && !node.has("properties") && !node.has("items");
  }

  private static boolean allowsType(JsonNode node, String type) {
    JsonNode types = node.path("type");
    if (types.isTextual()) {
      return types.asText().equals(type);
    }
    for (JsonNode each : types) {
      if (each.asText().equals(type)) {
        return true;
      }
    }
    return !node.has("type");
  }

  private static String typeName(JsonNode node) {
    List<String> types = new ArrayList<>();
    node.path("type").forEach(t -> types.add(t.asText()));
    if (node.path("type").isTextual()) {
      types.add(node.get("type").asText());
    }
    types.remove("null");
    if (types.isEmpty()) {
      return "a value";
    }
    String first = types.get(0);
    return ("aeiou".indexOf(first.charAt(0)) >= 0 ? "an " : "a ") + String.join(" or ", types);
  }

  private static String names(JsonNode properties) {
    List<String> names = new ArrayList<>();
    properties.fieldNames().forEachRemaining(names::add);
    return names.isEmpty() ? "nothing" : String.join(", ", names);
  }
}
