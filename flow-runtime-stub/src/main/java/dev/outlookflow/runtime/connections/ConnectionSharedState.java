package dev.outlookflow.runtime.connections;

import dev.outlookflow.plugin.api.trigger.SharedState;
import dev.outlookflow.runtime.environment.RuntimeEnvironment;
import dev.outlookflow.runtime.secrets.DataKey;
import dev.outlookflow.runtime.secrets.SecretUnreadableException;
import dev.outlookflow.runtime.store.KeyText;
import dev.outlookflow.runtime.store.SharedStateStore;
import dev.outlookflow.runtime.store.SharedStateStore.Kind;
import io.vertx.core.Future;
import java.util.Locale;
import java.util.Optional;

/**
 * The state one plugin shares across the flows that use one connection. Keys and values are checked before
 * anything is stored. Sealed values are sealed with the connection's data key, bound to its workspace, the
 * connection, the plugin and the key (a row copied anywhere else does not open), on the plugin workers: a
 * value may be 256 Ki characters.
 */
final class ConnectionSharedState implements SharedState {
  private final SharedStateStore store;
  private final DataKey key;
  private final String workspaceId;
  private final String connectionId;
  private final String pluginId;
  private final RuntimeEnvironment environment;

  ConnectionSharedState(SharedStateStore store, DataKey key, String workspaceId, String connectionId,
      String pluginId, RuntimeEnvironment environment) {
    this.store = store;
    this.key = key;
    this.workspaceId = workspaceId;
    this.connectionId = connectionId;
    this.pluginId = pluginId;
    this.environment = environment;
  }

  @Override
  public Future<Optional<String>> get(String name) {
    return checked(name).compose(k -> store.get(connectionId, pluginId, k, Kind.PLAIN));
  }

  @Override
  public Future<Void> put(String name, String value) {
    return checked(name, value).compose(k -> store.put(connectionId, pluginId, k, Kind.PLAIN, value,
        environment.now()));
  }

  @Override
  public Future<Void> remove(String name) {
    return checked(name).compose(k -> store.remove(connectionId, pluginId, k));
  }

  @Override
  public Future<Optional<String>> getSealed(String name) {
    return checked(name)
        .compose(k -> store.get(connectionId, pluginId, k, Kind.SEALED))
        .compose(sealed -> sealed.isEmpty() ? Future.succeededFuture(Optional.empty())
            : environment.workers().executeBlocking(() -> Optional.of(open(name, sealed.get())), false));
  }

  @Override
  public Future<Void> putSealed(String name, String secret) {
    return checked(name, secret)
        .compose(k -> environment.workers().executeBlocking(() -> key.seal(secret, context(k)), false))
        .compose(sealed -> store.put(connectionId, pluginId, name, Kind.SEALED, sealed, environment.now()));
  }

  private String open(String name, String sealed) {
    try {
      return key.open(sealed, context(name));
    } catch (SecretUnreadableException e) {
      throw new SecretUnreadableException("the sealed shared value '" + name + "' of plugin " + pluginId
          + " on connection " + connectionId + " cannot be decrypted (" + e.getMessage() + "): it was sealed for "
          + "another connection, plugin or key; store it again with putSealed");
    }
  }

  /** What a sealed value is bound to: no part holds a line break (keys hold no control characters). */
  private String[] context(String name) {
    return new String[] {workspaceId, connectionId, "shared", pluginId, name};
  }

  private static Future<String> checked(String name) {
    return KeyText.problem("a shared state key", name, MAX_KEY_LENGTH)
        .map(problem -> Future.<String>failedFuture(new IllegalArgumentException(problem)))
        .orElseGet(() -> Future.succeededFuture(name));
  }

  /** The key, once it and the value are checked (the key first: a refusal names it). */
  private static Future<String> checked(String name, String value) {
    return checked(name).compose(k -> {
      if (value == null) {
        return Future.failedFuture(new IllegalArgumentException("the shared state value of key '" + k
            + "' is missing: pass a value, or remove the key"));
      }
      if (value.length() > MAX_VALUE_LENGTH) {
        return Future.failedFuture(new IllegalArgumentException(String.format(Locale.ROOT, "a shared state value "
            + "may be at most %,d characters; the one for key '%s' is %,d: keep less under one key",
            MAX_VALUE_LENGTH, k, value.length())));
      }
      return Future.succeededFuture(k);
    });
  }
}
