package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.Http;
import dev.outlookflow.sandbox.support.MailTest;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.support.Streams;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /_sandbox/deliveries}: every mail delivered into a sandbox mailbox (by the control API, by Exchange
 * delivering what a user sent, by a stream), never drafts or the sender's Sent Items copy; paged by seq.
 */
class DeliveriesRecordTest extends MailTest {



  private JsonObject page(String query) throws Exception {
    Http.Answer answer = sandbox.get("/_sandbox/deliveries" + query, null);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private List<JsonObject> all() throws Exception {
    List<JsonObject> all = new ArrayList<>();
    long after = 0;
    while (true) {
      JsonObject page = page("?after=" + after + "&limit=7");
      if (!page.containsKey("next")) {
        return all;
      }
      page.getJsonArray("value").forEach(d -> all.add((JsonObject) d));
      after = page.getLong("next");
    }
  }

  @Test
  void deliveriesFromTheControlApiSendingAndAStreamAreRecordedInOrder() throws Exception {
    Instant before = Instant.now();
    JsonObject byControl = sandbox.control("/mailboxes/" + DemoSeed.ADMIN + "/folders/archive/messages",
        MailUsers.mail("By the control API", DemoSeed.ADMIN).put("receivedDateTime", "2024-06-05T01:41:32.400Z")).json();
    String draft = sandbox.send("POST", "/v1.0/me/messages", users.megan, MailUsers.mail("A draft", DemoSeed.USER))
        .json().getString("id");
    assertThat(sandbox.send("POST", "/v1.0/me/messages/" + draft + "/send", users.megan, null).status()).isEqualTo(202);
    JsonObject toTwo = MailUsers.mail("To Adele and Sales", DemoSeed.USER);
    toTwo.put("ccRecipients", new JsonArray().add(new JsonObject().put("emailAddress",
        new JsonObject().put("address", DemoSeed.SHARED))).add(new JsonObject().put("emailAddress",
        new JsonObject().put("address", "outside@example.com"))));
    assertThat(sandbox.send("POST", "/v1.0/me/sendMail", users.megan, new JsonObject().put("message", toTwo)).status())
        .isEqualTo(202);
    String stream = Streams.start(sandbox, new JsonObject().put("count", 10).put("seed", 1)
        .put("targets", new JsonArray().add(new JsonObject().put("mailbox", DemoSeed.SUPPORT).put("folder", "inbox"))));
    assertThat(Streams.finished(sandbox, stream).getString("state")).isEqualTo("done");
    Instant after = Instant.now();

    List<JsonObject> all = all();
    assertThat(all).hasSize(14);
    assertThat(all.stream().map(d -> d.getLong("seq"))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L,
        12L, 13L, 14L);
    assertThat(all.stream().map(d -> d.getString("address"))).containsExactly(DemoSeed.ADMIN, DemoSeed.USER,
        DemoSeed.USER, DemoSeed.SHARED, DemoSeed.SUPPORT, DemoSeed.SUPPORT, DemoSeed.SUPPORT, DemoSeed.SUPPORT,
        DemoSeed.SUPPORT, DemoSeed.SUPPORT, DemoSeed.SUPPORT, DemoSeed.SUPPORT, DemoSeed.SUPPORT, DemoSeed.SUPPORT);

    JsonObject first = all.get(0);
    assertThat(first.getString("id")).isEqualTo(byControl.getString("restId"));
    assertThat(first.getString("immutableId")).isEqualTo(byControl.getString("id"));
    assertThat(first.getString("mailbox")).isEqualTo("3c0b8e2a-1f4d-4a6b-8c9e-0d1f2a3b4c5d");
    assertThat(first.getString("folder")).isEqualTo(byControl.getString("parentFolderId"));
    assertThat(first.getString("folderName")).isEqualTo("Archive");
    assertThat(first.getString("receivedDateTime")).isEqualTo("2024-06-05T01:41:32.400Z");
    for (JsonObject delivery : all) {
      Instant deliveredAt = Instant.parse(delivery.getString("deliveredAt"));
      assertThat(deliveredAt).isBetween(before.minusMillis(1), after.plusMillis(1));
      assertThat(deliveredAt.getNano() % 1_000_000).isZero();
    }
    List<String> adeles = sandbox.get("/_sandbox/mailboxes/" + DemoSeed.USER + "/folders/inbox/messages", null).json()
        .getJsonArray("value").stream().map(m -> ((JsonObject) m).getString("id")).toList();
    assertThat(adeles).containsExactlyInAnyOrder(all.get(1).getString("immutableId"), all.get(2).getString("immutableId"));
    assertThat(all.get(2).getString("folderName")).isEqualTo("Inbox");
    assertThat(all.get(4).getString("folderName")).isEqualTo("Inbox");
  }

  @Test
  void pagesFollowAfterAndLimitAndClearingKeepsTheNumbering() throws Exception {
    for (int i = 1; i <= 5; i++) {
      sandbox.control("/mailboxes/" + DemoSeed.ADMIN + "/folders/inbox/messages", MailUsers.mail("M" + i, DemoSeed.ADMIN));
    }
    JsonObject first = page("?limit=2");
    assertThat(first.getJsonArray("value").stream().map(d -> ((JsonObject) d).getLong("seq"))).containsExactly(1L, 2L);
    assertThat(first.getLong("next")).isEqualTo(2L);
    assertThat(first.getLong("oldest")).isEqualTo(1L);
    JsonObject rest = page("?after=2");
    assertThat(rest.getJsonArray("value").stream().map(d -> ((JsonObject) d).getLong("seq"))).containsExactly(3L, 4L, 5L);
    assertThat(rest.getLong("next")).isEqualTo(5L);
    JsonObject none = page("?after=5");
    assertThat(none.getJsonArray("value")).isEmpty();
    assertThat(none.containsKey("next")).isFalse();

    assertThat(sandbox.send("DELETE", "/_sandbox/deliveries", null, null).status()).isEqualTo(204);
    assertThat(page("").getJsonArray("value")).isEmpty();
    assertThat(page("").getLong("oldest")).isEqualTo(6L);
    sandbox.control("/mailboxes/" + DemoSeed.ADMIN + "/folders/inbox/messages", MailUsers.mail("M6", DemoSeed.ADMIN));
    assertThat(page("?after=5").getJsonArray("value").getJsonObject(0).getLong("seq")).isEqualTo(6L);

    assertThat(sandbox.control("/reset", new JsonObject()).status()).isEqualTo(204);
    assertThat(page("").getJsonArray("value")).isEmpty();
    assertThat(page("").getLong("oldest")).isEqualTo(7L);
  }

  @Test
  void badPagingIsRefusedNamingTheParameter() throws Exception {
    for (String query : List.of("?limit=0", "?limit=1001", "?limit=ten", "?after=-1", "?after=x")) {
      Http.Answer refused = sandbox.get("/_sandbox/deliveries" + query, null);
      assertThat(refused.status()).as(query).isEqualTo(400);
      assertThat(refused.json().getString("error")).startsWith(query.substring(1, query.indexOf('=')) + ": ");
    }
  }
}
