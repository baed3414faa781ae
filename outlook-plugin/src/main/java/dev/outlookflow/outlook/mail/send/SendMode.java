package dev.outlookflow.outlook.mail.send;

import dev.outlookflow.uischema.form.ChoiceLabel;

/** How a mail from another mailbox (a shared one) is sent. */
public enum SendMode {
  /** Drafted in that mailbox: needs Full Access and Send As; its Sent Items keeps the copy. */
  @ChoiceLabel("As the mailbox (Send As; the copy goes to its Sent Items)")
  AS_MAILBOX,
  /** Drafted in the connection's mailbox with {@code from} set: needs Send on Behalf (or Send As). */
  @ChoiceLabel("On behalf of the mailbox (Send on Behalf; the copy goes to your Sent Items)")
  ON_BEHALF
}
