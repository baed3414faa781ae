package dev.outlookflow.outlook.connection;

import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.connection.ConnectionStatus;
import dev.outlookflow.plugin.api.connection.ConnectionTestResult;
import dev.outlookflow.plugin.api.connection.Credentials;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the Inbox of each mailbox a connection may use, and says per mailbox what works. */
final class MailboxProbe {
  private MailboxProbe() {}

  static Future<ConnectionTestResult> probe(ConnectionHandle connection, Credentials credentials) {
    ConnectionSettings settings = ConnectionSettings.of(connection.properties());
    List<String> mailboxes = new ArrayList<>();
    if (settings.mailbox() != null) {
      mailboxes.add(settings.mailbox());
    }
    mailboxes.addAll(settings.allowedMailboxes());
    if (mailboxes.isEmpty()) {
      mailboxes.add(null);
    }
    List<Future<String>> checks = new ArrayList<>();
    for (String mailbox : mailboxes) {
      checks.add(check(connection, credentials, mailbox));
    }
    return Future.join(checks).transform(done -> {
      List<String> lines = new ArrayList<>();
      boolean ok = true;
      boolean noPermission = false;
      for (Future<String> check : checks) {
        String line = check.succeeded() ? check.result() : check.cause().getMessage();
        ok &= line.endsWith(": works");
        noPermission |= line.contains("ErrorAccessDenied");
        lines.add(line);
      }
      String message = String.join("; ", lines);
      if (ok) {
        return connection.updateStatus(ConnectionStatus.CONNECTED, message, null).map(ConnectionTestResult.ok(message));
      }
      if (noPermission && settings.mode() == AuthMode.CLIENT_CREDENTIALS) {
        message = "The app has no mail permission in this tenant yet: an administrator must grant admin consent to "
            + "the app registration. " + message;
      }
      return Future.succeededFuture(ConnectionTestResult.failed(message));
    });
  }

  private static Future<String> check(ConnectionHandle connection, Credentials credentials, String mailbox) {
    String base = credentials.attributes().getString("graphBaseUrl");
    String path = mailbox == null ? "/me/mailFolders/inbox"
        : "/users/" + URLEncoder.encode(mailbox, StandardCharsets.UTF_8) + "/mailFolders/inbox";
    String name = mailbox == null ? "your mailbox" : mailbox;
    return connection.environment().webClient().getAbs(base + path)
        .putHeader("Authorization", credentials.authorizationHeader())
        .send()
        .map(response -> {
          if (response.statusCode() == 200) {
            return name + ": works";
          }
          JsonObject error = response.bodyAsJsonObject() == null ? new JsonObject()
              : response.bodyAsJsonObject().getJsonObject("error", new JsonObject());
          return name + ": HTTP " + response.statusCode() + " " + error.getString("code", "") + " "
              + error.getString("message", "");
        });
  }
}
