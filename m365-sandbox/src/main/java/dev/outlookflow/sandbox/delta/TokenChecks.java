package dev.outlookflow.sandbox.delta;

import dev.outlookflow.sandbox.mail.Mailbox;
import java.time.Clock;
import java.util.Optional;

/**
 * Whether a token a client sent back may go on: it must be the sandbox's, for this mailbox and folder, and
 * not expired (another journal generation, older than its changes kept, invalidated, or past its age), an
 * expired one answered in the mailbox's chosen way.
 */
final class TokenChecks {
  private final Clock clock;

  TokenChecks(Clock clock) {
    this.clock = clock;
  }

  DeltaToken check(String text, Mailbox mailbox, String folderId, MailboxDelta delta) {
    DeltaToken token = DeltaToken.decode(text);
    boolean sameJournal = token.generation().equals(mailbox.generation());
    if (!token.mailbox().equals(mailbox.ownerId()) || sameJournal && !token.folder().equals(folderId)) {
      throw DeltaRefusal.badRequest("BadRequest", "The token belongs to another mailbox or folder; use the whole"
          + " link it came in.");
    }
    DeltaSettings settings = delta.settings();
    boolean expired = !sameJournal
        || !mailbox.journal(folderId).keepsChangesAfter(token.after())
        || delta.invalidated(token.folder(), token.serial())
        || settings.tokenMaxAge().filter(age -> clock.millis() - token.issuedAtMillis() > age.toMillis()).isPresent();
    if (expired) {
      throw refusal(settings.expiry(), token.options(), delta);
    }
    return token;
  }

  private static DeltaRefusal refusal(DeltaSettings.Expiry expiry, DeltaOptions options, MailboxDelta delta) {
    delta.fired(expiry.label(), 1);
    if (expiry == DeltaSettings.Expiry.GONE) {
      return new DeltaRefusal(410, "resyncRequired", "The delta token has expired; start again with the initial"
          + " query in the Location header.", Optional.of(options));
    }
    if (expiry == DeltaSettings.Expiry.SYNC_STATE_NOT_FOUND) {
      return DeltaRefusal.badRequest("syncStateNotFound", "The sync state generation is not found. The delta token"
          + " is expired and data must be synchronized again.");
    }
    return DeltaRefusal.badRequest("resyncRequired", "The delta token is no longer valid, and the app must reset"
        + " the sync state.");
  }
}
