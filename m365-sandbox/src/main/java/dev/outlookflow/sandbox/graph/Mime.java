package dev.outlookflow.sandbox.graph;

import dev.outlookflow.sandbox.mail.Messages;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * sendMail's MIME form: a base64 MIME message as a text/plain body. The sandbox reads its Subject,
 * To, Cc and From headers and its body; it does not decode multipart content.
 */
final class Mime {
  private Mime() {}

  static JsonObject message(String base64) {
    String mime;
    try {
      mime = new String(Base64.getMimeDecoder().decode(base64 == null ? "" : base64.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    int split = mime.indexOf("\r\n\r\n") >= 0 ? mime.indexOf("\r\n\r\n") : mime.indexOf("\n\n");
    if (split < 0 || !mime.substring(0, split).contains(":")) {
      throw invalid();
    }
    JsonObject message = new JsonObject().put("body", new JsonObject().put("contentType", "text")
        .put("content", mime.substring(split).trim()));
    for (String line : mime.substring(0, split).split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      switch (name) {
        case "subject" -> message.put("subject", value);
        case "to" -> message.put("toRecipients", recipients(value));
        case "cc" -> message.put("ccRecipients", recipients(value));
        case "from" -> message.put("from", recipients(value).getJsonObject(0));
        default -> { }
      }
    }
    return message;
  }

  private static JsonArray recipients(String header) {
    JsonArray recipients = new JsonArray();
    for (String part : header.split(",")) {
      String address = part.contains("<") ? part.substring(part.indexOf('<') + 1, part.indexOf('>')) : part.trim();
      recipients.add(Messages.recipient(address.trim(), null));
    }
    return recipients;
  }

  private static GraphError invalid() {
    return GraphError.badRequest("ErrorMimeContentInvalidBase64String", "Invalid base64 string for MIME content.");
  }
}
