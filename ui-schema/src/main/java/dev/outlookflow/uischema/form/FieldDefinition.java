package dev.outlookflow.uischema.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One field of a form, resolved from its annotation and Java type. */
public record FieldDefinition(
    String name,
    FieldType type,
    String label,
    String group,
    String help,
    String placeholder,
    JsonNode defaultValue,
    boolean required,
    String pattern,
    Double minimum,
    Double maximum,
    Integer minLength,
    Integer maxLength,
    boolean integer,
    boolean expressions,
    VisibilityCondition visibleWhen,
    String connectionType,
    List<String> dependsOn,
    List<Choice> choices) {

  public boolean isSecret() {
    return type == FieldType.SECRET;
  }

  boolean isStringValued() {
    return switch (type) {
      case TEXT, MULTILINE, HTML, SECRET, DROPDOWN, DYNAMIC_DROPDOWN, CONNECTION -> true;
      default -> false;
    };
  }
}
