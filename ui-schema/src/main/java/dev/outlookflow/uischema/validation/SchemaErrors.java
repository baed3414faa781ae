package dev.outlookflow.uischema.validation;

import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import dev.outlookflow.uischema.form.FieldDefinition;
import dev.outlookflow.uischema.form.Form;
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
    String label = form.field(field).map(FieldDefinition::label).orElse(field);
    return switch (message.getType()) {
      case "required" -> label + " is required";
      case "enum" -> "must be one of: " + allowedValues(form, field);
      case "additionalProperties" ->
          "is not a property of this form; its properties are: "
              + form.fields().stream().map(FieldDefinition::name).collect(Collectors.joining(", "));
      case "pattern" -> isRecipient(form, field)
          ? "must be an address, e.g. someone@contoso.com or Display Name <someone@contoso.com>"
          : withoutLocation(message);
      default -> withoutLocation(message);
    };
  }

  private static boolean isRecipient(Form form, String field) {
    int index = field.indexOf('[');
    return form.field(index < 0 ? field : field.substring(0, index))
        .map(f -> f.type() == dev.outlookflow.uischema.form.FieldType.RECIPIENTS).orElse(false);
  }

  private static String allowedValues(Form form, String field) {
    return form.field(field)
        .map(f -> f.choices().stream().map(c -> c.value()).collect(Collectors.joining(", ")))
        .orElse("the listed values");
  }

  private static String withoutLocation(ValidationMessage message) {
    String text = message.getMessage();
    String prefix = message.getInstanceLocation() + ": ";
    return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
  }
}
