package dev.outlookflow.outlook.mail.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class UploadsTest {
  private static JsonObject expecting(String... ranges) {
    return new JsonObject().put("nextExpectedRanges", new JsonArray(java.util.List.of((Object[]) ranges)));
  }

  @Test
  void nextExpectedRangesSayWhereToGoOnInEitherForm() {
    assertThat(Uploads.nextExpected(expecting("0-"), 7)).isEqualTo(0);
    assertThat(Uploads.nextExpected(expecting("3932160"), 7)).isEqualTo(3932160);
    assertThat(Uploads.nextExpected(expecting("3932160-7864319", "9000000-"), 7)).isEqualTo(3932160);
    assertThat(Uploads.nextExpected(new JsonObject(), 7)).isEqualTo(7);
  }

  @Test
  void chunksStayUnderFourMebibytes() {
    assertThat(Uploads.CHUNK_BYTES).isLessThan(4 * 1024 * 1024).isEqualTo(12 * 320 * 1024);
  }
}
