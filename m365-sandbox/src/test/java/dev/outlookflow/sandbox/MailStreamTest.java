package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.Http;
import dev.outlookflow.sandbox.support.MailTest;
import dev.outlookflow.sandbox.support.Streams;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /_sandbox/streams}: generated mail delivered in the background, the same for the same seed. */
class MailStreamTest extends MailTest {



  private static JsonArray targets(String... mailboxAndFolder) {
    JsonArray targets = new JsonArray();
    for (int i = 0; i + 1 < mailboxAndFolder.length; i += 2) {
      targets.add(new JsonObject().put("mailbox", mailboxAndFolder[i]).put("folder", mailboxAndFolder[i + 1]));
    }
    return targets;
  }

  /** A folder's messages (with attachments), oldest first. */
  private List<JsonObject> folder(String mailbox, String folder) throws Exception {
    List<JsonObject> messages = new ArrayList<>();
    sandbox.get("/_sandbox/mailboxes/" + mailbox + "/folders/" + folder + "/messages", null).json()
        .getJsonArray("value").forEach(m -> messages.add(0, (JsonObject) m));
    return messages;
  }

  private static List<String> subjects(List<JsonObject> messages) {
    return messages.stream().map(m -> m.getString("subject")).toList();
  }

  @Test
  void aStreamDeliversItsCountRoundRobinAndReportsItsProgress() throws Exception {
    String id = Streams.start(sandbox, new JsonObject().put("count", 9).put("seed", 3)
        .put("targets", targets(DemoSeed.ADMIN, "inbox", DemoSeed.USER, "archive", DemoSeed.SHARED, "inbox")));
    JsonObject status = Streams.finished(sandbox, id);
    assertThat(status.getString("id")).isEqualTo(id);
    assertThat(status.getString("state")).isEqualTo("done");
    assertThat(status.getInteger("count")).isEqualTo(9);
    assertThat(status.getInteger("delivered")).isEqualTo(9);
    assertThat(status.getValue("perSecond")).isNull();
    assertThat(status.getValue("maxBehindMillis")).isNull();
    assertThat(Instant.parse(status.getString("finishedAt"))).isAfterOrEqualTo(Instant.parse(status.getString("startedAt")));
    assertThat(folder(DemoSeed.ADMIN, "inbox")).hasSize(3);
    assertThat(folder(DemoSeed.USER, "archive")).hasSize(3);
    List<JsonObject> sales = folder(DemoSeed.SHARED, "inbox");
    assertThat(sales).hasSize(3);
    for (JsonObject message : sales) {
      assertThat(message.getBoolean("isRead")).isFalse();
      assertThat(message.getJsonArray("toRecipients").getJsonObject(0).getJsonObject("emailAddress")
          .getString("address")).isEqualTo(DemoSeed.SHARED);
      assertThat(message.getString("importance")).isIn("low", "normal", "high");
      assertThat(message.getJsonObject("body").getString("content").length()).isBetween(100, 1000);
    }
  }

  @Test
  void theSameSeedMakesTheSameMailInTheSameOrderAndAnotherSeedOther() throws Exception {
    JsonObject backfill = new JsonObject().put("count", 40).put("seed", 42).put("receivedBetween",
        new JsonObject().put("from", "2024-01-01T00:00:00Z").put("to", "2024-01-31T00:00:00Z"));
    Streams.finished(sandbox, Streams.start(sandbox, backfill.copy().put("targets", targets(DemoSeed.ADMIN, "inbox"))));
    Streams.finished(sandbox, Streams.start(sandbox, backfill.copy().put("targets", targets(DemoSeed.USER, "inbox"))));
    Streams.finished(sandbox, Streams.start(sandbox, backfill.copy().put("seed", 43)
        .put("targets", targets(DemoSeed.SHARED, "inbox"))));

    List<JsonObject> first = folder(DemoSeed.ADMIN, "inbox");
    List<JsonObject> second = folder(DemoSeed.USER, "inbox");
    assertThat(subjects(first)).hasSize(40).doesNotHaveDuplicates().isEqualTo(subjects(second));
    assertThat(first.stream().map(m -> m.getJsonObject("from").getJsonObject("emailAddress").getString("address")))
        .containsExactlyElementsOf(second.stream()
            .map(m -> m.getJsonObject("from").getJsonObject("emailAddress").getString("address")).toList());
    assertThat(subjects(folder(DemoSeed.SHARED, "inbox"))).isNotEqualTo(subjects(first));
    assertThat(first.get(0).getString("receivedDateTime")).isEqualTo("2024-01-01T00:00:00Z");
    assertThat(first.get(39).getString("receivedDateTime")).isEqualTo("2024-01-31T00:00:00Z");
    assertThat(first.stream().map(m -> m.getJsonObject("from").getJsonObject("emailAddress").getString("address"))
        .distinct().count()).isBetween(2L, 20L);
  }

  @Test
  void attachmentsAreGeneratedInTheSandboxWithTheSizesAsked() throws Exception {
    Streams.finished(sandbox, Streams.start(sandbox, new JsonObject().put("count", 6).put("seed", 5)
        .put("targets", targets(DemoSeed.ADMIN, "inbox"))
        .put("attachments", new JsonObject().put("probability", 1).put("minBytes", 1000).put("maxBytes", 200_000))
        .put("bodyBytes", new JsonObject().put("min", 300).put("max", 300))));
    for (JsonObject message : folder(DemoSeed.ADMIN, "inbox")) {
      assertThat(message.getBoolean("hasAttachments")).isTrue();
      assertThat(message.getJsonObject("body").getString("content")).hasSize(300);
      JsonObject attachment = message.getJsonArray("attachments").getJsonObject(0);
      int size = attachment.getInteger("size");
      assertThat(size).isBetween(1000, 200_000);
      assertThat(Base64.getDecoder().decode(attachment.getString("contentBytes"))).hasSize(size);
      assertThat(attachment.getString("name")).isNotBlank();
    }
  }

  @Test
  void aStreamWithARateReportsHowFarBehindItFell() throws Exception {
    String id = Streams.start(sandbox, new JsonObject().put("count", 20).put("perSecond", 200)
        .put("targets", targets(DemoSeed.ADMIN, "inbox")));
    JsonObject status = Streams.finished(sandbox, id);
    assertThat(status.getString("state")).isEqualTo("done");
    assertThat(status.getInteger("delivered")).isEqualTo(20);
    assertThat(status.getInteger("perSecond")).isEqualTo(200);
    assertThat(status.getLong("maxBehindMillis")).isNotNegative();
    assertThat(folder(DemoSeed.ADMIN, "inbox")).hasSize(20);
  }

  @Test
  void aCancelledStreamStopsWhereItIsAndAResetForgetsStreams() throws Exception {
    String id = Streams.start(sandbox, new JsonObject().put("count", 10_000).put("perSecond", 1)
        .put("targets", targets(DemoSeed.ADMIN, "inbox")));
    Http.Answer cancelled = sandbox.send("DELETE", "/_sandbox/streams/" + id, null, null);
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.json().getString("state")).isEqualTo("cancelled");
    assertThat(cancelled.json().getString("finishedAt")).isNotNull();
    assertThat(folder(DemoSeed.ADMIN, "inbox")).hasSize(cancelled.json().getInteger("delivered"));
    assertThat(sandbox.get("/_sandbox/streams/" + id, null).json().getString("state")).isEqualTo("cancelled");

    String running = Streams.start(sandbox, new JsonObject().put("count", 10_000).put("perSecond", 1)
        .put("targets", targets(DemoSeed.ADMIN, "inbox")));
    assertThat(sandbox.control("/reset", new JsonObject()).status()).isEqualTo(204);
    assertThat(sandbox.get("/_sandbox/streams/" + running, null).status()).isEqualTo(404);
    assertThat(sandbox.get("/_sandbox/streams/" + id, null).status()).isEqualTo(404);
    assertThat(sandbox.send("DELETE", "/_sandbox/streams/nope", null, null).status()).isEqualTo(404);
  }

  static Stream<Arguments> refused() {
    JsonArray inbox = targets(DemoSeed.ADMIN, "inbox");
    JsonObject valid = new JsonObject().put("count", 10).put("targets", inbox);
    JsonArray many = new JsonArray();
    for (int i = 0; i < 101; i++) {
      many.add(new JsonObject().put("mailbox", DemoSeed.ADMIN));
    }
    return Stream.of(
        Arguments.of(new JsonObject().put("targets", inbox), "count"),
        Arguments.of(valid.copy().put("count", 0), "count"),
        Arguments.of(valid.copy().put("count", 200_001), "count"),
        Arguments.of(valid.copy().put("count", 1.5), "count"),
        Arguments.of(valid.copy().put("perSecond", 0), "perSecond"),
        Arguments.of(valid.copy().put("perSecond", 10_001), "perSecond"),
        Arguments.of(valid.copy().put("targets", new JsonArray()), "targets"),
        Arguments.of(valid.copy().put("targets", many), "targets"),
        Arguments.of(valid.copy().put("targets", targets("nobody@example.com", "inbox")), "targets[0].mailbox"),
        Arguments.of(valid.copy().put("targets", targets(DemoSeed.ADMIN, "inbox", DemoSeed.USER, "nope")),
            "targets[1].folder"),
        Arguments.of(valid.copy().put("targets", targets(DemoSeed.UNLICENSED, "inbox")), "targets[0].mailbox"),
        Arguments.of(valid.copy().put("senders", 0), "senders"),
        Arguments.of(valid.copy().put("seed", "forty-two"), "seed"),
        Arguments.of(valid.copy().put("attachments", new JsonObject().put("probability", 1.5).put("minBytes", 1)
            .put("maxBytes", 2)), "attachments.probability"),
        Arguments.of(valid.copy().put("attachments", new JsonObject().put("probability", 1).put("minBytes", 1)
            .put("maxBytes", 3 * 1024 * 1024 + 1)), "attachments.maxBytes"),
        Arguments.of(valid.copy().put("attachments", new JsonObject().put("probability", 1).put("minBytes", 10)
            .put("maxBytes", 5)), "attachments.minBytes"),
        Arguments.of(valid.copy().put("count", 1000).put("attachments", new JsonObject().put("probability", 0.5)
            .put("minBytes", 1).put("maxBytes", 3 * 1024 * 1024)), "attachments"),
        Arguments.of(valid.copy().put("bodyBytes", new JsonObject().put("min", 1).put("max", 64 * 1024 + 1)),
            "bodyBytes.max"),
        Arguments.of(valid.copy().put("count", 200_000).put("bodyBytes", new JsonObject().put("min", 1)
            .put("max", 64 * 1024)), "bodyBytes"),
        Arguments.of(valid.copy().put("receivedBetween", new JsonObject().put("from", "2024-02-01T00:00:00Z")
            .put("to", "2024-01-01T00:00:00Z")), "receivedBetween.to"),
        Arguments.of(valid.copy().put("receivedBetween", new JsonObject().put("from", "last week")
            .put("to", "2024-01-01T00:00:00Z")), "receivedBetween.from"),
        Arguments.of(valid.copy().put("perSecnd", 5), "perSecnd"));
  }

  @ParameterizedTest
  @MethodSource
  void refused(JsonObject spec, String field) throws Exception {
    Http.Answer answer = sandbox.control("/streams", spec);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().getString("error")).startsWith(field + ": ");
    assertThat(sandbox.get("/_sandbox/deliveries", null).json().getJsonArray("value")).isEmpty();
  }
}
