package dev.outlookflow.outlook.connection;

import dev.outlookflow.outlook.settings.AuthMode;
import dev.outlookflow.outlook.settings.ConnectionSettings;
import java.util.Locale;
import java.util.Optional;

/**
 * The "shared mailboxes only" fence on the connection's own mailbox: such a connection signs in with a
 * person's account but must never use that person's mailbox, so its {@code mailbox} may not be theirs.
 * Known once someone signed in, so checked then and at every run.
 */
public final class SharedMailboxesOnly {
  private SharedMailboxesOnly() {}

  /** The sentence refusing the connection's {@code mailbox} when it is {@code account}'s own; else empty. */
  public static Optional<String> refusal(ConnectionSettings settings, String account, String connectionId) {
    if (settings.mode() != AuthMode.AUTHORIZATION_CODE_PKCE || !settings.sharedMailboxesOnly() || account == null
        || settings.mailbox() == null
        || !settings.mailbox().toLowerCase(Locale.ROOT).equals(account.trim().toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.of("The connection's 'mailbox' (" + settings.mailbox() + ") is the signed-in user's own mailbox, "
        + "and the connection may use shared mailboxes only: an admin must set 'mailbox' to a shared mailbox "
        + "(PUT /api/v1/connections/" + connectionId + "), or sign in with another account that has access to it.");
  }
}
