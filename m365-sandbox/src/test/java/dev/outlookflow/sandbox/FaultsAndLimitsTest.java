package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outlookflow.sandbox.support.Http;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.support.RunningSandbox;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import dev.outlookflow.sandbox.tenant.Seed;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Injected faults and Exchange's limits, deterministic so tests never flake. */
class FaultsAndLimitsTest {
  private RunningSandbox sandbox;
  private MailUsers users;

  private void start(Seed.Limits limits) throws Exception {
    sandbox = RunningSandbox.start(SandboxOptions.demo().withSeed(new Seed(DemoSeed.seed().tenants(), limits)));
    users = MailUsers.of(sandbox);
  }

  @AfterEach
  void stop() throws Exception {
    sandbox.close();
  }

  private Http.Answer inject(JsonObject rule) throws Exception {
    return sandbox.control("/faults", rule);
  }

  private Http.Answer listMessages() throws Exception {
    return sandbox.send("GET", "/v1.0/users/" + DemoSeed.ADMIN + "/messages?$top=10", users.app, null);
  }

  @Test
  void theNextNRequestsGetTheFaultWithGraphsBodyAndRetryAfter() throws Exception {
    start(Seed.Limits.GRAPH);
    inject(new JsonObject().put("method", "GET").put("path", "/v1.0/users/*/messages").put("times", 2)
        .put("fault", new JsonObject().put("type", "status").put("status", 429).put("retryAfter", "2.128")));

    Http.Answer first = listMessages();
    assertThat(first.status()).isEqualTo(429);
    assertThat(first.header("Retry-After")).isEqualTo("2.128");
    assertThat(first.json().getJsonObject("error").getString("code")).isEqualTo("TooManyRequests");
    assertThat(first.json().getJsonObject("error").getJsonObject("innerError").getString("status")).isEqualTo("429");
    assertThat(listMessages().status()).isEqualTo(429);
    assertThat(listMessages().status()).isEqualTo(200);
    assertThat(sandbox.get("/_sandbox/faults", null).json())
        .isEqualTo(new JsonObject().put("active", 0).put("fired", 2).put("held", 0));
  }

  @Test
  void eachServerErrorHasItsGraphCode() throws Exception {
    start(Seed.Limits.GRAPH);
    for (int status : new int[] {500, 502, 503, 504, 507}) {
      inject(new JsonObject().put("path", "/v1.0/**").put("times", 1)
          .put("fault", new JsonObject().put("type", "status").put("status", status).put("retryAfter", 3)));
      Http.Answer answer = listMessages();
      assertThat(answer.status()).isEqualTo(status);
      assertThat(answer.json().getJsonObject("error").getJsonObject("innerError").getString("request-id")).isNotBlank();
    }
  }

  @Test
  void theFaultRuleTheReadmeShowsIsTakenAsWritten() throws Exception {
    start(Seed.Limits.GRAPH);
    String readme = Files.readString(Path.of("README.md"));
    Matcher example = Pattern.compile("Example: `(\\{.*?\\})`").matcher(readme);
    assertThat(example.find()).as("the faults row of the README has an example").isTrue();

    Http.Answer added = inject(new JsonObject(example.group(1)));

    assertThat(added.status()).as(added.body()).isEqualTo(201);
  }

  @Test
  void aBodyGivenWithTheFaultIsServedAsGiven() throws Exception {
    start(Seed.Limits.GRAPH);
    inject(new JsonObject().put("path", "/v1.0/**").put("times", 1).put("fault", new JsonObject()
        .put("type", "status").put("status", 404).put("body", new JsonObject().put("code", "ResourceNotFound")
            .put("message", "Resource could not be discovered."))));
    inject(new JsonObject().put("path", "/v1.0/**").put("times", 1).put("fault", new JsonObject()
        .put("type", "status").put("status", 502).put("body", "Bad gateway")));

    Http.Answer topLevel = listMessages();
    Http.Answer text = listMessages();

    assertThat(topLevel.status()).isEqualTo(404);
    assertThat(topLevel.json().getString("code")).isEqualTo("ResourceNotFound");
    assertThat(text.status()).isEqualTo(502);
    assertThat(text.body()).isEqualTo("Bad gateway");
    assertThat(text.header("Content-Type")).startsWith("text/plain");
  }

  @Test
  void anInjected401IsGraphsAnswerToATokenItNoLongerAccepts() throws Exception {
    start(Seed.Limits.GRAPH);
    inject(new JsonObject().put("path", "/v1.0/**").put("times", 1)
        .put("fault", new JsonObject().put("type", "status").put("status", 401)));

    Http.Answer answer = listMessages();

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().getJsonObject("error").getString("code")).isEqualTo("InvalidAuthenticationToken");
    assertThat(listMessages().status()).as("the next request is served").isEqualTo(200);
  }

  @Test
  void aProbabilityWithASeedFaultsTheSameRequestsEveryRun() throws Exception {
    start(Seed.Limits.GRAPH);
    List<Integer> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      sandbox.post("/_sandbox/reset", "application/json", "");
      inject(new JsonObject().put("path", "/v1.0/users/*/messages").put("probability", 0.5).put("seed", 42)
          .put("fault", new JsonObject().put("type", "status").put("status", 503)));
      StringBuilder pattern = new StringBuilder();
      for (int i = 0; i < 20; i++) {
        pattern.append(listMessages().status() == 503 ? 'x' : '.');
      }
      runs.add(pattern.toString().hashCode());
      assertThat(pattern.toString()).contains("x", ".");
    }
    assertThat(runs.get(0)).isEqualTo(runs.get(1));
  }

  @Test
  void aConnectionDroppedAfterHandlingLeavesTheMailSent() throws Exception {
    start(Seed.Limits.GRAPH);
    inject(new JsonObject().put("method", "POST").put("path", "/v1.0/me/sendMail").put("times", 1)
        .put("fault", new JsonObject().put("type", "dropAfter")));

    assertThatThrownBy(() -> sandbox.send("POST", "/v1.0/me/sendMail", users.megan,
        new JsonObject().put("message", MailUsers.mail("Sent anyway", DemoSeed.USER)))).isInstanceOf(IOException.class);

    assertThat(sandbox.get("/_sandbox/mailboxes/" + DemoSeed.USER + "/folders/inbox/messages", null).json()
        .getJsonArray("value").getJsonObject(0).getString("subject")).isEqualTo("Sent anyway");
  }

  @Test
  void aConnectionDroppedBeforeHandlingSendsNothing() throws Exception {
    start(Seed.Limits.GRAPH);
    inject(new JsonObject().put("method", "POST").put("path", "/v1.0/me/sendMail").put("times", 1)
        .put("fault", new JsonObject().put("type", "dropBefore")));

    assertThatThrownBy(() -> sandbox.send("POST", "/v1.0/me/sendMail", users.megan,
        new JsonObject().put("message", MailUsers.mail("Never", DemoSeed.USER)))).isInstanceOf(IOException.class);

    assertThat(sandbox.get("/_sandbox/mailboxes/" + DemoSeed.USER + "/folders/inbox/messages", null).json()
        .getJsonArray("value")).isEmpty();
  }

  /**
   * Five requests at once: the sandbox holds each that gets past the limits until {@code held} are held
   * (a request refused at once is not), then releases them; the statuses they get. Nothing depends on
   * how fast the requests are sent: they overlap for certain.
   */
  private List<Integer> fiveAtOnce(List<String> mailboxes, int held) throws Exception {
    inject(new JsonObject().put("path", "/v1.0/users/*/messages").put("times", held)
        .put("fault", new JsonObject().put("type", "hold")));
    ExecutorService clients = Executors.newFixedThreadPool(5);
    try {
      List<Future<Http.Answer>> answers = new ArrayList<>();
      for (String mailbox : mailboxes) {
        answers.add(clients.submit(() -> sandbox.send("GET", "/v1.0/users/" + mailbox + "/messages", users.app, null)));
      }
      awaitHeld(held);
      // The ones refused at once have their answer before the held ones are let go.
      awaitAnswered(answers, mailboxes.size() - held);
      assertThat(sandbox.post("/_sandbox/faults/release", "application/json", "").json().getInteger("released"))
          .isEqualTo(held);
      List<Integer> statuses = new ArrayList<>();
      for (Future<Http.Answer> answer : answers) {
        statuses.add(answer.get(30, TimeUnit.SECONDS).status());
      }
      return statuses;
    } finally {
      clients.shutdown();
    }
  }

  private static void awaitAnswered(List<Future<Http.Answer>> answers, int count) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (answers.stream().filter(Future::isDone).count() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(count + " request(s) were never answered while the others were held");
      }
      Thread.sleep(10);
    }
  }

  private void awaitHeld(int count) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (sandbox.get("/_sandbox/faults", null).json().getInteger("held") < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the sandbox never held " + count + " requests at once");
      }
      Thread.sleep(10);
    }
  }

  /** The most requests each app and mailbox (or each app) had in flight at once, smallest first. */
  private List<Integer> peaks() throws Exception {
    JsonObject peaks = sandbox.get("/_sandbox/limits", null).json().getJsonObject("peakInFlight");
    return peaks.fieldNames().stream().map(peaks::getInteger).sorted().toList();
  }

  @Test
  void aFifthConcurrentRequestOnOneMailboxIsMailboxConcurrency() throws Exception {
    start(Seed.Limits.GRAPH);
    assertThat(fiveAtOnce(List.of(DemoSeed.ADMIN, DemoSeed.ADMIN, DemoSeed.ADMIN, DemoSeed.ADMIN, DemoSeed.ADMIN), 4))
        .containsExactlyInAnyOrder(200, 200, 200, 200, 429);
    assertThat(peaks()).containsExactly(4);
  }

  @Test
  void concurrencyOnDifferentMailboxesIsCountedApart() throws Exception {
    start(Seed.Limits.GRAPH);
    assertThat(fiveAtOnce(List.of(DemoSeed.ADMIN, DemoSeed.USER, DemoSeed.SHARED, DemoSeed.ADMIN, DemoSeed.USER), 5))
        .containsOnly(200);
    assertThat(peaks()).as("two requests at once on two of the mailboxes, one on the third").containsExactly(1, 2, 2);
  }

  @Test
  void concurrencyCanBeCountedPerAppAcrossMailboxes() throws Exception {
    start(new Seed.Limits(true, 4, 10_000, true));
    assertThat(fiveAtOnce(List.of(DemoSeed.ADMIN, DemoSeed.USER, DemoSeed.SHARED, DemoSeed.ADMIN, DemoSeed.USER), 4))
        .containsExactlyInAnyOrder(200, 200, 200, 200, 429);
    assertThat(peaks()).containsExactly(4);
  }

  @Test
  void theRequestRateLimitAnswersWhenASlotFrees() throws Exception {
    start(new Seed.Limits(true, 4, 3));
    for (int i = 0; i < 3; i++) {
      assertThat(listMessages().status()).isEqualTo(200);
    }
    Http.Answer limited = listMessages();
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.json().getJsonObject("error").getString("code")).isEqualTo("ApplicationThrottled");
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 600);
    sandbox.control("/clock", new JsonObject().put("advanceSeconds", 601));
    assertThat(listMessages().status()).isEqualTo(200);
  }

  @Test
  void throttlingOffServesEveryRequest() throws Exception {
    start(new Seed.Limits(false, 4, 1));
    for (int i = 0; i < 5; i++) {
      assertThat(listMessages().status()).isEqualTo(200);
    }
  }
}
