package dev.outlookflow.plugin.api.connection;

import dev.outlookflow.plugin.api.Extension;
import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * A kind of connection (credentials to a remote service) that admins create and share. The form of
 * its {@code C} is the connection editor; the runtime stores the values, encrypting secret fields, and
 * hands them back bound to {@code C} ({@link ConnectionHandle#properties(Class)}).
 */
public interface ConnectionType<C extends Record> extends Extension {

  @Override
  ConnectionTypeDescriptor<C> descriptor();

  /** Checks beyond the form's schema, e.g. fields that must agree; empty when all is well. */
  default List<FieldError> validate(C properties) {
    return List.of();
  }

  /** Whether {@link #beginSignIn} applies to a connection with these properties. */
  default boolean needsInteractiveSignIn(C properties) {
    return false;
  }

  /**
   * Starts an interactive sign-in when the browser opens the runtime's sign-in link: the runtime binds
   * the state to that browser with a cookie, sends it to the returned URL, and keeps {@link
   * SignInStart#pending()} until the same browser comes back to the callback. The URL must ask for the
   * answer in the callback's query ({@code response_mode=query}): a cross-site form post would arrive
   * without the cookie.
   */
  default Future<SignInStart> beginSignIn(SignInContext context) {
    return Future.failedFuture(
        new ExtensionException("sign_in_not_supported", descriptor().name() + " has no interactive sign-in"));
  }

  /**
   * Finishes an interactive sign-in from the callback's parameters ({@code code}, {@code error},
   * ...), e.g. by redeeming the code and storing tokens in the connection's blobs. The extension
   * updates the connection's status.
   */
  default Future<Void> completeSignIn(
      SignInContext context, Map<String, String> callbackParameters, Map<String, String> pending) {
    return Future.failedFuture(
        new ExtensionException("sign_in_not_supported", descriptor().name() + " has no interactive sign-in"));
  }

  /**
   * Starts an administrator's approval of the connection's app for the whole organisation, from the
   * connection's admin-consent link: the URL of the identity provider's approval page (carrying
   * {@link SignInContext#state()}), and what {@link #completeAdminConsent} needs back.
   */
  default Future<SignInStart> beginAdminConsent(SignInContext context) {
    return Future.failedFuture(
        new ExtensionException("admin_consent_not_supported", descriptor().name() + " has no admin consent"));
  }

  /**
   * Finishes an administrator's approval from the callback's parameters (e.g. {@code admin_consent},
   * or {@code error} and {@code error_description}); the extension updates the connection's status
   * and fails with the provider's sentence when the approval was refused.
   */
  default Future<Void> completeAdminConsent(
      SignInContext context, Map<String, String> callbackParameters, Map<String, String> pending) {
    return Future.failedFuture(
        new ExtensionException("admin_consent_not_supported", descriptor().name() + " has no admin consent"));
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
