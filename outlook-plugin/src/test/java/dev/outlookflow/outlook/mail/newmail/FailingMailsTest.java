package dev.outlookflow.outlook.mail.newmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailingMailsTest {
  private static final Instant ROUND = Instant.parse("2026-11-29T09:00:00Z");
  private final FailingMails failing = new FailingMails();

  @Test
  void aMailIsCountedOncePerRoundAndAgainInTheNext() {
    assertThat(failing.failed("a", "unreadable", ROUND)).isEqualTo(1);
    assertThat(failing.failed("a", "unreadable", ROUND)).isEqualTo(1);
    assertThat(failing.failed("a", "unreadable", ROUND.plusSeconds(30))).isEqualTo(2);
  }

  @Test
  void aMailHandledStartsCountingAfresh() {
    failing.failed("a", "unreadable", ROUND);
    failing.handled("a");

    assertThat(failing.failed("a", "unreadable", ROUND.plusSeconds(30))).isEqualTo(1);
  }

  @Test
  void pastItsCapacityAFurtherMailIsGivenUpOnAtOnceRatherThanLeftUncounted() {
    for (int i = 0; i < FailingMails.CAPACITY; i++) {
      failing.failed("mail-" + i, "unreadable", ROUND);
    }

    assertThat(failing.failed("one more", "unreadable", ROUND)).isEqualTo(Integer.MAX_VALUE);
    assertThat(failing.failed("mail-0", "unreadable", ROUND.plusSeconds(30))).as("those kept count on").isEqualTo(2);
  }

  @Test
  void itKeepsShortReasonsAndRemembersWhatItGaveUpOn() {
    failing.failed("a", "x".repeat(5_000), ROUND);
    assertThat(failing.snapshot().get("a").reason()).hasSize(FailingMails.KEPT_REASON);

    failing.gaveUp("a");

    assertThat(failing.givenUp("a")).isTrue();
    assertThat(failing.size()).isZero();
  }
}
