package dev.outlookflow.runtime.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.plugin.api.trigger.Emitted;
import dev.outlookflow.plugin.api.trigger.KeyedEvent;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import dev.outlookflow.plugin.api.trigger.TriggerReport;
import dev.outlookflow.runtime.engine.PrefixedLog;
import dev.outlookflow.runtime.environment.RuntimeEnvironment;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a flow's trigger context lets through to the runtime's emitters, and what it refuses at once. */
class FlowTriggerContextTest {
  record Mail(String subject) {}

  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  private final List<String> keys = new ArrayList<>();
  private final List<Long> keyTimes = new ArrayList<>();
  private final List<Long> marks = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private final FlowTriggerContext context = context(new FlowTriggerContext.Emitters(
      event -> Future.succeededFuture("run-" + event.getString("subject")),
      batch -> {
        batch.forEach(item -> {
          keys.add(item.key());
          keyTimes.add(item.keyTime());
          failures.add(item.failure());
        });
        return Future.succeededFuture(batch.stream().map(item -> new Emitted("run-" + item.key(), true)).toList());
      },
      mark -> {
        marks.add(mark);
        return Future.succeededFuture(3L);
      }));

  private static FlowTriggerContext context(FlowTriggerContext.Emitters emitters) {
    RuntimeEnvironment environment = new RuntimeEnvironment(null, null, null, Clock.fixed(NOW, ZoneOffset.UTC),
        () -> "http://127.0.0.1", Optional.empty(), Map.of());
    return new FlowTriggerContext("flow-1", emitters, null, Optional.empty(), null, Optional.empty(),
        new PrefixedLog("test", "flow flow-1 trigger test/t"), environment);
  }

  @Test
  void aKeyedEmitHandsTheEventAndItsKeyOnWithoutATimeSoTheStoreUsesItsOwn() {
    Future<Emitted> emitted = context.emit(new Mail("Hello"), "AAkALg-1");
    assertThat(emitted.result()).isEqualTo(new Emitted("run-AAkALg-1", true));
    assertThat(keys).containsExactly("AAkALg-1");
    assertThat(keyTimes).containsExactly((Long) null);
  }

  @Test
  void aKeyEmittedWithItsTimeHandsTheTimeOnAsEpochMillis() {
    Instant received = Instant.parse("2026-03-01T08:00:00.250Z");
    assertThat(context.emit(new Mail("Hello"), "k", received).succeeded()).isTrue();
    assertThat(keyTimes).containsExactly(received.toEpochMilli());
  }

  @Test
  void aKeyTimeMustBeGivenAndFitTheStore() {
    Future<Emitted> missing = context.emit(new Mail("Hello"), "k", null);
    assertThat(missing.cause()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the key's time is missing");
    Future<Emitted> beyond = context.emit(new Mail("Hello"), "k", Instant.MAX);
    assertThat(beyond.cause()).hasMessageContaining("is out of range");
    assertThat(keys).isEmpty();
  }

  @Test
  void aKeyMustBeOneToFourHundredCharacters() {
    for (String key : new String[] {null, "", "k".repeat(TriggerContext.MAX_KEY_LENGTH + 1)}) {
      Future<Emitted> refused = context.emit(new Mail("Hello"), key);
      assertThat(refused.failed()).isTrue();
      assertThat(refused.cause().getMessage()).startsWith("a trigger's key must be 1 to 400 characters long");
    }
    assertThat(context.emit(new Mail("Hello"), "k".repeat(TriggerContext.MAX_KEY_LENGTH)).succeeded()).isTrue();
  }

  @Test
  void aKeyHoldsNoControlCharacterNorHalfASurrogatePair() {
    for (String key : new String[] {"a\u0000b", "line\nbreak", "half \uD83D", "\uDE00 alone"}) {
      Future<Emitted> refused = context.emit(new Mail("Hello"), key);
      assertThat(refused.cause().getMessage()).as(key)
          .startsWith("a trigger's key may not hold control characters or half of a surrogate pair");
    }
    assertThat(context.emit(new Mail("Hello"), "smile \uD83D\uDE00 AAkALg=").succeeded()).isTrue();
  }

  @Test
  void forgettingKeysHandsTheMarkOnAndAnswersTheCount() {
    assertThat(context.forgetKeysBefore(Instant.ofEpochMilli(1_000)).result()).isEqualTo(3L);
    assertThat(marks).containsExactly(1_000L);
    assertThat(context.forgetKeysBefore(null).cause()).hasMessageStartingWith("the mark is missing");
  }

  @Test
  void aBatchIsHandedOnInItsOrderEachKeyCheckedAndItsSizeBounded() {
    List<KeyedEvent<Object>> batch = List.of(new KeyedEvent<>(new Mail("A"), "a", Instant.ofEpochMilli(5)),
        new KeyedEvent<>(new Mail("B"), "b", null));
    assertThat(context.emitAll(batch).result()).extracting(Emitted::runId).containsExactly("run-a", "run-b");
    assertThat(keys).containsExactly("a", "b");
    assertThat(keyTimes).as("no time: the time it is stored").containsExactly(5L, null);

    assertThat(context.emitAll(List.of(new KeyedEvent<>(new Mail("C"), "c", null),
        new KeyedEvent<>(new Mail("D"), "", null))).cause()).hasMessageStartingWith("event 1 of the batch: ")
        .hasMessageEndingWith("; nothing of the batch was emitted");
    assertThat(context.emitAll(List.of()).cause()).hasMessageContaining("emitAll takes 1 to 500");
    assertThat(context.emitAll(Collections.nCopies(501, new KeyedEvent<>(new Mail("E"), "e", null))).cause())
        .hasMessageStartingWith("a batch of 501 events");
    assertThat(keys).as("nothing of a refused batch is handed on").containsExactly("a", "b");
  }

  @Test
  void aFailedEmitCarriesItsReasonWhichIsBounded() {
    assertThat(context.emitFailed(new Mail("?"), "m1", null, "the mail cannot be read").result().runId())
        .isEqualTo("run-m1");
    assertThat(failures).containsExactly("the mail cannot be read");
    assertThat(context.emitFailed(new Mail("?"), "m2", null, "x".repeat(1_001)).cause())
        .hasMessageStartingWith("the reason is 1001 characters");
    assertThat(context.emitFailed(new Mail("?"), "m3", null, " ").cause()).hasMessageStartingWith(
        "the reason is missing");
  }

  @Test
  void stoppingWaitsForTheEmitsUnderWay() {
    Promise<Emitted> storing = Promise.promise();
    FlowTriggerContext slow = context(new FlowTriggerContext.Emitters(
        event -> Future.succeededFuture("run"), batch -> storing.future().map(List::of),
        mark -> Future.succeededFuture(0L)));
    Future<Emitted> underWay = slow.emit(new Mail("Now"), "k");
    Future<Void> stopped = slow.stop();
    assertThat(stopped.isComplete()).isFalse();
    storing.complete(new Emitted("run-k", true));
    assertThat(underWay.succeeded()).isTrue();
    assertThat(stopped.succeeded()).isTrue();
  }

  @Test
  void afterTheTriggerStoppedEveryEmitAndEveryForgettingFailsAtOnce() {
    context.stop();
    Future<String> each = context.emit(new Mail("Late"));
    Future<Emitted> once = context.emit(new Mail("Late"), "k");
    Future<Long> forgot = context.forgetKeysBefore(NOW);
    assertThat(each.cause().getMessage()).isEqualTo("the trigger of flow flow-1 was stopped; it starts no more runs"
        + " until it is started again");
    assertThat(once.failed()).isTrue();
    assertThat(forgot.failed()).isTrue();
    assertThat(keys).isEmpty();
    assertThat(marks).isEmpty();
  }

  @Test
  void theLatestReportIsKeptWithItsTime() {
    context.report(report("first"));
    context.report(report("second"));
    assertThat(context.latestReport().report().getString("why")).isEqualTo("second");
    assertThat(context.latestReport().at()).isEqualTo(NOW);
  }

  @Test
  void aReportThatCannotBeReadIsLeftOutAndTheOneBeforeItKept() {
    context.report(report("readable"));
    List<TriggerReport.Source> failing = new AbstractList<>() {
      @Override
      public TriggerReport.Source get(int index) {
        throw new IllegalStateException("this list fails as it is read");
      }

      @Override
      public int size() {
        return 1;
      }
    };
    context.report(new TriggerReport("polling", "unreadable", null, failing));
    context.report(null);
    assertThat(context.latestReport().report().getString("why")).isEqualTo("readable");
  }

  @Test
  void aStoppedTriggerReportsNothing() {
    context.stop();
    context.report(report("late"));
    assertThat(context.latestReport()).isNull();
  }

  private static TriggerReport report(String why) {
    return new TriggerReport("polling", why, null, List.of());
  }
}
