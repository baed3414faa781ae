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
import java.util.List;
import java.util.Optional;

/**
 * A flow's trigger context as the subscriber of one of the flow's folders sees it, so that a watcher serves a flow
 * with many folders as it serves one with a single folder: emits go to the flow's own context; the watcher's report
 * becomes this folder's part of the flow's report; the state a subscriber keeps (its covered round) is this
 * folder's own (the flow's chosen folder keeps the flow's plain keys); pruning the flow's keys waits for the mark of
 * each of its folders, as one folder's newest mail says nothing of another's.
 */
final class FolderContext implements TriggerContext<NewMail> {
  private final TriggerContext<NewMail> flow;
  private final String folderId;
  private final FlowFolders folders;
  private final TriggerState state;

  /** {@code stateSuffix}: appended to this folder's state keys; empty for the flow's chosen folder. */
  FolderContext(TriggerContext<NewMail> flow, String folderId, String stateSuffix, FlowFolders folders) {
    this.flow = flow;
    this.folderId = folderId;
    this.folders = folders;
    this.state = stateSuffix.isEmpty() ? flow.state() : new TriggerState() {
      @Override
      public Future<Optional<String>> get(String key) {
        return flow.state().get(key + stateSuffix);
      }

      @Override
      public Future<Void> put(String key, String value) {
        return flow.state().put(key + stateSuffix, value);
      }

      @Override
      public Future<Void> remove(String key) {
        return flow.state().remove(key + stateSuffix);
      }
    };
  }

  @Override
  public String flowId() {
    return flow.flowId();
  }

  @Override
  public Future<String> emit(NewMail event) {
    return flow.emit(event);
  }

  @Override
  public Future<Emitted> emit(NewMail event, String key) {
    return flow.emit(event, key);
  }

  @Override
  public Future<Emitted> emit(NewMail event, String key, Instant keyTime) {
    return flow.emit(event, key, keyTime);
  }

  @Override
  public Future<List<Emitted>> emitAll(List<KeyedEvent<NewMail>> events) {
    return flow.emitAll(events);
  }

  @Override
  public Future<Emitted> emitFailed(NewMail event, String key, Instant keyTime, String reason) {
    return flow.emitFailed(event, key, keyTime, reason);
  }

  @Override
  public Future<Long> forgetKeysBefore(Instant mark) {
    return folders.forgetKeysBefore(folderId, mark);
  }

  @Override
  public TriggerState state() {
    return state;
  }

  @Override
  public Optional<SharedState> shared() {
    return flow.shared();
  }

  @Override
  public void report(TriggerReport report) {
    folders.reported(folderId, report);
  }

  @Override
  public Timers timers() {
    return flow.timers();
  }

  @Override
  public Optional<ConnectionHandle> connection() {
    return flow.connection();
  }

  @Override
  public StepLog log() {
    return flow.log();
  }

  @Override
  public PluginEnvironment environment() {
    return flow.environment();
  }
}
