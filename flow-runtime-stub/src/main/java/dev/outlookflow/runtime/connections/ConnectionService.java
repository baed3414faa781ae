package dev.outlookflow.runtime.connections;

import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.connection.ConnectionStatus;
import dev.outlookflow.plugin.api.connection.ConnectionTestResult;
import dev.outlookflow.plugin.api.connection.ConnectionType;
import dev.outlookflow.runtime.JsonBridge;
import dev.outlookflow.runtime.RuntimeEnvironment;
import dev.outlookflow.runtime.plugins.ExtensionRegistry;
import dev.outlookflow.runtime.plugins.Registered;
import dev.outlookflow.runtime.problem.Problem;
import dev.outlookflow.runtime.problem.Validators;
import dev.outlookflow.runtime.store.ConnectionRecord;
import dev.outlookflow.runtime.store.ConnectionStore;
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

/** Creates, changes, tests and removes connections, and hands them to extensions. */
public final class ConnectionService {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionService.class);

  private final ExtensionRegistry registry;
  private final ConnectionStore store;
  private final RuntimeEnvironment environment;
  private final Validators validators;

  public ConnectionService(ExtensionRegistry registry, ConnectionStore store, RuntimeEnvironment environment,
      Validators validators) {
    this.registry = registry;
    this.store = store;
    this.environment = environment;
    this.validators = validators;
  }

  public Future<ConnectionRecord> create(JsonObject body) {
    ConnectionInput input = ConnectionInput.parse(body);
    Registered<ConnectionType> type = type(input.type());
    JsonObject properties = checkedProperties(type.extension(), input.properties());
    long now = environment.now();
    ConnectionRecord record = new ConnectionRecord(UUID.randomUUID().toString(), type.id(),
        input.name(), properties, ConnectionStatus.NEW.value(), null, null, now, now);
    return store.insert(record).map(record);
  }

  public Future<ConnectionRecord> update(String id, JsonObject body) {
    ConnectionInput input = ConnectionInput.parse(body);
    return get(id).compose(existing -> {
      if (!existing.type().equals(input.type())) {
        throw Problem.invalid("type", "the type of a connection cannot change (it is "
            + existing.type() + "); create a new connection instead");
      }
      ConnectionType type = type(existing.type()).extension();
      JsonObject properties = checkedProperties(type, keepSecrets(type.form(), existing, input.properties()));
      return store.update(id, input.name(), properties, environment.now()).compose(v -> get(id));
    });
  }

  public Future<ConnectionRecord> get(String id) {
    return store.find(id).map(found -> found.orElseThrow(() -> Problem.notFound("connection", id)));
  }

  public Future<List<ConnectionRecord>> list() {
    return store.list();
  }

  /** Lets the type release what it holds, then deletes the connection, its blobs and sign-ins. */
  public Future<Void> delete(String id) {
    return handle(id)
        .compose(handle -> type(handle.type()).extension().disconnect(handle)
            .recover(e -> {
              LOG.warn("connection {}: disconnect failed, deleting anyway: {}", id, e.getMessage());
              return Future.succeededFuture();
            }))
        .compose(v -> store.delete(id))
        .mapEmpty();
  }

  /** Tests the connection and records the outcome as its status. */
  public Future<ConnectionTestResult> test(String id) {
    return handle(id).compose(handle -> type(handle.type()).extension().test(handle)
        .recover(e -> Future.succeededFuture(ConnectionTestResult.failed(e.getMessage())))
        .compose(result -> handle.updateStatus(
                result.ok() ? ConnectionStatus.CONNECTED : ConnectionStatus.ERROR, result.message(), null)
            .map(result)));
  }

  public Future<ConnectionHandle> handle(String id) {
    return get(id).map(record -> new StoredConnectionHandle(
        record, type(record.type()).extension(), store, environment));
  }

  /**
   * The connection chosen in a form's connection field, checked to be of the field's type; empty
   * when the form has no connection field or it is left blank.
   */
  public Future<Optional<ConnectionHandle>> forForm(Form form, JsonObject values) {
    for (FieldDefinition field : form.fieldsOfType(FieldType.CONNECTION)) {
      Object chosen = values.getValue(field.name());
      if (chosen instanceof String id && !id.isBlank()) {
        return store.find(id).map(found -> {
          ConnectionRecord record = found.orElseThrow(() -> Problem.invalid(field.name(),
              "no connection with id '" + id + "'; pick one from GET /api/v1/connections"));
          if (!record.type().equals(field.connectionType())) {
            throw Problem.invalid(field.name(), "connection '" + id + "' is a " + record.type()
                + " connection; this field needs a " + field.connectionType() + " connection");
          }
          return Optional.of(new StoredConnectionHandle(
              record, type(record.type()).extension(), store, environment));
        });
      }
    }
    return Future.succeededFuture(Optional.empty());
  }

  Registered<ConnectionType> type(String id) {
    return registry.connectionType(id).orElseThrow(() -> Problem.invalid("type",
        "unknown connection type '" + id + "'; loaded types: " + registry.connectionTypes().stream()
            .map(Registered::id).collect(Collectors.joining(", "))));
  }

  /** A secret left out of an update keeps its stored value: the API never sends secrets back. */
  private static JsonObject keepSecrets(Form form, ConnectionRecord existing, JsonObject given) {
    JsonObject merged = given.copy();
    for (FieldDefinition field : form.fieldsOfType(FieldType.SECRET)) {
      if (!merged.containsKey(field.name()) && existing.properties().containsKey(field.name())) {
        merged.put(field.name(), existing.properties().getValue(field.name()));
      }
    }
    return merged;
  }

  private JsonObject checkedProperties(ConnectionType type, JsonObject given) {
    Form form = type.form();
    JsonObject properties = JsonBridge.object(form.withDefaults(JsonBridge.tree(given)));
    List<FieldError> errors = new ArrayList<>(validators.of(form).validate(JsonBridge.tree(properties)));
    errors.addAll(type.validate(properties));
    if (!errors.isEmpty()) {
      throw Problem.invalid("the connection's properties are not valid",
          errors.stream().map(e -> e.under("properties")).toList());
    }
    return properties;
  }
}
