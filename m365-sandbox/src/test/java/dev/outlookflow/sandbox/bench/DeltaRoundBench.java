package dev.outlookflow.sandbox.bench;

import dev.outlookflow.sandbox.Sandbox;
import dev.outlookflow.sandbox.mail.Mailbox;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The delta benchmark: a round with one change since its token, on a folder of 10 messages and on one of
 * 100,000 (the journal makes both cost the same). For each folder it syncs once, delivers one mail, then
 * asks the same deltaLink again and again over loopback HTTP from one client, and prints the rounds'
 * latency and rate ({@code BENCH} lines). Run by bench/sandbox-delta.sh ({@code -Dbench.messages},
 * {@code -Dbench.rounds}) in the bench profile.
 */
class DeltaRoundBench {
  @Test
  void aRoundWithOneChangeCostsTheSameWhateverTheFolderHolds() throws Exception {
    int many = Integer.getInteger("bench.messages", 100_000);
    int rounds = Integer.getInteger("bench.rounds", 20_000);
    Vertx vertx = Vertx.vertx();
    Sandbox sandbox = BenchServer.unthrottled(vertx);
    Mailbox small = sandbox.mail().mailbox(DemoSeed.ADMIN).orElseThrow();
    Mailbox large = sandbox.mail().mailbox(DemoSeed.USER).orElseThrow();
    BenchServer.fill(small, 10);
    BenchServer.fill(large, many);
    String token = BenchServer.appToken(sandbox);
    HttpClient http = HttpClient.newHttpClient();
    System.out.printf("BENCH machine: %d cores; java %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    String smallLink = deltaLinkWithOneChange(sandbox, http, token, small);
    String largeLink = deltaLinkWithOneChange(sandbox, http, token, large);
    measure(http, token, smallLink, rounds / 4);
    measure(http, token, largeLink, rounds / 4);
    // Twice in turn, so neither folder gains from running after the other (JIT, caches).
    for (int pass = 1; pass <= 2; pass++) {
      report(small, http, token, smallLink, rounds);
      report(large, http, token, largeLink, rounds);
    }
    sandbox.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    vertx.close();
  }

  private static void report(Mailbox mailbox, HttpClient http, String token, String link, int rounds)
      throws Exception {
    long[] nanos = measure(http, token, link, rounds);
    Arrays.sort(nanos);
    long total = Arrays.stream(nanos).sum();
    System.out.printf("BENCH folder of %,d: %,d rounds, %.0f rounds/s, p50 %.3f ms, p99 %.3f ms%n",
        mailbox.count(mailbox.folder("inbox").orElseThrow().id(), false), rounds,
        rounds / (total / 1e9), nanos[rounds / 2] / 1e6, nanos[rounds * 99 / 100] / 1e6);
  }

  /** Syncs the inbox to its deltaLink, then delivers one mail: the link's next round has one change. */
  private static String deltaLinkWithOneChange(Sandbox sandbox, HttpClient http, String token, Mailbox mailbox)
      throws Exception {
    String next = sandbox.baseUrl() + "/v1.0/users/" + mailbox.ownerId() + "/mailFolders/inbox/messages/delta"
        + "?%24select=subject";
    while (true) {
      JsonObject page = new JsonObject(get(http, token, next, "odata.maxpagesize=1000"));
      if (page.containsKey("@odata.deltaLink")) {
        BenchServer.fill(mailbox, 1);
        String link = page.getString("@odata.deltaLink");
        int changes = new JsonObject(get(http, token, link, "odata.maxpagesize=10")).getJsonArray("value").size();
        if (changes != 1) {
          throw new IllegalStateException("the round should hold one change, not " + changes);
        }
        return link;
      }
      next = page.getString("@odata.nextLink");
    }
  }

  private static long[] measure(HttpClient http, String token, String link, int rounds) throws Exception {
    long[] nanos = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      get(http, token, link, "odata.maxpagesize=10");
      nanos[i] = System.nanoTime() - start;
    }
    return nanos;
  }

  private static String get(HttpClient http, String token, String url, String prefer) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token).header("Prefer", prefer).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return response.body();
  }
}
