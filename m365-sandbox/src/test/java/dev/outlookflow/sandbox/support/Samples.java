package dev.outlookflow.sandbox.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Microsoft's documented payloads (copied into {@code src/test/resources/samples}) and the shape check against them. */
public final class Samples {
  private Samples() {}

  public static JsonObject sample(String name) throws Exception {
    try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** Every field of the sample is in the answer with the same JSON type, recursively for objects. */
  public static void assertSameShape(JsonObject sample, JsonObject actual, String where) {
    for (String field : sample.fieldNames()) {
      assertThat(actual.containsKey(field)).as(where + "." + field + " in " + actual.encode()).isTrue();
      Object expected = sample.getValue(field);
      Object value = actual.getValue(field);
      assertThat(type(value)).as("type of " + where + "." + field).isEqualTo(type(expected));
      if (expected instanceof JsonObject nested && !field.equals("innerError")) {
        assertSameShape(nested, (JsonObject) value, where + "." + field);
      }
    }
  }

  private static String type(Object value) {
    if (value instanceof JsonArray) {
      return "array";
    }
    return value instanceof Number ? "number" : value == null ? "null" : value.getClass().getSimpleName();
  }
}
