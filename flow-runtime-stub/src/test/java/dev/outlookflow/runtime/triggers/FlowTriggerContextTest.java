package dev.outlookflow.runtime.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.plugin.api.trigger.Emitted;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a flow's trigger context lets through to the runtime's emitters, and what it refuses at once. */
class FlowTriggerContextTest {
  record Mail(String subject) {}

  private final List<String> keys = new ArrayList<>();
  private final FlowTriggerContext context = new FlowTriggerContext("flow-1", new FlowTriggerContext.Emitters(
      event -> Future.succeededFuture("run-" + event.getString("subject")),
      (event, key) -> {
        keys.add(key);
        return Future.succeededFuture(new Emitted("run-" + key, true));
      }), null, null, Optional.empty(), null, null);

  @Test
  void aKeyedEmitHandsTheEventAndItsKeyOn() {
    Future<Emitted> emitted = context.emit(new Mail("Hello"), "AAkALg-1");
    assertThat(emitted.result()).isEqualTo(new Emitted("run-AAkALg-1", true));
    assertThat(keys).containsExactly("AAkALg-1");
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
  void stoppingWaitsForTheEmitsUnderWay() {
    Promise<Emitted> storing = Promise.promise();
    FlowTriggerContext slow = new FlowTriggerContext("flow-2", new FlowTriggerContext.Emitters(
        event -> Future.succeededFuture("run"), (event, key) -> storing.future()), null, null, Optional.empty(),
        null, null);
    Future<Emitted> underWay = slow.emit(new Mail("Now"), "k");
    Future<Void> stopped = slow.stop();
    assertThat(stopped.isComplete()).isFalse();
    storing.complete(new Emitted("run-k", true));
    assertThat(underWay.succeeded()).isTrue();
    assertThat(stopped.succeeded()).isTrue();
  }

  @Test
  void afterTheTriggerStoppedEveryEmitFailsAtOnce() {
    context.stop();
    Future<String> each = context.emit(new Mail("Late"));
    Future<Emitted> once = context.emit(new Mail("Late"), "k");
    assertThat(each.cause().getMessage()).isEqualTo("the trigger of flow flow-1 was stopped; it starts no more runs"
        + " until it is started again");
    assertThat(once.failed()).isTrue();
    assertThat(keys).isEmpty();
  }
}
