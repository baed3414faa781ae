package dev.outlookflow.uischema.binding;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Binds form values (Jackson trees) to an extension's records and records back to trees, tree to
 * object: nothing is serialised to text on the way, so a step's 47-million-character attachment is
 * the same {@code String} in the tree and in the record.
 *
 * <p>The rule for enums: a dropdown stores its constant's name in lower case ({@code as_mailbox} for
 * {@code AS_MAILBOX}); binding matches names case-insensitively and writing lower-cases them, so a
 * record's enum comes back as the value its form offered.
 */
public final class RecordBinding {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private RecordBinding() {}

  /**
   * The record {@code values} describe. Values that passed their form's schema always bind; anything
   * else is a defect of the form or the record, reported with the field Jackson names.
   */
  public static <T> T bind(JsonNode values, Class<T> type) {
    try {
      return MAPPER.treeToValue(values, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException(type.getSimpleName() + " cannot hold these values: " + e.getMessage(), e);
    }
  }

  /** The tree a record (or any value Jackson writes) stands for. */
  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** The object tree a record stands for; fails if it is not written as a JSON object. */
  public static ObjectNode object(Object value) {
    JsonNode tree = tree(value);
    if (tree instanceof ObjectNode object) {
      return object;
    }
    throw new IllegalArgumentException(value.getClass().getSimpleName() + " is not written as a JSON object");
  }

  /** The mapper behind this binding, for the schema generator: both must see the same property names. */
  static ObjectMapper mapper() {
    return MAPPER;
  }
}
