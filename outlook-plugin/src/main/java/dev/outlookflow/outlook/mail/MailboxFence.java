package dev.outlookflow.outlook.mail;

import dev.outlookflow.outlook.connection.SharedMailboxesOnly;
import dev.outlookflow.outlook.settings.AuthMode;
import dev.outlookflow.outlook.settings.ConnectionSettings;
import dev.outlookflow.plugin.api.ExtensionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which mailboxes a connection may touch, decided before any Graph call: an app-only connection only
 * its mailbox and the other mailboxes listed on it; a "shared mailboxes only" connection never the
 * signed-in user's own mailbox.
 */
public final class MailboxFence {
  private final ConnectionSettings settings;
  private final String account;
  private final String connectionId;

  public MailboxFence(ConnectionSettings settings, String account, String connectionId) {
    this.settings = settings;
    this.account = account;
    this.connectionId = connectionId;
  }

  /** The connection's own mailbox: the one it names, else the signed-in user's. */
  public Mailbox home() {
    return Mailbox.of(settings.mailbox());
  }

  /**
   * {@code requested} if given, else the connection's mailbox; refused if fenced off, naming {@code field}
   * or, when it was left empty, the connection's {@code mailbox}.
   */
  public Mailbox resolve(String requested, String field) {
    if (requested == null || requested.isBlank()) {
      checkHome();
      return home();
    }
    Mailbox mailbox = Mailbox.of(requested);
    check(mailbox, field);
    return mailbox;
  }

  /** The connection's own mailbox, used because a step named none: a refusal names the connection's field. */
  public void checkHome() {
    Optional<String> refusal = SharedMailboxesOnly.refusal(settings, account, connectionId);
    if (refusal.isPresent()) {
      throw new ExtensionException("own_mailbox_not_allowed", refusal.get());
    }
    check(home(), "mailbox");
  }

  public void check(Mailbox mailbox, String field) {
    if (settings.mode() == AuthMode.CLIENT_CREDENTIALS) {
      List<String> allowed = new ArrayList<>();
      if (settings.mailbox() != null) {
        allowed.add(settings.mailbox());
      }
      allowed.addAll(settings.allowedMailboxes());
      if (mailbox.isMe() || allowed.stream().noneMatch(mailbox::is)) {
        throw new ExtensionException("mailbox_not_allowed", "'" + field + "': this app-only connection may use only "
            + String.join(", ", allowed) + ", not " + mailbox.describe() + ". Pick one of those, or have an admin add "
            + mailbox.describe() + " to 'Other mailboxes this connection may use' on the connection.");
      }
    }
    if (settings.mode() == AuthMode.AUTHORIZATION_CODE_PKCE && settings.sharedMailboxesOnly()
        && (mailbox.isMe() || mailbox.is(account))) {
      throw new ExtensionException("own_mailbox_not_allowed", "'" + field + "': this connection may use shared "
          + "mailboxes only, and " + (account == null ? "this" : account) + " is the signed-in user's own mailbox. "
          + "Name a shared mailbox instead.");
    }
  }

  /** Whether drafting in the signed-in user's mailbox is fenced off. */
  public boolean sharedMailboxesOnly() {
    return settings.mode() == AuthMode.AUTHORIZATION_CODE_PKCE && settings.sharedMailboxesOnly();
  }

  public AuthMode authMode() {
    return settings.mode();
  }

  public boolean appOnly() {
    return settings.mode() == AuthMode.CLIENT_CREDENTIALS;
  }
}
