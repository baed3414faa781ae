package dev.outlookflow.outlook.connection;

import dev.outlookflow.outlook.auth.Tokens;
import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.connection.ConnectionStatus;
import io.vertx.core.Future;
import java.util.Optional;

/** What a completed sign-in leads to, once the account is known: connected, or refused by the fence. */
final class SignedInAccount {
  private SignedInAccount() {}

  static Future<Void> check(ConnectionHandle connection, String account) {
    Optional<String> refusal = SharedMailboxesOnly.refusal(ConnectionSettings.of(connection.properties()), account,
        connection.id());
    if (refusal.isEmpty()) {
      return connection.updateStatus(ConnectionStatus.CONNECTED, "Signed in as " + account + ".");
    }
    // Its tokens are not kept: a connection that could reach the person's own mailbox must not exist, even briefly.
    Tokens.shared().forget(connection);
    return connection.blobs().delete(Tokens.CACHE_BLOB)
        .compose(v -> connection.updateStatus(ConnectionStatus.ERROR, refusal.get()))
        .compose(v -> Future.failedFuture(new ExtensionException("own_mailbox_not_allowed", refusal.get())));
  }
}
