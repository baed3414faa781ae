package dev.outlookflow.sandbox.counters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The counts' table: one row per kind of request, bounded however many kinds requests make up. */
class RequestCountersTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  private static RequestCounters.Key get(String app) {
    return new RequestCounters.Key("GET", "/v1.0/users/{user}/messages", 200, app, "admin@contoso.onmicrosoft.com");
  }

  @Test
  void requestsAlikeAreOneRowWithTheirCountAndFirstAndLastSeen() {
    RequestCounters counters = new RequestCounters();

    counters.count(get("app-1"), T0);
    counters.count(get("app-2"), T0.plusSeconds(1));
    counters.count(get("app-1"), T0.plusSeconds(2));

    assertThat(counters.rows()).containsExactly(
        new RequestCounters.Row(get("app-1"), 2, T0, T0.plusSeconds(2)),
        new RequestCounters.Row(get("app-2"), 1, T0.plusSeconds(1), T0.plusSeconds(1)));
  }

  @Test
  void pastTheBoundNewRowsAreOnlyCountedAsDroppedAndKnownRowsStillCount() {
    RequestCounters counters = new RequestCounters(2);

    counters.count(get("app-1"), T0);
    counters.count(get("app-2"), T0);
    counters.count(get("forged-3"), T0);
    counters.count(get("forged-4"), T0);
    counters.count(get("app-1"), T0.plusSeconds(5));

    assertThat(counters.rows()).extracting(row -> row.key().app(), RequestCounters.Row::count)
        .containsExactly(tuple("app-1", 2L), tuple("app-2", 1L));
    assertThat(counters.dropped()).isEqualTo(2);
  }

  @Test
  void aResetEmptiesTheRowsAndTheDroppedTotalAndFreesTheBound() {
    RequestCounters counters = new RequestCounters(1);
    counters.count(get("app-1"), T0);
    counters.count(get("app-2"), T0);

    counters.reset();
    counters.count(get("app-2"), T0);

    assertThat(counters.rows()).extracting(row -> row.key().app()).containsExactly("app-2");
    assertThat(counters.dropped()).isZero();
  }

  @Test
  void textsFromRequestsAreCut() {
    String forged = "x".repeat(100_000);

    RequestCounters.Key key = new RequestCounters.Key(forged, "/" + forged, 200, forged, forged);

    assertThat(key.method()).hasSize(RequestCounters.MAX_TEXT);
    assertThat(key.path()).hasSize(RequestCounters.MAX_TEXT);
    assertThat(key.app()).hasSize(RequestCounters.MAX_TEXT);
    assertThat(key.mailbox()).hasSize(RequestCounters.MAX_TEXT);
  }
}
