package dev.outlookflow.outlook.mail.newmail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.plugin.api.trigger.TriggerReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A flow's report made of its folders' reports. */
class FlowReportTest {
  private static final Instant ROUND = Instant.parse("2026-11-29T09:00:00Z");

  @Test
  void eachFolderIsASourceNamedByItsPathTheChosenFolderFirst() {
    FlowReport flow = new FlowReport("adele@contoso.com");
    flow.watch("inbox-id", "Inbox");
    flow.watch("projects-id", "Inbox / Projects");
    flow.subtree("With its subfolders: 2 folders.");

    flow.with("projects-id", report("Projects of adele@contoso.com", null, 4));
    TriggerReport composed = flow.with("inbox-id", report("Inbox of adele@contoso.com", "Sign in again.", 7));

    assertThat(composed.sources()).extracting(TriggerReport.Source::name)
        .containsExactly("Inbox of adele@contoso.com", "Inbox / Projects of adele@contoso.com");
    assertThat(composed.why()).isEqualTo("Asks every 1 s. With its subfolders: 2 folders.");
    assertThat(composed.problem()).isEqualTo("Sign in again.");
  }

  @Test
  void aFolderLeftIsNoLongerShownNorTakenIn() {
    FlowReport flow = new FlowReport("adele@contoso.com");
    flow.watch("inbox-id", "Inbox");
    flow.watch("gone-id", "Inbox / Gone");
    flow.with("gone-id", report("Gone", null, 1));

    flow.unwatch("gone-id");

    assertThat(flow.with("gone-id", report("Gone", null, 2))).isNull();
    assertThat(flow.with("inbox-id", report("Inbox", null, 1)).sources()).hasSize(1);
  }

  @Test
  void pastTheBoundTheOtherFoldersAreSummedUpInOneSource() {
    FlowReport flow = new FlowReport("adele@contoso.com");
    int folders = 201;
    TriggerReport composed = null;
    for (int i = 0; i < folders; i++) {
      flow.watch("id-" + i, "Inbox / F" + i);
      composed = flow.with("id-" + i, report("F" + i, i == 120 ? "Graph answered 503." : null, 2));
    }

    assertThat(composed.sources()).hasSize(FlowReport.MAX_SOURCES);
    TriggerReport.Source rest = composed.sources().get(FlowReport.MAX_SOURCES - 1);
    int summed = folders - (FlowReport.MAX_SOURCES - 1);
    assertThat(rest.name()).isEqualTo(summed + " more folders");
    assertThat(rest.counts()).containsEntry("runsStarted", 2L * summed);
    assertThat(rest.lastError()).isEqualTo("Graph answered 503.");
    assertThat(rest.lastRound()).isEqualTo(ROUND);
  }

  private static TriggerReport report(String name, String problem, long runs) {
    return new TriggerReport("polling", "Asks every 1 s.", problem, List.of(new TriggerReport.Source(name, ROUND,
        ROUND.plusSeconds(1), problem, Map.of("runsStarted", runs), null)));
  }
}
