package dev.outlookflow.outlook.connection;

import dev.outlookflow.outlook.settings.AuthMode;
import dev.outlookflow.outlook.settings.ConnectionSettings;
import dev.outlookflow.uischema.validation.FieldError;
import java.util.ArrayList;
import java.util.List;

/** Rules across fields that the form's schema cannot say, each answered on the field to fix. */
final class ConnectionRules {
  private ConnectionRules() {}

  static List<FieldError> check(ConnectionSettings settings) {
    List<FieldError> errors = new ArrayList<>();
    if (settings.needsAppRegistration()) {
      if (settings.tenantId() == null) {
        errors.add(new FieldError("tenantId", "the directory (tenant) ID is required: copy it from the app "
            + "registration's overview page"));
      }
      if (settings.clientId() == null) {
        errors.add(new FieldError("clientId", "the application (client) ID is required: copy it from the app "
            + "registration's overview page"));
      }
      if (settings.clientSecret() == null) {
        errors.add(new FieldError("clientSecret", "the client secret is required: create one under Certificates & "
            + "secrets and paste its value"));
      }
    }
    if (settings.mode() == AuthMode.CLIENT_CREDENTIALS && settings.mailbox() == null) {
      errors.add(new FieldError("mailbox", "an app-only connection must name the mailbox it uses"));
    }
    if (settings.mode() == AuthMode.AUTHORIZATION_CODE_PKCE && settings.sharedMailboxesOnly() && settings.mailbox() == null) {
      errors.add(new FieldError("mailbox", "with shared mailboxes only, name the shared mailbox to use"));
    }
    return errors;
  }
}
