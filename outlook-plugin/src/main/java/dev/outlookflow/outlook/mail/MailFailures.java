package dev.outlookflow.outlook.mail;

import dev.outlookflow.outlook.graph.GraphException;
import dev.outlookflow.outlook.settings.AuthMode;
import dev.outlookflow.plugin.api.ExtensionException;
import io.vertx.core.VertxException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Graph's refusals that concern the mailbox or the connection rather than the request, as sentences
 * that say who must do what. Anything else passes through unchanged.
 */
public final class MailFailures {
  private static final Set<Integer> IN_DOUBT = Set.of(500, 502, 503, 504, 429);

  private MailFailures() {}

  /** True when Graph may or may not have done what was asked: a server error, throttling, a lost connection. */
  public static boolean inDoubt(Throwable failure) {
    if (failure instanceof GraphException graph) {
      return IN_DOUBT.contains(graph.status());
    }
    return failure instanceof IOException || failure instanceof VertxException || failure instanceof TimeoutException;
  }

  public static Throwable explain(Throwable failure, Mailbox mailbox, MailGraph graph) {
    if (!(failure instanceof GraphException error)) {
      return failure;
    }
    String code = error.graphCode() == null ? "" : error.graphCode();
    String sentence = switch (code) {
      case "MailboxNotEnabledForRESTAPI" -> "Microsoft Graph cannot reach a mailbox for " + mailbox.describe()
          + " (MailboxNotEnabledForRESTAPI: \"" + error.graphMessage() + "\"). An admin checks in the Microsoft 365 "
          + "admin center that the user has an Exchange Online license (without one there is no mailbox), that the "
          + "mailbox is not inactive or soft-deleted, and that it is hosted in Exchange Online, not on-premises.";
      case "ErrorMailboxMoveInProgress" -> mailbox.describe() + " is being moved to another Exchange database, and "
          + "Graph refuses it until the move ends: run the flow again later. An Exchange admin can follow the move "
          + "(Get-MoveRequest).";
      case "ErrorInvalidUser" -> mailbox.describe() + " is not a user or shared mailbox of this organisation: check "
          + "the address.";
      case "ErrorAccessDenied" -> "Access to " + mailbox.describe() + " was denied. " + accessHint(mailbox, graph);
      case "InvalidAuthenticationToken" -> tokenRefused(graph.connectionId(), graph.authMode());
      default -> null;
    };
    return sentence == null ? failure : new ExtensionException(codeOf(code), sentence, error.upstreamRequestId(), error);
  }

  /** Graph refused the connection's token even after a fresh one was obtained: what fixes it, by how it signs in. */
  static String tokenRefused(String connectionId, AuthMode mode) {
    String fix = switch (mode) {
      case AUTHORIZATION_CODE_PKCE -> "the sign-in was revoked, or the app lost its permissions): sign in again (POST "
          + "/api/v1/connections/" + connectionId + "/authorize answers the link).";
      case CLIENT_CREDENTIALS -> "the app lost its permissions): test the connection (POST /api/v1/connections/"
          + connectionId + "/test) to see what is missing.";
      case BEARER_TOKEN -> "the pasted token was revoked or is not for Graph): paste a new access token (PUT "
          + "/api/v1/connections/" + connectionId + ").";
    };
    return "Microsoft 365 refused the connection's token even after a new one was obtained (" + fix;
  }

  private static String accessHint(Mailbox mailbox, MailGraph graph) {
    if (graph.fence().appOnly()) {
      return "The app needs the Mail.ReadWrite and Mail.Send application permissions with admin consent, and no "
          + "application access policy may exclude " + mailbox.describe() + ".";
    }
    if (mailbox.isMe() || mailbox.is(graph.account())) {
      return "The connection's sign-in must include the Mail.ReadWrite and Mail.Send permissions: sign in again.";
    }
    return (graph.account() == null ? "The signed-in user" : graph.account()) + " needs Full Access to "
        + mailbox.describe() + " (an Exchange admin grants it under Recipients > Mailboxes > Delegation), and the "
        + "connection's sign-in must include Mail.ReadWrite.Shared and Mail.Send.Shared.";
  }

  private static String codeOf(String graphCode) {
    return switch (graphCode) {
      case "MailboxNotEnabledForRESTAPI" -> "mailbox_not_enabled";
      case "ErrorMailboxMoveInProgress" -> "mailbox_moving";
      case "ErrorInvalidUser" -> "unknown_mailbox";
      case "ErrorAccessDenied" -> "access_denied";
      default -> "token_refused";
    };
  }
}
