package dev.outlookflow.outlook.connection;

import dev.outlookflow.outlook.auth.Tokens;
import dev.outlookflow.outlook.settings.ConnectionSettings;
import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.connection.ConnectionStatus;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * What a completed sign-in leads to, once the account is known: its tokens become the connection's, or
 * the "shared mailboxes only" fence refuses them, keeping nothing and changing nothing (an earlier
 * sign-in keeps working).
 */
final class SignedInAccount {
  private SignedInAccount() {}

  static Future<Void> check(ConnectionHandle connection, ConnectionSettings settings, Tokens.SignedIn signedIn,
      Tokens tokens) {
    Optional<String> refusal = SharedMailboxesOnly.refusal(settings, signedIn.account(), connection.id());
    if (refusal.isPresent()) {
      return Future.failedFuture(new ExtensionException("own_mailbox_not_allowed", refusal.get()));
    }
    return tokens.keep(connection, signedIn)
        .compose(v -> connection.updateStatus(ConnectionStatus.CONNECTED, "Signed in as " + signedIn.account() + "."));
  }
}
