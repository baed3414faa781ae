package dev.outlookflow.uischema.form;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Writes the JSON Schema (2020-12) of a form's resolved values. */
final class JsonSchemaWriter {
  static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** An address, optionally after a display name in angle brackets. */
  static final String RECIPIENT_PATTERN = "^\\s*(?:[^<>]*<\\s*[^\\s@<>]+@[^\\s@<>]+\\s*>|[^\\s@<>]+@[^\\s@<>]+)\\s*$";

  /**
   * An address ({@code someone@contoso.com}) or a domain ({@code @contoso.com}): a local part, optional, then
   * {@code @} and dot-separated labels, at least two, none empty; no spaces, brackets, quotes, commas or semicolons.
   */
  static final String ADDRESS_OR_DOMAIN_PATTERN =
      "^[^\\s@<>()\\[\\],;:\"\\\\]*@[^\\s@<>()\\[\\],;:\"\\\\.]+(?:\\.[^\\s@<>()\\[\\],;:\"\\\\.]+)+$";

  private JsonSchemaWriter() {}

  static ObjectNode write(List<FieldDefinition> fields) {
    ObjectNode schema = NODES.objectNode();
    schema.put("$schema", DIALECT);
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    ArrayNode conditionals = NODES.arrayNode();
    for (FieldDefinition field : fields) {
      properties.set(field.name(), property(field));
      if (field.required() && field.visibleWhen() == null) {
        required.add(field.name());
      } else if (field.required()) {
        conditionals.add(requiredWhenVisible(field));
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    if (!conditionals.isEmpty()) {
      schema.set("allOf", conditionals);
    }
    schema.put("additionalProperties", false);
    return schema;
  }

  private static ObjectNode property(FieldDefinition field) {
    ObjectNode property = NODES.objectNode();
    property.put("title", field.label());
    if (!field.help().isEmpty()) {
      property.put("description", field.help());
    }
    shape(field, property);
    if (field.isStringValued()) {
      stringConstraints(field, property);
    }
    if (field.minimum() != null) {
      property.put("minimum", field.minimum());
    }
    if (field.maximum() != null) {
      property.put("maximum", field.maximum());
    }
    if (field.defaultValue() != null) {
      property.set("default", field.defaultValue());
    }
    return property;
  }

  private static void shape(FieldDefinition field, ObjectNode property) {
    switch (field.type()) {
      case BOOLEAN -> property.put("type", "boolean");
      case NUMBER -> property.put("type", field.integer() ? "integer" : "number");
      case DROPDOWN -> {
        property.put("type", "string");
        ArrayNode values = property.putArray("enum");
        field.choices().forEach(choice -> values.add(choice.value()));
      }
      case SECRET -> {
        property.put("type", "string");
        property.put("writeOnly", true);
      }
      case EMAIL_LIST -> {
        property.put("type", "array");
        ObjectNode items = property.putObject("items");
        items.put("type", "string");
        items.put("format", "email");
        if (field.required()) {
          property.put("minItems", 1);
        }
      }
      case RECIPIENTS -> {
        property.put("type", "array");
        ObjectNode items = property.putObject("items");
        items.put("type", "string");
        items.put("pattern", RECIPIENT_PATTERN);
        if (field.required()) {
          property.put("minItems", 1);
        }
      }
      case ADDRESSES_OR_DOMAINS -> {
        property.put("type", "array");
        property.put("maxItems", FieldType.MAX_LIST_ITEMS);
        property.putObject("items").put("type", "string").put("maxLength", FieldType.MAX_ADDRESS_LENGTH)
            .put("pattern", ADDRESS_OR_DOMAIN_PATTERN);
      }
      case MULTI_SELECT -> {
        property.put("type", "array");
        property.put("uniqueItems", true);
        ArrayNode values = property.putObject("items").put("type", "string").putArray("enum");
        field.choices().forEach(choice -> values.add(choice.value()));
      }
      case KEY_VALUE -> {
        property.put("type", "object");
        property.putObject("additionalProperties").put("type", "string");
      }
      case ATTACHMENTS -> {
        property.put("type", "array");
        property.set("items", attachmentSchema());
      }
      default -> property.put("type", "string");
    }
  }

  private static void stringConstraints(FieldDefinition field, ObjectNode property) {
    if (field.minLength() != null) {
      property.put("minLength", field.minLength());
    } else if (field.required()) {
      // An empty string is as missing as an absent one for a required field.
      property.put("minLength", 1);
    }
    if (field.maxLength() != null) {
      property.put("maxLength", field.maxLength());
    }
    if (!field.pattern().isEmpty()) {
      property.put("pattern", field.pattern());
    }
  }

  private static ObjectNode attachmentSchema() {
    ObjectNode item = NODES.objectNode();
    item.put("type", "object");
    ObjectNode properties = item.putObject("properties");
    properties.putObject("name").put("type", "string").put("minLength", 1);
    properties.putObject("contentType").put("type", "string");
    properties.putObject("contentBase64").put("type", "string").put("contentEncoding", "base64");
    properties.putObject("contentId").put("type", "string").put("pattern", "^[^\\s<>]+$");
    // What a new-mail event tells of each attachment besides: taken, and ignored, so that the event's attachments
    // bind straight into the field.
    properties.putObject("size").put("type", "integer");
    properties.putObject("isInline").put("type", "boolean");
    properties.putObject("kind").put("type", "string");
    item.putArray("required").add("name").add("contentBase64");
    item.put("additionalProperties", false);
    return item;
  }

  private static ObjectNode requiredWhenVisible(FieldDefinition field) {
    VisibilityCondition condition = field.visibleWhen();
    ObjectNode rule = NODES.objectNode();
    ObjectNode ifClause = rule.putObject("if");
    ArrayNode values =
        ifClause.putObject("properties").putObject(condition.field()).putArray("enum");
    condition.values().forEach(values::add);
    ifClause.putArray("required").add(condition.field());
    rule.putObject("then").putArray("required").add(field.name());
    return rule;
  }
}
