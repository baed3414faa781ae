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
        help = "Which mail starts runs: mail that arrives from now on.") StartFrom startFrom,
    @FormField(label = "Include attachments", group = "Attachments", defaultValue = "false",
        help = "Puts the files' content in the event, for a later step such as Send an email: up to 3 MB each and 20 "
            + "MB per mail (less when the runtime's run events hold less). Beyond that, and for attached items and "
            + "links, only names and sizes, and the event's attachmentsNote says why.") boolean includeAttachments,
    @FormField(label = "Only with attachments", group = "Attachments", defaultValue = "false",
        help = "Starts runs only for mail with at least one attached file; images shown in the body alone do not "
            + "count.") boolean onlyWithAttachments) {

  /** Where a new flow starts; part of the form so that later choices (such as a backfill) extend it. */
  public enum StartFrom {
    @ChoiceLabel("Now")
    NOW
  }
}
