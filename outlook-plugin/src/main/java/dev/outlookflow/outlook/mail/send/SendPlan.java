package dev.outlookflow.outlook.mail.send;

import dev.outlookflow.outlook.mail.MailboxFence;
import dev.outlookflow.outlook.mail.Mailbox;
import dev.outlookflow.plugin.api.ExtensionException;

/**
 * Where the draft lives and what its {@code from} says: in the connection's mailbox; in a shared
 * mailbox sent as that mailbox; or in the connection's mailbox with {@code from} set, sent on behalf.
 */
record SendPlan(Mailbox draftBox, String from, SendMode mode) {

  /** Decided, and fenced, before any Graph call. */
  static SendPlan of(OutgoingMail mail, MailboxFence fence, String account) {
    Mailbox home = fence.home();
    String from = mail.from();
    if (from == null) {
      fence.checkHome();
      return new SendPlan(home, null, SendMode.AS_MAILBOX);
    }
    if (home.is(from) || (home.isMe() && from.equalsIgnoreCase(String.valueOf(account)))) {
      fence.check(home, "from");
      return new SendPlan(home, null, SendMode.AS_MAILBOX);
    }
    if (mail.sendMode() == SendMode.ON_BEHALF) {
      if (fence.sharedMailboxesOnly()) {
        throw new ExtensionException("own_mailbox_not_allowed", "'sendMode': sending on behalf of " + from
            + " drafts the mail in the signed-in user's own mailbox, which this shared-mailboxes-only connection may "
            + "not use. Choose 'As the mailbox' (Send As) instead.");
      }
      fence.check(home, "from");
      fence.check(Mailbox.of(from), "from");
      return new SendPlan(home, from, SendMode.ON_BEHALF);
    }
    Mailbox shared = Mailbox.of(from);
    fence.check(shared, "from");
    return new SendPlan(shared, from, SendMode.AS_MAILBOX);
  }

  /** The {@code from} the draft carries: only when sending on behalf; a draft's own mailbox is its default. */
  String fromHeader() {
    return mode == SendMode.ON_BEHALF ? from : null;
  }
}
