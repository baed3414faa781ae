package dev.outlookflow.runtime.connections;

import dev.outlookflow.plugin.api.PluginEnvironment;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.connection.SignInContext;
import dev.outlookflow.runtime.RuntimeEnvironment;
import dev.outlookflow.runtime.problem.Problem;
import dev.outlookflow.runtime.store.ConnectionRecord;
import dev.outlookflow.runtime.store.ConnectionStore;
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Interactive sign-in: a one-time {@code state} bound server-side to the connection and to what
 * the extension must get back (e.g. the PKCE verifier), then the callback that completes it.
 */
public final class SignInService {
  static final Duration PENDING_FOR = Duration.ofMinutes(10);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ConnectionService connections;
  private final ConnectionStore store;
  private final RuntimeEnvironment environment;

  public SignInService(ConnectionService connections, ConnectionStore store, RuntimeEnvironment environment) {
    this.connections = connections;
    this.store = store;
    this.environment = environment;
  }

  /** Answers the URL the admin's browser must open. */
  public Future<String> begin(String workspaceId, String connectionId) {
    return connections.handle(workspaceId, connectionId).compose(handle -> {
      var type = connections.type(handle.type()).extension();
      if (!type.needsInteractiveSignIn(handle.properties())) {
        throw Problem.badRequest("connection '" + connectionId + "' does not use interactive sign-in "
            + "with its current properties; test it instead (POST /api/v1/connections/" + connectionId + "/test)");
      }
      String state = newState();
      return type.beginSignIn(context(handle, state)).compose(start -> store
          .putSignIn(state, connectionId, start.pending(), environment.now() + PENDING_FOR.toMillis())
          .map(start.authorizationUrl()));
    });
  }

  /** Completes the sign-in the callback's {@code state} belongs to; it can be used once. */
  public Future<ConnectionRecord> complete(Map<String, String> parameters) {
    String state = parameters.get("state");
    if (state == null || state.isBlank()) {
      return Future.failedFuture(Problem.badRequest(
          "the sign-in callback carries no state; start the sign-in again from the connection"));
    }
    return store.takeSignIn(state, environment.now()).compose(found -> {
      var pending = found.orElseThrow(() -> Problem.badRequest(
          "this sign-in has expired or was already completed; start the sign-in again from the connection"));
      return connections.handle(pending.workspaceId(), pending.connectionId()).compose(handle -> connections
          .type(handle.type()).extension()
          .completeSignIn(context(handle, state), parameters, pending.pending())
          .compose(v -> connections.get(pending.workspaceId(), handle.id())));
    });
  }

  private SignInContext context(ConnectionHandle handle, String state) {
    return new SignInContext() {
      @Override
      public ConnectionHandle connection() {
        return handle;
      }

      @Override
      public String state() {
        return state;
      }

      @Override
      public String callbackUrl() {
        return environment.oauthCallbackUrl();
      }

      @Override
      public PluginEnvironment environment() {
        return environment;
      }
    };
  }

  private static String newState() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
