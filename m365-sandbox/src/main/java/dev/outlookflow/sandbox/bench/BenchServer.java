package dev.outlookflow.sandbox.bench;

import dev.outlookflow.sandbox.Sandbox;
import dev.outlookflow.sandbox.SandboxOptions;
import dev.outlookflow.sandbox.mail.Mailbox;
import dev.outlookflow.sandbox.mail.Messages;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import dev.outlookflow.sandbox.tenant.Seed;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * For the message-list benchmark: a sandbox with throttling off, one mailbox holding a few messages
 * and one holding many, and an app token. Prints {@code BENCH <small url> <large url> <token>}; the
 * load comes from another process (bench/sandbox-messages.sh runs wrk).
 */
public final class BenchServer {
  private BenchServer() {}

  public static void main(String[] args) throws Exception {
    int many = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Vertx vertx = Vertx.vertx();
    Sandbox sandbox = unthrottled(vertx);
    fill(sandbox.mail().mailbox(DemoSeed.ADMIN).orElseThrow(), 20);
    fill(sandbox.mail().mailbox(DemoSeed.USER).orElseThrow(), many);
    String token = appToken(sandbox);
    String query = "/messages?%24top=10";
    System.out.println("BENCH " + sandbox.baseUrl() + "/v1.0/users/" + DemoSeed.ADMIN + query + " "
        + sandbox.baseUrl() + "/v1.0/users/" + DemoSeed.USER + "/mailFolders/inbox" + query + " "
        + token);
  }

  /** The demo tenant with throttling off: a benchmark measures the sandbox, not Graph's limits. */
  static Sandbox unthrottled(Vertx vertx) throws Exception {
    Seed seed = new Seed(DemoSeed.seed().tenants(), new Seed.Limits(false, 4, 10_000));
    return Sandbox.start(vertx, SandboxOptions.demo().withSeed(seed))
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** An app-only token of the demo tenant's runtime app, admin consent granted first. */
  static String appToken(Sandbox sandbox) throws Exception {
    sandbox.state().setAdminConsent(DemoSeed.TENANT_ID, DemoSeed.RUNTIME_CLIENT_ID, true);
    String form = "grant_type=client_credentials&client_id=" + DemoSeed.RUNTIME_CLIENT_ID + "&client_secret="
        + URLEncoder.encode(DemoSeed.RUNTIME_CLIENT_SECRET, StandardCharsets.UTF_8)
        + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default";
    HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(sandbox.baseUrl() + "/" + DemoSeed.TENANT_ID + "/oauth2/v2.0/token"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
        .build(), HttpResponse.BodyHandlers.ofString());
    return new JsonObject(token.body()).getString("access_token");
  }

  /** Adds messages received a second apart, after those already there. */
  static void fill(Mailbox mailbox, int count) {
    String inbox = mailbox.folder("inbox").orElseThrow().id();
    Instant start = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(mailbox.count(inbox, false));
    for (int i = 0; i < count; i++) {
      JsonObject message = new JsonObject().put("subject", "Message " + i)
          .put("body", new JsonObject().put("contentType", "text").put("content", "Body of message " + i))
          .put("toRecipients", new JsonArray().add(Messages.recipient(mailbox.address(), mailbox.displayName())));
      Instant received = start.plusSeconds(i);
      mailbox.add(inbox, Messages.resource(message, Messages.recipient("sender@example.com", "Sender"), null, false,
          received), received);
    }
  }
}
