package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.mail.Mailbox;
import dev.outlookflow.sandbox.mail.Messages;
import dev.outlookflow.sandbox.support.DeltaClient;
import dev.outlookflow.sandbox.support.Http;
import dev.outlookflow.sandbox.support.MailTest;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delta rounds while mail keeps changing: nothing delivered while a round pages is lost, ids a client knew
 * are the ones removed, and tokens that are not the sandbox's, or too old, are refused in Graph's way.
 */
class DeltaRoundsUnderChangeTest extends MailTest {
  private static final String INBOX_DELTA = DeltaQueryTest.INBOX_DELTA;
  private DeltaClient delta;

  @BeforeEach
  void bind() {
    delta = new DeltaClient(sandbox, users.megan, "Prefer", "odata.maxpagesize=2");
  }

  @Test
  void mailDeliveredBetweenPagesOfARoundComesInThisRoundOrTheNext() throws Exception {
    for (int i = 1; i <= 4; i++) {
      delivered("Before " + i);
    }
    JsonObject page = delta.page(INBOX_DELTA).json();
    delivered("During the first round");
    DeltaClient.Round rest = delta.round(page.getString("@odata.nextLink"));
    List<String> seen = new ArrayList<>(rest.subjects());
    page.getJsonArray("value").forEach(i -> seen.add(((JsonObject) i).getString("subject")));

    JsonObject later = delta.page(rest.deltaLink()).json();
    delivered("During a later round");
    later.getJsonArray("value").forEach(i -> seen.add(((JsonObject) i).getString("subject")));
    String link = later.containsKey("@odata.nextLink") ? delta.round(later.getString("@odata.nextLink")).deltaLink()
        : later.getString("@odata.deltaLink");
    seen.addAll(delta.round(link).subjects());
    seen.addAll(delta.round(link).subjects());

    assertThat(new HashSet<>(seen)).containsExactlyInAnyOrder("Before 1", "Before 2", "Before 3", "Before 4",
        "During the first round", "During a later round");
  }

  @Test
  void mailDeliveredConcurrentlyWithRoundsIsNeverLost() throws Exception {
    Mailbox mailbox = sandbox.sandbox().mail().mailbox(DemoSeed.ADMIN).orElseThrow();
    String inbox = mailbox.folder("inbox").orElseThrow().id();
    int count = 400;
    CompletableFuture<Void> delivering = CompletableFuture.runAsync(() -> {
      for (int i = 0; i < count; i++) {
        Instant now = Instant.now();
        mailbox.add(inbox, Messages.resource(MailUsers.mail("Concurrent " + i, DemoSeed.ADMIN),
            Messages.recipient("someone@example.com", "Someone"), null, false, now), now);
      }
    });
    Set<String> seen = new HashSet<>();
    DeltaClient.Round round = delta.round(INBOX_DELTA);
    seen.addAll(round.subjects());
    while (!delivering.isDone()) {
      round = delta.round(round.deltaLink());
      seen.addAll(round.subjects());
    }
    delivering.join();
    seen.addAll(delta.round(round.deltaLink()).subjects());
    assertThat(seen).hasSize(count);
  }

  @Test
  void withRestIdsAMailMovedOutAndBackIsRemovedUnderItsOldIdAndCreatedUnderItsNew() throws Exception {
    String oldId = delivered("Round trip").getString("restId");
    String link = delta.round(INBOX_DELTA).deltaLink();
    String archived = sandbox.send("POST", "/v1.0/me/messages/" + oldId + "/move", users.megan,
        new JsonObject().put("destinationId", "archive")).json().getString("id");
    String newId = sandbox.send("POST", "/v1.0/me/messages/" + archived + "/move", users.megan,
        new JsonObject().put("destinationId", "inbox")).json().getString("id");

    DeltaClient.Round round = delta.round(link);
    assertThat(round.items()).hasSize(2);
    assertThat(round.items().stream().filter(i -> i.containsKey("@removed")).map(i -> i.getString("id")))
        .containsExactly(oldId);
    assertThat(round.items().stream().filter(i -> !i.containsKey("@removed")).map(i -> i.getString("id")))
        .containsExactly(newId);

    DeltaClient immutable = new DeltaClient(sandbox, users.megan, "Prefer", "IdType=\"ImmutableId\"");
    String immutableLink = immutable.round(INBOX_DELTA).deltaLink();
    String id = immutable.round(INBOX_DELTA).ids().get(0);
    sandbox.control("/mailboxes/" + DemoSeed.ADMIN + "/messages/" + id + "/move",
        new JsonObject().put("destination", "archive"));
    sandbox.control("/mailboxes/" + DemoSeed.ADMIN + "/messages/" + id + "/move",
        new JsonObject().put("destination", "inbox"));
    assertThat(immutable.round(immutableLink).ids()).as("one id that never changed").containsExactly(id);
  }

  @Test
  void forgedTokensAreRefusedAndNeverAnswerAServerError() throws Exception {
    String link = delta.round(INBOX_DELTA).deltaLink();
    JsonObject token = new JsonObject(new String(Base64.getUrlDecoder().decode(link.substring(
        link.indexOf("deltatoken=") + "deltatoken=".length())), StandardCharsets.UTF_8));
    for (JsonObject forged : List.of(token.copy().put("a", "not a number"), token.copy().put("m", "someone else"),
        token.copy().put("o", "%24filter=isRead%20eq%20true"), token.copy().put("r", new JsonObject().put("u", 1)),
        token.copy().put("g", "another journal"))) {
      String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(forged.toBuffer().getBytes());
      Http.Answer answer = delta.page(INBOX_DELTA + "?%24deltatoken=" + encoded);
      assertThat(answer.status()).as(forged.encode()).isIn(400, 410);
      assertThat(answer.json().getJsonObject("error").getString("code")).isNotBlank();
    }
  }

  @Test
  void aSkipTokenPastTheMaximumAgeExpiresToo() throws Exception {
    sandbox.send("PUT", "/_sandbox/mailboxes/" + DemoSeed.ADMIN + "/delta", null,
        new JsonObject().put("tokenMaxAgeSeconds", 60).put("expiry", "syncStateNotFound"));
    for (int i = 1; i <= 3; i++) {
      delivered("Mail " + i);
    }
    String next = delta.page(INBOX_DELTA).json().getString("@odata.nextLink");
    sandbox.control("/clock", new JsonObject().put("advanceSeconds", 61));
    Http.Answer expired = delta.page(next);
    assertThat(expired.status()).isEqualTo(400);
    assertThat(expired.json().getJsonObject("error").getString("code")).isEqualTo("syncStateNotFound");
  }
}
