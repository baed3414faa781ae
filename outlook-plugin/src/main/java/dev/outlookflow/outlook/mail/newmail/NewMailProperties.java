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
    @FormField(label = "Folder", type = FieldType.DYNAMIC_DROPDOWN, dependsOn = {"connection", "mailbox"},
        defaultValue = "inbox", maxLength = 512,
        help = "The folder to watch: one of the mailbox's folders, or a well-known name such as inbox or archive.")
        String folder,
    @FormField(label = "Include subfolders", defaultValue = "false",
        help = "Also watch every folder below it (at most " + FlowFolders.MAX_FOLDERS + " subfolders, "
            + FlowFolders.MAX_DEPTH + " levels), each checked as a folder of its own. Folders created or moved "
            + "in later are found within the plugin setting outlook.newMail.folderScanSeconds (5 minutes by "
            + "default; one request per folder that has subfolders each time) and fire for mail received from "
            + "when they were found.") boolean includeSubfolders,
    @FormField(label = "Check every (seconds)", defaultValue = "30", minimum = 1, maximum = 3600,
        help = "How often the folder is asked for new mail: at least 5 seconds on Microsoft 365 (1 on the Sandbox "
            + "cloud). Flows watching the same folder share one check.") Integer pollInterval,
    @FormField(label = "Start from", defaultValue = "now",
        help = "Which mail starts runs: mail that arrives from now on.") StartFrom startFrom) {

  /** The folder watched when none is chosen. */
  static final String DEFAULT_FOLDER = "inbox";

  /** The chosen folder, the Inbox when none is. */
  String folderOrInbox() {
    return folder == null || folder.isBlank() ? DEFAULT_FOLDER : folder.trim();
  }

  /** Where a new flow starts; part of the form so that later choices (such as a backfill) extend it. */
  public enum StartFrom {
    @ChoiceLabel("Now")
    NOW
  }
}
