package dev.outlookflow.outlook.connection;

import dev.outlookflow.outlook.graph.GraphClient;
import dev.outlookflow.outlook.graph.GraphException;
import dev.outlookflow.outlook.settings.AuthMode;
import dev.outlookflow.outlook.settings.ConnectionSettings;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.connection.ConnectionStatus;
import dev.outlookflow.plugin.api.connection.ConnectionTestResult;
import dev.outlookflow.plugin.api.connection.Credentials;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Reads the Inbox of each mailbox a connection may use, and says per mailbox what works. */
final class MailboxProbe {
  private MailboxProbe() {}

  /**
   * {@code freshTokens} gives new credentials after Graph refused the given ones with 401. A mailbox that
   * fails while another works is that mailbox's problem: the connection stays connected, the message says
   * which failed and why.
   */
  static Future<ConnectionTestResult> probe(GraphClient graph, ConnectionHandle connection,
      ConnectionSettings settings, Credentials credentials, Supplier<Future<Credentials>> freshTokens) {
    List<String> mailboxes = new ArrayList<>();
    if (settings.mailbox() != null) {
      mailboxes.add(settings.mailbox());
    }
    mailboxes.addAll(settings.allowedMailboxes());
    if (mailboxes.isEmpty()) {
      mailboxes.add(null);
    }
    List<Future<Checked>> checks = new ArrayList<>();
    for (String mailbox : mailboxes) {
      checks.add(check(graph, settings.profile().graphBaseUrl(), credentials, freshTokens, mailbox));
    }
    return Future.join(checks).transform(done -> {
      List<String> lines = new ArrayList<>();
      int working = 0;
      boolean noPermission = false;
      boolean tokenRefused = false;
      for (Future<Checked> check : checks) {
        Checked checked = check.succeeded() ? check.result() : new Checked(check.cause().getMessage(), false, null);
        working += checked.works() ? 1 : 0;
        noPermission |= checked.refusal() != null && "ErrorAccessDenied".equals(checked.refusal().graphCode());
        tokenRefused |= checked.refusal() != null && checked.refusal().status() == 401;
        lines.add(checked.line());
      }
      String message = String.join("; ", lines);
      if (working == checks.size()) {
        return connection.updateStatus(ConnectionStatus.CONNECTED, message).map(ConnectionTestResult.ok(message));
      }
      if (working > 0) {
        return connection.updateStatus(ConnectionStatus.CONNECTED, message).map(ConnectionTestResult.failed(message));
      }
      if (noPermission && settings.mode() == AuthMode.CLIENT_CREDENTIALS) {
        // An app-only token without roles: Graph's 403 means consent is missing, not a mystery.
        String consent = "The app has no mail permission in this tenant yet: an administrator must approve it for "
            + "the organisation (open the connection's admin-consent link, its actionUrl). " + message;
        return connection.updateStatus(ConnectionStatus.ADMIN_CONSENT_REQUIRED, consent)
            .map(ConnectionTestResult.failed(consent));
      }
      if (tokenRefused) {
        return connection.updateStatus(ConnectionStatus.NEEDS_RECONNECT, message)
            .map(ConnectionTestResult.failed(message));
      }
      return Future.succeededFuture(ConnectionTestResult.failed(message));
    });
  }

  /** One mailbox's line of the answer, whether it works, and Graph's refusal of it if Graph refused it. */
  private record Checked(String line, boolean works, GraphException refusal) {}

  private static Future<Checked> check(GraphClient client, String graphBaseUrl, Credentials credentials,
      Supplier<Future<Credentials>> freshTokens, String mailbox) {
    String path = mailbox == null ? "/me/mailFolders/inbox"
        : "/users/" + URLEncoder.encode(mailbox, StandardCharsets.UTF_8) + "/mailFolders/inbox";
    String name = mailbox == null ? "your mailbox" : mailbox;
    GraphClient.Request request = new GraphClient.Request(HttpMethod.GET, path, null, mailbox, true);
    return client
        .send(graphBaseUrl, request, fresh -> fresh ? freshTokens.get() : Future.succeededFuture(credentials))
        .map(inbox -> new Checked(name + ": works", true, null))
        .recover(e -> e instanceof GraphException graph
            ? Future.succeededFuture(new Checked(name + ": HTTP " + graph.status() + " " + graph.graphCode() + " "
                + graph.getMessage(), false, graph))
            : Future.failedFuture(e));
  }
}
