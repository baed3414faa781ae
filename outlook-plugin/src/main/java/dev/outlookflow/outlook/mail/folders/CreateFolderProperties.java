package dev.outlookflow.outlook.mail.folders;

import dev.outlookflow.outlook.connection.Patterns;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.FormField;

/** The property panel of "Create folder". */
public record CreateFolderProperties(
    @FormField(label = "Connection", type = FieldType.CONNECTION, connectionType = "outlook/microsoft365",
        required = true)
        String connection,
    @FormField(label = "Mailbox", pattern = Patterns.EMAIL, expressions = true, placeholder = "sales@contoso.com",
        help = "Empty: the connection's mailbox.")
        String mailbox,
    @FormField(label = "Folder name", required = true, expressions = true, maxLength = 255) String displayName,
    @FormField(label = "Inside folder", type = FieldType.DYNAMIC_DROPDOWN, dependsOn = {"connection", "mailbox"},
        expressions = true, help = "Empty: at the top level of the mailbox.")
        String parentFolder,
    @FormField(label = "If a folder of that name exists", defaultValue = "fail") IfFolderExists ifExists) {}
