package dev.outlookflow.outlook.mail.messages;

import dev.outlookflow.outlook.mail.ListingProperties;
import dev.outlookflow.outlook.mail.MailFields;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.FormField;

/** The property panel of "List messages". */
public record ListMessagesProperties(
    @FormField(label = MailFields.CONNECTION_LABEL, type = FieldType.CONNECTION,
        connectionType = MailFields.CONNECTION_TYPE, required = true)
        String connection,
    @FormField(label = MailFields.MAILBOX_LABEL, pattern = MailFields.ADDRESS_PATTERN, expressions = true,
        placeholder = MailFields.ADDRESS_EXAMPLE, help = MailFields.MAILBOX_HELP)
        String mailbox,
    @FormField(label = "Folder", type = FieldType.DYNAMIC_DROPDOWN, dependsOn = {"connection", "mailbox"},
        expressions = true, defaultValue = "inbox",
        help = "A folder of the mailbox, or a well-known name: inbox, sentitems, drafts, deleteditems, archive.")
        String folder,
    @FormField(label = "Page size ($top)", group = "Query", minimum = 1, maximum = 1000, defaultValue = "25") int top,
    @FormField(label = "At most this many messages", group = "Query", minimum = 1, maximum = 10000,
        defaultValue = "100", help = "Pages are followed until this many messages are read.")
        int maxItems,
    @FormField(label = "Filter ($filter)", group = "Query", expressions = true,
        placeholder = "isRead eq false and importance eq 'high'")
        String filter,
    @FormField(label = "Fields ($select)", group = "Query", placeholder = "subject,from,receivedDateTime",
        help = "Comma-separated message properties; empty: all but the headers.")
        String select,
    @FormField(label = "Order ($orderby)", group = "Query", placeholder = "receivedDateTime desc") String orderBy,
    @FormField(label = "Include attachments' names and sizes", group = "Query", defaultValue = "false")
        boolean includeAttachments)
    implements ListingProperties {}
