package dev.outlookflow.uischema.form;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the UI hints as a JSON Forms UI schema: a vertical layout of groups of controls, each
 * control pointing at its property by {@code scope}, with {@code rule} for conditional visibility.
 * Widget details JSON Forms has no keyword for go into the control's {@code options}.
 */
final class UiSchemaWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private UiSchemaWriter() {}

  static ObjectNode write(List<FieldDefinition> fields) {
    ObjectNode layout = NODES.objectNode();
    layout.put("type", "VerticalLayout");
    ArrayNode elements = layout.putArray("elements");
    Map<String, ArrayNode> groups = new LinkedHashMap<>();
    for (FieldDefinition field : fields) {
      if (field.group().isEmpty()) {
        elements.add(control(field));
      } else {
        groups
            .computeIfAbsent(field.group(), label -> group(elements, label))
            .add(control(field));
      }
    }
    return layout;
  }

  private static ArrayNode group(ArrayNode elements, String label) {
    ObjectNode group = elements.addObject();
    group.put("type", "Group");
    group.put("label", label);
    return group.putArray("elements");
  }

  private static ObjectNode control(FieldDefinition field) {
    ObjectNode control = NODES.objectNode();
    control.put("type", "Control");
    control.put("scope", "#/properties/" + field.name());
    control.put("label", field.label());
    ObjectNode options = control.putObject("options");
    options.put("widget", widget(field.type()));
    if (!field.placeholder().isEmpty()) {
      options.put("placeholder", field.placeholder());
    }
    if (!field.help().isEmpty()) {
      options.put("help", field.help());
    }
    if (field.isSecret()) {
      options.put("secret", true);
    }
    if (field.expressions()) {
      options.put("expressions", true);
    }
    if (field.connectionType() != null) {
      options.put("connectionType", field.connectionType());
    }
    if (field.type() == FieldType.DYNAMIC_DROPDOWN) {
      options.put("dynamicOptions", true);
      ArrayNode dependsOn = options.putArray("dependsOn");
      field.dependsOn().forEach(dependsOn::add);
    }
    if (!field.choices().isEmpty()) {
      ArrayNode choices = options.putArray("choices");
      field.choices().forEach(c -> choices.addObject().put("value", c.value()).put("label", c.label()));
    }
    if (field.visibleWhen() != null) {
      control.set("rule", showRule(field.visibleWhen()));
    }
    return control;
  }

  private static ObjectNode showRule(VisibilityCondition condition) {
    ObjectNode rule = NODES.objectNode();
    rule.put("effect", "SHOW");
    ObjectNode when = rule.putObject("condition");
    when.put("scope", "#/properties/" + condition.field());
    ArrayNode values = when.putObject("schema").putArray("enum");
    condition.values().forEach(values::add);
    return rule;
  }

  private static String widget(FieldType type) {
    return switch (type) {
      case MULTILINE -> "textarea";
      case HTML -> "html";
      case SECRET -> "password";
      case BOOLEAN -> "checkbox";
      case NUMBER -> "number";
      case DROPDOWN -> "select";
      case DYNAMIC_DROPDOWN -> "dynamic-select";
      case EMAIL_LIST -> "email-list";
      case RECIPIENTS -> "recipient-list";
      case ADDRESSES_OR_DOMAINS -> "address-or-domain-list";
      case MULTI_SELECT -> "multi-select";
      case KEY_VALUE -> "key-value";
      case ATTACHMENTS -> "attachments";
      case CONNECTION -> "connection";
      default -> "text";
    };
  }
}
