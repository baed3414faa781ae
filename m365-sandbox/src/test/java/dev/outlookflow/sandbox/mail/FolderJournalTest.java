package dev.outlookflow.sandbox.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A folder's journal links each message's changes and keeps a bounded number, the oldest going first. */
class FolderJournalTest {
  private static StoredMessage message(String id) {
    return new StoredMessage(id, "rest-" + id, "inbox", new JsonObject(), Instant.EPOCH);
  }

  @Test
  void aMessagesChangesAreLinkedBothWays() {
    FolderJournal journal = new FolderJournal();
    StoredMessage a = message("a");
    journal.append(1, a, Change.Kind.ENTERED, Set.of());
    journal.append(2, message("b"), Change.Kind.ENTERED, Set.of());
    journal.append(3, a, Change.Kind.UPDATED, Set.of("isRead"));

    assertThat(journal.at(1).nextSeq()).isEqualTo(3);
    assertThat(journal.at(3).previousSeq()).isEqualTo(1);
    assertThat(journal.at(2).nextSeq()).isEqualTo(Long.MAX_VALUE);
    assertThat(journal.between(1, 3).keySet()).containsExactly(2L, 3L);
  }

  @Test
  void pastItsBoundTheOldestChangesGoAndRoundsFromBeforeThemCannotBeAnswered() {
    FolderJournal journal = new FolderJournal(3);
    for (long seq = 1; seq <= 5; seq++) {
      journal.append(seq, message("m" + seq), Change.Kind.ENTERED, Set.of());
    }
    assertThat(journal.at(2)).isNull();
    assertThat(journal.between(0, 5).keySet()).containsExactly(3L, 4L, 5L);
    assertThat(journal.keepsChangesAfter(1)).isFalse();
    assertThat(journal.keepsChangesAfter(2)).isTrue();
  }

  @Test
  void theFirstChangeAfterAMomentIsFoundByItsWallClockTime() {
    FolderJournal journal = new FolderJournal();
    journal.append(7, message("a"), Change.Kind.ENTERED, Set.of());
    journal.append(8, message("b"), Change.Kind.ENTERED, Set.of());
    assertThat(journal.firstChangeAfter(journal.at(7).wallNanos() - 1)).hasValue(7);
    assertThat(journal.firstChangeAfter(journal.at(7).wallNanos())).as("times strictly increase").hasValue(8);
    assertThat(journal.firstChangeAfter(journal.at(8).wallNanos())).isEmpty();
  }
}
