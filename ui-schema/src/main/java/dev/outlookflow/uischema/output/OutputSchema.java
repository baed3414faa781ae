package dev.outlookflow.uischema.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON Schema (2020-12) of what an extension produces, generated from its output record by
 * victools' jsonschema-generator: every component is a required property (records are written with
 * their nulls), objects from records allow no other properties, maps and {@link JsonNode} parts are
 * free-form. Descriptions come from {@code @JsonPropertyDescription}.
 */
public final class OutputSchema {
  private static final SchemaGenerator GENERATOR = generator();

  private OutputSchema() {}

  public static ObjectNode of(Class<?> output) {
    if (JsonNode.class.isAssignableFrom(output) || Map.class.isAssignableFrom(output)) {
      // Free-form: whatever the producer was given (the manual trigger's request body, say).
      return GENERATOR.getConfig().createObjectNode().put("$schema", SchemaVersion.DRAFT_2020_12.getIdentifier())
          .put("type", "object");
    }
    return GENERATOR.generateSchema(output);
  }

  private static SchemaGenerator generator() {
    SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
        OptionPreset.PLAIN_JSON)
        .with(new JacksonModule())
        .with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES, Option.NULLABLE_FIELDS_BY_DEFAULT);
    // A record's object has its components and nothing else; a map or a JSON tree may hold anything.
    config.forTypesInGeneral().withAdditionalPropertiesResolver(scope ->
        scope.getType().getErasedType().isRecord() ? Void.class : null);
    config.forFields().withRequiredCheck(field -> true);
    // Declaration order: a record's components are listed as its author ordered them.
    config.forTypesInGeneral().withPropertySorter((first, second) -> 0);
    config.forTypesInGeneral().withCustomDefinitionProvider((type, context) ->
        JsonNode.class.isAssignableFrom(type.getErasedType()) || type.getErasedType() == Object.class
            ? new CustomDefinition(context.getGeneratorConfig()
                .createObjectNode(), true)
            : null);
    // Enums as RecordBinding writes them: their constants' names in lower case.
    config.without(Option.FLATTENED_ENUMS);
    config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
      if (!type.getErasedType().isEnum()) {
        return null;
      }
      ObjectNode definition = context.getGeneratorConfig().createObjectNode().put("type", "string");
      Arrays.stream(type.getErasedType().getEnumConstants())
          .forEach(c -> definition.withArray("enum").add(((Enum<?>) c).name().toLowerCase(Locale.ROOT)));
      return new CustomDefinition(definition, true);
    });
    return new SchemaGenerator(config.build());
  }
}
