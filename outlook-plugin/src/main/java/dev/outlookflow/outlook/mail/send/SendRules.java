package dev.outlookflow.outlook.mail.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.uischema.binding.RecordBinding;
import dev.outlookflow.uischema.validation.FieldError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Rules of a mail the form's schema cannot say, written once over the form's values. At design time
 * a field still holding an expression is skipped; at run time every value is resolved, so all rules apply.
 */
final class SendRules {
  private SendRules() {}

  /** The values as entered (design time): a field may still hold an expression. */
  static List<FieldError> check(ObjectNode properties) {
    List<FieldError> errors = new ArrayList<>();
    boolean anyRecipient = false;
    boolean unresolved = false;
    for (String field : List.of("to", "cc", "bcc")) {
      JsonNode value = properties.path(field);
      unresolved |= value.isTextual();
      anyRecipient |= value.isArray() && !value.isEmpty();
    }
    if (!anyRecipient && !unresolved) {
      errors.add(new FieldError("to", "name at least one recipient in To, Cc or Bcc"));
    }
    if (properties.path("headers").isObject()) {
      for (Iterator<String> names = properties.path("headers").fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!name.toLowerCase(Locale.ROOT).startsWith("x-")) {
          errors.add(new FieldError("headers." + name, "custom header names must start with x- (Graph accepts no "
              + "others), e.g. x-" + name));
        }
      }
    }
    JsonNode attachments = properties.path("attachments");
    if (attachments.isArray()) {
      for (int i = 0; i < attachments.size(); i++) {
        if (attachments.get(i).hasNonNull("contentId") && "text".equals(properties.path("bodyType").textValue())) {
          errors.add(new FieldError("attachments[" + i + "].contentId", "inline images need an HTML body: set "
              + "Body format to HTML, or remove the content ID"));
        }
      }
    }
    return errors;
  }

  static ExtensionException invalid(String field, String message) {
    return new ExtensionException("invalid_mail", "'" + field + "' " + message + ".");
  }

  /** The same rules at run time, on the resolved properties seen as their form's values. */
  static void require(SendEmailProperties properties) {
    List<FieldError> errors = check(RecordBinding.object(properties));
    if (!errors.isEmpty()) {
      throw invalid(errors.get(0).field(), errors.get(0).message());
    }
  }
}
