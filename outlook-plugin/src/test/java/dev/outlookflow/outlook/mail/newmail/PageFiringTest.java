package dev.outlookflow.outlook.mail.newmail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.outlook.graph.GraphException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageFiringTest {
  private static final Instant RECEIVED = Instant.parse("2026-11-29T09:00:00Z");
  private static final Instant ROUND = Instant.parse("2026-11-29T09:05:00Z");
  private static final NewMail.Folder INBOX = new NewMail.Folder("inbox-id", "Inbox");

  private final FailingMails failing = new FailingMails();
  private final Map<String, Future<NewMail>> preparations = new HashMap<>();
  private final List<String> unfired = new ArrayList<>();
  private final List<String> fired = new ArrayList<>();

  @Test
  void theReadyMailsOfAPageAreEmittedTogetherInTheirOrder() {
    RecordingTriggerContext flow = new RecordingTriggerContext(mail -> false);

    Future<Void> page = PageFiring.fire(round(flow, 5), candidates("a", "b", "c"));

    assertThat(page.succeeded()).isTrue();
    assertThat(flow.batches).containsExactly(List.of("a", "b", "c"));
    assertThat(fired).containsExactly("a", "b", "c");
  }

  @Test
  void aMailStillBeingPreparedDoesNotHoldUpTheMailsBehindIt() {
    RecordingTriggerContext flow = new RecordingTriggerContext(mail -> false);
    Promise<NewMail> slow = Promise.promise();
    preparations.put("a", slow.future());

    Future<Void> page = PageFiring.fire(round(flow, 5), candidates("a", "b", "c"));

    assertThat(flow.batches).as("b and c run while a's attachments are still downloading")
        .containsExactly(List.of("b", "c"));
    assertThat(page.isComplete()).as("the page (and its cursor) waits for a").isFalse();
    slow.complete(mail("a"));
    assertThat(flow.batches).containsExactly(List.of("b", "c"), List.of("a"));
    assertThat(page.succeeded()).isTrue();
  }

  @Test
  void aBatchTheRuntimeRefusesIsEmittedAgainMailByMailSoThatOnlyTheBadMailIsHeldBack() {
    RecordingTriggerContext flow = new RecordingTriggerContext(mail -> mail.id().equals("b"));

    Future<Void> page = PageFiring.fire(round(flow, 5), candidates("a", "b", "c"));

    assertThat(page.succeeded()).isTrue();
    assertThat(flow.batches).containsExactly(List.of("a", "b", "c"), List.of("a"), List.of("b"), List.of("c"));
    assertThat(fired).containsExactly("a", "c");
    assertThat(unfired).as("the round keeps its cursor for b").containsExactly("b");
    assertThat(failing.snapshot().get("b").rounds()).isEqualTo(1);
    assertThat(flow.failedRuns).as("not yet: b may succeed next round").isEmpty();
  }

  @Test
  void aMailThatFailsItsLastAllowedRoundBecomesAFailedRunCarryingTheReason() {
    RecordingTriggerContext flow = new RecordingTriggerContext(mail -> false);
    preparations.put("b", Future.failedFuture(new IllegalStateException("the attachment could not be read")));
    failing.failed("b", "earlier", ROUND.minusSeconds(2));
    failing.failed("b", "earlier", ROUND.minusSeconds(1));

    Future<Void> page = PageFiring.fire(round(flow, 3), candidates("a", "b"));

    assertThat(page.succeeded()).isTrue();
    assertThat(flow.failedRuns).containsExactly("b");
    assertThat(flow.reasons.get(0)).contains("in 3 rounds in a row").contains("the attachment could not be read");
    assertThat(unfired).as("the cursor moves on").isEmpty();
    assertThat(failing.size()).isZero();
    assertThat(fired).containsExactly("a", "b");
  }

  @Test
  void aMailGraphRefusesAsMalformedBecomesAFailedRunAtOnce() {
    RecordingTriggerContext flow = new RecordingTriggerContext(mail -> false);
    preparations.put("a", Future.failedFuture(graph(400)));

    PageFiring.fire(round(flow, 5), candidates("a"));

    assertThat(flow.failedRuns).containsExactly("a");
  }

  @Test
  void throttlingAnOutageOrAnAccessProblemIsTriedAgainNotGivenUpAtOnce() {
    for (int status : new int[] {401, 403, 408, 409, 429, 500, 503}) {
      assertThat(PageFiring.hopeless(graph(status))).as(String.valueOf(status)).isFalse();
    }
    assertThat(PageFiring.hopeless(new IllegalStateException("a lost connection"))).isFalse();
    assertThat(PageFiring.hopeless(graph(400))).isTrue();
    assertThat(PageFiring.hopeless(graph(413))).isTrue();
  }

  @Test
  void manyMailsArePreparedAtMostFourAtATime() {
    RecordingTriggerContext flow = new RecordingTriggerContext(mail -> false);
    List<Promise<NewMail>> slow = new ArrayList<>();
    String[] ids = IntStream.range(0, 10).mapToObj(i -> "m" + i).toArray(String[]::new);
    for (String id : ids) {
      Promise<NewMail> promise = Promise.promise();
      slow.add(promise);
      preparations.put(id, promise.future());
    }
    int[] started = {0};
    PageFiring.Round round = round(flow, 5, id -> started[0]++);

    Future<Void> page = PageFiring.fire(round, candidates(ids));

    assertThat(started[0]).isEqualTo(PageFiring.PREPARING);
    for (int i = 0; i < ids.length; i++) {
      slow.get(i).complete(mail(ids[i]));
    }
    assertThat(started[0]).isEqualTo(ids.length);
    assertThat(page.succeeded()).isTrue();
    assertThat(flow.batches.stream().mapToInt(List::size).sum()).isEqualTo(ids.length);
  }

  @Test
  void aMailWhoseAttachmentsCannotBeReadStillFiresForAFlowThatWantsNothingOfThem() {
    RecordingTriggerContext plainFlow = new RecordingTriggerContext(mail -> false);
    RecordingTriggerContext attachmentsFlow = new RecordingTriggerContext(mail -> false);
    preparations.put("a", Future.failedFuture(new IllegalStateException("the attachments could not be read")));

    PageFiring.fire(round(List.of(subscriber(plainFlow, false), subscriber(attachmentsFlow, true)), 5, id -> {},
        ROUND), candidates("a"));

    assertThat(plainFlow.batches).as("its run does not wait for attachments it never asked for")
        .containsExactly(List.of("a"));
    assertThat(attachmentsFlow.batches).isEmpty();
    assertThat(unfired).as("held back for the flow that wants them").containsExactly("a");
  }

  @Test
  void aMailFailingInSeveralPassesOfOneRoundCountsOneRound() {
    RecordingTriggerContext flow = new RecordingTriggerContext(mail -> false);
    preparations.put("a", Future.failedFuture(new IllegalStateException("unreadable")));

    PageFiring.fire(round(List.of(subscriber(flow, true)), 2, id -> {}, ROUND), candidates("a"));
    PageFiring.fire(round(List.of(subscriber(flow, true)), 2, id -> {}, ROUND), candidates("a"));

    assertThat(failing.snapshot().get("a").rounds()).as("the delta and the audit of one round").isEqualTo(1);
    assertThat(flow.failedRuns).isEmpty();
    PageFiring.fire(round(List.of(subscriber(flow, true)), 2, id -> {}, ROUND.plusSeconds(30)), candidates("a"));
    assertThat(flow.failedRuns).as("the next round is the second").containsExactly("a");
  }

  @Test
  void aMailGivenUpOnIsAnsweredWithItsFailedRunWhenReadAgainNotCountedAnew() {
    RecordingTriggerContext flow = new RecordingTriggerContext(mail -> false);
    preparations.put("a", Future.failedFuture(graph(400)));
    PageFiring.fire(round(flow, 5), candidates("a"));

    PageFiring.fire(round(List.of(subscriber(flow, true)), 5, id -> {}, ROUND.plusSeconds(30)), candidates("a"));

    assertThat(flow.failedRuns).as("asked again, the runtime's key answers the same run").containsExactly("a", "a");
    assertThat(unfired).as("never holds the cursor again").isEmpty();
  }

  @Test
  void aReasonLongerThanTheRuntimeTakesIsCutNotRefused() {
    RecordingTriggerContext flow = new RecordingTriggerContext(mail -> false);
    preparations.put("a", Future.failedFuture(graph(400, "x".repeat(5_000))));

    PageFiring.fire(round(flow, 5), candidates("a"));

    assertThat(flow.reasons.get(0)).hasSize(FailingMails.MAX_REASON).endsWith("…");
  }

  @Test
  void aFailureWhileEmittingHoldsTheMailsBackInsteadOfPassingThemBy() {
    RecordingTriggerContext flow = new RecordingTriggerContext(mail -> false);
    PageFiring.Round round = round(flow, 5);
    PageFiring.Round throwing = new DelegatingRound(round) {
      @Override
      public Instant floor(Subscriber target) {
        throw new IllegalStateException("a bug");
      }
    };

    Future<Void> page = PageFiring.fire(throwing, candidates("a", "b"));

    assertThat(page.succeeded()).isTrue();
    assertThat(unfired).containsExactlyInAnyOrder("a", "b");
  }

  private PageFiring.Round round(RecordingTriggerContext flow, int attempts) {
    return round(flow, attempts, id -> {});
  }

  private PageFiring.Round round(RecordingTriggerContext flow, int attempts,
      java.util.function.Consumer<String> preparing) {
    return round(List.of(subscriber(flow, true)), attempts, preparing, ROUND);
  }

  private static Subscriber subscriber(RecordingTriggerContext flow, boolean includeAttachments) {
    NewMailProperties properties = new NewMailProperties("c1", null, null, false, 1, null, null, null, null, null,
        null, null, null, includeAttachments, false);
    return new Subscriber(flow, null, null, FlowChoices.of(properties, Duration.ofSeconds(1)), RECEIVED,
        RECEIVED.minusSeconds(60), null);
  }

  private PageFiring.Round round(List<Subscriber> subscribers, int attempts,
      java.util.function.Consumer<String> preparing, Instant started) {
    return new PageFiring.Round() {
      @Override
      public List<Subscriber> targets() {
        return subscribers;
      }

      @Override
      public Instant started() {
        return started;
      }

      @Override
      public NewMail plain(PageFiring.Candidate candidate) {
        return mail(candidate.id());
      }

      @Override
      public Instant floor(Subscriber target) {
        return RECEIVED.minusSeconds(60);
      }

      @Override
      public Future<NewMail> prepare(PageFiring.Candidate candidate) {
        preparing.accept(candidate.id());
        return preparations.getOrDefault(candidate.id(), Future.succeededFuture(mail(candidate.id())));
      }

      @Override
      public NewMail partial(PageFiring.Candidate candidate) {
        return NewMail.partial(candidate.message(), "adele@contoso.com", INBOX);
      }

      @Override
      public int attempts() {
        return attempts;
      }

      @Override
      public FailingMails failing() {
        return failing;
      }

      @Override
      public void fired(PageFiring.Candidate candidate, List<Subscriber.Outcome> outcomes, boolean failedRun) {
        fired.add(candidate.id());
      }

      @Override
      public void unfired(PageFiring.Candidate candidate, String reason) {
        unfired.add(candidate.id());
      }

      @Override
      public String explain(Throwable failure) {
        return failure.getMessage();
      }
    };
  }

  private static List<PageFiring.Candidate> candidates(String... ids) {
    List<PageFiring.Candidate> candidates = new ArrayList<>();
    for (String id : ids) {
      candidates.add(new PageFiring.Candidate(message(id), id, RECEIVED));
    }
    return candidates;
  }

  private static JsonObject message(String id) {
    return new JsonObject().put("id", id).put("subject", "Mail " + id).put("receivedDateTime", RECEIVED.toString());
  }

  private static NewMail mail(String id) {
    return NewMail.of(message(id), "adele@contoso.com", INBOX);
  }

  private static GraphException graph(int status) {
    return graph(status, "refused");
  }

  private static GraphException graph(int status, String message) {
    return new GraphException(status, "Code" + status, List.of(), message, "request-1");
  }
}
