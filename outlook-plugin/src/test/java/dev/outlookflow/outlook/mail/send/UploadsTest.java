package dev.outlookflow.outlook.mail.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadsTest {
  private static JsonObject expecting(String... ranges) {
    return new JsonObject().put("nextExpectedRanges", new JsonArray(List.of((Object[]) ranges)));
  }

  @Test
  void nextExpectedRangesSayWhereToGoOnInEitherForm() {
    assertThat(Uploads.nextExpected(expecting("0-"), 7)).isEqualTo(0);
    assertThat(Uploads.nextExpected(expecting("3932160"), 7)).isEqualTo(3932160);
    assertThat(Uploads.nextExpected(expecting("3932160-7864319", "9000000-"), 7)).isEqualTo(3932160);
    assertThat(Uploads.nextExpected(new JsonObject(), 7)).isEqualTo(7);
  }

  @Test
  void chunksStayUnderFourMebibytesInMultiplesOf320KibibytesAndCoverTheFileWithoutGaps() {
    int length = 35 * 1000 * 1000 + 7;
    List<Integer> sizes = new ArrayList<>();
    for (int from = 0; from < length; from = Uploads.chunkEnd(from, length)) {
      sizes.add(Uploads.chunkEnd(from, length) - from);
    }

    assertThat(sizes.stream().mapToLong(Integer::longValue).sum()).isEqualTo(length);
    assertThat(sizes).allSatisfy(size -> assertThat(size).isPositive().isLessThan(4 * 1024 * 1024));
    assertThat(sizes.subList(0, sizes.size() - 1)).allSatisfy(size -> assertThat(size % (320 * 1024)).isZero());
  }
}
