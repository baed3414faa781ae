package dev.outlookflow.runtime.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.plugin.api.trigger.TriggerReport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A trigger's report as the runtime keeps it: what it shows, and the bounds a hostile report meets. */
class TriggerReportsTest {
  @Test
  void aReportShowsItsModeWhyProblemAndEachSourceWithInstantsAsIsoText() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("mailsSeen", 12L);
    counts.put("runsStarted", 3L);
    TriggerReport report = new TriggerReport("polling", "no public URL for webhooks", "sign in again",
        List.of(new TriggerReport.Source("adele/inbox", Instant.parse("2026-03-02T10:00:00Z"),
            Instant.parse("2026-03-02T10:01:00Z"), "Graph answered 503", counts, "interval stretched")));

    assertThat(TriggerReports.bounded(report)).isEqualTo(new JsonObject()
        .put("mode", "polling").put("why", "no public URL for webhooks").put("problem", "sign in again")
        .put("sources", new JsonArray().add(new JsonObject().put("name", "adele/inbox")
            .put("lastRound", "2026-03-02T10:00:00Z").put("nextRound", "2026-03-02T10:01:00Z")
            .put("lastError", "Graph answered 503").put("counts", new JsonObject().put("mailsSeen", 12L)
                .put("runsStarted", 3L)).put("note", "interval stretched"))));
  }

  @Test
  void missingPartsReadAsEmptyOrAreLeftOut() {
    TriggerReport report = new TriggerReport(null, null, null, null);
    assertThat(TriggerReports.bounded(report)).isEqualTo(new JsonObject().put("mode", "").put("why", "")
        .put("sources", new JsonArray()));

    List<TriggerReport.Source> sources = new ArrayList<>();
    sources.add(null);
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put(null, 1L);
    counts.put("none", null);
    sources.add(new TriggerReport.Source(null, null, null, null, counts, null));
    assertThat(TriggerReports.bounded(new TriggerReport("polling", "why", null, sources)).getJsonArray("sources"))
        .containsExactly(new JsonObject().put("name", "").put("counts", new JsonObject()));
  }

  @Test
  void aHostileReportIsCutToTheBounds() {
    String huge = "x".repeat(100_000);
    List<TriggerReport.Source> sources = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (int c = 0; c < 500; c++) {
        counts.put(c + "n".repeat(300), (long) c);
      }
      sources.add(new TriggerReport.Source(huge, null, null, huge, counts, huge));
    }

    JsonObject kept = TriggerReports.bounded(new TriggerReport(huge, huge, huge, sources));

    assertThat(kept.getString("mode")).hasSize(TriggerReports.MAX_TEXT);
    assertThat(kept.getString("problem")).hasSize(TriggerReports.MAX_TEXT);
    assertThat(kept.getJsonArray("sources")).hasSize(TriggerReports.MAX_SOURCES);
    JsonObject source = kept.getJsonArray("sources").getJsonObject(0);
    assertThat(source.getString("lastError")).hasSize(TriggerReports.MAX_TEXT);
    assertThat(source.getJsonObject("counts").fieldNames()).hasSize(TriggerReports.MAX_COUNTS)
        .allSatisfy(name -> assertThat(name).hasSizeLessThanOrEqualTo(TriggerReports.MAX_COUNT_NAME));
    assertThat(kept.encode().length()).as("under 700 KB however large the report").isLessThan(700_000);
  }

  @Test
  void textIsNeverCutInsideASurrogatePair() {
    String smiles = "a" + "\uD83D\uDE00".repeat(600);
    String kept = TriggerReports.bounded(new TriggerReport(smiles, "why", null, List.of())).getString("mode");
    assertThat(kept).hasSize(TriggerReports.MAX_TEXT - 1).endsWith("\uD83D\uDE00");
  }
}
