package dev.outlookflow.outlook.mail.send;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recipient fields ({@code someone@contoso.com} or {@code Name <someone@contoso.com>}) as Graph's recipients. */
final class Recipients {
  private static final Pattern NAMED = Pattern.compile("^\\s*(.*?)\\s*<\\s*([^<>\\s]+)\\s*>\\s*$");

  private Recipients() {}

  static JsonArray of(List<String> entries) {
    JsonArray recipients = new JsonArray();
    entries.forEach(entry -> recipients.add(recipient(entry)));
    return recipients;
  }

  static JsonObject recipient(String entry) {
    Matcher named = NAMED.matcher(entry);
    JsonObject address = new JsonObject();
    if (named.matches()) {
      address.put("address", named.group(2));
      String name = named.group(1).replaceAll("^\"|\"$", "");
      if (!name.isBlank()) {
        address.put("name", name);
      }
    } else {
      address.put("address", entry.trim());
    }
    return new JsonObject().put("emailAddress", address);
  }

  /** The plain addresses of recipient fields, for outputs. */
  static List<String> addresses(List<String> entries) {
    List<String> addresses = new ArrayList<>();
    entries.forEach(entry -> addresses.add(recipient(entry).getJsonObject("emailAddress").getString("address")));
    return addresses;
  }
}
