package dev.outlookflow.outlook.mail.newmail;

import dev.outlookflow.plugin.api.PluginEnvironment;
import dev.outlookflow.plugin.api.StepLog;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.trigger.Emitted;
import dev.outlookflow.plugin.api.trigger.KeyedEvent;
import dev.outlookflow.plugin.api.trigger.SharedState;
import dev.outlookflow.plugin.api.trigger.Timers;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import dev.outlookflow.plugin.api.trigger.TriggerReport;
import dev.outlookflow.plugin.api.trigger.TriggerState;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The part of a flow's trigger context that emits, as the runtime keeps it (one run per key), recording each
 * call; {@code refuses} names the events the runtime refuses to store. Only what {@link PageFiring} uses.
 */
final class RecordingTriggerContext implements TriggerContext<NewMail> {
  final List<List<String>> batches = new ArrayList<>();
  final List<String> failedRuns = new ArrayList<>();
  final List<String> reasons = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();
  private final Predicate<NewMail> refuses;

  RecordingTriggerContext(Predicate<NewMail> refuses) {
    this.refuses = refuses;
  }

  @Override
  public Future<List<Emitted>> emitAll(List<KeyedEvent<NewMail>> events) {
    batches.add(events.stream().map(KeyedEvent::key).toList());
    if (events.stream().map(KeyedEvent::event).anyMatch(refuses)) {
      return Future.failedFuture(new IllegalArgumentException("the event is too large for this runtime"));
    }
    return Future.succeededFuture(events.stream().map(e -> new Emitted("run-" + e.key(), keys.add(e.key()))).toList());
  }

  @Override
  public Future<Emitted> emitFailed(NewMail event, String key, Instant keyTime, String reason) {
    failedRuns.add(key);
    reasons.add(reason);
    return Future.succeededFuture(new Emitted("run-" + key, keys.add(key)));
  }

  @Override
  public String flowId() {
    return "flow-1";
  }

  @Override
  public Future<String> emit(NewMail event) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Future<Emitted> emit(NewMail event, String key) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Future<Emitted> emit(NewMail event, String key, Instant keyTime) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Future<Long> forgetKeysBefore(Instant mark) {
    throw new UnsupportedOperationException();
  }

  @Override
  public TriggerState state() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<SharedState> shared() {
    return Optional.empty();
  }

  @Override
  public void report(TriggerReport report) {}

  @Override
  public Timers timers() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<ConnectionHandle> connection() {
    return Optional.empty();
  }

  @Override
  public StepLog log() {
    throw new UnsupportedOperationException();
  }

  @Override
  public PluginEnvironment environment() {
    throw new UnsupportedOperationException();
  }
}
