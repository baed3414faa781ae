package dev.outlookflow.outlook.settings;

import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.FormField;
import java.util.List;

/** The connection editor of "Microsoft 365 Outlook". */
public record OutlookConnectionProperties(
    @FormField(label = "Cloud", group = "Microsoft 365", required = true, defaultValue = "global",
        help = "Where your organisation's Microsoft 365 lives. Most organisations use Azure Global; US "
            + "government and China tenants have their own clouds. Sandbox is the runtime's demo tenant.")
        Cloud cloud,
    @FormField(label = "Sign-in method", group = "Microsoft 365", required = true,
        defaultValue = "authorization_code_pkce",
        help = "Sign in with an account (the connection acts as that account), app-only (the connection acts as "
            + "an app registration your admin created), or a pasted token for a quick test.")
        AuthMode authMode,
    @FormField(label = "Directory (tenant) ID", group = "App registration", pattern = Patterns.TENANT,
        visibleWhen = "authMode=authorization_code_pkce|client_credentials",
        placeholder = "00000000-0000-0000-0000-000000000000 or contoso.onmicrosoft.com",
        help = "Shown on the app registration's overview page in the Entra admin center. Leave empty with Sandbox.")
        String tenantId,
    @FormField(label = "Application (client) ID", group = "App registration", pattern = Patterns.GUID,
        visibleWhen = "authMode=authorization_code_pkce|client_credentials",
        placeholder = "00000000-0000-0000-0000-000000000000",
        help = "Shown on the app registration's overview page. Leave empty with Sandbox.")
        String clientId,
    @FormField(label = "Client secret", group = "App registration", type = FieldType.SECRET,
        visibleWhen = "authMode=authorization_code_pkce|client_credentials",
        help = "The secret's value (not its ID), from Certificates & secrets. Leave empty with Sandbox.")
        String clientSecret,
    @FormField(label = "Access token", group = "Microsoft 365", type = FieldType.SECRET, required = true,
        visibleWhen = "authMode=bearer_token",
        help = "A Graph access token. It expires after about an hour, and the connection then stops working.")
        String bearerToken,
    @FormField(label = "Mailbox", group = "Mailboxes", pattern = Patterns.EMAIL,
        placeholder = "sales@contoso.com",
        help = "The mailbox actions and triggers use unless they name another. Required for app-only connections "
            + "and with shared mailboxes only, where it names a shared mailbox.")
        String mailbox,
    @FormField(label = "Other mailboxes this connection may use", group = "Mailboxes", type = FieldType.EMAIL_LIST,
        visibleWhen = "authMode=client_credentials",
        help = "An app-only connection could reach every mailbox of the organisation; it is fenced to the mailbox "
            + "above and these.")
        List<String> allowedMailboxes,
    @FormField(label = "Allow access to shared mailboxes only", group = "Mailboxes", defaultValue = "false",
        visibleWhen = "authMode=authorization_code_pkce",
        help = "Checked: flows sign in with your account but read and send only in the shared mailboxes you can "
            + "open (name one under Mailbox), never in your personal mailbox. Recommended when others in the "
            + "workspace use this connection; or sign in with a dedicated service account. Unchecked: flows may use "
            + "your personal mailbox and every shared mailbox you can open.")
        boolean sharedMailboxesOnly) {

  /** Without other mailboxes listed, an app-only connection may use its own mailbox only. */
  public OutlookConnectionProperties {
    allowedMailboxes = allowedMailboxes == null ? List.of() : allowedMailboxes;
  }
}
