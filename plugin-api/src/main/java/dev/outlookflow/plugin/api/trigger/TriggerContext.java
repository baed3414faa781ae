package dev.outlookflow.plugin.api.trigger;

import dev.outlookflow.plugin.api.PluginEnvironment;
import dev.outlookflow.plugin.api.StepLog;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a trigger of one flow gets from the runtime. */
public interface TriggerContext<E> {
  /** The longest key {@link #emit(Object, String)} takes. */
  int MAX_KEY_LENGTH = 400;

  String flowId();

  /**
   * Starts a run of the flow with {@code event} (written as JSON) as {@code {{trigger}}}. Completes with the run id
   * only once the runtime has durably stored the run: a trigger moves its cursor after that, never
   * before.
   */
  Future<String> emit(E event);

  /**
   * Starts at most one run of the flow per {@code key} (such as a message's immutable id): the run and the key
   * are stored together, under a unique constraint, before this completes. An emit of a key the flow already
   * used answers that run with {@code created} false (the first event is the one that ran; the run itself may
   * since have been removed by run retention, the key is kept), whatever happened in between: a crash, a
   * restart, the same emit at the same moment. So a trigger may emit again whatever it is unsure of. A key is
   * 1 to {@value #MAX_KEY_LENGTH} characters, none a control character. Emits begun after the trigger was
   * stopped fail at once; stopping waits for those already under way.
   */
  Future<Emitted> emit(E event, String key);

  /**
   * As {@link #emit(Object, String)}, with the key's time (such as the mail's {@code receivedDateTime}):
   * what {@link #forgetKeysBefore} prunes by. A key emitted without one takes the time it was stored.
   */
  Future<Emitted> emit(E event, String key, Instant keyTime);

  /** The most events {@link #emitAll} takes at once. */
  int MAX_BATCH = 500;

  /**
   * Emits several keyed events at once, in their order, each as {@link #emit(Object, String, Instant)} would: at
   * most one run per key of the flow (a key used before, or twice in the batch, answers the run that holds it, not
   * created). The new runs are stored in one transaction before this completes, and are created (and later
   * executed) in the batch's order. Answers one {@link Emitted} per event, in the same order. 1 to
   * {@value #MAX_BATCH} events.
   */
  Future<List<Emitted>> emitAll(List<KeyedEvent<E>> events);

  /**
   * Records, at most once per key as {@link #emit(Object, String, Instant)} does, a run of the flow that failed
   * before its first step because the trigger could not make its event (a mail that cannot be read): the run
   * ends failed at once, its error carrying {@code reason} (a sentence, at most 1,000 characters), its trigger
   * event what the trigger knows ({@code event}, possibly partial). No step executes. A key already used answers
   * that run, not created.
   */
  Future<Emitted> emitFailed(E event, String key, Instant keyTime, String reason);

  /**
   * Forgets the flow's keys whose time is before {@code mark}, answering how many: call it with a mark older
   * than anything the trigger could emit again (its high-water mark minus the furthest a resync or an audit
   * reaches back). A forgotten key would start a second run if emitted again.
   */
  Future<Long> forgetKeysBefore(Instant mark);

  TriggerState state();

  /**
   * State the plugin shares across every flow that uses the connection in the trigger's connection field;
   * empty when the trigger has none.
   */
  Optional<SharedState> shared();

  /** Replaces the trigger's report (see {@link TriggerReport}); the runtime keeps the latest. */
  void report(TriggerReport report);

  Timers timers();

  /** The connection chosen in the trigger's connection field, if its form has one. */
  Optional<ConnectionHandle> connection();

  StepLog log();

  PluginEnvironment environment();
}
