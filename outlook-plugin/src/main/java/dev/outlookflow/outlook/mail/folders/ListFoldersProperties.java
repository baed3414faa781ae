package dev.outlookflow.outlook.mail.folders;

import dev.outlookflow.outlook.mail.ListingProperties;
import dev.outlookflow.outlook.mail.MailFields;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.FormField;

/** The property panel of "List folders". */
public record ListFoldersProperties(
    @FormField(label = MailFields.CONNECTION_LABEL, type = FieldType.CONNECTION,
        connectionType = MailFields.CONNECTION_TYPE, required = true)
        String connection,
    @FormField(label = MailFields.MAILBOX_LABEL, pattern = MailFields.ADDRESS_PATTERN, expressions = true,
        placeholder = MailFields.ADDRESS_EXAMPLE, help = MailFields.MAILBOX_HELP)
        String mailbox,
    @FormField(label = "Child folders of", type = FieldType.DYNAMIC_DROPDOWN, dependsOn = {"connection", "mailbox"},
        expressions = true, help = "Empty: the mailbox's top-level folders.")
        String parentFolder,
    @FormField(label = "Page size ($top)", group = "Query", minimum = 1, maximum = 1000, defaultValue = "100")
        int top,
    @FormField(label = "At most this many folders", group = "Query", minimum = 1, maximum = 10000,
        defaultValue = "500")
        int maxItems,
    @FormField(label = "Filter ($filter)", group = "Query", expressions = true,
        placeholder = "startswith(displayName, 'Projects')")
        String filter,
    @FormField(label = "Fields ($select)", group = "Query", placeholder = "displayName,totalItemCount",
        help = "Comma-separated folder properties; empty: all.")
        String select,
    @FormField(label = "Include hidden folders", group = "Query", defaultValue = "false") boolean includeHidden)
    implements ListingProperties {

  /** Folders come in Graph's order: the panel offers none. */
  @Override
  public String orderBy() {
    return null;
  }
}
