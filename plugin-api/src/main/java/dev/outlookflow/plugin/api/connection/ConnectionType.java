package dev.outlookflow.plugin.api.connection;

import dev.outlookflow.plugin.api.Extension;
import dev.outlookflow.plugin.api.ExtensionException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * A kind of connection (credentials to a remote service) that admins create and share. Its {@link
 * #form()} is the connection editor; the runtime stores the values, encrypting secret fields.
 */
public interface ConnectionType extends Extension {

  /** Whether {@link #beginSignIn} applies to a connection with these properties. */
  default boolean needsInteractiveSignIn(JsonObject properties) {
    return false;
  }

  /**
   * Starts an interactive sign-in; the runtime sends the browser to the returned URL and keeps
   * {@link SignInStart#pending()} until the browser comes back to the callback.
   */
  default Future<SignInStart> beginSignIn(SignInContext context) {
    return Future.failedFuture(
        new ExtensionException("sign_in_not_supported", name() + " has no interactive sign-in"));
  }

  /**
   * Finishes an interactive sign-in from the callback's parameters ({@code code}, {@code error},
   * ...), e.g. by redeeming the code and storing tokens in the connection's blobs. The extension
   * updates the connection's status.
   */
  default Future<Void> completeSignIn(
      SignInContext context, Map<String, String> callbackParameters, JsonObject pending) {
    return Future.failedFuture(
        new ExtensionException("sign_in_not_supported", name() + " has no interactive sign-in"));
  }

  /** Checks that the connection works now, e.g. by fetching a token and reading a mailbox. */
  Future<ConnectionTestResult> test(ConnectionHandle connection);

  /** Credentials for actions and triggers using this connection. */
  Future<Credentials> credentials(ConnectionHandle connection);

  /**
   * Releases what the connection holds remotely and locally (tokens, subscriptions). Called before
   * the runtime deletes the connection; the runtime deletes its blobs afterwards.
   */
  default Future<Void> disconnect(ConnectionHandle connection) {
    return Future.succeededFuture();
  }
}
