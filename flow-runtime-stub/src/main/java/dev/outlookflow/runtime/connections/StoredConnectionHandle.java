package dev.outlookflow.runtime.connections;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.plugin.api.connection.BlobStore;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.connection.ConnectionStatus;
import dev.outlookflow.plugin.api.connection.ConnectionType;
import dev.outlookflow.plugin.api.connection.Credentials;
import dev.outlookflow.plugin.api.trigger.SharedState;
import dev.outlookflow.runtime.environment.RuntimeEnvironment;
import dev.outlookflow.runtime.json.JsonBridge;
import dev.outlookflow.runtime.model.ConnectionRecord;
import dev.outlookflow.runtime.plugins.ExtensionCalls;
import dev.outlookflow.runtime.plugins.Registered;
import dev.outlookflow.runtime.problem.Problem;
import dev.outlookflow.runtime.secrets.DataKey;
import dev.outlookflow.runtime.store.ConnectionStore;
import dev.outlookflow.runtime.store.SharedStateStore;
import dev.outlookflow.uischema.binding.BindingException;
import dev.outlookflow.uischema.binding.RecordBinding;
import dev.outlookflow.uischema.form.Form;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** A stored connection handed to its type's extensions. */
final class StoredConnectionHandle implements ConnectionHandle {
  private final ConnectionRecord record;
  private final JsonObject properties;
  private final DataKey key;
  private final ConnectionType<?> type;
  private final Form form;
  private final ConnectionStore store;
  private final RuntimeEnvironment environment;
  /** Tells, without waiting, that a status this handle wrote brought the connection back to connected. */
  private final Runnable reconnected;
  private volatile boolean statusRecorded;
  /** The status as this handle last read or wrote it. */
  private volatile ConnectionStatus known;

  /** {@code properties} are the record's, secrets opened with {@code key}. */
  StoredConnectionHandle(ConnectionRecord record, JsonObject properties, DataKey key,
      Registered<ConnectionType<?>> type, ConnectionStore store, RuntimeEnvironment environment,
      Runnable reconnected) {
    this.record = record;
    this.properties = properties;
    this.key = key;
    this.type = type.extension();
    this.form = type.form();
    this.store = store;
    this.environment = environment;
    this.reconnected = reconnected;
    this.known = ConnectionStatus.fromValue(record.status());
  }

  @Override
  public String id() {
    return record.id();
  }

  @Override
  public String type() {
    return record.type();
  }

  @Override
  public String name() {
    return record.name();
  }

  @Override
  public <C extends Record> C properties(Class<C> recordType) {
    try {
      return RecordBinding.bind(values(), recordType);
    } catch (BindingException e) {
      throw noLongerFits(e);
    }
  }

  /** Whether the type signs in interactively with these properties. */
  boolean needsInteractiveSignIn() {
    try {
      return ExtensionCalls.needsInteractiveSignIn(type, values());
    } catch (BindingException e) {
      throw noLongerFits(e);
    }
  }

  /**
   * The stored properties with the form's defaults (a field added to the form since they were stored
   * gets its default), secrets opened: what the type's record is bound from.
   */
  private ObjectNode values() {
    return form.withDefaults(JsonBridge.tree(properties));
  }

  /** Properties stored by an earlier version of the type's plugin that its record cannot read any more. */
  private Problem noLongerFits(BindingException e) {
    return Problem.invalid("properties", "the stored properties of connection " + record.id() + " no longer fit "
        + "its type " + record.type() + " (" + e.getMessage() + "): enter them again with PUT /api/v1/connections/"
        + record.id());
  }

  @Override
  public dev.outlookflow.plugin.api.PluginEnvironment environment() {
    return environment;
  }

  @Override
  public BlobStore blobs() {
    return new ConnectionBlobs(store, environment, record.workspaceId(), record.id(), key);
  }

  /** The state {@code pluginId} shares across the flows that use this connection, sealed with its data key. */
  SharedState shared(SharedStateStore sharedStore, String pluginId) {
    return new ConnectionSharedState(sharedStore, key, record.workspaceId(), record.id(), pluginId, environment);
  }

  @Override
  public Future<Credentials> credentials() {
    return type.credentials(this);
  }

  @Override
  public ConnectionStatus status() {
    return known;
  }

  @Override
  public Future<Void> updateStatus(ConnectionStatus status, String message) {
    statusRecorded = true;
    known = status;
    return store.updateStatus(record.id(), status.value(), message, environment.now())
        .map(before -> toldIfReconnected(before, status));
  }

  @Override
  public Future<Void> confirmConnected(String message) {
    // Not a status the type decided: a test whose token was obtained afresh must end as one whose was cached.
    if (known == ConnectionStatus.CONNECTED) {
      // Connected as read when this handle was made (e.g. for this step), or since: no query spent.
      return Future.succeededFuture();
    }
    known = ConnectionStatus.CONNECTED;
    return store.confirmConnected(record.id(), message, environment.now())
        .map(before -> toldIfReconnected(before, ConnectionStatus.CONNECTED));
  }

  private Void toldIfReconnected(Optional<String> before, ConnectionStatus after) {
    if (ConnectionService.reconnected(before, after.value())) {
      reconnected.run();
    }
    return null;
  }

  /**
   * Whether the type recorded a status through this handle, e.g. while testing (the runtime then leaves
   * the status alone); confirming a connection does not count.
   */
  boolean statusRecorded() {
    return statusRecorded;
  }

  @Override
  public String toString() {
    return "connection " + record.id() + " (" + record.type() + ")";
  }
}
