package dev.outlookflow.outlook.mail.folders;

import dev.outlookflow.outlook.mail.MailFields;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.FormField;

/** The property panel of "Create folder". */
public record CreateFolderProperties(
    @FormField(label = MailFields.CONNECTION_LABEL, type = FieldType.CONNECTION,
        connectionType = MailFields.CONNECTION_TYPE, required = true)
        String connection,
    @FormField(label = MailFields.MAILBOX_LABEL, pattern = MailFields.ADDRESS_PATTERN, expressions = true,
        placeholder = MailFields.ADDRESS_EXAMPLE, help = MailFields.MAILBOX_HELP)
        String mailbox,
    @FormField(label = "Folder name", required = true, expressions = true, maxLength = 255) String displayName,
    @FormField(label = "Inside folder", type = FieldType.DYNAMIC_DROPDOWN, dependsOn = {"connection", "mailbox"},
        expressions = true, help = "Empty: at the top level of the mailbox.")
        String parentFolder,
    @FormField(label = "If a folder of that name exists", defaultValue = "fail") IfFolderExists ifExists) {}
