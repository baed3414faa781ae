package dev.outlookflow.runtime.connections;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.connection.ConnectionStatus;
import dev.outlookflow.plugin.api.connection.ConnectionTestResult;
import dev.outlookflow.plugin.api.connection.ConnectionType;
import dev.outlookflow.plugin.api.trigger.SharedState;
import dev.outlookflow.runtime.environment.RuntimeEnvironment;
import dev.outlookflow.runtime.json.JsonBridge;
import dev.outlookflow.runtime.logs.LogSafe;
import dev.outlookflow.runtime.model.ConnectionRecord;
import dev.outlookflow.runtime.plugins.ExtensionCalls;
import dev.outlookflow.runtime.plugins.ExtensionRegistry;
import dev.outlookflow.runtime.plugins.Registered;
import dev.outlookflow.runtime.problem.Problem;
import dev.outlookflow.runtime.problem.Validators;
import dev.outlookflow.runtime.secrets.DataKey;
import dev.outlookflow.runtime.secrets.MasterKeys;
import dev.outlookflow.runtime.secrets.SecretUnreadableException;
import dev.outlookflow.runtime.store.ConnectionStore;
import dev.outlookflow.runtime.store.SharedStateStore;
import dev.outlookflow.uischema.form.FieldDefinition;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.Form;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, changes, tests and removes the connections of a workspace, and hands them to extensions.
 * Secret properties are sealed before they are stored and opened only for the extension.
 */
public final class ConnectionService {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionService.class);

  private final ExtensionRegistry registry;
  private final ConnectionStore store;
  private final RuntimeEnvironment environment;
  private final Validators validators;
  private final MasterKeys masterKeys;
  private final SharedStateStore shared;
  /** Set once by the composition root, which builds what listens after this service. */
  private volatile ConnectionChangeListener listener = ConnectionChangeListener.NONE;

  public ConnectionService(ExtensionRegistry registry, ConnectionStore store, SharedStateStore shared,
      RuntimeEnvironment environment, Validators validators, MasterKeys masterKeys) {
    this.registry = registry;
    this.store = store;
    this.shared = shared;
    this.environment = environment;
    this.validators = validators;
    this.masterKeys = masterKeys;
  }

  /** Who hears that a connection was updated, signed in again or reconnected. */
  public void onChange(ConnectionChangeListener listener) {
    this.listener = listener;
  }

  /** Tells the listener; what it fails to do is logged, never the caller's failure. */
  Future<Void> changed(String workspaceId, String id) {
    return listener.changed(workspaceId, id).recover(e -> {
      LOG.warn("connection {}: what uses it could not take its change in: {}", id, LogSafe.text(e.getMessage()));
      return Future.succeededFuture();
    });
  }

  /**
   * Whether a status write that replaced {@code before} (empty: nothing was written) brought the connection
   * back to {@code connected} after it needed a reconnect or was disconnected.
   */
  static boolean reconnected(Optional<String> before, String after) {
    return ConnectionStatus.CONNECTED.value().equals(after) && before.filter(status ->
        status.equals(ConnectionStatus.NEEDS_RECONNECT.value())
            || status.equals(ConnectionStatus.DISCONNECTED.value())).isPresent();
  }

  public Future<ConnectionRecord> create(String workspaceId, JsonObject body) {
    ConnectionInput input = ConnectionInput.parse(body);
    Registered<ConnectionType<?>> type = type(input.type());
    JsonObject properties = checkedProperties(type, input.properties());
    String id = UUID.randomUUID().toString();
    DataKey key = MasterKeys.newDataKey();
    long now = environment.now();
    ConnectionRecord record = new ConnectionRecord(id, workspaceId, type.id(), input.name(),
        ConnectionSecrets.seal(type.form(), properties, key, workspaceId, id), masterKeys.wrap(key),
        ConnectionStatus.NEW.value(), null, now, now);
    return store.insert(record).map(record);
  }

  public Future<ConnectionRecord> update(String workspaceId, String id, JsonObject body) {
    ConnectionInput input = ConnectionInput.parse(body);
    return get(workspaceId, id).compose(existing -> {
      if (!existing.type().equals(input.type())) {
        throw Problem.invalid("type", "the type of connection " + id + " cannot change (it is "
            + existing.type() + "); create a new connection instead");
      }
      Registered<ConnectionType<?>> type = type(existing.type());
      DataKey key = masterKeys.unwrap(existing.dataKey());
      JsonObject stored = ConnectionSecrets.open(existing.properties(), key, workspaceId, id);
      JsonObject properties = checkedProperties(type, keepSecrets(type.form(), stored, input.properties()));
      JsonObject sealed = ConnectionSecrets.seal(type.form(), properties, key, workspaceId, id);
      return store.update(id, input.name(), sealed, environment.now())
          .compose(v -> changed(workspaceId, id))
          .compose(v -> get(workspaceId, id));
    });
  }

  public Future<ConnectionRecord> get(String workspaceId, String id) {
    return store.find(workspaceId, id).map(found -> found.orElseThrow(() -> Problem.notFound("connection", id)));
  }

  public Future<List<ConnectionRecord>> list(String workspaceId) {
    return store.list(workspaceId);
  }

  /** Lets the type release what it holds, then deletes the connection, its data key, blobs and sign-ins. */
  public Future<Void> delete(String workspaceId, String id) {
    return get(workspaceId, id)
        .compose(record -> handle(record)
            .compose(handle -> type(handle.type()).extension().disconnect(handle))
            .recover(e -> {
              LOG.warn("connection {}: disconnect failed, deleting anyway: {}", id, LogSafe.text(e.getMessage()));
              return Future.succeededFuture();
            }))
        .compose(v -> store.delete(id))
        .mapEmpty();
  }

  /**
   * Lets the type release its tokens (the configuration, secrets included, stays, so signing in
   * again reconnects), forgets the state plugins share on it (it belonged to the sign-in that is gone) and
   * marks the connection disconnected.
   */
  public Future<ConnectionRecord> disconnect(String workspaceId, String id) {
    return get(workspaceId, id)
        .compose(record -> handle(record).compose(handle -> type(handle.type()).extension().disconnect(handle)))
        .compose(v -> shared.clear(id))
        .compose(v -> store.updateStatus(id, ConnectionStatus.DISCONNECTED.value(), "Disconnected: its tokens are "
            + "removed. To reconnect, sign in again (POST /api/v1/connections/" + id + "/authorize answers the "
            + "link) or, for a connection without sign-in, test it (POST /api/v1/connections/" + id + "/test).",
            environment.now()))
        .compose(v -> get(workspaceId, id));
  }

  /**
   * Tests the connection and records the outcome as its status, unless the type recorded one while
   * testing (e.g. {@code needs_reconnect} with what to do, or {@code connected} though one mailbox failed).
   */
  public Future<ConnectionTestResult> test(String workspaceId, String id) {
    return get(workspaceId, id).compose(record -> handle(record)
        .compose(handle -> type(handle.type()).extension().test(handle)
            .recover(e -> Future.succeededFuture(ConnectionTestResult.failed(e.getMessage())))
            .map(result -> new Tested(result, handle.statusRecorded())))
        .recover(unreadable -> Future.succeededFuture(
            new Tested(ConnectionTestResult.failed(unreadable.getMessage()), false)))
        .compose(tested -> tested.statusRecorded()
            ? Future.succeededFuture(tested.result())
            : recordTested(workspaceId, id, tested.result())));
  }

  /** Records a test's outcome as the status; one that reconnects the connection is a change its users hear. */
  private Future<ConnectionTestResult> recordTested(String workspaceId, String id, ConnectionTestResult result) {
    String status = (result.ok() ? ConnectionStatus.CONNECTED : ConnectionStatus.ERROR).value();
    return store.updateStatus(id, status, result.message(), environment.now())
        .compose(before -> reconnected(before, status) ? changed(workspaceId, id) : Future.succeededFuture())
        .map(result);
  }

  /** A test's outcome, and whether the type recorded the status itself while testing. */
  private record Tested(ConnectionTestResult result, boolean statusRecorded) {}

  public Future<ConnectionHandle> handle(String workspaceId, String id) {
    return stored(workspaceId, id).map(ConnectionHandle.class::cast);
  }

  Future<StoredConnectionHandle> stored(String workspaceId, String id) {
    return get(workspaceId, id).compose(this::handle);
  }

  /**
   * A handle for a sign-in to complete with: a status it writes tells no listener, since a completed sign-in
   * tells them once itself.
   */
  Future<ConnectionHandle> forSignIn(String workspaceId, String id) {
    return get(workspaceId, id).compose(record -> handle(record, () -> {})).map(ConnectionHandle.class::cast);
  }

  /**
   * The state {@code pluginId} shares across the flows that use the connection of {@code connection}, a handle
   * this service made.
   */
  public SharedState sharedState(ConnectionHandle connection, String pluginId) {
    if (!(connection instanceof StoredConnectionHandle stored)) {
      throw new IllegalArgumentException(connection + " was not made by this runtime's connection service");
    }
    return stored.shared(shared, pluginId);
  }

  /**
   * The record as extensions see it: secrets opened; fails clearly when they do not decrypt. A status the
   * type writes through it that reconnects the connection is told to the listener, without waiting for it:
   * the type may be writing it from a trigger the listener restarts.
   */
  private Future<StoredConnectionHandle> handle(ConnectionRecord record) {
    return handle(record, () -> changed(record.workspaceId(), record.id()));
  }

  private Future<StoredConnectionHandle> handle(ConnectionRecord record, Runnable reconnected) {
    try {
      DataKey key = masterKeys.unwrap(record.dataKey());
      JsonObject properties = ConnectionSecrets.open(record.properties(), key, record.workspaceId(), record.id());
      return Future.succeededFuture(new StoredConnectionHandle(record, properties, key,
          type(record.type()), store, environment, reconnected));
    } catch (SecretUnreadableException e) {
      LOG.error("connection {}: its secrets cannot be decrypted: {}", record.id(), LogSafe.text(e.getMessage()));
      return Future.failedFuture(new SecretUnreadableException("the secrets of connection " + record.id()
          + " cannot be decrypted (" + e.getMessage() + "); enter them again with PUT /api/v1/connections/"
          + record.id()));
    }
  }

  /** As {@link #forForm(String, Form, JsonObject)}, for values a step's input resolved to. */
  public Future<Optional<ConnectionHandle>> forForm(String workspaceId, Form form, ObjectNode values) {
    JsonObject chosen = new JsonObject();
    for (FieldDefinition field : form.fieldsOfType(FieldType.CONNECTION)) {
      if (values.path(field.name()).isTextual()) {
        chosen.put(field.name(), values.get(field.name()).asText());
      }
    }
    return forForm(workspaceId, form, chosen);
  }

  /** The connection chosen in a form's connection field, handed to the extension (secrets opened). */
  public Future<Optional<ConnectionHandle>> forForm(String workspaceId, Form form, JsonObject values) {
    return chosen(workspaceId, form, values).compose(record -> record.isPresent()
        ? handle(record.get()).map(h -> Optional.<ConnectionHandle>of(h))
        : Future.succeededFuture(Optional.empty()));
  }

  /**
   * The connection chosen in a form's connection field, checked to be in the workspace and of the
   * field's type; empty when the form has no connection field or it is left blank.
   */
  public Future<Optional<ConnectionRecord>> chosen(String workspaceId, Form form, JsonObject values) {
    for (FieldDefinition field : form.fieldsOfType(FieldType.CONNECTION)) {
      Object chosen = values.getValue(field.name());
      if (chosen instanceof String id && !id.isBlank()) {
        return store.find(workspaceId, id).map(found -> {
          ConnectionRecord record = found.orElseThrow(() -> Problem.invalid(field.name(),
              "no connection with id '" + id + "' in this workspace; pick one from GET /api/v1/connections"));
          if (!record.type().equals(field.connectionType())) {
            throw Problem.invalid(field.name(), "connection '" + id + "' is a " + record.type()
                + " connection; this field needs a " + field.connectionType() + " connection");
          }
          return Optional.of(record);
        });
      }
    }
    return Future.succeededFuture(Optional.empty());
  }

  Registered<ConnectionType<?>> type(String id) {
    return registry.connectionType(id).orElseThrow(() -> Problem.invalid("type",
        "unknown connection type '" + id + "'; loaded types: " + registry.connectionTypes().stream()
            .map(Registered::id).collect(Collectors.joining(", "))));
  }

  /** A secret left out of an update keeps its stored value: the API never sends secrets back. */
  private static JsonObject keepSecrets(Form form, JsonObject stored, JsonObject given) {
    JsonObject merged = given.copy();
    for (FieldDefinition field : form.fieldsOfType(FieldType.SECRET)) {
      if (!merged.containsKey(field.name()) && stored.containsKey(field.name())) {
        merged.put(field.name(), stored.getValue(field.name()));
      }
    }
    return merged;
  }

  private JsonObject checkedProperties(Registered<ConnectionType<?>> type, JsonObject given) {
    Form form = type.form();
    ObjectNode values = form.withDefaults(JsonBridge.tree(given));
    List<FieldError> errors = new ArrayList<>(validators.of(form).validate(values));
    if (errors.isEmpty()) {
      // The type's own rules read well-formed properties only: they are bound to its record.
      errors.addAll(ExtensionCalls.validate(type.extension(), values));
    }
    if (!errors.isEmpty()) {
      throw Problem.invalid("the connection's properties are not valid",
          errors.stream().map(e -> e.under("properties")).toList());
    }
    return JsonBridge.object(values);
  }
}
