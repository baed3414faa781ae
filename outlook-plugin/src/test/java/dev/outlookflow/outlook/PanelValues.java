package dev.outlookflow.outlook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.uischema.binding.RecordBinding;
import dev.outlookflow.uischema.form.Form;

/** A panel's values as tests write them, and as the runtime hands them to an extension. */
public final class PanelValues {
  private static final ObjectMapper LENIENT = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES).build();

  private PanelValues() {}

  /** Values as entered, written with single quotes: {@code values("{to: ['a@b.c']}")}. */
  public static ObjectNode values(String json) {
    try {
      return (ObjectNode) LENIENT.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON object: " + json, e);
    }
  }

  /** The record an extension gets for {@code json}: the form's defaults applied, then bound. */
  public static <T extends Record> T bind(Class<T> type, String json) {
    return bind(type, values(json));
  }

  public static <T extends Record> T bind(Class<T> type, ObjectNode values) {
    return RecordBinding.bind(Form.of(type).withDefaults(values), type);
  }
}
