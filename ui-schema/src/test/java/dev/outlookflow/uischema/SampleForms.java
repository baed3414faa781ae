package dev.outlookflow.uischema;

import dev.outlookflow.uischema.form.Attachment;
import dev.outlookflow.uischema.form.ChoiceLabel;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.FormField;
import java.util.List;
import java.util.Map;

/** Forms shaped like the ones real extensions declare. */
public final class SampleForms {
  private SampleForms() {}

  public enum AuthMode {
    @ChoiceLabel("Sign in (delegated)")
    AUTH_CODE,
    @ChoiceLabel("App-only (client secret)")
    CLIENT_CREDENTIALS
  }

  public record Connection(
      @FormField(label = "Authentication", group = "Sign-in", required = true, defaultValue = "auth_code")
          AuthMode authMode,
      @FormField(label = "Client ID", group = "Sign-in", required = true,
          pattern = "^[0-9a-f-]{36}$", placeholder = "00000000-0000-0000-0000-000000000000")
          String clientId,
      @FormField(label = "Client secret", group = "Sign-in", type = FieldType.SECRET, required = true,
          visibleWhen = "authMode=client_credentials")
          String clientSecret,
      @FormField(label = "Shared mailboxes only", group = "Scope", defaultValue = "false")
          boolean sharedOnly) {}

  public record SendMail(
      @FormField(label = "Connection", type = FieldType.CONNECTION, connectionType = "outlook/m365",
          required = true)
          String connection,
      @FormField(label = "To", type = FieldType.EMAIL_LIST, required = true, expressions = true)
          List<String> to,
      @FormField(label = "Cc", type = FieldType.RECIPIENTS, expressions = true) List<String> cc,
      @FormField(label = "Subject", required = true, maxLength = 255, expressions = true)
          String subject,
      @FormField(label = "Body", type = FieldType.HTML, expressions = true) String body,
      @FormField(label = "Importance", type = FieldType.DYNAMIC_DROPDOWN, dependsOn = "connection")
          String folder,
      @FormField(label = "Retries", minimum = 0, maximum = 5, defaultValue = "2") int retries,
      @FormField(label = "Headers", expressions = true) Map<String, String> headers,
      @FormField(label = "Attachments", expressions = true) List<Attachment> attachments) {}

  public enum Importance {
    @ChoiceLabel("Low")
    LOW,
    @ChoiceLabel("High")
    HIGH
  }

  public record MailFilters(
      @FormField(label = "From", group = "Filters", type = FieldType.ADDRESSES_OR_DOMAINS) List<String> from,
      @FormField(label = "Importance", group = "Filters") List<Importance> importance) {}
}
