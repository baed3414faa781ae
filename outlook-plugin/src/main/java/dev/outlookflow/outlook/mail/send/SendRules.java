package dev.outlookflow.outlook.mail.send;

import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rules of a mail the form's schema cannot say. At design time a field still holding an expression
 * is skipped; at run time every value is resolved, so all rules apply.
 */
final class SendRules {
  private SendRules() {}

  static List<FieldError> check(JsonObject properties) {
    List<FieldError> errors = new ArrayList<>();
    boolean anyRecipient = false;
    boolean unresolved = false;
    for (String field : List.of("to", "cc", "bcc")) {
      Object value = properties.getValue(field);
      unresolved |= value instanceof String;
      anyRecipient |= value instanceof JsonArray list && !list.isEmpty();
    }
    if (!anyRecipient && !unresolved) {
      errors.add(new FieldError("to", "name at least one recipient in To, Cc or Bcc"));
    }
    if (properties.getValue("headers") instanceof JsonObject headers) {
      for (String name : headers.fieldNames()) {
        if (!name.toLowerCase(Locale.ROOT).startsWith("x-")) {
          errors.add(new FieldError("headers." + name, "custom header names must start with x- (Graph accepts no "
              + "others), e.g. x-" + name));
        }
      }
    }
    if (properties.getValue("attachments") instanceof JsonArray attachments) {
      for (int i = 0; i < attachments.size(); i++) {
        if (attachments.getValue(i) instanceof JsonObject item && item.getString("contentId") != null
            && "text".equals(properties.getString("bodyType"))) {
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

  static void require(JsonObject properties) {
    List<FieldError> errors = check(properties);
    if (!errors.isEmpty()) {
      throw invalid(errors.get(0).field(), errors.get(0).message());
    }
  }
}
