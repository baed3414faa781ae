package dev.outlookflow.sandbox.bench;

import dev.outlookflow.sandbox.Sandbox;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The mail-stream benchmark: a sandbox with throttling off streams {@code count} mails at {@code perSecond}
 * (0: as fast as it can; with {@code -Dbench.backfill=true}, received over a past year) into four folders of
 * three mailboxes, through its control API, and prints
 * {@code BENCH} lines with the rate achieved (delivered over finishedAt - startedAt) and the worst lag behind
 * the schedule. Run by bench/sandbox-stream.sh ({@code -Dbench.count}, {@code -Dbench.perSecond}) in the
 * bench profile.
 */
class StreamBench {
  @Test
  void streamsAtTheAskedRate() throws Exception {
    int count = Integer.getInteger("bench.count", 60_000);
    int perSecond = Integer.getInteger("bench.perSecond", 1_000);
    Vertx vertx = Vertx.vertx();
    Sandbox sandbox = BenchServer.unthrottled(vertx);
    HttpClient http = HttpClient.newHttpClient();
    JsonObject spec = new JsonObject().put("count", count).put("perSecond", perSecond == 0 ? null : perSecond)
        .put("seed", 1)
        // A backfill: past received times spread over a year, as fast as the sandbox goes.
        .put("receivedBetween", Boolean.getBoolean("bench.backfill") ? new JsonObject()
            .put("from", "2025-01-01T00:00:00Z").put("to", "2025-12-31T23:59:59Z") : null)
        .put("targets", new JsonArray()
            .add(new JsonObject().put("mailbox", DemoSeed.ADMIN).put("folder", "inbox"))
            .add(new JsonObject().put("mailbox", DemoSeed.ADMIN).put("folder", "archive"))
            .add(new JsonObject().put("mailbox", DemoSeed.USER).put("folder", "inbox"))
            .add(new JsonObject().put("mailbox", DemoSeed.SHARED).put("folder", "inbox")));
    HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/_sandbox/streams"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(spec.encode())).build(),
        HttpResponse.BodyHandlers.ofString());
    if (started.statusCode() != 202) {
      throw new IllegalStateException("the stream did not start: " + started.statusCode() + " " + started.body());
    }
    String id = new JsonObject(started.body()).getString("id");
    JsonObject status;
    do {
      // A benchmark's poll of a minute-long stream, not a test's synchronisation.
      Thread.sleep(500);
      status = new JsonObject(http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/_sandbox/streams/" + id))
          .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    } while ("running".equals(status.getString("state")));
    if (!"done".equals(status.getString("state"))) {
      throw new IllegalStateException("the stream ended " + status.encode());
    }
    Duration took = Duration.between(Instant.parse(status.getString("startedAt")),
        Instant.parse(status.getString("finishedAt")));
    System.out.println("BENCH stream " + status.encode());
    System.out.printf("BENCH delivered %d (%s) in %.3f s: %.1f mails/s achieved%s%n", status.getInteger("delivered"),
        perSecond == 0 ? "as fast as possible" : perSecond + "/s asked", took.toMillis() / 1000.0,
        status.getInteger("delivered") * 1000.0 / took.toMillis(),
        perSecond == 0 ? "" : ", worst " + status.getLong("maxBehindMillis") + " ms behind schedule");
    sandbox.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
