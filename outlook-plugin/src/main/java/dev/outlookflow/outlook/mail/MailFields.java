package dev.outlookflow.outlook.mail;

import dev.outlookflow.outlook.connection.OutlookConnectionType;
import dev.outlookflow.outlook.settings.Patterns;

/**
 * The fields every mail panel shares (actions, and triggers watching a mailbox), declared once. A record
 * cannot inherit components, so each panel's record declares its {@code connection} and {@code mailbox}
 * components itself and takes their annotations' values from here:
 *
 * <pre>{@code
 * @FormField(label = MailFields.CONNECTION_LABEL, type = FieldType.CONNECTION,
 *     connectionType = MailFields.CONNECTION_TYPE, required = true) String connection,
 * @FormField(label = MailFields.MAILBOX_LABEL, pattern = MailFields.ADDRESS_PATTERN, expressions = true,
 *     placeholder = MailFields.ADDRESS_EXAMPLE, help = MailFields.MAILBOX_HELP) String mailbox,
 * }</pre>
 */
public final class MailFields {
  public static final String CONNECTION_LABEL = "Connection";
  /** The Outlook connection type's full id: the plugin's id, then the type's. */
  public static final String CONNECTION_TYPE = "outlook/" + OutlookConnectionType.ID;
  public static final String MAILBOX_LABEL = "Mailbox";
  public static final String MAILBOX_HELP = "Empty: the connection's mailbox.";
  public static final String ADDRESS_PATTERN = Patterns.EMAIL;
  public static final String ADDRESS_EXAMPLE = "sales@contoso.com";

  private MailFields() {}
}
