package dev.outlookflow.uischema.binding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
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
      // The form's schema is the gate for unknown keys; a connection stored by an earlier version of its
      // plugin may hold a field its record has since dropped, and still binds.
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private RecordBinding() {}

  /**
   * The record {@code values} describe. Values that passed their form's schema bind, but for those the
   * schema lets through and the record cannot hold (a number past an {@code int}, say): refused naming
   * the field and why.
   */
  public static <T> T bind(JsonNode values, Class<T> type) {
    try {
      return MAPPER.treeToValue(values, type);
    } catch (JsonMappingException e) {
      String field = field(e);
      throw new BindingException(field, (field.isEmpty() ? "the values" : "'" + field + "'") + " cannot be read as "
          + type.getSimpleName() + " expects: " + firstLine(e.getOriginalMessage()), e);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new BindingException("", "the values cannot be read as " + type.getSimpleName() + " expects: "
          + firstLine(e.getMessage()), e);
    }
  }

  private static String field(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** Jackson's messages go on with where in the source they were; the first line says what. */
  private static String firstLine(String message) {
    String text = String.valueOf(message);
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
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
}
