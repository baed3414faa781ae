package dev.outlookflow.uischema.validation;

import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import dev.outlookflow.uischema.form.FieldDefinition;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.Form;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns the schema library's messages into field errors a designer can act on. */
final class SchemaErrors {
  private SchemaErrors() {}

  static FieldError toFieldError(Form form, ValidationMessage message) {
    String field = fieldPath(message);
    return new FieldError(field, text(form, field, message));
  }

  static String fieldPath(ValidationMessage message) {
    String location = path(message.getInstanceLocation());
    boolean namesAProperty =
        "required".equals(message.getType()) || "additionalProperties".equals(message.getType());
    if (namesAProperty && message.getProperty() != null) {
      return location.isEmpty() ? message.getProperty() : location + "." + message.getProperty();
    }
    return location;
  }

  private static String path(JsonNodePath path) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      if (element instanceof Integer index) {
        text.append('[').append(index).append(']');
      } else {
        if (text.length() > 0) {
          text.append('.');
        }
        text.append(element);
      }
    }
    return text.toString();
  }

  private static String text(Form form, String field, ValidationMessage message) {
    Optional<FieldDefinition> definition = form.field(listField(field));
    String label = definition.map(FieldDefinition::label).orElse(field);
    FieldType type = definition.map(FieldDefinition::type).orElse(FieldType.INFERRED);
    return switch (message.getType()) {
      case "required" -> label + " is required";
      case "enum" -> "must be one of: " + allowedValues(definition);
      case "additionalProperties" ->
          "is not a property of this form; its properties are: "
              + form.fields().stream().map(FieldDefinition::name).collect(Collectors.joining(", "));
      case "pattern" -> type == FieldType.RECIPIENTS
          ? "must be an address, e.g. someone@contoso.com or Display Name <someone@contoso.com>"
          : type == FieldType.ADDRESSES_OR_DOMAINS
              ? "must be an address or a domain after @, e.g. someone@contoso.com or @contoso.com"
              : withoutLocation(message);
      case "uniqueItems" -> label + ": choose each value once";
      default -> withoutLocation(message);
    };
  }

  /** The field a path such as {@code cc[2]} is in: {@code cc}. */
  private static String listField(String field) {
    int index = field.indexOf('[');
    return index < 0 ? field : field.substring(0, index);
  }

  private static String allowedValues(Optional<FieldDefinition> field) {
    return field
        .map(f -> f.choices().stream().map(c -> c.value()).collect(Collectors.joining(", ")))
        .orElse("the listed values");
  }

  private static String withoutLocation(ValidationMessage message) {
    String text = message.getMessage();
    String prefix = message.getInstanceLocation() + ": ";
    return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
  }
}
