package dev.outlookflow.outlook.mail.newmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WatcherStateTest {
  private static final Instant BASELINE = Instant.parse("2026-11-29T09:00:00Z");

  @Test
  void aRoundMovesTheCursorAndKeepsTheNewestMailSeen() {
    WatcherState state = WatcherState.baseline("https://graph/delta?$deltatoken=1", BASELINE, null)
        .after("https://graph/delta?$deltatoken=2", Instant.parse("2026-11-29T09:05:00Z"));

    WatcherState next = state.after("https://graph/delta?$deltatoken=3", Instant.parse("2026-11-29T09:01:00Z"));

    assertThat(next.deltaLink()).endsWith("=3");
    assertThat(next.lastSeen()).as("an older mail brought late does not move it back")
        .isEqualTo(Instant.parse("2026-11-29T09:05:00Z"));
    assertThat(next.after("https://graph/delta?$deltatoken=4", null).lastSeen()).as("an empty round keeps it")
        .isEqualTo(Instant.parse("2026-11-29T09:05:00Z"));
  }

  @Test
  void itIsStoredAsJsonAndReadBackTheSame() {
    WatcherState state = WatcherState.baseline("https://graph/delta?$deltatoken=1", BASELINE,
        Instant.parse("2026-11-29T08:59:59Z")).after("https://graph/delta?$deltatoken=2", null)
        .withCounts(Map.of(WatcherState.MAILS_SEEN, 7L), Map.of("AAMk-1", new FailingMails.Failing(2, BASELINE, "Graph answered 400")));

    assertThat(WatcherState.fromJson(state.toJson().encode())).isEqualTo(state);
  }

  @Test
  void aCursorMadeWithOtherPropertiesIsNotFollowed() {
    WatcherState frozen = new WatcherState("https://graph/delta?$deltatoken=1", "id,subject", BASELINE, null,
        Map.of(), Map.of());

    assertThat(frozen.followable()).as("its tokens froze another $select: the watcher resyncs").isFalse();
    assertThat(WatcherState.baseline("https://graph/delta?$deltatoken=1", BASELINE, null).followable()).isTrue();
  }
}
