package dev.outlookflow.uischema.form;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A property-panel form: its fields, the JSON Schema (2020-12) of the resolved values and the UI
 * hints (a JSON Forms UI schema). Built once from an annotated record by {@link #of(Class)}.
 */
public record Form(List<FieldDefinition> fields, ObjectNode schema, ObjectNode ui) {

  public static Form of(Class<? extends Record> type) {
    List<FieldDefinition> fields = FormReader.read(type);
    return new Form(fields, JsonSchemaWriter.write(fields), UiSchemaWriter.write(fields));
  }

  /** A form with no fields, for extensions that take no properties. */
  public static Form empty() {
    return new Form(List.of(), JsonSchemaWriter.write(List.of()), UiSchemaWriter.write(List.of()));
  }

  /** A copy of {@code values} with each absent field that has a default set to it. */
  public ObjectNode withDefaults(ObjectNode values) {
    ObjectNode filled = values.deepCopy();
    for (FieldDefinition field : fields) {
      if (field.defaultValue() != null && !filled.has(field.name())) {
        filled.set(field.name(), field.defaultValue().deepCopy());
      }
    }
    return filled;
  }

  public Optional<FieldDefinition> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  public List<FieldDefinition> fieldsOfType(FieldType type) {
    return fields.stream().filter(f -> f.type() == type).toList();
  }
}
