package dev.outlookflow.outlook.mail.newmail;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackfillTest {
  private static final Instant FIRST_START = Instant.parse("2026-11-29T12:00:00Z");

  @Test
  void itCoversTheChosenDaysBeforeTheFlowFirstListened() {
    Backfill backfill = Backfill.of(FIRST_START, 7);

    assertThat(backfill.from()).isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
    assertThat(backfill.until()).isEqualTo(FIRST_START);
    assertThat(backfill.resumeFrom()).isEqualTo(backfill.from());
  }

  @Test
  void aPageMovesTheCursorToItsNewestSecondAndCountsEachMail() {
    Backfill after = Backfill.of(FIRST_START, 7).after(page(mail("a", "09:00:00"), mail("b", "09:00:01"),
        mail("c", "09:00:01")));

    assertThat(after.done()).isEqualTo(3);
    assertThat(after.cursor()).isEqualTo(Instant.parse("2026-11-25T09:00:01Z"));
    assertThat(after.atCursor()).containsExactly("b", "c");
    assertThat(after.resumeFrom()).isEqualTo(after.cursor());
  }

  @Test
  void mailOfTheCursorsSecondReadAgainAfterARestartIsNotCountedTwice() {
    Backfill stored = Backfill.fromJson(Backfill.of(FIRST_START, 7)
        .after(page(mail("a", "09:00:00"), mail("b", "09:00:01"))).toJson().encode());

    Backfill resumed = stored.after(page(mail("b", "09:00:01"), mail("c", "09:00:01"), mail("d", "09:00:02")));

    assertThat(resumed.done()).isEqualTo(4);
    assertThat(resumed.atCursor()).containsExactly("d");
  }

  @Test
  void itIsStoredAsJsonAndReadBackTheSame() {
    Backfill backfill = Backfill.of(FIRST_START, 3).after(page(mail("a", "09:00:00"))).completed();

    assertThat(Backfill.fromJson(backfill.toJson().encode())).isEqualTo(backfill);
    assertThat(backfill.finished()).isTrue();
  }

  private static JsonArray page(JsonObject... mails) {
    JsonArray page = new JsonArray();
    for (JsonObject mail : mails) {
      page.add(mail);
    }
    return page;
  }

  private static JsonObject mail(String id, String time) {
    return new JsonObject().put("id", id).put("receivedDateTime", "2026-11-25T" + time + "Z");
  }
}
