package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.DeltaClient;
import dev.outlookflow.sandbox.support.Http;
import dev.outlookflow.sandbox.support.MailTest;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Graph's delta hazards and token expiry, each on request through the control API, deterministic under a
 * seed, and each proven by its fired count.
 */
class DeltaHazardsTest extends MailTest {
  private static final String INBOX_DELTA = DeltaQueryTest.INBOX_DELTA;
  /** Megan's object id: counters are kept per mailbox owner. */
  private static final String MEGAN_ID = "3c0b8e2a-1f4d-4a6b-8c9e-0d1f2a3b4c5d";

  private DeltaClient delta;

  @BeforeEach
  void bind() {
    delta = new DeltaClient(sandbox, users.megan, "Prefer", "odata.maxpagesize=50");
  }

  private Http.Answer settings(JsonObject body) throws Exception {
    return sandbox.send("PUT", "/_sandbox/mailboxes/" + DemoSeed.ADMIN + "/delta", null, body);
  }

  private long fired(String counter) throws Exception {
    return sandbox.get("/_sandbox/counters", null).json().getJsonObject("hazards").getJsonObject("mailboxes")
        .getJsonObject(MEGAN_ID, new JsonObject()).getLong(counter, 0L);
  }

  @Test
  void aTokenOlderThanTheMaximumAgeIsGoneWithTheInitialQueryInLocation() throws Exception {
    settings(new JsonObject().put("tokenMaxAgeSeconds", 60));
    String link = delta.round(INBOX_DELTA + "?%24select=subject&changeType=created").deltaLink();
    assertThat(delta.page(link).status()).as("a fresh token works").isEqualTo(200);

    sandbox.control("/clock", new JsonObject().put("advanceSeconds", 61));
    Http.Answer gone = delta.page(link);
    assertThat(gone.status()).isEqualTo(410);
    assertThat(gone.header("Location")).isEqualTo(sandbox.baseUrl() + INBOX_DELTA + "?%24select=subject&changeType=created");
    assertThat(gone.json().getJsonObject("error").getString("code")).isEqualTo("resyncRequired");
    assertThat(fired("gone")).isEqualTo(1);
    assertThat(delta.round(gone.header("Location")).deltaLink()).as("the initial query starts again").isNotBlank();
  }

  @Test
  void anInvalidatedFolderAnswersTheMailboxsChosenCode() throws Exception {
    settings(new JsonObject().put("expiry", "syncStateNotFound"));
    String inbox = delta.round(INBOX_DELTA).deltaLink();
    String archive = delta.round("/v1.0/me/mailFolders/archive/messages/delta").deltaLink();
    sandbox.control("/mailboxes/" + DemoSeed.ADMIN + "/delta/invalidate", new JsonObject().put("folder", "inbox"));

    Http.Answer expired = delta.page(inbox);
    assertThat(expired.status()).isEqualTo(400);
    assertThat(expired.json().getJsonObject("error").getString("code")).isEqualTo("syncStateNotFound");
    assertThat(delta.page(archive).status()).as("another folder's token still works").isEqualTo(200);
    assertThat(fired("syncStateNotFound")).isEqualTo(1);

    settings(new JsonObject().put("expiry", "resyncRequired"));
    sandbox.control("/mailboxes/" + DemoSeed.ADMIN + "/delta/invalidate", new JsonObject());
    Http.Answer whole = delta.page(archive);
    assertThat(whole.json().getJsonObject("error").getString("code")).isEqualTo("resyncRequired");
    assertThat(fired("resyncRequired")).isEqualTo(1);
  }

  @Test
  void aResetStartsANewJournalSoOldTokensAreGone() throws Exception {
    String link = delta.round(INBOX_DELTA).deltaLink();
    sandbox.control("/reset", new JsonObject());
    assertThat(delta.page(link).status()).isEqualTo(410);
  }

  @Test
  void aReplayedItemComesAgainInTheNextRound() throws Exception {
    settings(new JsonObject().put("hazards", new JsonObject().put("replay", new JsonObject().put("times", 1))));
    delivered("Once");
    DeltaClient.Round first = delta.round(INBOX_DELTA);
    assertThat(first.subjects()).containsExactly("Once");

    DeltaClient.Round next = delta.round(first.deltaLink());
    assertThat(next.subjects()).containsExactly("Once");
    assertThat(next.ids()).isEqualTo(first.ids());
    assertThat(fired("replay")).isEqualTo(1);
    assertThat(delta.round(next.deltaLink()).items()).as("next-N: once only").isEmpty();
  }

  @Test
  void replayingEveryItemStillEndsEachRoundWithPagesNoLargerThanAsked() throws Exception {
    for (int i = 1; i <= 6; i++) {
      delivered("Mail " + i);
    }
    settings(new JsonObject().put("hazards", new JsonObject().put("seed", 3)
        .put("replay", new JsonObject().put("probability", 1.0))));
    DeltaClient small = new DeltaClient(sandbox, users.megan, "Prefer", "odata.maxpagesize=2");
    DeltaClient.Round first = small.round(INBOX_DELTA);
    assertThat(first.pages()).allSatisfy(page -> assertThat(page.getJsonArray("value").size()).isLessThanOrEqualTo(2));
    assertThat(new java.util.HashSet<>(first.subjects())).hasSize(6);
    assertThat(first.items().size()).as("some came twice").isGreaterThan(6);
    assertThat(fired("replay")).isEqualTo(first.items().size() - 6);
  }

  @Test
  void hazardCountsStartAgainWithTheRequestCounters() throws Exception {
    settings(new JsonObject().put("hazards", new JsonObject().put("omit", new JsonObject().put("times", 1))));
    delivered("Omitted");
    delta.round(INBOX_DELTA);
    assertThat(fired("omit")).isEqualTo(1);
    sandbox.send("DELETE", "/_sandbox/counters", null, null);
    assertThat(fired("omit")).isZero();
  }

  @Test
  void aLaggingMailShowsOnceTheLagHasPassed() throws Exception {
    String link = delta.round(INBOX_DELTA).deltaLink();
    settings(new JsonObject().put("hazards", new JsonObject().put("lagMillis", 300)));
    delivered("Soon");
    long start = System.nanoTime();
    List<String> seen = List.of();
    while (seen.isEmpty() && System.nanoTime() - start < java.util.concurrent.TimeUnit.SECONDS.toNanos(30)) {
      DeltaClient.Round round = delta.round(link);
      seen = round.subjects();
      if (seen.isEmpty()) {
        link = round.deltaLink();
      }
    }
    assertThat(seen).containsExactly("Soon");
  }

  @Test
  void replicationLagHidesAMailFromDeltaButNotFromLists() throws Exception {
    String link = delta.round(INBOX_DELTA).deltaLink();
    settings(new JsonObject().put("hazards", new JsonObject().put("lagMillis", 600_000)));
    delivered("Lagging");

    DeltaClient.Round lagged = delta.round(link);
    assertThat(lagged.items()).isEmpty();
    assertThat(fired("lag")).isEqualTo(1);
    assertThat(sandbox.send("GET", "/v1.0/me/mailFolders/inbox/messages", users.megan, null).json()
        .getJsonArray("value").getJsonObject(0).getString("subject")).isEqualTo("Lagging");

    settings(new JsonObject());
    assertThat(delta.round(lagged.deltaLink()).subjects()).as("shown once replicated").containsExactly("Lagging");
  }

  @Test
  void aReorderedRoundDiffersFromArrivalOrderUnderTheSeed() throws Exception {
    String link = delta.round(INBOX_DELTA).deltaLink();
    List<String> arrival = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      delivered("Mail " + i);
      arrival.add("Mail " + i);
    }
    assertThat(delta.round(link).subjects()).as("without the hazard, arrival order").isEqualTo(arrival);

    settings(new JsonObject().put("hazards", new JsonObject().put("seed", 7).put("reorder", true)));
    List<String> reordered = delta.round(link).subjects();
    assertThat(reordered).containsExactlyInAnyOrderElementsOf(arrival).isNotEqualTo(arrival);
    assertThat(fired("reorder")).isEqualTo(1);

    settings(new JsonObject().put("hazards", new JsonObject().put("seed", 7).put("reorder", true)));
    assertThat(delta.round(link).subjects()).as("the same seed, the same order").isEqualTo(reordered);
  }

  @Test
  void anOmittedMailNeverShowsInDeltaWhileListsShowIt() throws Exception {
    String link = delta.round(INBOX_DELTA).deltaLink();
    settings(new JsonObject().put("hazards", new JsonObject().put("omit", new JsonObject().put("times", 1))));
    delivered("Lost by delta");
    delivered("Seen");

    DeltaClient.Round round = delta.round(link);
    assertThat(round.subjects()).containsExactly("Seen");
    assertThat(delta.round(INBOX_DELTA).subjects()).as("not in a full sync either").containsExactly("Seen");
    assertThat(fired("omit")).isEqualTo(1);
    assertThat(sandbox.send("GET", "/v1.0/me/mailFolders/inbox/messages", users.megan, null).json()
        .getJsonArray("value").size()).isEqualTo(2);
  }

  @Test
  void hazardsDrawnWithAProbabilityRepeatUnderTheSameSeed() throws Exception {
    for (int i = 1; i <= 20; i++) {
      delivered("Mail " + i);
    }
    JsonObject hazards = new JsonObject().put("hazards", new JsonObject().put("seed", 42)
        .put("omit", new JsonObject().put("probability", 0.3)));
    settings(hazards);
    List<String> first = delta.round(INBOX_DELTA).subjects();
    settings(hazards);
    assertThat(delta.round(INBOX_DELTA).subjects()).isEqualTo(first);
    assertThat(first.size()).isBetween(1, 19);
    assertThat(fired("omit")).isEqualTo(2L * (20 - first.size()));
  }

  @Test
  void badSettingsAreRefusedNamingTheField() throws Exception {
    for (JsonObject body : List.of(new JsonObject().put("expiry", "never"),
        new JsonObject().put("tokenMaxAgeSeconds", 0),
        new JsonObject().put("hazards", new JsonObject().put("lagMillis", -1)),
        new JsonObject().put("hazards", new JsonObject().put("replay", new JsonObject().put("probability", 2))))) {
      Http.Answer answer = settings(body);
      assertThat(answer.status()).as(body.encode()).isEqualTo(400);
      assertThat(answer.json().getString("error")).containsAnyOf("expiry", "tokenMaxAgeSeconds", "hazards.");
    }
    assertThat(sandbox.send("PUT", "/_sandbox/mailboxes/nobody@nowhere.test/delta", null, new JsonObject()).status())
        .isEqualTo(404);
  }
}
