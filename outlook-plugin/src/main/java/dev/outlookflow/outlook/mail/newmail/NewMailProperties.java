package dev.outlookflow.outlook.mail.newmail;

import dev.outlookflow.outlook.mail.MailFields;
import dev.outlookflow.uischema.form.ChoiceLabel;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.FormField;

/** The panel of "When a new email arrives". */
public record NewMailProperties(
    @FormField(label = MailFields.CONNECTION_LABEL, type = FieldType.CONNECTION,
        connectionType = MailFields.CONNECTION_TYPE, required = true) String connection,
    @FormField(label = MailFields.MAILBOX_LABEL, pattern = MailFields.ADDRESS_PATTERN,
        placeholder = MailFields.ADDRESS_EXAMPLE, help = MailFields.MAILBOX_HELP
            + " A shared mailbox must be one the connection may use.") String mailbox,
    @FormField(label = "Check every (seconds)", defaultValue = "30", minimum = 1, maximum = 3600,
        help = "How often the Inbox is asked for new mail: at least 5 seconds on Microsoft 365 (1 on the Sandbox "
            + "cloud). Flows watching the same Inbox share one check.") Integer pollInterval,
    @FormField(label = "Start from", defaultValue = "now",
        help = "Which mail starts runs: mail that arrives from now on.") StartFrom startFrom) {

  /** Where a new flow starts; part of the form so that later choices (such as a backfill) extend it. */
  public enum StartFrom {
    @ChoiceLabel("Now")
    NOW
  }
}
