package dev.outlookflow.outlook.mail.newmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollBudgetTest {
  @Test
  void aFewWatchersOfAMailboxPollAsAsked() {
    PollBudget budget = new PollBudget();
    budget.add("adele@contoso.com");
    budget.add("adele@contoso.com");

    assertThat(budget.interval("adele@contoso.com", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
    assertThat(budget.note("adele@contoso.com", Duration.ofSeconds(1))).isNull();
  }

  @Test
  void manyWatchersOfOneMailboxAreStretchedToHalfOfGraphsBudgetAndSaySo() {
    PollBudget budget = new PollBudget();
    for (int i = 0; i < 25; i++) {
      budget.add("sales@contoso.com");
    }
    budget.add("adele@contoso.com");

    Duration stretched = budget.interval("sales@contoso.com", Duration.ofSeconds(1));

    assertThat(stretched).isEqualTo(Duration.ofSeconds(3));
    assertThat(Duration.ofMinutes(10).toMillis() / stretched.toMillis() * 25).as("polls per 10 minutes")
        .isLessThanOrEqualTo(5_000);
    assertThat(budget.note("sales@contoso.com", Duration.ofSeconds(1))).isEqualTo("Checks every 3.0 s instead of "
        + "1.0 s: 25 watched folders of this mailbox share the 5,000 requests per 10 minutes this trigger allows "
        + "itself for polling (half of Microsoft Graph's 10,000 per mailbox).");
    assertThat(budget.interval("adele@contoso.com", Duration.ofSeconds(1))).as("another mailbox has its own budget")
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aWatcherThatClosedFreesItsShare() {
    PollBudget budget = new PollBudget();
    for (int i = 0; i < 25; i++) {
      budget.add("sales@contoso.com");
    }
    for (int i = 0; i < 24; i++) {
      budget.remove("sales@contoso.com");
    }

    assertThat(budget.interval("sales@contoso.com", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
  }
}
