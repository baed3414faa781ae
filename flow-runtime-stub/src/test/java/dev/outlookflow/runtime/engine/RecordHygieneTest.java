package dev.outlookflow.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.Form;
import dev.outlookflow.uischema.form.FormField;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class RecordHygieneTest {
  record Send(@FormField(label = "Token", type = FieldType.SECRET) String token,
      @FormField(label = "Body", type = FieldType.HTML) String body) {}

  @Test
  void secretFieldsAreRedactedAndLongStringsCutWithTheirSize() {
    String body = "b".repeat(RecordHygiene.MAX_STRING + 1);
    JsonObject display = RecordHygiene.display(new JsonObject().put("token", "t0k").put("body", body)
        .put("nested", new JsonArray().add(new JsonObject().put("content", body))), Form.of(Send.class));

    assertThat(display.getString("token")).isEqualTo("[redacted]");
    assertThat(display.getString("body")).isEqualTo("b".repeat(RecordHygiene.KEPT) + "… [truncated: 4097 characters]");
    assertThat(display.getJsonArray("nested").getJsonObject(0).getString("content")).endsWith("[truncated: 4097 characters]");
  }

  @Test
  void shortValuesAreKeptAsTheyAre() {
    JsonObject value = new JsonObject().put("subject", "Hello").put("count", 3).put("flag", true);
    assertThat(RecordHygiene.display(value, null)).isEqualTo(value);
  }
}
