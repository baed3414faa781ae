package dev.outlookflow.outlook.connection;

import dev.outlookflow.outlook.auth.EntraErrors;
import dev.outlookflow.outlook.auth.Tokens;
import dev.outlookflow.outlook.services.OutlookServices;
import dev.outlookflow.outlook.settings.AuthMode;
import dev.outlookflow.outlook.settings.ConnectionSettings;
import dev.outlookflow.outlook.settings.OutlookConnectionProperties;
import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.connection.ConnectionStatus;
import dev.outlookflow.plugin.api.connection.ConnectionTestResult;
import dev.outlookflow.plugin.api.connection.ConnectionType;
import dev.outlookflow.plugin.api.connection.ConnectionTypeDescriptor;
import dev.outlookflow.plugin.api.connection.Credentials;
import dev.outlookflow.plugin.api.connection.SignInContext;
import dev.outlookflow.plugin.api.connection.SignInStart;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * "Microsoft 365 Outlook": delegated sign-in, app-only or a pasted token, in any Microsoft cloud. Each
 * call reads the connection's settings once and hands them on.
 */
@Extension
public class OutlookConnectionType implements ConnectionType<OutlookConnectionProperties> {
  /** The type's id within the plugin; the mail actions' connection fields name it as {@code outlook/microsoft365}. */
  public static final String ID = "microsoft365";
  static final ConnectionTypeDescriptor<OutlookConnectionProperties> DESCRIPTOR =
      new ConnectionTypeDescriptor<>(ID, "Microsoft 365 Outlook", "Mail of a Microsoft 365 organisation: a user's "
          + "mailbox, shared mailboxes, or every mailbox an app may reach", OutlookConnectionProperties.class);
  private final OutlookServices services;
  private final Tokens tokens;

  public OutlookConnectionType(OutlookServices services) {
    this.services = services;
    this.tokens = services.tokens();
  }

  @Override
  public ConnectionTypeDescriptor<OutlookConnectionProperties> descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public List<FieldError> validate(OutlookConnectionProperties properties) {
    // The rules concern the fields, not where the cloud answers: no sandbox address is needed.
    return ConnectionRules.check(ConnectionSettings.of(properties, Optional.empty()));
  }

  @Override
  public boolean needsInteractiveSignIn(OutlookConnectionProperties properties) {
    return properties.authMode() == AuthMode.AUTHORIZATION_CODE_PKCE;
  }

  @Override
  public Future<SignInStart> beginSignIn(SignInContext context) {
    return tokens.beginSignIn(ConnectionSettings.of(context.connection()), context.environment(), context.state(),
        context.callbackUrl());
  }

  @Override
  public Future<Void> completeSignIn(SignInContext context, Map<String, String> parameters,
      Map<String, String> pending) {
    ConnectionHandle connection = context.connection();
    String error = parameters.get("error");
    if (error != null || parameters.get("code") == null) {
      return refused(connection, error == null ? "invalid_request" : error, parameters.get("error_description"));
    }
    ConnectionSettings settings = ConnectionSettings.of(connection);
    return tokens.redeem(connection, settings, context.environment(), parameters.get("code"),
            pending.get(Tokens.VERIFIER), context.callbackUrl())
        .compose(signedIn -> SignedInAccount.check(connection, settings, signedIn, tokens));
  }

  private Future<Void> refused(ConnectionHandle connection, String error, String description) {
    if ("access_denied".equals(error) && (description == null || !description.contains("AADSTS90094"))) {
      // Whoever cancelled, the connection is as it was: a cancelled sign-in changes nothing.
      return Future.failedFuture(new ExtensionException("sign_in_cancelled", "The sign-in was cancelled."));
    }
    EntraErrors.Meaning meaning = EntraErrors.of(error, description);
    return connection.updateStatus(meaning.status(), meaning.sentence())
        .compose(v -> Future.failedFuture(new ExtensionException(meaning.code(), meaning.sentence())));
  }

  @Override
  public Future<SignInStart> beginAdminConsent(SignInContext context) {
    ConnectionSettings settings = ConnectionSettings.of(context.connection());
    if (settings.mode() == AuthMode.BEARER_TOKEN) {
      return Future.failedFuture(new ExtensionException("admin_consent_not_needed", "This connection uses a pasted "
          + "token, which needs no approval of the app: there is nothing to approve here."));
    }
    return tokens.adminConsentUrl(settings, context.environment(), context.state())
        .map(url -> new SignInStart(url, Map.of()));
  }

  @Override
  public Future<Void> completeAdminConsent(SignInContext context, Map<String, String> parameters,
      Map<String, String> pending) {
    ConnectionHandle connection = context.connection();
    if (!"True".equalsIgnoreCase(parameters.get("admin_consent"))) {
      String description = parameters.getOrDefault("error_description", parameters.get("error"));
      String reason = description == null || description.isBlank() ? "(no reason given)" : description;
      return Future.failedFuture(new ExtensionException("admin_consent_refused", "Microsoft Entra did not record an "
          + "approval: " + reason + (reason.contains("AADSTS90094") ? " Forward the link to an administrator of the "
          + "organisation." : "")));
    }
    ConnectionSettings settings = ConnectionSettings.of(connection);
    return forgetAppTokens(connection, settings).compose(v -> connection.blobs().get(Tokens.CACHE_BLOB))
        .compose(cache -> {
          if (settings.mode() == AuthMode.AUTHORIZATION_CODE_PKCE && cache.isEmpty()) {
            // The callback's word is all there is to go on (anyone may bring one): the next sign-in tells.
            return connection.updateStatus(ConnectionStatus.NEW, "Microsoft Entra reports that an administrator "
                + "approved the app for the whole organisation: now sign in with any account of it (POST "
                + "/api/v1/connections/" + connection.id() + "/authorize answers the link to open in a browser).");
          }
          // App-only, or a delegated connection someone signed in to: the test finds out what works now, and
          // records it.
          return test(connection, settings).mapEmpty();
        });
  }

  @Override
  public Future<ConnectionTestResult> test(ConnectionHandle connection) {
    return test(connection, ConnectionSettings.of(connection));
  }

  private Future<ConnectionTestResult> test(ConnectionHandle connection, ConnectionSettings settings) {
    return tokens.credentials(connection, settings, false)
        .compose(credentials -> MailboxProbe.probe(services.graph(), connection, settings, credentials,
            () -> tokens.credentials(connection, settings, true)))
        .recover(e -> notSignedIn(connection, e).map(ConnectionTestResult.failed(e.getMessage())))
        .compose(result -> result.ok() ? Future.succeededFuture(result)
            : forgetAppTokens(connection, settings).map(result));
  }

  /** Nobody signed in yet: the message says how to, and the status (new, or disconnected) stays. */
  private static Future<Void> notSignedIn(ConnectionHandle connection, Throwable e) {
    return e instanceof ExtensionException refusal && Tokens.NOT_SIGNED_IN.equals(refusal.code())
        ? connection.updateStatus(connection.status(), e.getMessage())
        : Future.succeededFuture();
  }

  /**
   * A consent or permission granted since a token was issued only shows in a new token: after a
   * failed test, the cached tokens go (for app-only, msal4j's cache holds nothing else).
   */
  private Future<Void> forgetAppTokens(ConnectionHandle connection, ConnectionSettings settings) {
    tokens.forget(connection);
    return settings.mode() == AuthMode.CLIENT_CREDENTIALS
        ? connection.blobs().delete(Tokens.CACHE_BLOB)
        : Future.succeededFuture();
  }

  @Override
  public Future<Credentials> credentials(ConnectionHandle connection) {
    return tokens.credentials(connection, ConnectionSettings.of(connection), false);
  }

  @Override
  public Future<Void> disconnect(ConnectionHandle connection) {
    tokens.forget(connection);
    return connection.blobs().delete(Tokens.CACHE_BLOB);
  }
}
