package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.DeltaClient;
import dev.outlookflow.sandbox.support.Http;
import dev.outlookflow.sandbox.support.MailTest;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Message delta per folder: rounds, pages, tokens carrying the first request's options, and what each change looks like. */
class DeltaQueryTest extends MailTest {
  static final String INBOX_DELTA = "/v1.0/me/mailFolders/inbox/messages/delta";

  private DeltaClient delta;

  @BeforeEach
  void bind() {
    delta = new DeltaClient(sandbox, users.megan, "Prefer", "odata.maxpagesize=2");
  }

  @Test
  void theFirstRoundPagesThroughTheFolderToADeltaLinkAndTheNextRoundIsEmpty() throws Exception {
    for (int i = 1; i <= 5; i++) {
      delivered("Mail " + i);
    }
    DeltaClient.Round first = delta.round(INBOX_DELTA);
    assertThat(first.subjects()).containsExactlyInAnyOrder("Mail 1", "Mail 2", "Mail 3", "Mail 4", "Mail 5");
    assertThat(first.pages()).hasSize(3);
    assertThat(first.pages().get(0).getString("@odata.nextLink"))
        .startsWith(sandbox.baseUrl() + INBOX_DELTA + "?%24skiptoken=");
    assertThat(first.deltaLink()).startsWith(sandbox.baseUrl() + INBOX_DELTA + "?%24deltatoken=");
    assertThat(first.items().get(0).getString("@odata.type")).isEqualTo("#microsoft.graph.message");
    assertThat(first.items().get(0).getJsonObject("body").getString("content")).startsWith("Hello");

    DeltaClient.Round next = delta.round(first.deltaLink());
    assertThat(next.items()).isEmpty();
    assertThat(next.pages()).hasSize(1);
  }

  @Test
  void aNewMailIsCreatedAReadFlagIsAnUpdateAndDeletesAndMovesOutAreRemovals() throws Exception {
    JsonObject kept = delivered("Kept");
    JsonObject deleted = delivered("Deleted");
    JsonObject moved = delivered("Moved");
    String link = delta.round(INBOX_DELTA).deltaLink();

    delivered("New");
    sandbox.send("PATCH", "/v1.0/me/messages/" + kept.getString("restId"), users.megan,
        new JsonObject().put("isRead", true));
    sandbox.send("DELETE", "/v1.0/me/messages/" + deleted.getString("restId"), users.megan, null);
    sandbox.send("POST", "/v1.0/me/messages/" + moved.getString("restId") + "/move", users.megan,
        new JsonObject().put("destinationId", "archive"));

    DeltaClient.Round round = delta.round(link);
    assertThat(round.items()).hasSize(4);
    JsonObject created = byId(round, null, "New");
    assertThat(created.getString("receivedDateTime")).isNotBlank();
    JsonObject updated = byId(round, kept.getString("restId"), null);
    assertThat(updated.getBoolean("isRead")).isTrue();
    assertThat(updated.containsKey("subject")).as("an update carries only what changed").isFalse();
    assertThat(byId(round, deleted.getString("restId"), null).getJsonObject("@removed").getString("reason"))
        .isEqualTo("deleted");
    assertThat(byId(round, moved.getString("restId"), null).containsKey("@removed")).isTrue();

    DeltaClient.Round archive = delta.round("/v1.0/me/mailFolders/archive/messages/delta");
    assertThat(archive.subjects()).containsExactly("Moved");
  }

  private static JsonObject byId(DeltaClient.Round round, String id, String subject) {
    return round.items().stream()
        .filter(i -> id == null ? subject.equals(i.getString("subject")) : id.equals(i.getString("id")))
        .findFirst().orElseThrow(() -> new AssertionError("no item " + id + "/" + subject + " in " + round.items()));
  }

  @Test
  void aMailCreatedAndChangedWithinOneRoundComesOnceInFull() throws Exception {
    String link = delta.round(INBOX_DELTA).deltaLink();
    JsonObject message = delivered("Then read");
    sandbox.send("PATCH", "/v1.0/me/messages/" + message.getString("restId"), users.megan,
        new JsonObject().put("isRead", true));
    JsonObject gone = delivered("Then gone");
    sandbox.send("DELETE", "/v1.0/me/messages/" + gone.getString("restId"), users.megan, null);

    DeltaClient.Round round = delta.round(link);
    assertThat(round.subjects()).containsExactly("Then read");
    assertThat(round.items().get(0).getBoolean("isRead")).isTrue();
  }

  @Test
  void selectChangeTypeAndTheIdKindComeFromTheFirstRequestAndTheHeaders() throws Exception {
    JsonObject old = delivered("Old");
    DeltaClient immutable = new DeltaClient(sandbox, users.megan,
        "Prefer", "odata.maxpagesize=1, IdType=\"ImmutableId\"");
    DeltaClient.Round first = immutable.round(INBOX_DELTA + "?%24select=subject,isRead&changeType=created");
    assertThat(first.items()).hasSize(1);
    assertThat(first.items().get(0).fieldNames())
        .containsExactlyInAnyOrder("@odata.type", "@odata.etag", "id", "subject", "isRead");
    assertThat(first.ids()).containsExactly(old.getString("id"));

    sandbox.send("PATCH", "/v1.0/me/messages/" + old.getString("restId"), users.megan,
        new JsonObject().put("isRead", true));
    delivered("Fresh");
    DeltaClient twoHeaders = new DeltaClient(sandbox, users.megan,
        "Prefer", "odata.maxpagesize=1", "Prefer", "IdType=\"ImmutableId\"");
    Http.Answer page = twoHeaders.page(first.deltaLink());
    assertThat(page.header("Preference-Applied")).contains("odata.maxpagesize=1").contains("IdType=\"ImmutableId\"");
    DeltaClient.Round next = twoHeaders.round(first.deltaLink());
    assertThat(next.subjects()).as("changeType=created leaves the update out").containsExactly("Fresh");
    assertThat(next.items().get(0).fieldNames())
        .containsExactlyInAnyOrder("@odata.type", "@odata.etag", "id", "subject", "isRead");
    assertThat(next.ids().get(0)).startsWith("AAkALg");
  }

  @Test
  void aFilterOnReceivedDateTimeAndNewestFirstOrderAreKept() throws Exception {
    JsonObject before = delivered("Before");
    sandbox.control("/clock", new JsonObject().put("advanceSeconds", 60));
    delivered("After 1");
    sandbox.control("/clock", new JsonObject().put("advanceSeconds", 1));
    delivered("After 2");
    String bound = before.getString("receivedDateTime").replace("Z", "") + "Z";
    String query = "?%24filter=receivedDateTime%20gt%20" + java.time.Instant.parse(bound).plusSeconds(30)
        + "&%24orderby=receivedDateTime%20desc";
    DeltaClient.Round round = new DeltaClient(sandbox, users.megan).round(INBOX_DELTA + query);
    assertThat(round.subjects()).containsExactly("After 2", "After 1");
    assertThat(URLDecoder.decode(round.deltaLink(), StandardCharsets.UTF_8)).contains("deltatoken=");
  }

  @Test
  void aLaterRoundInNewestFirstOrderSortsByReceivedTimeNotArrival() throws Exception {
    String link = new DeltaClient(sandbox, users.megan).round(INBOX_DELTA + "?%24select=subject"
        + "&%24orderby=receivedDateTime%20desc").deltaLink();
    for (String[] mail : new String[][] {{"Middle", "2026-03-02T00:00:00Z"}, {"Newest", "2026-03-03T00:00:00Z"},
        {"Oldest", "2026-03-01T00:00:00Z"}}) {
      sandbox.control("/mailboxes/" + DemoSeed.ADMIN + "/folders/inbox/messages",
          MailUsers.mail(mail[0], DemoSeed.ADMIN).put("receivedDateTime", mail[1]));
    }
    assertThat(new DeltaClient(sandbox, users.megan).round(link).subjects())
        .containsExactly("Newest", "Middle", "Oldest");
  }

  @Test
  void aFilteredQueryAnswersAtMostFiveThousandMessages() throws Exception {
    var mailbox = sandbox.sandbox().mail().mailbox(DemoSeed.ADMIN).orElseThrow();
    String inbox = mailbox.folder("inbox").orElseThrow().id();
    java.time.Instant start = java.time.Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 5_010; i++) {
      java.time.Instant received = start.plusSeconds(i);
      mailbox.add(inbox, dev.outlookflow.sandbox.mail.Messages.resource(MailUsers.mail("Bulk " + i, DemoSeed.ADMIN),
          dev.outlookflow.sandbox.mail.Messages.recipient("bulk@example.com", "Bulk"), null, false, received), received);
    }
    DeltaClient big = new DeltaClient(sandbox, users.megan, "Prefer", "odata.maxpagesize=1000");
    DeltaClient.Round filtered = big.round(INBOX_DELTA + "?%24select=subject&%24filter=receivedDateTime%20ge%20" + start);
    assertThat(filtered.items()).hasSize(5_000);
    assertThat(filtered.subjects()).contains("Bulk 5009").doesNotContain("Bulk 0");
    assertThat(counters().getJsonObject("total").getLong("cap")).isEqualTo(1);

    DeltaClient.Round unfiltered = big.round(INBOX_DELTA + "?%24select=subject");
    assertThat(unfiltered.items()).hasSize(5_010);
    assertThat(counters().getJsonObject("total").getLong("initialFiltered")).as("the first query's").isEqualTo(1);
    assertThat(counters().getJsonObject("total").getLong("initial")).as("the second's").isEqualTo(1);
  }

  @Test
  void linksNameTheAddressTheClientUsedBehindAProxy() throws Exception {
    DeltaClient proxied = new DeltaClient(sandbox, users.megan,
        "X-Forwarded-Proto", "https", "X-Forwarded-Host", "graph.sandbox.test");
    Http.Answer page = proxied.page(INBOX_DELTA);
    assertThat(page.json().getString("@odata.deltaLink")).startsWith("https://graph.sandbox.test" + INBOX_DELTA);
  }

  @Test
  void whatDeltaCannotDoIsRefusedWithGraphsError() throws Exception {
    for (String query : List.of("?%24filter=isRead%20eq%20false", "?%24orderby=subject", "?%24top=5",
        "?changeType=moved", "?%24deltatoken=bm90IGEgdG9rZW4", "?%24skiptoken=" + "x".repeat(3000))) {
      Http.Answer answer = delta.page(INBOX_DELTA + query);
      assertThat(answer.status()).as(query.substring(0, Math.min(60, query.length()))).isEqualTo(400);
      assertThat(answer.json().getJsonObject("error").getString("message")).as(query).isNotBlank();
    }
    String archiveLink = delta.round("/v1.0/me/mailFolders/archive/messages/delta").deltaLink();
    String stolen = INBOX_DELTA + archiveLink.substring(archiveLink.indexOf('?'));
    assertThat(delta.page(stolen).status()).isEqualTo(400);
  }

  private JsonObject counters() throws Exception {
    return sandbox.get("/_sandbox/counters", null).json().getJsonObject("hazards");
  }

  static JsonArray value(Http.Answer answer) {
    return answer.json().getJsonArray("value");
  }
}
