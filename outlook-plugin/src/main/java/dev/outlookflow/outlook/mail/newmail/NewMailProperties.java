package dev.outlookflow.outlook.mail.newmail;

import dev.outlookflow.outlook.mail.Importance;
import dev.outlookflow.outlook.mail.MailFields;
import dev.outlookflow.uischema.form.ChoiceLabel;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.FormField;
import java.util.List;

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
        help = "Which mail starts runs: mail that arrives from when the flow is first enabled, or that and the "
            + "mail received in the days before, fired once each, oldest first, beside the new mail (its progress "
            + "is in the trigger's status; disabling pauses it, disconnecting the connection cancels it).")
        StartFrom startFrom,
    @FormField(label = "Days before", defaultValue = "7", minimum = 1, maximum = Backfill.MAX_DAYS,
        visibleWhen = "startFrom=past_days",
        help = "How many days of mail before the flow is first enabled start runs too (at most 30).")
        Integer backfillDays,
    @FormField(label = "From", group = FILTERS, type = FieldType.ADDRESSES_OR_DOMAINS,
        placeholder = "@contoso.com", help = "Only mail from one of these. " + ADDRESSES_HELP + " Empty: from anyone. "
            + ALL_FILTERS_HELP) List<String> from,
    @FormField(label = "To", group = FILTERS, type = FieldType.ADDRESSES_OR_DOMAINS,
        help = "Only mail with one of these among its To recipients. " + ADDRESSES_HELP + " Empty: to anyone.")
        List<String> to,
    @FormField(label = "Cc", group = FILTERS, type = FieldType.ADDRESSES_OR_DOMAINS,
        help = "Only mail with one of these among its Cc recipients. " + ADDRESSES_HELP + " Empty: with any Cc, or "
            + "none.") List<String> cc,
    @FormField(label = "To or Cc", group = FILTERS, type = FieldType.ADDRESSES_OR_DOMAINS,
        help = "Only mail with one of these among its To or Cc recipients (either will do). " + ADDRESSES_HELP
            + " Empty: to anyone.") List<String> toOrCc,
    @FormField(label = "Subject contains", group = FILTERS, maxLength = 255,
        help = "Only mail whose subject contains this text, in upper or lower case alike (\"invoice\" takes "
            + "\"Your INVOICE\"). Empty: any subject.") String subjectContains,
    @FormField(label = "Importance", group = FILTERS,
        help = "Only mail of one of the chosen importances. None chosen: any.") List<Importance> importance,
    @FormField(label = "Include attachments", group = "Attachments", defaultValue = "false",
        help = "Puts the files' content in the event, for a later step such as Send an email: up to 3 MB each and 20 "
            + "MB per mail (less when the runtime's run events hold less). Beyond that, and for attached items and "
            + "links, only names and sizes, and the event's attachmentsNote says why.") boolean includeAttachments,
    @FormField(label = "Only with attachments", group = "Attachments", defaultValue = "false",
        help = "Starts runs only for mail with at least one attached file; images shown in the body alone do not "
            + "count.") boolean onlyWithAttachments) {

  static final String FILTERS = "Filters";
  private static final String ADDRESSES_HELP = "Each an address (someone@contoso.com) or a domain after @: "
      + "@contoso.com takes mail of contoso.com and its subdomains (eu.contoso.com), not of notcontoso.com. Upper "
      + "and lower case alike; at most " + FieldType.MAX_LIST_ITEMS + ".";
  private static final String ALL_FILTERS_HELP = "A mail must pass every filter that is set to start a run; one "
      + "that does not starts none and is counted in the trigger's status (flowFilteredOut).";

  /** The folder watched when none is chosen. */
  static final String DEFAULT_FOLDER = "inbox";

  /** The chosen folder, the Inbox when none is. */
  String folderOrInbox() {
    return folder == null || folder.isBlank() ? DEFAULT_FOLDER : folder.trim();
  }

  /** Where a new flow starts. */
  public enum StartFrom {
    @ChoiceLabel("Now")
    NOW,
    @ChoiceLabel("Now, and the mail of the days before")
    PAST_DAYS
  }

  /** The days of mail before the flow's first start that it fires too; 0 for none. */
  int daysBefore() {
    return startFrom == StartFrom.PAST_DAYS ? (backfillDays == null ? 7 : backfillDays) : 0;
  }
}
