package dev.outlookflow.outlook.mail;

import dev.outlookflow.outlook.auth.Tokens;
import dev.outlookflow.outlook.graph.GraphClient;
import dev.outlookflow.outlook.graph.GraphException;
import dev.outlookflow.outlook.graph.GraphOrigin;
import dev.outlookflow.outlook.services.OutlookServices;
import dev.outlookflow.outlook.settings.AuthMode;
import dev.outlookflow.outlook.settings.ConnectionSettings;
import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.connection.ConnectionStatus;
import dev.outlookflow.plugin.api.connection.Credentials;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** Graph mail calls on behalf of one step's connection, behind its mailbox fence. */
public final class MailGraph {
  private final ConnectionHandle connection;
  private final ConnectionSettings settings;
  private final Tokens tokens;
  private final MailboxFence fence;
  private final GraphClient client;
  private final String account;
  private final GraphOrigin graphOrigin;

  private MailGraph(ConnectionHandle connection, ConnectionSettings settings, Credentials credentials,
      OutlookServices services) {
    this.connection = connection;
    this.settings = settings;
    this.tokens = services.tokens();
    this.account = credentials.account();
    this.fence = new MailboxFence(settings, account, connection.id());
    this.client = services.graph();
    this.graphOrigin = GraphOrigin.ofBase(settings.profile().graphBaseUrl());
  }

  public String connectionId() {
    return connection.id();
  }

  /** How the connection signs in, for sentences that say what fixes it. */
  public AuthMode authMode() {
    return fence.authMode();
  }

  /** The signed-in user, for delegated connections; else null. */
  public String account() {
    return account;
  }

  /** Opens the chosen connection, its settings read once for the step. */
  public static Future<MailGraph> open(Optional<ConnectionHandle> chosen, OutlookServices services) {
    return chosen(chosen).compose(connection -> open(connection, ConnectionSettings.of(connection), services));
  }

  /** Opens a connection whose settings the step read: credentials first, which also tell who signed in. */
  public static Future<MailGraph> open(ConnectionHandle connection, ConnectionSettings settings,
      OutlookServices services) {
    return connection.credentials().map(credentials -> new MailGraph(connection, settings, credentials, services));
  }

  /** The connection chosen in the step's 'connection' field; a step without one fails saying so. */
  public static Future<ConnectionHandle> chosen(Optional<ConnectionHandle> chosen) {
    return chosen.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(new ExtensionException(
        "no_connection", "Choose a Microsoft 365 Outlook connection in the step's 'connection' field.")));
  }

  public MailboxFence fence() {
    return fence;
  }

  /** A read, or anything else whose repetition is harmless; {@code path} follows the mailbox's prefix. */
  public Future<JsonObject> read(Mailbox mailbox, String path) {
    return call(HttpMethod.GET, mailbox, path, null, true);
  }

  /**
   * Follows a link Graph answered ({@code linkName}: {@code @odata.nextLink}, {@code @odata.deltaLink}),
   * only to the connection's Graph. Graph's own links always lead back to it: one that leads elsewhere
   * was rewritten on the way, and following it would hand the token to whoever rewrote it.
   */
  public Future<JsonObject> follow(Mailbox mailbox, String linkName, String link) {
    if (!graphOrigin.holds(link)) {
      return Future.failedFuture(new ExtensionException("link_not_followed", "Microsoft Graph's " + linkName
          + " leads to " + GraphOrigin.nameOf(link) + ", not to this connection's Graph at " + graphOrigin
          + ": it was not followed, so the connection's token was not sent there. Something between the runtime "
          + "and Graph (a proxy, or a wrong Graph address) changed Graph's answer."));
    }
    return recorded(client.send(settings.profile().graphBaseUrl(),
        new GraphClient.Request(HttpMethod.GET, link, null, slot(mailbox), true), this::tokens));
  }

  /** A change Graph may have made even when the answer was lost: the caller decides how to check. */
  public Future<JsonObject> write(HttpMethod method, Mailbox mailbox, String path, JsonObject body) {
    return call(method, mailbox, path, body, false);
  }

  public Future<JsonObject> uploadChunk(Mailbox mailbox, String uploadUrl, Buffer chunk, long start, long total) {
    return client.uploadChunk(graphOrigin, uploadUrl, chunk, start, total, slot(mailbox));
  }

  public Future<JsonObject> uploadStatus(Mailbox mailbox, String uploadUrl) {
    return client.uploadStatus(graphOrigin, uploadUrl, slot(mailbox));
  }

  /** Until when Graph asked (by {@code Retry-After}) that nothing more be sent for the mailbox; empty when not. */
  public Optional<Instant> pausedUntil(Mailbox mailbox) {
    return client.pausedUntil(slot(mailbox));
  }

  /** Waits as Graph asked (or backs off) before trying again after {@code doubt}. */
  public Future<Void> pause(Throwable doubt, int attempt) {
    return client.pause(doubt, attempt);
  }

  private Future<JsonObject> call(HttpMethod method, Mailbox mailbox, String path, JsonObject body, boolean repeatable) {
    fence.check(mailbox, "mailbox");
    return recorded(client.send(settings.profile().graphBaseUrl(),
        new GraphClient.Request(method, mailbox.path() + path, body, slot(mailbox), repeatable), this::tokens));
  }

  /**
   * What a call says about the connection: an answer connects it (free when it already is); a 401 that
   * outlived the forced token refresh means its sign-in no longer works. Anything else, such as a 403 on
   * one shared mailbox, is that mailbox's or that request's problem, and the step says so.
   */
  private Future<JsonObject> recorded(Future<JsonObject> call) {
    return call.compose(
        answer -> connection.confirmConnected("Microsoft Graph accepted a call made with this connection.")
            .otherwiseEmpty().map(answer),
        failure -> failure instanceof GraphException refused && refused.status() == 401
            ? connection.updateStatus(ConnectionStatus.NEEDS_RECONNECT,
                    MailFailures.tokenRefused(connection.id(), authMode()))
                .otherwiseEmpty().compose(v -> Future.failedFuture(failure))
            : Future.failedFuture(failure));
  }

  /** Graph limits concurrent requests per mailbox: {@code /me} of different users are different mailboxes. */
  private String slot(Mailbox mailbox) {
    return mailbox.isMe() ? "me:" + (account == null ? connection.id() : account) : mailbox.address();
  }

  private Future<Credentials> tokens(boolean fresh) {
    return fresh ? tokens.credentials(connection, settings, true) : connection.credentials();
  }
}
